import type { NodeApiError } from 'n8n-workflow';

import { withoutSecret } from '../nodes/Wolkvox/helpers/secret';
import { runWolkvox, startWolkvox } from './harness/run-node';
import { TOKEN, useSimulator } from './harness/simulator-fixture';
import { until } from './harness/until';

const fx = useSimulator();
const QUOTA_TOKEN = 'quota0f3token00aa11bb';

beforeAll(() => fx.sim.addToken(QUOTA_TOKEN, { dailyQuota: 3 }));

const createCodes = (prefix: string, count: number, options = {}) => ({
	parameters: {
		resource: 'activityCode',
		operation: 'create',
		typeCode: 'cod_act1',
		codAct: '={{ $json.code }}',
		description: 'Every path',
		options,
	},
	items: Array.from({ length: count }, (_, item) => ({ code: `${prefix}-${item}` })),
});

const addPhones = (phones: string[], options = {}) => ({
	parameters: {
		resource: 'dnc',
		operation: 'add',
		typeCall: 'outbound',
		telephones: '={{ $json.phone }}',
		options,
	},
	items: phones.map((phone) => ({ phone })),
});

const phones = (count: number) =>
	Array.from({ length: count }, (_, item) => String(3_100_000_000 + item));
const errorOf = (item: { json: { error?: unknown } }) => item.json.error as string | undefined;

describe('stopping an execution', () => {
	test('keeps the token for the request Wolkvox is working on; the next execution waits for it and succeeds; the stopped one sends nothing more', async () => {
		fx.sim.injectFault({ kind: 'applyThenHang', api: 'create_cod_act', ms: 1500 });
		const stopped = startWolkvox({ ...createCodes('A', 5), credentials: fx.credentials() });
		await until(() => fx.sim.requests.length === 1);

		stopped.stop();
		const next = await runWolkvox({ ...createCodes('B', 1), credentials: fx.credentials() });
		await stopped.result;

		expect(next.output.map((item) => item.json.code)).toEqual([201]);
		expect(fx.sim.maxInFlight(TOKEN)).toBe(1);
		const [first, second] = fx.sim.requests;
		expect(second?.startedAt).toBeGreaterThanOrEqual(first?.endedAt ?? Infinity);
		expect(fx.sim.requests.map((request) => (request.body as { cod_act: string }).cod_act)).toEqual(
			['A-0', 'B-0'],
		);
		expect([...fx.sim.activityCodes.keys()].sort()).toEqual(['cod_act1:A-0', 'cod_act1:B-0']);
	});
});

describe('verdicts about the credential or the quota end the run', () => {
	test('a wrong token under Continue On Fail: one request; every other item says it was not sent and why', async () => {
		const { output } = await runWolkvox({
			...createCodes('T', 20),
			credentials: fx.credentials({ token: 'not-a-known-token' }),
			continueOnFail: true,
		});

		expect(fx.sim.requests).toHaveLength(1);
		expect(output.map((item) => item.pairedItem)).toEqual(
			Array.from({ length: 20 }, (_, item) => ({ item })),
		);
		expect(errorOf(output[0]!)).toBe(
			'Wolkvox refused the credential: PLEASE VALIDATE TOKEN (code 403)',
		);
		expect(errorOf(output[19]!)).toBe(
			'Item 19: not sent: Wolkvox refused the credential: PLEASE VALIDATE TOKEN (code 403)',
		);
	});

	test('a quota that runs out after 3 of 10 items: 4 requests, 3 codes, the rest not sent', async () => {
		const { output } = await runWolkvox({
			...createCodes('Q', 10),
			credentials: fx.credentials({ token: QUOTA_TOKEN }),
			continueOnFail: true,
		});

		expect(fx.sim.requests).toHaveLength(4);
		expect(fx.sim.activityCodes.size).toBe(3);
		expect(output.slice(0, 3).map((item) => item.json.code)).toEqual([201, 201, 201]);
		expect(errorOf(output[3]!)).toMatch(
			/^The Wolkvox token's daily quota is used up: TOKEN LIMIT EXCEEDED/,
		);
		expect(output.slice(4).map(errorOf)).toEqual(
			[4, 5, 6, 7, 8, 9].map(
				(item) =>
					`Item ${item}: not sent: The Wolkvox token's daily quota is used up: TOKEN LIMIT EXCEEDED (code 403)`,
			),
		);
	});
});

