import type { AddressInfo } from 'node:net';
import net from 'node:net';

import { busyTokenCount, takeTurn } from '../nodes/Wolkvox/transport/tokenQueue';
import { runWolkvox } from './harness/run-node';
import { TOKEN, useSimulator } from './harness/simulator-fixture';

const fx = useSimulator();
const OTHER_TOKEN = '0ther7oken5econd0ne';

beforeAll(() => fx.sim.addToken(OTHER_TOKEN));

const createCodes = (execution: number, count: number) => ({
	parameters: {
		resource: 'activityCode',
		operation: 'create',
		typeCode: 'cod_act1',
		codAct: '={{ $json.code }}',
		description: 'Parallel',
	},
	items: Array.from({ length: count }, (_, item) => ({ code: `${execution}-${item}` })),
});

describe('one request at a time per token, across parallel executions', () => {
	test('20 executions sharing one credential, started together: every item done, never two requests at once', async () => {
		fx.sim.latencyMs = 5;

		const results = await Promise.all(
			Array.from({ length: 20 }, (_, execution) =>
				runWolkvox({ ...createCodes(execution, 4), credentials: fx.credentials() }),
			),
		);

		expect(results.map((result) => result.error)).toEqual(Array(20).fill(undefined));
		expect(results.flatMap((result) => result.output.map((item) => item.json.code))).toEqual(
			Array(80).fill(201),
		);
		expect(fx.sim.activityCodes.size).toBe(80);
		expect(fx.sim.requests.every((request) => request.status === 201)).toBe(true);
		expect(fx.sim.maxInFlight(TOKEN)).toBe(1);
	});

	test('parallel executions of combined Add DNC also take turns', async () => {
		fx.sim.latencyMs = 5;
		const run = (execution: number) =>
			runWolkvox({
				parameters: {
					resource: 'dnc',
					operation: 'add',
					typeCall: 'outbound',
					telephones: '={{ $json.phone }}',
				},
				credentials: fx.credentials(),
				items: Array.from({ length: 50 }, (_, item) => ({
					phone: String(3_000_000_000 + execution * 100 + item),
				})),
			});

		await Promise.all(Array.from({ length: 10 }, (_, execution) => run(execution)));

		expect(fx.sim.requestsFor('add_dnc')).toHaveLength(10);
		expect(fx.sim.dnc.outbound.size).toBe(500);
		expect(fx.sim.maxInFlight(TOKEN)).toBe(1);
	});

	test('two credentials with different tokens are not held back by each other', async () => {
		fx.sim.latencyMs = 40;

		await Promise.all([
			runWolkvox({ ...createCodes(1, 4), credentials: fx.credentials() }),
			runWolkvox({ ...createCodes(2, 4), credentials: fx.credentials({ token: OTHER_TOKEN }) }),
		]);

		const byToken = (token: string) => fx.sim.requests.filter((request) => request.token === token);
		const overlapping = byToken(TOKEN).some((first) =>
			byToken(OTHER_TOKEN).some(
				(second) => first.startedAt < second.endedAt && second.startedAt < first.endedAt,
			),
		);
		expect(overlapping).toBe(true);
		expect(fx.sim.maxInFlight(TOKEN)).toBe(1);
		expect(fx.sim.maxInFlight(OTHER_TOKEN)).toBe(1);
	});

	test("a proxy Base URL and the direct address share the token's line", async () => {
		fx.sim.latencyMs = 20;
		const target = new URL(fx.sim.baseUrl);
		const proxy = net.createServer((client) => {
			const upstream = net.connect(Number(target.port), target.hostname);
			client.pipe(upstream).pipe(client);
			client.on('error', () => upstream.destroy());
			upstream.on('error', () => client.destroy());
		});
		await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
		try {
			const viaProxy = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
			await Promise.all([
				runWolkvox({ ...createCodes(1, 4), credentials: fx.credentials() }),
				runWolkvox({ ...createCodes(2, 4), credentials: fx.credentials({ baseUrl: viaProxy }) }),
			]);

			expect(fx.sim.activityCodes.size).toBe(8);
			expect(fx.sim.maxInFlight(TOKEN)).toBe(1);
		} finally {
			await new Promise((resolve) => proxy.close(resolve));
		}
	});

	test('the queue keeps nothing once executions are over, failed ones included', async () => {
		fx.sim.latencyMs = 10;
		fx.sim.injectFault({ kind: 'serverError', times: 10 });
		const runs = Array.from({ length: 40 }, (_, execution) =>
			runWolkvox({
				...createCodes(execution, 2),
				credentials:
					execution % 4 === 0 ? fx.credentials({ token: `wrong-${execution}` }) : fx.credentials(),
				continueOnFail: execution % 2 === 0,
			}),
		);
		await new Promise((resolve) => setTimeout(resolve, 100));
		const busyWhileRunning = busyTokenCount();

		await Promise.all(runs);

		expect(busyWhileRunning).toBeGreaterThan(0);

		expect(busyTokenCount()).toBe(0);
	});
});

describe('the per-token line', () => {
	const tick = () => new Promise((resolve) => setImmediate(resolve));
	const inTurn = async (key: string, task: () => Promise<void>) => {
		const turn = takeTurn(key);
		await turn.ready;
		try {
			await task();
		} finally {
			turn.release();
		}
	};

	test('serves turns of one key first come, first served, and other keys independently', async () => {
		const events: string[] = [];
		const task = (name: string) => async () => {
			events.push(`start ${name}`);
			await tick();
			events.push(`end ${name}`);
		};

		await Promise.all([inTurn('a', task('a1')), inTurn('a', task('a2')), inTurn('b', task('b1'))]);

		expect(events.filter((event) => event.endsWith('a1') || event.endsWith('a2'))).toEqual([
			'start a1',
			'end a1',
			'start a2',
			'end a2',
		]);
		expect(events.indexOf('start b1')).toBeLessThan(events.indexOf('end a1'));
		await tick();
		expect(busyTokenCount()).toBe(0);
	});

	test('a turn given up while waiting in line lets the next one through once the earlier turns end', async () => {
		const first = takeTurn('k');
		const abandoned = takeTurn('k');
		const next = takeTurn('k');
		abandoned.release();
		let nextServed = false;
		void next.ready.then(() => (nextServed = true));
		await tick();
		expect(nextServed).toBe(false);

		first.release();
		await next.ready;
		next.release();
		await tick();
		expect(busyTokenCount()).toBe(0);
	});
});
