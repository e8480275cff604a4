/**
 * The bench's big-list section: a combined Add of 10,000 items with Telephones From: Field, with the
 * `{{ $json.phone }}` expression (read as the field) and with an expression n8n evaluates per item, and a DNC Sync of 100,000 wanted numbers against a 100,000-number
 * list differing by 1%.
 */
import type { WolkvoxSimulator } from '../../simulator/server';
import type { N8nCli } from '../runtime/n8n-cli';
import { progress } from '../runtime/progress';
import { executeSampled, nodeExecutionMs } from './measure';
import { phonesWorkflow, WOLKVOX_CREDENTIAL } from './workflows';

const NODE = 'Wolkvox';
const FIRST = 3_000_000_000;
const ADD_ITEMS = 10_000;
const SYNC_SIZE = 100_000;
const GOAL_ADD_MS = 1_000;
const GOAL_SYNC_MS = 5_000;
const GOAL_SYNC_REQUESTS = 3;

interface BigListCase {
	id: string;
	label: string;
	items: number;
	/** Numbers of the Code node's items: FIRST + offset + index. */
	offset: number;
	parameters: object;
	/** Before the run: the simulator's outbound list and its download limit. */
	listed: number;
	downloadLimit?: number;
}

/** Where the Add's telephones come from: a field, the plain `{{ $json.phone }}`, or an expression n8n must evaluate. */
type AddSource = 'field' | 'plain' | 'evaluated';

const ADD_SOURCES: Record<AddSource, { id: string; label: string; parameters: object }> = {
	field: {
		id: 'Fld',
		label: 'Telephones From: Field "phone"',
		parameters: { telephonesFrom: 'field', telephonesField: 'phone' },
	},
	plain: {
		id: 'Exp',
		label: 'Telephones {{ $json.phone }} (read as the field)',
		parameters: { telephones: '={{ $json.phone }}' },
	},
	evaluated: {
		id: 'Evl',
		label: 'Telephones {{ String($json.phone) }} (evaluated by n8n per item)',
		parameters: { telephones: '={{ String($json.phone) }}' },
	},
};

const addCase = (source: AddSource): BigListCase => ({
	id: `BenchAdd${ADD_SOURCES[source].id}${ADD_ITEMS}`.padEnd(16, '0').slice(0, 16),
	label: `Add, ${ADD_ITEMS.toLocaleString('en-US')} items, combined, ${ADD_SOURCES[source].label}`,
	items: ADD_ITEMS,
	offset: 0,
	listed: 0,
	parameters: {
		resource: 'dnc',
		operation: 'add',
		typeCall: 'outbound',
		...ADD_SOURCES[source].parameters,
	},
});

/** A Sync with Remove Unlisted of `size` wanted numbers against a `size`-number list, 1% apart. */
const syncCase = (size: number, downloadLimit?: number): BigListCase => {
	const limit = downloadLimit ? 'download limit lifted' : "Wolkvox's 60,000-record download limit";
	return {
		id: `BenchSync${downloadLimit ? 'L' : 'W'}${size}`.padEnd(16, '0'),
		label: `Sync (Remove Unlisted), ${size.toLocaleString('en-US')} wanted vs ${size.toLocaleString('en-US')} listed, 1% apart, ${limit}`,
		items: size,
		offset: size / 100,
		listed: size,
		downloadLimit,
		parameters: {
			resource: 'dnc',
			operation: 'sync',
			typeCall: 'outbound',
			telephonesFrom: 'field',
			telephonesField: 'phone',
			removeUnlisted: true,
			options: { maxRemovals: size / 100 },
		},
	};
};

/**
 * The cases. A real 100,000-number list cannot be read in one call (60,000 records at most), so the
 * 3-request goal is measured with the simulator's limit lifted; the sync of 50,000 shows removals made.
 */
export const BIG_LIST_CASES: BigListCase[] = [
	addCase('plain'),
	addCase('field'),
	addCase('evaluated'),
	syncCase(SYNC_SIZE, 1_000_000),
	syncCase(SYNC_SIZE),
	syncCase(SYNC_SIZE / 2),
];

/** Manual trigger → a Code node returning the items `{ phone }` → the Wolkvox node. */
export function bigListWorkflow(spec: BigListCase): object {
	const node = {
		type: 'n8n-nodes-wolkvox.wolkvox',
		typeVersion: 1,
		parameters: spec.parameters,
		credentials: { wolkvoxApi: WOLKVOX_CREDENTIAL },
	};
	return phonesWorkflow({
		id: spec.id,
		name: `bench: ${spec.label}`,
		items: spec.items,
		first: FIRST + spec.offset,
		nodeName: NODE,
		node,
	});
}

export interface BigListMeasurement {
	spec: BigListCase;
	nodeMs: number;
	peakRssBytes: number;
	requests: Record<string, number>;
	listedAfter: number;
	failure?: string;
}

