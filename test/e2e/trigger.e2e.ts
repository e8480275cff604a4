/**
 * The Wolkvox Trigger in a real n8n of its own (this spec restarts it; ports WOLKVOX_E2E_BASE_PORT +
 * 10 to + 14): workflows polling every minute, published. Coded interactions created in the simulator
 * arrive once each across several polls, including a poll refused because another process holds the
 * token, and a restart of n8n in between. The two trigger examples run beside it on a token of their
 * own: closing the loop blocks the number, the CRM example updates the contact in Postgres.
 */
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { runCaptured } from '../../scripts/runtime/children';
import { importSeed, n8nCli } from '../../scripts/runtime/n8n-cli';
import type { N8nInstall } from '../../scripts/runtime/n8n-install';
import { startN8n, type RunningN8n } from '../../scripts/runtime/n8n-process';
import { REPO_ROOT } from '../../scripts/runtime/paths';
import { portFromEnv } from '../../scripts/runtime/ports';
import {
	findPostgresBinDir,
	startPostgres,
	type RunningPostgres,
} from '../../scripts/runtime/postgres';
import { simulatorCredentialData } from '../../scripts/runtime/simulator';
import type { RecordedRequest } from '../../simulator/server';
import { WolkvoxSimulator } from '../../simulator/server';
import { CRM_POSTGRES_CREDENTIAL, N8N_INSTALL_ENV, USER_FOLDER_ENV } from './e2e-config';

const base = portFromEnv('WOLKVOX_E2E_BASE_PORT', 5690);
const PORTS = {
	n8n: base + 10,
	broker: base + 11,
	cliBroker: base + 12,
	simulator: base + 13,
	postgres: base + 14,
};
const TRIGGER_TOKEN = 'e2eTRIGGERc0ffee0123456789ab';
const EXAMPLES_TOKEN = 'e2eEXAMPLESc0ffee0123456789a';
const TRIGGER_CREDENTIAL = { id: 'WolkvoxTrigE2e01', name: 'Wolkvox (trigger e2e)' };
/** The examples name this credential; here it holds a token of their own. */
const EXAMPLES_CREDENTIAL = { id: 'WolkvoxSimCred01', name: 'Wolkvox (simulator)' };
const WORKFLOW_ID = 'WolkvoxTrigE2eWf';
const CLOSE_LOOP_ID = 'WolkvoxCloseLoop';
const CRM_ID = 'WolkvoxCodedCrm1';
const CAMPAIGN = '9001';
/** The campaign of the call closing the loop (not CAMPAIGN: the workflow under test reads only that one). */
const LOOP_CAMPAIGN = '7224';
const MINUTE = 60_000;
/**
 * Every trigger here starts from a date just before n8n starts (Start From) rather than from its
 * activation: its activation poll then reads Wolkvox, which shows that n8n activated it (n8n 2.41
 * logs no activation line), and nothing created meanwhile can fall before its start.
 */
const START_FROM = new Date(Date.now() - MINUTE).toISOString();

let simulator: WolkvoxSimulator;
let postgres: RunningPostgres;
let n8n: RunningN8n | undefined;
let folder: string;
let userFolder: string;
let install: N8nInstall;

