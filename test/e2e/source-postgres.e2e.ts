/**
 * A list as a CRM keeps it: a Postgres table with a do-not-call flag, read by n8n's Postgres node,
 * then DNC Sync with Remove Unlisted, so the outbound list follows the flag both ways.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { runCaptured } from '../../scripts/runtime/children';
import { nodeOutput } from '../../scripts/runtime/n8n-cli';
import {
	findPostgresBinDir,
	startPostgres,
	type RunningPostgres,
} from '../../scripts/runtime/postgres';
import { PORTS, WORKFLOWS } from './e2e-config';
import { execute, useSimulator } from './support';

const fx = useSimulator();
let postgres: RunningPostgres;
let dataDir: string;

async function sql(statement: string): Promise<void> {
	const psql = path.join(findPostgresBinDir() ?? '', 'psql');
	const connection = ['-h', '127.0.0.1', '-p', String(PORTS.crmPostgres), '-U', 'postgres'];
	const result = await runCaptured(psql, [
		...connection,
		'-d',
		'n8n',
		'-v',
		'ON_ERROR_STOP=1',
		'-c',
		statement,
	]);
	if (result.exitCode !== 0) throw new Error(`psql failed: ${result.stderr}`);
}

beforeAll(async () => {
	dataDir = mkdtempSync(path.join(os.tmpdir(), 'wolkvox-crm-postgres-'));
	chmodSync(dataDir, 0o755); // run as root, Postgres runs as the postgres user, which must reach it
	postgres = await startPostgres({
		port: PORTS.crmPostgres,
		dataDir: path.join(dataDir, 'cluster'),
		logFile: path.join(dataDir, 'postgres.log'),
	});
	await sql(`
		CREATE TABLE crm_contacts (id serial PRIMARY KEY, name text, mobile text, do_not_call boolean);
		INSERT INTO crm_contacts (name, mobile, do_not_call) VALUES
			('Ana Pérez', '+57 300 123 4567', true),
			('Luis Gómez', '300-123-4568', false),
			('Marta Rivera', '(300) 123 4569', true);`);
}, 120_000);

afterAll(async () => {
	await postgres?.stop();
	for (const dir of [dataDir, postgres?.clusterDir])
		if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a CRM table in Postgres → Postgres node → Sync DNC (Remove Unlisted)', () => {
	it('adds the flagged contacts, removes the number no longer flagged, and leaves the rest', async () => {
		fx.simulator.dnc.outbound.add('3001234568'); // flagged once, not any more
		fx.simulator.dnc.outbound.add('3001234569'); // flagged and already listed

		const result = await execute(WORKFLOWS.postgresSync);

		expect(result.exitCode).toBe(0);
		expect([...fx.simulator.dnc.outbound].sort()).toEqual(['3001234569', '573001234567']);
		expect(fx.simulator.requests.map(({ api }) => api)).toEqual([
			'get_dnc',
			'get_dnc',
			'add_dnc',
			'remove_dnc',
		]);
		const output = nodeOutput(result.run!, 'Sync DNC');
		expect(output.map(({ telephones, added }) => ({ telephones, added }))).toEqual([
			{ telephones: ['573001234567'], added: ['573001234567'] },
			{ telephones: ['3001234569'], added: [] },
		]);
		expect(output[0].summary).toMatchObject({
			wanted: 2,
			added: { count: 1 },
			removed: { count: 1, telephones: ['3001234568'] },
		});
	});
});
