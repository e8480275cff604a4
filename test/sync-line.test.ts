import type { INodeParameters } from 'n8n-workflow';

import type { RunResult } from './harness/run-node';
import { startWolkvox } from './harness/run-node';
import { useSimulator } from './harness/simulator-fixture';

const fx = useSimulator();

const X = '3001234567';
const Y = '3009876543';

const dncSync = (typeCall: string, telephones: string, extra: INodeParameters = {}) => ({
	resource: 'dnc',
	operation: 'sync',
	typeCall,
	telephones,
	...extra,
});

/** Two executions started in the same tick, on one token, as two triggers firing together would. */
async function together(first: INodeParameters, second: INodeParameters): Promise<RunResult[]> {
	const started = [first, second].map((parameters) =>
		startWolkvox({ parameters, credentials: fx.credentials(), continueOnFail: true }),
	);
	return await Promise.all(started.map(async ({ result }) => await result));
}

const errorsOf = (run: RunResult) =>
	run.output.flatMap(({ error }) => (error ? [error.message] : []));

describe('One Sync per token at a time', () => {
	test('a sync of the inbound list and a sync of the outbound list started together lose no number', async () => {
		// X is blocked inbound; the inbound sync no longer wants it, the outbound sync wants it.
		fx.sim.dnc.inbound.add(X);
		const inboundWithoutX = dncSync('inbound', Y, { removeUnlisted: true });
		const outboundWithX = dncSync('outbound', X);

		const runs = await together(inboundWithoutX, outboundWithX);

		expect(runs.flatMap(errorsOf)).toEqual([]);
		expect([...fx.sim.dnc.inbound]).toEqual([Y]);
		// Interleaved, the inbound sync's removal (type "all") took X off the outbound list right
		// after the outbound sync had added it, and its read of the outbound list had not seen X.
		expect([...fx.sim.dnc.outbound]).toEqual([X]);
	});

	test("one sync's reads and writes all come before the other's", async () => {
		fx.sim.dnc.inbound.add(X);

		await together(dncSync('inbound', Y, { removeUnlisted: true }), dncSync('outbound', X));

		const calls = fx.sim.requests.map(({ api, query, body }) =>
			api === 'get_dnc' ? `read ${String(query.type)}` : `${api} ${JSON.stringify(body)}`,
		);
		const outboundSync = [
			'read outbound',
			`add_dnc {"type_call":"outbound","telephones":["${X}"]}`,
		];
		const inboundSync = [
			'read inbound',
			'read outbound',
			`add_dnc {"type_call":"inbound","telephones":["${Y}"]}`,
			expect.stringMatching(/^remove_dnc .*3001234567/),
		];
		const restoreX = `add_dnc {"type_call":"outbound","telephones":["${X}"]}`;
		expect([
			[...inboundSync, ...outboundSync],
			[...outboundSync, ...inboundSync, restoreX],
		]).toContainEqual(calls);
	});

	test('two activity code syncs started together: the second reads what the first wrote', async () => {
		const code = (codAct: string, description: string) => ({
			resource: 'activityCode',
			operation: 'sync',
			typeCode: 'cod_act1',
			codAct,
			description,
			hit: 'yes',
			rpc: 'no',
			removeUnlisted: true,
		});

		const runs = await together(code('SALE', 'Sale'), code('SALE', 'Sale'));

		expect(runs.flatMap(errorsOf)).toEqual([]);
		const results = runs.map(({ output }) => output[0]?.json.result).sort();
		// Interleaved, both read an empty list and both sent create_cod_act for the same code.
		expect(results).toEqual(['created', 'unchanged']);
		expect(fx.sim.requests.filter(({ api }) => api === 'create_cod_act')).toHaveLength(1);
	});

	test('a sync that waits longer than its Busy Token Wait fails, saying so, and sends nothing', async () => {
		fx.sim.latencyMs = 200;
		const noWait = { options: { busyWaitTimeout: 0 } };

		const runs = await together(dncSync('outbound', X, noWait), dncSync('outbound', Y, noWait));

		const failed = runs.filter((run) => errorsOf(run).length > 0);
		expect(failed).toHaveLength(1);
		expect(errorsOf(failed[0])).toEqual([
			'Not synced: another sync with the same token was still running after Busy Token Wait (0 ms)',
		]);
		expect(fx.sim.requests.map(({ api }) => api)).toEqual(['get_dnc', 'add_dnc']);
	});
});
