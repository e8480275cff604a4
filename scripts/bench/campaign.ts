/**
 * The bench's campaign section: Campaign → Add Records of 100,000 rows with Skip Blocked Numbers
 * against an inbound and an outbound DNC list of 50,000 numbers each (1,000 of the rows listed), beside
 * the HTTP Request node loading rows into the campaign one request per row (no DNC check at all),
 * measured on 1,000 rows and extrapolated to 100,000.
 */
import { randomUUID } from 'crypto';

import type { WolkvoxSimulator } from '../../simulator/server';
import type { N8nCli } from '../runtime/n8n-cli';
import { progress } from '../runtime/progress';
import { executeSampled, nodeExecutionMs } from './measure';
import { HEADER_CREDENTIAL, WOLKVOX_CREDENTIAL } from './workflows';

const NODE = 'Load into campaign';
const CAMPAIGN_ID = '7224';
const FIRST = 3_000_000_000;
const ROWS = 100_000;
const LIST_SIZE = 50_000;
/** The outbound list starts here, so that its first 1,000 numbers are the rows' last 1,000. */
const OUTBOUND_FIRST = FIRST + ROWS - 1_000;
const INBOUND_FIRST = 3_200_000_000;
const HTTP_ROWS = 1_000;
const HTTP_BATCH_INTERVAL_MS = 10;
const GOAL = { adds: 10, reads: 2 };

interface CampaignCase {
	id: string;
	label: string;
	rows: number;
	node: object;
}

