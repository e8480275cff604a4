import type { INodeParameters } from 'n8n-workflow';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { saysAlreadyDone } from '../nodes/Wolkvox/transport/answer';
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

	test('a create whose answer came too late is created once, and succeeds marked alreadyExisted: created by that attempt or before it, not "by this node"', async () => {
		fx.sim.injectFault({ kind: 'applyThenHang', api: 'create_cod_act', ms: 800 });

		const { output, error } = await runWolkvox({
			parameters: createCode({ timeout: 300, maxRetries: 6 }),
			credentials: fx.credentials(),
			items: codes('100'),
		});

		expect(error).toBeUndefined();
		expect(output.map((item) => item.json)).toEqual([
			{
				code: 409,
				error: 'CONFLICT',
				msg: 'THE ACTIVITY CODE ALREADY EXISTS',
				alreadyExisted: true,
				reason:
					'An earlier attempt of this request got no answer (or a server error) and the retry found it already exists: it was created by that attempt, or existed before it. It exists once.',
				typeCode: 'cod_act1',
				codAct: '100',
			},
		]);
		expect([...fx.sim.activityCodes.keys()]).toEqual(['cod_act1:100']);
		expect(
			fx.sim.requestsFor('create_cod_act').filter((request) => request.status === 201),
		).toHaveLength(1);
		expect(fx.sim.maxInFlight(TOKEN)).toBe(1);
	});

	test('a combined removal split after a refusal keeps how "not found" settles it: the half whose answer was lost is alreadyGone', async () => {
		fx.sim.dnc.outbound.add('3001234567');
		fx.sim.dnc.outbound.add('3001234568');
		fx.sim.injectFault({ kind: 'refuse', api: 'remove_dnc' }); // the combined request
		fx.sim.injectFault({ kind: 'applyThenHang', api: 'remove_dnc', ms: 600 }); // its first half
		fx.sim.injectFault({ kind: 'notFound', api: 'remove_dnc' }); // that half, sent again

		const { output, error } = await runWolkvox({
			parameters: {
				resource: 'dnc',
				operation: 'remove',
				telephones: '={{ $json.phone }}',
				options: { timeout: 200, maxRetries: 3 },
			},
			credentials: fx.credentials(),
			items: [{ phone: '3001234567' }, { phone: '3001234568' }],
		});

		expect(error).toBeUndefined();
		expect(fx.sim.requestsFor('remove_dnc').map((request) => request.body)).toEqual([
			{ type: 'all', telephones: ['3001234567', '3001234568'] },
			{ type: 'all', telephones: ['3001234567'] },
			{ type: 'all', telephones: ['3001234567'] },
			{ type: 'all', telephones: ['3001234568'] },
		]);
		expect(output[0]?.json).toMatchObject({ code: 404, alreadyGone: true });
		expect(output[1]?.json).toMatchObject({ code: 202 });
		expect(fx.sim.dnc.outbound.size).toBe(0);
	});

	test('a create of a code that existed before any attempt still fails: nothing suggests this node made it', async () => {
		fx.sim.activityCodes.set('cod_act1:100', {
			type_code: 'cod_act1',
			cod_act: '100',
			description_cod_act: 'Made elsewhere',
			hit: 'no',
			rpc: 'no',
			chat: 'no',
			studio: 'no',
			voice: 'yes',
			interactions: 'no',
		});

		const { error } = await runWolkvox({
			parameters: createCode(),
			credentials: fx.credentials(),
			items: codes('100'),
		});

		expect(error?.message).toBe(
			'Wolkvox says it already exists: THE ACTIVITY CODE ALREADY EXISTS (code 409)',
		);
	});

	test.each([
		[
			'an activity code Delete',
			{ resource: 'activityCode', operation: 'delete', typeCode: 'cod_act1', codAct: '100' },
			'remove_cod_act',
			201,
		],
		[
			'a DNC Remove',
			{ resource: 'dnc', operation: 'remove', telephones: '3001234567' },
			'remove_dnc',
			202,
		],
	])(
		'%s retried after a timeout Wolkvox applied: the retry\'s "not found" is a success, alreadyGone',
		async (_case, parameters, api, appliedStatus) => {
			fx.sim.dnc.outbound.add('3001234567');
			fx.sim.activityCodes.set('cod_act1:100', {
				type_code: 'cod_act1',
				cod_act: '100',
				description_cod_act: 'Old',
				hit: 'no',
				rpc: 'no',
				chat: 'no',
				studio: 'no',
				voice: 'yes',
				interactions: 'no',
			});
			fx.sim.injectFault({ kind: 'applyThenHang', api, ms: 600 });
			fx.sim.injectFault({ kind: 'notFound', api });

			const { output, error } = await runWolkvox({
				parameters: { ...parameters, options: { timeout: 200, maxRetries: 3 } },
				credentials: fx.credentials(),
			});

			expect(error).toBeUndefined();
			expect(output[0].json).toMatchObject({
				code: 404,
				msg: 'THE RECORD DOES NOT EXIST',
				alreadyGone: true,
				reason: expect.stringContaining('nothing left to remove'),
			});
			expect(fx.sim.requestsFor(api).map((request) => request.status)).toEqual([
				appliedStatus,
				404,
			]);
			expect(fx.sim.activityCodes.size + fx.sim.dnc.outbound.size).toBe(1);
		},
	);

	test('a "not found" without an earlier unanswered attempt stays an error', async () => {
		fx.sim.injectFault({ kind: 'notFound', api: 'remove_cod_act' });

		const { error } = await runWolkvox({
			parameters: {
				resource: 'activityCode',
				operation: 'delete',
				typeCode: 'cod_act1',
				codAct: '100',
			},
			credentials: fx.credentials(),
		});

		expect(error?.message).toBe(
			'Wolkvox rejected the request: THE RECORD DOES NOT EXIST (code 404)',
		);
	});

	test('a combined request honours the strictest item: the fewest Max Retries', async () => {
		fx.sim.injectFault({ kind: 'serverError', api: 'add_dnc' });

		const { output } = await runWolkvox({
			parameters: {
				resource: 'dnc',
				operation: 'add',
				typeCall: 'outbound',
				telephones: '={{ $json.phone }}',
				options: { maxRetries: '={{ $json.retries }}' },
			},
			credentials: fx.credentials(),
			items: [
				{ phone: '3001234567', retries: 3 },
				{ phone: '3001234568', retries: 0 },
			],
			continueOnFail: true,
		});

		// Item 1 allows no retry, so the request carrying its number is not sent again.
		expect(fx.sim.requestsFor('add_dnc').map((request) => request.status)).toEqual([500]);
		expect(output.map((item) => item.json.error)).toEqual([
			expect.stringContaining('server error'),
			expect.stringContaining('server error'),
		]);
	});

	test('a combined request waits no longer than its shortest Timeout', async () => {
		fx.sim.injectFault({ kind: 'hang', api: 'add_dnc', ms: 800 });

		const { error } = await runWolkvox({
			parameters: {
				resource: 'dnc',
				operation: 'add',
				typeCall: 'outbound',
				telephones: '={{ $json.phone }}',
				options: { timeout: '={{ $json.timeout }}', maxRetries: 0 },
			},
			credentials: fx.credentials(),
			items: [
				{ phone: '3001234567', timeout: 60000 },
				{ phone: '3001234568', timeout: 200 },
			],
		});
		await new Promise((resolve) => setTimeout(resolve, 700)); // let the simulator finish the held request

		expect(error?.message).toBe('Wolkvox did not answer within 200 ms (gave up after 1 attempt)');
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

describe('which answers say the work is already done', () => {
	const answer = (code: number, msg: string) => ({ code, error: 'x', msg });

	test.each([
		[answer(409, 'THE ACTIVITY CODE ALREADY EXISTS'), 'exists', true],
		[answer(404, 'THE ACTIVITY CODE DOES NOT EXIST'), 'gone', true],
		[answer(404, 'NOT FOUND'), 'gone', true],
		[answer(404, 'EL CÓDIGO NO EXISTE'), 'gone', true],
		// About the URL, not a record: never taken for "already gone".
		[answer(400, 'THE API YOU WANT TO CONSULT DOES NOT EXIST'), 'gone', false],
		[answer(406, 'INVALID VALUE FOR telephones'), 'gone', false],
		[answer(409, 'THE ACTIVITY CODE ALREADY EXISTS'), 'gone', false],
	] as const)('%j says %s: %s', (said, done, expected) => {
		expect(saysAlreadyDone(said, done)).toBe(expected);
	});
});