export async function runBigLists(
	cli: N8nCli,
	simulator: WolkvoxSimulator,
): Promise<BigListMeasurement[]> {
	const results: BigListMeasurement[] = [];
	for (const spec of BIG_LIST_CASES) {
		simulator.reset();
		simulator.latencyMs = 0;
		if (spec.downloadLimit) simulator.downloadLimit = spec.downloadLimit;
		simulator.seedDnc('outbound', spec.listed, FIRST);
		progress(`Running ${spec.label}`);
		const execution = await executeSampled(cli, spec.id);
		const run = execution.run;
		const failure =
			run?.data.resultData.error?.message ??
			(execution.exitCode === 0 && run ? undefined : execution.stderr.slice(-500) || 'no output');
		const requests: Record<string, number> = {};
		for (const { api } of simulator.requests) requests[api] = (requests[api] ?? 0) + 1;
		const result = {
			spec,
			nodeMs: run ? nodeExecutionMs(run, NODE) : NaN,
			peakRssBytes: execution.peakRssBytes,
			requests,
			listedAfter: simulator.dnc.outbound.size,
			failure,
		};
		progress(
			`  ${failure ? `FAILED: ${failure}` : `node ${result.nodeMs} ms, requests ${JSON.stringify(requests)}`}`,
		);
		results.push(result);
	}
	return results;
}

const total = (requests: Record<string, number>) =>
	Object.values(requests).reduce((sum, count) => sum + count, 0);
const verdict = (met: boolean) => (met ? '**met**' : '**NOT met**');

export function renderBigLists(results: BigListMeasurement[]): string[] {
	const rows = results.map(
		({ spec, nodeMs, peakRssBytes, requests, listedAfter, failure }) =>
			`| ${spec.label} | ${failure ? `failed: ${failure}` : `${Math.round(nodeMs)} ms`} | ${Object.entries(
				requests,
			)
				.map(([api, count]) => `${api} ${count}`)
				.join(
					', ',
				)} | ${listedAfter.toLocaleString('en-US')} | ${Math.round(peakRssBytes / 1024 / 1024)} MB |`,
	);
	const [plain, field, evaluated, sync, limited, removing] = results;
	const goals: string[] = [];
	if (plain && field) {
		const ratio = (measurement: BigListMeasurement) =>
			`${(measurement.nodeMs / field.nodeMs).toFixed(1)}× the Field time`;
		goals.push(
			`- Combined Add of ${ADD_ITEMS.toLocaleString('en-US')} items under ${GOAL_ADD_MS} ms node time with Telephones From: Field: ${Math.round(field.nodeMs)} ms → ${verdict(!field.failure && field.nodeMs < GOAL_ADD_MS)}`,
			`- The same with Telephones \`{{ $json.phone }}\`: ${Math.round(plain.nodeMs)} ms, ${ratio(plain)} → ${verdict(!plain.failure && plain.nodeMs < GOAL_ADD_MS)}` +
				(evaluated
					? `; an expression n8n evaluates per item (\`{{ String($json.phone) }}\`): ${Math.round(evaluated.nodeMs)} ms, ${ratio(evaluated)}`
					: ''),
		);
	}
	if (sync) {
		goals.push(
			`- Sync of ${SYNC_SIZE.toLocaleString('en-US')} vs ${SYNC_SIZE.toLocaleString('en-US')} (1% apart) in ≤ ${GOAL_SYNC_REQUESTS} requests and under ${GOAL_SYNC_MS / 1000} s node time: ${total(sync.requests)} requests, ${Math.round(sync.nodeMs)} ms → ${verdict(!sync.failure && total(sync.requests) <= GOAL_SYNC_REQUESTS && sync.nodeMs < GOAL_SYNC_MS)}. The read returned ${SYNC_SIZE.toLocaleString('en-US')} records, at or past Wolkvox's 60,000 download limit, so the guard skips the removals (list afterwards: ${sync.listedAfter.toLocaleString('en-US')}).`,
		);
	}
	if (limited) {
		goals.push(
			`- With Wolkvox's 60,000-record download limit the same sync cannot see the whole list: removals are skipped (the output says why) and the unseen wanted numbers are added again: ${total(limited.requests)} requests.`,
		);
	}
	if (removing) {
		goals.push(
			`- Under the limit (${removing.spec.listed.toLocaleString('en-US')} vs ${removing.spec.listed.toLocaleString('en-US')}), the sync adds and removes the 1%: ${total(removing.requests)} requests, ${Math.round(removing.nodeMs)} ms, list afterwards ${removing.listedAfter.toLocaleString('en-US')}.`,
		);
	}
	return [
		'| Run | Node time | Requests | Outbound list after | Peak RSS of n8n |',
		'|---|---:|---|---:|---:|',
		...rows,
		'',
		...goals,
	];
}
