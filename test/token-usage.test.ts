import { runWolkvox } from './harness/run-node';
import { TOKEN, useSimulator } from './harness/simulator-fixture';
import type { FixedAnswerServer } from './support/fixed-answer-server';
import { startFixedAnswerServer } from './support/fixed-answer-server';

const fx = useSimulator();
const SMALL_TOKEN = '5ma11quota70ken0042';

beforeAll(() => fx.sim.addToken(SMALL_TOKEN, { dailyQuota: 3 }));

const getUsage = (extra: Record<string, unknown> = {}) => ({
	resource: 'token',
	operation: 'getUsage',
	...extra,
});

describe('Get Token Usage', () => {
	test("returns the token's daily limit, the calls used today, what remains, all tokens' calls and its description", async () => {
		const { output } = await runWolkvox({ parameters: getUsage(), credentials: fx.credentials() });

		expect(
			fx.sim.requestsFor('token_info').map((request) => [request.method, request.file]),
		).toEqual([['GET', 'information.php']]);
		expect(output).toEqual([
			{
				json: {
					limit: 1_000_000,
					usedToday: 1,
					remaining: 999_999,
					allTokensToday: 1,
					description: 'Wolkvox simulator',
					availableConsumptionOptions: 999_999,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test("All Tokens Today counts the calls of the operation's other tokens too", async () => {
		await runWolkvox({
			parameters: getUsage(),
			credentials: fx.credentials({ token: SMALL_TOKEN }),
		});

		const { output } = await runWolkvox({ parameters: getUsage(), credentials: fx.credentials() });

		expect(output[0].json).toMatchObject({ usedToday: 1, allTokensToday: 2 });
	});

	test('the call is counted against the daily quota by Wolkvox itself, and Used Today includes it', async () => {
		await runWolkvox({
			parameters: {
				resource: 'dnc',
				operation: 'add',
				typeCall: 'outbound',
				telephones: '3001234567',
			},
			credentials: fx.credentials(),
		});
		expect(fx.sim.usedToday(TOKEN)).toBe(1);

		const first = await runWolkvox({ parameters: getUsage(), credentials: fx.credentials() });
		const second = await runWolkvox({ parameters: getUsage(), credentials: fx.credentials() });

		expect(first.output[0].json.usedToday).toBe(2);
		expect(second.output[0].json.usedToday).toBe(3);
		expect(fx.sim.usedToday(TOKEN)).toBe(3);
	});

	test('asks once per execution whatever the number of input items, and answers every item', async () => {
		const { output } = await runWolkvox({
			parameters: getUsage(),
			credentials: fx.credentials(),
			items: [{}, {}, {}],
		});

		expect(fx.sim.requestsFor('token_info')).toHaveLength(1);
		expect(fx.sim.usedToday(TOKEN)).toBe(1);
		expect(output.map((item) => [item.pairedItem, item.json.usedToday])).toEqual([
			[{ item: 0 }, 1],
			[{ item: 1 }, 1],
			[{ item: 2 }, 1],
		]);
	});

	test('once the quota is used up, says so instead of returning numbers', async () => {
		const credentials = fx.credentials({ token: SMALL_TOKEN });
		const usedToday = [];
		for (let run = 0; run < 3; run++) {
			usedToday.push(
				(await runWolkvox({ parameters: getUsage(), credentials })).output[0].json.usedToday,
			);
		}

		const { error } = await runWolkvox({ parameters: getUsage(), credentials });

		expect(usedToday).toEqual([1, 2, 3]);
		expect(error?.message).toBe(
			"The Wolkvox token's daily quota is used up: TOKEN LIMIT EXCEEDED (code 403)",
		);
	});

	test('with Continue On Fail, a refused call gives every input item a paired error item', async () => {
		fx.sim.injectFault({ kind: 'quota', api: 'token_info' });

		const { output, error } = await runWolkvox({
			parameters: getUsage(),
			credentials: fx.credentials(),
			items: [{}, {}],
			continueOnFail: true,
		});

		expect(error).toBeUndefined();
		expect(output).toHaveLength(2);
		expect(output.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 0 }, "The Wolkvox token's daily quota is used up: TOKEN LIMIT EXCEEDED (code 403)"],
			[{ item: 1 }, "The Wolkvox token's daily quota is used up: TOKEN LIMIT EXCEEDED (code 403)"],
		]);
	});

	test('parallel executions sharing the token ask one after another', async () => {
		fx.sim.latencyMs = 20;

		const results = await Promise.all(
			Array.from({ length: 5 }, () =>
				runWolkvox({ parameters: getUsage(), credentials: fx.credentials() }),
			),
		);

		expect(results.map((result) => result.error)).toEqual(Array(5).fill(undefined));
		expect(fx.sim.maxInFlight(TOKEN)).toBe(1);
		expect(results.map((result) => result.output[0].json.usedToday).sort()).toEqual([
			1, 2, 3, 4, 5,
		]);
	});
});

describe('Get Token Usage: answers of an unexpected shape', () => {
	let fake: FixedAnswerServer;
	beforeAll(async () => (fake = await startFixedAnswerServer()));
	afterAll(async () => await fake.stop());

	const run = async (answer: unknown) => {
		fake.answer = answer;
		return await runWolkvox({
			parameters: getUsage(),
			credentials: fx.credentials({ baseUrl: fake.baseUrl }),
		});
	};

	test("reads Wolkvox's example answer: one row in a list, counts as text", async () => {
		const { output } = await run({
			code: '200',
			error: null,
			msg: ' 1 records were found',
			data: [
				{
					description: 'CRM integration',
					token_limit: '5000',
					token_use_today: '12',
					all_token_today: '40',
					available_consumption_options: '4988',
				},
			],
		});

		expect(output.map((item) => item.json)).toEqual([
			{
				limit: 5000,
				usedToday: 12,
				remaining: 4988,
				allTokensToday: 40,
				description: 'CRM integration',
				availableConsumptionOptions: 4988,
			},
		]);
	});

	test('also takes the row as a lone record, and works out what remains when Wolkvox does not say', async () => {
		const { output } = await run({
			code: 200,
			error: null,
			msg: 'OK',
			data: { token_limit: '5000', token_use_today: '12' },
		});

		expect(output.map((item) => item.json)).toEqual([
			{ limit: 5000, usedToday: 12, remaining: 4988 },
		]);
	});

	test.each([
		[
			'no data',
			{ code: 200, error: null, msg: 'OK' },
			'Wolkvox answered token_info with no "data" at all, expected a row in "data"',
		],
		[
			'an empty list',
			{ code: '200', error: null, msg: ' 0 records were found', data: [] },
			'Wolkvox answered token_info with an empty list in "data", expected a row in "data"',
		],
		[
			'a list of text',
			{ code: '200', error: null, msg: ' 1 records were found', data: ['5000'] },
			'Wolkvox answered token_info with "data" as a list, expected a row in "data"',
		],
		[
			'no limit',
			{ code: 200, error: null, msg: 'OK', data: { token_use_today: 3 } },
			'Wolkvox answered token_info with a record without "token_limit"',
		],
		[
			'a count that is not a number',
			{ code: 200, error: null, msg: 'OK', data: { token_limit: 10, token_use_today: 'n/a' } },
			'Wolkvox answered token_info with "n/a" in "token_use_today", expected a number',
		],
		[
			"all tokens' calls that are not a number",
			{
				code: '200',
				error: null,
				msg: ' 1 records were found',
				data: [{ token_limit: '10', token_use_today: '1', all_token_today: '' }],
			},
			'Wolkvox answered token_info with "" in "all_token_today", expected a number',
		],
	])('reports %s as a clear error instead of crashing', async (_case, answer, message) => {
		const { error, output } = await run(answer);

		expect(error?.message).toBe(message);
		expect(output).toEqual([]);
	});
});