/** Start → a Code node returning `rows` items `{ customer_id, tel1 }` → the node under test. */
function rowsWorkflow({ id, label, rows, node }: CampaignCase): object {
	const nodes = [
		{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
		{
			name: 'Rows',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: {
				jsCode: `return Array.from({ length: ${rows} }, (_, i) => ({ json: { customer_id: String(i + 1), customer_name: 'Cliente ' + (i + 1), tel1: String(${FIRST} + i) } }));`,
			},
		},
		{ name: NODE, ...node },
	].map((entry, index) => ({ id: randomUUID(), position: [index * 220, 0], ...entry }));
	return {
		id,
		name: `bench: ${label}`,
		active: false,
		nodes,
		connections: {
			Start: { main: [[{ node: 'Rows', type: 'main', index: 0 }]] },
			Rows: { main: [[{ node: NODE, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

const addRecordsCase: CampaignCase = {
	id: 'BenchCampaignAdd',
	label: `Campaign → Add Records, ${ROWS.toLocaleString('en-US')} rows, Skip Blocked Numbers`,
	rows: ROWS,
	node: {
		type: 'n8n-nodes-wolkvox.wolkvox',
		typeVersion: 1,
		parameters: {
			resource: 'campaign',
			operation: 'addRecords',
			campaign: { __rl: true, mode: 'id', value: CAMPAIGN_ID },
			typeCampaign: 'predictive',
			campaignStatus: 'stop',
			columns: { mappingMode: 'autoMapInputData', value: null },
			skipBlocked: true,
			options: {},
		},
		credentials: { wolkvoxApi: WOLKVOX_CREDENTIAL },
	},
};

const httpRequestCase = (baseUrl: string): CampaignCase => ({
	id: 'BenchCampaignHttp',
	label: `HTTP Request node, ${HTTP_ROWS.toLocaleString('en-US')} rows, one add_record per row`,
	rows: HTTP_ROWS,
	node: {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${baseUrl}/api/v2/campaign.php?api=add_record&type_campaign=predictive&campaign_id=${CAMPAIGN_ID}&campaign_status=stop`,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			sendBody: true,
			specifyBody: 'json',
			jsonBody:
				'=[{"customer_id":"{{ $json.customer_id }}","customer_name":"{{ $json.customer_name }}","tel1":"{{ $json.tel1 }}"}]',
			options: {
				batching: { batch: { batchSize: 1, batchInterval: HTTP_BATCH_INTERVAL_MS } },
			},
		},
		credentials: { httpHeaderAuth: HEADER_CREDENTIAL },
	},
});

export function campaignWorkflows(baseUrl: string): object[] {
	return [rowsWorkflow(addRecordsCase), rowsWorkflow(httpRequestCase(baseUrl))];
}

export interface CampaignMeasurement {
	label: string;
	rows: number;
	nodeMs: number;
	requests: Record<string, number>;
	refused: number;
	loaded: number;
	peakRssBytes: number;
	failure?: string;
}

async function measureCase(
	cli: N8nCli,
	simulator: WolkvoxSimulator,
	spec: CampaignCase,
): Promise<CampaignMeasurement> {
	simulator.reset();
	simulator.latencyMs = 0;
	simulator.addCampaign({ campaign_id: CAMPAIGN_ID, type_campaign: 'predictive' });
	simulator.seedDnc('outbound', LIST_SIZE, OUTBOUND_FIRST);
	simulator.seedDnc('inbound', LIST_SIZE, INBOUND_FIRST);
	progress(`Running ${spec.label}`);
	const execution = await executeSampled(cli, spec.id);
	const run = execution.run;
	const failure =
		run?.data.resultData.error?.message ??
		(execution.exitCode === 0 && run ? undefined : execution.stderr.slice(-500) || 'no output');
	const requests: Record<string, number> = {};
	for (const { api } of simulator.requests) requests[api] = (requests[api] ?? 0) + 1;
	const result: CampaignMeasurement = {
		label: spec.label,
		rows: spec.rows,
		nodeMs: run ? nodeExecutionMs(run, NODE) : NaN,
		requests,
		refused: simulator.requests.filter((request) => request.status >= 300).length,
		loaded: simulator.campaigns.byId.get(CAMPAIGN_ID)?.records.size ?? 0,
		peakRssBytes: execution.peakRssBytes,
		failure,
	};
	progress(
		`  ${failure ? `FAILED: ${failure}` : `node ${Math.round(result.nodeMs)} ms, requests ${JSON.stringify(requests)}, loaded ${result.loaded}`}`,
	);
	return result;
}

export async function runCampaign(
	cli: N8nCli,
	simulator: WolkvoxSimulator,
): Promise<CampaignMeasurement[]> {
	return [
		await measureCase(cli, simulator, addRecordsCase),
		await measureCase(cli, simulator, httpRequestCase(simulator.baseUrl)),
	];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function renderCampaign([wolkvox, http]: CampaignMeasurement[]): string[] {
	const rows = [wolkvox, http].flatMap((result) =>
		result
			? [
					`| ${result.label} | ${result.failure ? `failed: ${result.failure}` : seconds(result.nodeMs)} | ${Object.entries(
						result.requests,
					)
						.map(([api, count]) => `${api} ${count}`)
						.join(
							', ',
						)} | ${result.refused} | ${result.loaded.toLocaleString('en-US')} | ${Math.round(result.peakRssBytes / 1024 / 1024)} MB |`,
				]
			: [],
	);
	const lines = [
		`DNC lists: ${LIST_SIZE.toLocaleString('en-US')} outbound (1,000 of them among the rows) and ${LIST_SIZE.toLocaleString('en-US')} inbound; simulator latency 0; one token, 1 request at a time.`,
		'',
		'| Run | Node time | Requests | Refused | Records in the campaign | Peak RSS of n8n |',
		'|---|---:|---|---:|---:|---:|',
		...rows,
		'',
	];
	if (wolkvox && !wolkvox.failure) {
		const adds = wolkvox.requests.add_record ?? 0;
		const reads = wolkvox.requests.get_dnc ?? 0;
		lines.push(
			`- Goal ${GOAL.adds} adds + ${GOAL.reads} reads for ${ROWS.toLocaleString('en-US')} rows: ${adds} add_record + ${reads} get_dnc → ${adds <= GOAL.adds && reads <= GOAL.reads ? '**met**' : '**NOT met**'}; ${(ROWS - wolkvox.loaded).toLocaleString('en-US')} rows skipped as blocked.`,
		);
	}
	if (http && !http.failure && wolkvox && !wolkvox.failure) {
		const factor = ROWS / http.rows;
		lines.push(
			`- The HTTP Request node, one add_record per row (batch of 1, ${HTTP_BATCH_INTERVAL_MS} ms apart), checks nothing against the DNC lists. Measured on ${http.rows.toLocaleString('en-US')} rows and **extrapolated** ×${factor}: about ${seconds(http.nodeMs * factor)} and ${((http.requests.add_record ?? 0) * factor).toLocaleString('en-US')} calls of the daily quota for ${ROWS.toLocaleString('en-US')} rows, against ${seconds(wolkvox.nodeMs)} and ${Object.values(wolkvox.requests).reduce((sum, count) => sum + count, 0)} calls with Add Records.`,
		);
	}
	return lines;
}