/** The workflow under test: the trigger (every minute, every read) → Add DNC with each interaction's telephone. */
function triggerWorkflow(): object {
	return {
		id: WORKFLOW_ID,
		name: 'e2e: Wolkvox Trigger → Add DNC',
		active: false,
		nodes: [
			{
				id: '7e1a0000-0000-4000-8000-000000000001',
				name: 'Call coded',
				type: 'n8n-nodes-wolkvox.wolkvoxTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					pollTimes: { item: [{ mode: 'everyMinute' }] },
					event: 'callCoded',
					campaignIds: CAMPAIGN,
					options: { minInterval: 0, busyWaitTimeout: 0, startFrom: START_FROM },
				},
				credentials: { wolkvoxApi: TRIGGER_CREDENTIAL },
			},
			{
				id: '7e1a0000-0000-4000-8000-000000000002',
				name: 'Add DNC',
				type: 'n8n-nodes-wolkvox.wolkvox',
				typeVersion: 1,
				position: [250, 0],
				parameters: {
					resource: 'dnc',
					operation: 'add',
					typeCall: 'outbound',
					telephones: '={{ $json.telephone }}',
					options: {},
				},
				credentials: { wolkvoxApi: TRIGGER_CREDENTIAL },
			},
		],
		connections: { 'Call coded': { main: [[{ node: 'Add DNC', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** An example as shipped, but reading at every poll (the shipped default reads every 5 minutes), from START_FROM. */
function everyPoll(file: string): object {
	const workflow = JSON.parse(readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8')) as {
		nodes: Array<{ type: string; parameters: { options?: object } }>;
	};
	for (const node of workflow.nodes)
		if (node.type === 'n8n-nodes-wolkvox.wolkvoxTrigger')
			node.parameters.options = {
				...node.parameters.options,
				minInterval: 0,
				startFrom: START_FROM,
			};
	return workflow;
}

async function sql(statement: string): Promise<string> {
	const psql = path.join(findPostgresBinDir() ?? '', 'psql');
	const result = await runCaptured(psql, [
		...['-h', '127.0.0.1', '-p', String(PORTS.postgres), '-U', 'postgres', '-d', 'n8n'],
		...['-v', 'ON_ERROR_STOP=1', '-A', '-t', '-c', statement],
	]);
	if (result.exitCode !== 0) throw new Error(`psql failed: ${result.stderr}`);
	return result.stdout.trim();
}

function writeSeed(): { credentialsFile: string; workflowFiles: string[] } {
	const simulatorUrl = `http://127.0.0.1:${PORTS.simulator}`;
	const credentialsFile = path.join(folder, 'credentials.json');
	writeFileSync(
		credentialsFile,
		JSON.stringify([
			{
				...TRIGGER_CREDENTIAL,
				type: 'wolkvoxApi',
				data: simulatorCredentialData(simulatorUrl, TRIGGER_TOKEN),
			},
			{
				...EXAMPLES_CREDENTIAL,
				type: 'wolkvoxApi',
				data: simulatorCredentialData(simulatorUrl, EXAMPLES_TOKEN),
			},
			{
				...CRM_POSTGRES_CREDENTIAL,
				type: 'postgres',
				data: {
					...{ host: '127.0.0.1', port: PORTS.postgres, database: 'n8n' },
					...{ user: 'postgres', password: '', ssl: 'disable' },
				},
			},
		]),
	);
	const workflows = {
		'trigger.json': triggerWorkflow(),
		'closing-the-loop.json': everyPoll('closing-the-loop.json'),
		'crm.json': everyPoll('call-coded-to-crm-postgres.json'),
	};
	const workflowFiles = Object.entries(workflows).map(([name, workflow]) => {
		const file = path.join(folder, name);
		writeFileSync(file, JSON.stringify(workflow));
		return file;
	});
	return { credentialsFile, workflowFiles };
}

/** The reads of act_3 (polls) made with `token`. */
const reads = (token: string): RecordedRequest[] =>
	simulator.requestsFor('act_3').filter((request) => request.token === token);

/** Starts this spec's n8n and waits until it has activated the three workflows (their first reads). */
async function startOwnN8n(): Promise<RunningN8n> {
	const before = { trigger: reads(TRIGGER_TOKEN).length, examples: reads(EXAMPLES_TOKEN).length };
	const started = await startN8n(install, {
		userFolder,
		port: PORTS.n8n,
		brokerPort: PORTS.broker,
		logFile: path.join(folder, `n8n-${Date.now()}.log`),
	});
	n8n = started;
	await waitFor(
		() =>
			reads(TRIGGER_TOKEN).length > before.trigger &&
			reads(EXAMPLES_TOKEN).length >= before.examples + 2,
		2 * MINUTE,
		'the activation polls of the three workflows',
	);
	return started;
}

async function waitFor(probe: () => boolean | Promise<boolean>, ms: number, what: string) {
	const deadline = Date.now() + ms;
	while (!(await probe())) {
		if (Date.now() > deadline) {
			throw new Error(
				`Timed out waiting for ${what}. n8n's log ends:\n${n8n?.output().slice(-3000)}`,
			);
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** Waits for the next finished read of act_3 with `token` (a poll) and returns it. */
async function nextRead(token: string, ms = 2 * MINUTE): Promise<RecordedRequest> {
	const count = reads(token).length;
	await waitFor(
		() =>
			reads(token)
				.slice(count)
				.some((read) => read.endedAt > 0),
		ms,
		'a poll',
	);
	return reads(token)[count];
}

/** Every telephone the workflow under test added to the DNC list, in order (one per emitted interaction). */
const telephonesAdded = () =>
	simulator
		.requestsFor('add_dnc')
		.filter((request) => request.token === TRIGGER_TOKEN && request.status === 201)
		.flatMap((request) => (request.body as { telephones: string[] }).telephones);

const interaction = (telephone: string) =>
	simulator.addInteraction({ campaign_id: CAMPAIGN, cod_act: '001', telephone });

beforeAll(async () => {
	install = JSON.parse(process.env[N8N_INSTALL_ENV] ?? '') as N8nInstall;
	folder = mkdtempSync(path.join(os.tmpdir(), 'wolkvox-trigger-e2e-'));
	chmodSync(folder, 0o755); // Postgres runs as its own user and must reach its cluster
	userFolder = path.join(folder, 'user');
	// The package as the suite's global setup built and installed it.
	cpSync(
		path.join(process.env[USER_FOLDER_ENV] ?? '', '.n8n', 'nodes'),
		path.join(userFolder, '.n8n', 'nodes'),
		{ recursive: true },
	);
	simulator = await WolkvoxSimulator.start({
		port: PORTS.simulator,
		tokens: [{ token: TRIGGER_TOKEN }, { token: EXAMPLES_TOKEN }],
	});
	simulator.activityCodes.set('cod_act1:099', {
		...{ type_code: 'cod_act1', cod_act: '099', description_cod_act: 'No volver a llamar' },
		...{ hit: 'no', rpc: 'yes', chat: 'no', studio: 'no', voice: 'yes', interactions: 'no' },
	});
	postgres = await startPostgres({
		port: PORTS.postgres,
		dataDir: path.join(folder, 'postgres'),
		logFile: path.join(folder, 'postgres.log'),
	});
	await sql(`
		CREATE TABLE crm_contacts (id serial PRIMARY KEY, name text, mobile text, last_call_code text,
			last_call_description text, last_call_comments text, last_call_at timestamptz, last_call_conn_id text);
		INSERT INTO crm_contacts (name, mobile) VALUES ('Ana Pérez', '3205550101'), ('Luis Gómez', '3205550102');`);
	const cli = n8nCli(install, { userFolder, port: PORTS.n8n, brokerPort: PORTS.cliBroker });
	await importSeed(cli, { ...writeSeed(), publishIds: [WORKFLOW_ID, CLOSE_LOOP_ID, CRM_ID] });
	n8n = await startOwnN8n();
}, 5 * MINUTE);

afterAll(async () => {
	await n8n?.stop();
	await simulator?.stop();
	await postgres?.stop();
	if (folder) rmSync(folder, { recursive: true, force: true });
	if (postgres?.clusterDir) rmSync(postgres.clusterDir, { recursive: true, force: true });
});

describe('Wolkvox Trigger in n8n: an active workflow polling every minute', () => {
	it(
		'emits each interaction once across polls, a poll refused as busy and a restart of n8n',
		async () => {
			// Two interactions arrive by the next poll.
			const first = [interaction('3100000001'), interaction('3100000002')];
			await nextRead(TRIGGER_TOKEN);
			await waitFor(() => telephonesAdded().length === 2, MINUTE, 'the first two DNC adds');
			expect(telephonesAdded()).toEqual(first.map((row) => row.telephone));

			// Another process holds the token through the next poll: Wolkvox refuses that poll as busy.
			const third = interaction('3100000003');
			simulator.injectFault({ kind: 'hang', api: 'token_info', ms: 65_000 });
			const holder = fetch(`${simulator.baseUrl}/api/v2/information.php?api=token_info`, {
				headers: { 'wolkvox-token': TRIGGER_TOKEN },
			}).catch(() => undefined);
			const refused = await nextRead(TRIGGER_TOKEN);
			expect(refused.status).toBe(403);
			expect(telephonesAdded()).toHaveLength(2);
			await holder;

			// The next poll emits what the refused one did not.
			await nextRead(TRIGGER_TOKEN);
			await waitFor(() => telephonesAdded().length === 3, MINUTE, 'the third DNC add');
			expect(telephonesAdded().at(-1)).toBe(third.telephone);

			// n8n stops, interactions arrive before and while it is down, and it starts again.
			const beforeStop = interaction('3100000004');
			await n8n?.stop();
			n8n = undefined;
			const whileDown = interaction('3100000005');
			n8n = await startOwnN8n();
			await waitFor(
				() => telephonesAdded().length >= 5,
				2 * MINUTE,
				'the DNC adds after the restart',
			);
			await nextRead(TRIGGER_TOKEN);
			await new Promise((resolve) => setTimeout(resolve, 5_000)); // an execution it might start

			expect(telephonesAdded()).toEqual(
				[...first, third, beforeStop, whileDown].map((row) => row.telephone),
			);
			// n8n's own requests never overlapped: the only busy answer is the poll the holder refused
			const refusals = simulator.requests.filter(
				(request) => request.token === TRIGGER_TOKEN && request.status === 403,
			);
			expect(refusals).toEqual([refused]);
		},
		10 * MINUTE,
	);
});

describe('examples/closing-the-loop.json (published, polling every minute)', () => {
	it(
		'blocks the number of a call coded "No volver a llamar" under Ley 2300 and on both DNC lists, and codes its campaign record',
		async () => {
			simulator.addCampaign({ campaign_id: LOOP_CAMPAIGN, type_campaign: 'predictive' });
			const records = simulator.campaigns.byId.get(LOOP_CAMPAIGN)!.records;
			records.set('1000000077', { fields: { customer_id: '1000000077', tel1: '3009998877' } });
			records.set('1000000078', { fields: { customer_id: '1000000078', tel1: '3009998878' } });
			const noCall = simulator.addInteraction({
				cod_act: '099',
				telephone: '3009998877',
				customer_id: '1000000077',
				campaign_id: LOOP_CAMPAIGN,
			});
			// an inbound call: no campaign record to code
			const inbound = simulator.addInteraction({
				cod_act: '099',
				telephone: '3009998855',
				type_interaction: 'inbound',
			});
			const other = simulator.addInteraction({ cod_act: '001', telephone: '3009998866' });

			await waitFor(
				() =>
					[noCall, inbound].every(
						({ telephone }) =>
							simulator.dnc.inbound.has(telephone) && simulator.dnc.outbound.has(telephone),
					) && records.get('1000000077')?.coded !== undefined,
				3 * MINUTE,
				'both numbers on both DNC lists and the campaign record coded',
			);

			expect(
				simulator.law2300
					.list()
					.map(({ nit, phone_number, customer_id }) => ({ nit, phone_number, customer_id })),
			).toEqual(
				expect.arrayContaining([
					{ nit: '900123456', phone_number: noCall.telephone, customer_id: '1000000077' },
					expect.objectContaining({ nit: '900123456', phone_number: inbound.telephone }),
				]),
			);
			expect(simulator.dnc.outbound.has(other.telephone)).toBe(false);
			expect(simulator.requestsFor('block_law2300')).toHaveLength(2);
			expect(records.get('1000000077')?.coded).toEqual({
				cod_act: '099',
				comment: `No volver a llamar: call ${noCall.conn_id} of ${noCall.date}`,
			});
			expect(records.get('1000000078')?.coded).toBeUndefined();
			expect(
				simulator.requestsFor('codify').map((request) => [request.status, request.body]),
			).toEqual([[202, expect.objectContaining({ customer_id: '1000000077' })]]);
		},
		5 * MINUTE,
	);
});

describe('examples/call-coded-to-crm-postgres.json (published, polling every minute)', () => {
	it(
		'writes the coded outcome on the CRM contact with that telephone',
		async () => {
			const coded = simulator.addInteraction({
				cod_act: '099',
				telephone: '3205550101',
				comments: 'Pide no ser contactado',
			});

			await waitFor(
				async () => (await sql('SELECT last_call_conn_id FROM crm_contacts WHERE id = 1')) !== '',
				3 * MINUTE,
				'the CRM update',
			);

			expect(
				await sql(
					"SELECT last_call_code, last_call_description, last_call_comments, last_call_conn_id, to_char(last_call_at AT TIME ZONE 'America/Bogota', 'YYYY-MM-DD HH24:MI:SS') FROM crm_contacts WHERE id = 1",
				),
			).toBe(`099|No volver a llamar|Pide no ser contactado|${coded.conn_id}|${coded.date}`);
			expect(await sql('SELECT last_call_code FROM crm_contacts WHERE id = 2')).toBe('');
		},
		5 * MINUTE,
	);
});