describe('a refused number does not fail its neighbours', () => {
	test('one refused number in a 1,000-item combined batch fails exactly its item, in at most 22 requests', async () => {
		const numbers = phones(1000);
		fx.sim.refusedTelephones.add(numbers[617]!);

		const { output } = await runWolkvox({
			...addPhones(numbers),
			credentials: fx.credentials(),
			continueOnFail: true,
		});

		const failed = output.filter((item) => errorOf(item));
		expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 617 }]);
		expect(errorOf(failed[0]!)).toBe(
			`Wolkvox rejected the request: INVALID VALUE FOR telephones (code 406) (item 617: ${numbers[617]})`,
		);
		expect(output).toHaveLength(1000);
		expect(fx.sim.dnc.outbound.size).toBe(999);
		expect(fx.sim.requestsFor('add_dnc').length).toBeLessThanOrEqual(22);
	});

	test('a refusal of every part is systematic: every item fails, at most 3 requests', async () => {
		fx.sim.injectFault({ kind: 'refuse', api: 'add_dnc', times: 10 });

		const { output } = await runWolkvox({
			...addPhones(phones(100)),
			credentials: fx.credentials(),
			continueOnFail: true,
		});

		expect(output.map(errorOf).filter(Boolean)).toHaveLength(100);
		expect(fx.sim.requestsFor('add_dnc').length).toBeLessThanOrEqual(3);
	});

	test('without Continue On Fail the execution fails naming the item and the number, and how much was written before', async () => {
		const numbers = phones(8);
		fx.sim.refusedTelephones.add(numbers[6]!);

		const { error } = await runWolkvox({ ...addPhones(numbers), credentials: fx.credentials() });

		expect(error?.message).toBe(
			`Wolkvox rejected the request: INVALID VALUE FOR telephones (code 406) (item 6: ${numbers[6]})`,
		);
		expect(error?.description).toContain(
			`${fx.sim.dnc.outbound.size} record(s) were written in this execution before.`,
		);
		expect(fx.sim.dnc.outbound.size).toBeGreaterThan(0);
	});

	test('an item carried by several requests whose later part fails says which of its numbers were written', async () => {
		const numbers = phones(5);
		fx.sim.refusedTelephones.add(numbers[4]!);

		const { output } = await runWolkvox({
			parameters: {
				resource: 'dnc',
				operation: 'add',
				typeCall: 'outbound',
				telephones: numbers.join(','),
				options: { batchSize: 2 },
			},
			credentials: fx.credentials(),
			continueOnFail: true,
		});

		expect(output[0]?.error?.description).toContain(
			`Already written for this item: ${numbers.slice(0, 4).join(', ')}.`,
		);
		expect(fx.sim.dnc.outbound.size).toBe(4);
	});

	test('each failed item has its own error, with its own item index', async () => {
		fx.sim.injectFault({ kind: 'refuse', api: 'add_dnc', times: 3 });

		const { output } = await runWolkvox({
			...addPhones(phones(3)),
			credentials: fx.credentials(),
			continueOnFail: true,
		});

		const errors = output.map((item) => item.error as NodeApiError);
		expect(new Set(errors).size).toBe(3);
		expect(errors.map((error) => error.context.itemIndex)).toEqual([0, 1, 2]);
	});
});

describe('busy answers have a time budget of their own', () => {
	test('a token busy for longer than Max Retries allows is waited for, and the item succeeds', async () => {
		fx.sim.injectFault({ kind: 'busy', api: 'create_cod_act', times: 3 });

		const { output } = await runWolkvox({
			...createCodes('B', 1, { maxRetries: 1 }),
			credentials: fx.credentials(),
		});

		expect(output.map((item) => item.json.code)).toEqual([201]);
		expect(fx.sim.requests).toHaveLength(4);
	});
});

describe('secrets', () => {
	test.each(['201', 'null', 'code', 'true'])(
		'a token such as %j is removed from echoed text without breaking the answer',
		(token) => {
			const echoed = {
				code: 201,
				error: null,
				msg: `echo ${token}`,
				data: [{ header: `wolkvox-token: ${token}`, ok: true }],
			};

			expect(withoutSecret(echoed, token)).toEqual({
				code: 201,
				error: null,
				msg: 'echo [token removed]',
				data: [{ header: 'wolkvox-token: [token removed]', ok: true }],
			});
		},
	);
});
