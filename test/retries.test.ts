import type { INodeParameters } from 'n8n-workflow';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { runWolkvox } from './harness/run-node';
import { TOKEN, useSimulator } from './harness/simulator-fixture';

const fx = useSimulator();

const createCode = (options: INodeParameters = {}) => ({
	resource: 'activityCode',
	operation: 'create',
	typeCode: 'cod_act1',
	codAct: '={{ $json.code }}',
	description: 'Retry test',
	options,
});
const codes = (...list: string[]) => list.map((code) => ({ code }));

describe('faults that are retried', () => {
	test.each([
		['a server error', 'serverError' as const, 1],
		['a busy token (another tool is using it)', 'busy' as const, 2],
	])('%s is retried with backoff until Wolkvox answers', async (_case, kind, times) => {
		fx.sim.injectFault({ kind, times });

		const { output, error } = await runWolkvox({
			parameters: createCode(),
			credentials: fx.credentials(),
			items: codes('100'),
		});

		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ code: 201, codAct: '100' });
		expect(fx.sim.requests.map((request) => request.status)).toEqual([
			...Array(times).fill(kind === 'busy' ? 403 : 500),
			201,
		]);
		const gaps = fx.sim.requests
			.slice(1)
			.map((request, index) => request.startedAt - fx.sim.requests[index].endedAt);
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(150);
	});

	test('an answer that does not come in time is retried once the timeout passes', async () => {
		fx.sim.injectFault({ kind: 'hang', ms: 700 });

		const { output, error } = await runWolkvox({
			parameters: createCode({ timeout: 300, maxRetries: 5 }),
			credentials: fx.credentials(),
			items: codes('100'),
		});

		expect(error).toBeUndefined();
		expect(output[0].json.code).toBe(201);
		expect(fx.sim.activityCodes.size).toBe(1);
		// The retry waited until Wolkvox was done with the unanswered request: never two at once.
		expect(fx.sim.maxInFlight(TOKEN)).toBe(1);
	});

	test('an answer that never comes in time is reported with the timeout', async () => {
		fx.sim.injectFault({ kind: 'hang', ms: 400 });

		const { error } = await runWolkvox({
			parameters: createCode({ timeout: 200, maxRetries: 0 }),
			credentials: fx.credentials(),
			items: codes('100'),
		});
		await new Promise((resolve) => setTimeout(resolve, 300)); // let the simulator finish the held request

		expect(error?.message).toBe('Wolkvox did not answer within 200 ms (gave up after 1 attempt)');
		expect(error?.description).toContain('Raise the Timeout option');
	});

	test('parallel executions wait behind a request that got no answer in time', async () => {
		fx.sim.injectFault({ kind: 'hang', ms: 600 });
		const create = (code: string) =>
			runWolkvox({
				parameters: createCode({ timeout: 200, maxRetries: 4 }),
				credentials: fx.credentials(),
				items: codes(code),
			});

		const first = create('1');
		await new Promise((resolve) => setTimeout(resolve, 50));
		const results = await Promise.all([first, create('2'), create('3')]);

		expect(results.map((result) => result.error)).toEqual([undefined, undefined, undefined]);
		expect(fx.sim.activityCodes.size).toBe(3);
		expect(fx.sim.maxInFlight(TOKEN)).toBe(1);
	});

	test('a connection that fails is retried, then reported with what to check', async () => {
		const closed = http.createServer();
		await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
		const { port } = closed.address() as AddressInfo;
		await new Promise((done) => closed.close(done));

		const { error } = await runWolkvox({
			parameters: createCode({ maxRetries: 1 }),
			credentials: fx.credentials({ baseUrl: `http://127.0.0.1:${port}` }),
			items: codes('100'),
		});

		expect(error?.message).toBe(
			'Could not reach Wolkvox: the connection was refused (gave up after 2 attempts)',
		);
		expect(error?.description).toBe(
			'ECONNREFUSED. Check the server code or Base URL in the Wolkvox credential, and the network.',
		);
	});

	test('a create whose answer came too late is not created twice, and is reported as such', async () => {
		fx.sim.injectFault({ kind: 'applyThenHang', api: 'create_cod_act', ms: 800 });

		const { error } = await runWolkvox({
			parameters: createCode({ timeout: 300, maxRetries: 6 }),
			credentials: fx.credentials(),
			items: codes('100'),
		});

		expect(error?.message).toBe(
			'Already exists in Wolkvox, most likely created by this node: THE ACTIVITY CODE ALREADY EXISTS (code 409)',
		);
		expect(error?.description).toContain('It was not created twice');
		expect([...fx.sim.activityCodes.keys()]).toEqual(['cod_act1:100']);
		expect(
			fx.sim.requestsFor('create_cod_act').filter((request) => request.status === 201),
		).toHaveLength(1);
		expect(fx.sim.maxInFlight(TOKEN)).toBe(1);
	});

	test('a repeated Add DNC after a late answer is harmless', async () => {
		fx.sim.injectFault({ kind: 'applyThenHang', api: 'add_dnc', ms: 700 });

		const { output } = await runWolkvox({
			parameters: {
				resource: 'dnc',
				operation: 'add',
				typeCall: 'outbound',
				telephones: '3001234567',
				options: { timeout: 300, maxRetries: 6 },
			},
			credentials: fx.credentials(),
		});

		expect(output[0].json.code).toBe(201);
		expect([...fx.sim.dnc.outbound]).toEqual(['3001234567']);
		expect(fx.sim.maxInFlight(TOKEN)).toBe(1);
	});
});

describe('faults that are not retried', () => {
	const mixedFaults = () => {
		fx.sim.injectFault({ kind: 'quota', api: 'create_cod_act' });
		fx.sim.injectFault({ kind: 'nonJson', api: 'create_cod_act' });
	};

	test('with Continue On Fail, every input item comes out, paired, and a refused item does not stop the rest', async () => {
		fx.sim.injectFault({ kind: 'serverError', times: 1 });
		fx.sim.injectFault({ kind: 'nonJson', api: 'create_cod_act' });

		const { output } = await runWolkvox({
			parameters: createCode({ maxRetries: 1 }),
			credentials: fx.credentials(),
			items: codes('1', '2', '3', '4', '5'),
			continueOnFail: true,
		});
		expect(output.map((item) => [item.pairedItem, item.json.code ?? item.json.error])).toEqual([
			[{ item: 0 }, 'Wolkvox sent an answer that is not Wolkvox JSON (HTTP 200)'],
			[{ item: 1 }, 201],
			[{ item: 2 }, 201],
			[{ item: 3 }, 201],
			[{ item: 4 }, 201],
		]);
		expect(fx.sim.requests.map((request) => request.status)).toEqual([
			500, 200, 201, 201, 201, 201,
		]);
	});

	test('without it, the execution stops at the first unrecoverable error and sends nothing more', async () => {
		mixedFaults();

		const { output, error } = await runWolkvox({
			parameters: createCode(),
			credentials: fx.credentials(),
			items: codes('1', '2', '3'),
		});

		expect(output).toEqual([]);
		expect(error?.message).toBe(
			"The Wolkvox token's daily quota is used up: TOKEN LIMIT EXCEEDED (code 403)",
		);
		expect(fx.sim.requests).toHaveLength(1);
		expect(fx.sim.maxInFlight(TOKEN)).toBe(1);
	});
});
