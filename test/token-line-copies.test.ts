/**
 * n8n can hold two copies of the node's modules at once: a hot reload, a reinstall while executions
 * run. The token's line is plain module state, so each copy keeps its own: two copies send at most two
 * requests at once per token, which is Wolkvox's documented limit (docs/design.md, "The token line"), and a
 * busy answer, should Wolkvox count another user of the token, is retried within Busy Token Wait.
 * jest.isolateModules loads a second copy, as such a second require would.
 */
import type { INodeType } from 'n8n-workflow';

import { runWolkvox } from './harness/run-node';
import { TOKEN, useSimulator } from './harness/simulator-fixture';

function secondCopy<T>(modulePath: string): T {
	let loaded: T | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		loaded = require(modulePath) as T;
	});
	return loaded!;
}

describe('two copies of the node in one process', () => {
	const fx = useSimulator();
	const { Wolkvox: SecondWolkvox } = secondCopy<{ Wolkvox: new () => INodeType }>(
		'../nodes/Wolkvox/Wolkvox.node',
	);

	const createCodes = (execution: number, nodeType?: INodeType) => ({
		nodeType,
		parameters: {
			resource: 'activityCode',
			operation: 'create',
			typeCode: 'cod_act1',
			codAct: '={{ $json.code }}',
			description: 'Parallel',
		},
		credentials: fx.credentials(),
		items: Array.from({ length: 4 }, (_, item) => ({ code: `${execution}-${item}` })),
	});
	/** 10 executions at once, every other one run by the second copy. */
	const runBothCopies = async () =>
		await Promise.all(
			Array.from({ length: 10 }, (_, execution) =>
				runWolkvox(createCodes(execution, execution % 2 ? new SecondWolkvox() : undefined)),
			),
		);

	test('executions run by either copy never have more than 2 requests in flight per token', async () => {
		fx.sim.latencyMs = 5;
		fx.sim.simultaneousLimit = 10; // the simulator records overlaps instead of refusing them

		const results = await runBothCopies();

		expect(results.map((result) => result.error)).toEqual(Array(10).fill(undefined));
		expect(fx.sim.activityCodes.size).toBe(40);
		expect(fx.sim.maxInFlight(TOKEN)).toBeLessThanOrEqual(2);
		expect(fx.sim.requests).toHaveLength(40);
	});

	test('when Wolkvox answers busy to the second request in flight, it is retried and every code is created', async () => {
		fx.sim.latencyMs = 5;
		fx.sim.simultaneousLimit = 1; // stricter than Wolkvox: as if another user of the token held one

		const results = await runBothCopies();

		expect(results.map((result) => result.error)).toEqual(Array(10).fill(undefined));
		expect([...fx.sim.activityCodes.keys()].sort()).toEqual(
			Array.from({ length: 10 }, (_, execution) =>
				Array.from({ length: 4 }, (_, item) => `cod_act1:${execution}-${item}`),
			)
				.flat()
				.sort(),
		);
		const busyAnswers = fx.sim.requests.filter((request) => request.status === 403).length;
		expect(busyAnswers).toBeGreaterThan(0); // the copies did overlap, and the refused one was sent again
		expect(fx.sim.requests).toHaveLength(40 + busyAnswers);
	});
});
