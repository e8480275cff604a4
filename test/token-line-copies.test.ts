/**
 * n8n can hold two copies of the node's modules at once: a hot reload, a reinstall while executions
 * run, the package installed both as a custom and a community node. The token's line must still be
 * one per process. jest.isolateModules loads a second copy, as such a second require would.
 */
import type { INodeType } from 'n8n-workflow';

import * as firstQueue from '../nodes/Wolkvox/transport/tokenQueue';
import { runWolkvox } from './harness/run-node';
import { TOKEN, useSimulator } from './harness/simulator-fixture';

type TokenQueueModule = typeof firstQueue;

function secondCopy<T>(modulePath: string): T {
	let loaded: T | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		loaded = require(modulePath) as T;
	});
	return loaded!;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('a second copy of the token line module waits behind the first copy’s turn on the same token', async () => {
	const secondQueue = secondCopy<TokenQueueModule>('../nodes/Wolkvox/transport/tokenQueue');
	expect(secondQueue).not.toBe(firstQueue); // two copies of the module, as after a reload
	const key = firstQueue.tokenQueueKey(TOKEN);

	const first = firstQueue.takeTurn(key);
	await first.ready;
	const second = secondQueue.takeTurn(key);
	let secondServed = false;
	void second.ready.then(() => (secondServed = true));
	await tick();
	const whileFirstHeld = { secondServed, tokensBusy: secondQueue.busyTokenCount() };
	first.release();
	await second.ready;
	second.release();
	await tick();

	expect(whileFirstHeld).toEqual({ secondServed: false, tokensBusy: 1 });
	expect(firstQueue.busyTokenCount()).toBe(0);
});

describe('two copies of the node in one process', () => {
	const fx = useSimulator();

	test('executions run by either copy send one request at a time per token', async () => {
		fx.sim.latencyMs = 5;
		fx.sim.simultaneousLimit = 10; // the simulator records overlaps instead of refusing them
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

		const results = await Promise.all(
			Array.from({ length: 10 }, (_, execution) =>
				runWolkvox(createCodes(execution, execution % 2 ? new SecondWolkvox() : undefined)),
			),
		);

		expect(results.map((result) => result.error)).toEqual(Array(10).fill(undefined));
		expect(fx.sim.activityCodes.size).toBe(40);
		expect(fx.sim.maxInFlight(TOKEN)).toBe(1);
	});
});
