/**
 * A list as users get it: a CSV file on the n8n machine, read with Read/Write Files from Disk and
 * Extract from File, then DNC Sync (Telephones From: Field "phone"), first as a dry run, then for real.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { nodeOutput } from '../../scripts/runtime/n8n-cli';
import { WORKFLOWS } from './e2e-config';
import { execute, filesFolder, useSimulator } from './support';

const fx = useSimulator();

const CSV = [
	'name,phone,reason',
	'Ana Pérez,+57 300 123 4567,asked by phone',
	'Luis Gómez,(300) 123-4568,web form',
	'"Rivera, Marta",300.123.4569,"email, twice"',
].join('\n');

beforeAll(() => {
	mkdirSync(filesFolder(), { recursive: true });
	writeFileSync(path.join(filesFolder(), 'opt-outs.csv'), `${CSV}\n`);
});

beforeEach(() => {
	fx.simulator.dnc.outbound.add('3001234568');
});

describe('opt-outs.csv from disk → Extract from File → Sync DNC', () => {
	it('dry run: reads the list once, writes nothing, and says what it would add', async () => {
		const result = await execute(WORKFLOWS.csvSyncDryRun);

		expect(result.exitCode).toBe(0);
		expect(fx.simulator.requests.map(({ api }) => api)).toEqual(['get_dnc']);
		expect([...fx.simulator.dnc.outbound]).toEqual(['3001234568']);
		const output = nodeOutput(result.run!, 'Sync DNC');
		expect(
			output.map(({ telephones, wouldAdd, dryRun }) => ({ telephones, wouldAdd, dryRun })),
		).toEqual([
			{ telephones: ['573001234567'], wouldAdd: ['573001234567'], dryRun: true },
			{ telephones: ['3001234568'], wouldAdd: [], dryRun: true },
			{ telephones: ['3001234569'], wouldAdd: ['3001234569'], dryRun: true },
		]);
		expect(output[0].summary).toMatchObject({
			dryRun: true,
			wanted: 3,
			listed: 1,
			wouldAdd: { count: 2 },
			requests: 1,
		});
	});

	it('for real: one add_dnc with the two missing numbers', async () => {
		const result = await execute(WORKFLOWS.csvSync);

		expect(result.exitCode).toBe(0);
		expect(fx.simulator.requests.map(({ api, body }) => ({ api, body }))).toEqual([
			{ api: 'get_dnc', body: undefined },
			{
				api: 'add_dnc',
				body: { type_call: 'outbound', telephones: ['573001234567', '3001234569'] },
			},
		]);
		expect([...fx.simulator.dnc.outbound].sort()).toEqual([
			'3001234568',
			'3001234569',
			'573001234567',
		]);
		expect(nodeOutput(result.run!, 'Sync DNC')[0].summary).toMatchObject({
			dryRun: false,
			added: { count: 2 },
			requests: 2,
		});
	});
});
