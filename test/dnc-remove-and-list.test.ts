import { runWolkvox } from './harness/run-node';
import { TOKEN, useSimulator } from './harness/simulator-fixture';
import type { FixedAnswerServer } from './support/fixed-answer-server';
import { startFixedAnswerServer } from './support/fixed-answer-server';

const fx = useSimulator();

const removeDnc = (extra: Record<string, unknown> = {}) => ({
	resource: 'dnc',
	operation: 'remove',
	removeMode: 'listed',
	telephones: '={{ $json.phone }}',
	...extra,
});

const getDnc = (extra: Record<string, unknown> = {}) => ({
	resource: 'dnc',
	operation: 'getAll',
	...extra,
});

const removeBodies = () => fx.sim.requestsFor('remove_dnc').map((request) => request.body);

/** n distinct 10-digit numbers starting at 3000000000 + offset. */
const numbers = (count: number, offset = 0) =>
	Array.from({ length: count }, (_, index) => String(3_000_000_000 + offset + index));

function seed(inbound: string[], outbound: string[]) {
	for (const phone of inbound) fx.sim.dnc.inbound.add(phone);
	for (const phone of outbound) fx.sim.dnc.outbound.add(phone);
}

describe('Remove DNC: listed numbers', () => {
	test('removes the telephones of all items in one request, from whichever list holds them', async () => {
		seed(['3001111111', '3009999999'], ['3002222222', '573003333333', '3008888888']);

		const { output } = await runWolkvox({
			parameters: removeDnc(),
			credentials: fx.credentials(),
			items: [{ phone: '300 111 1111' }, { phone: '(300) 222-2222; +57 300 333 3333' }],
		});

		expect(fx.sim.requestsFor('remove_dnc').map((request) => request.method)).toEqual(['DELETE']);
		expect(removeBodies()).toEqual([
			{ type: 'all', telephones: ['3001111111', '3002222222', '573003333333'] },
		]);
		expect([...fx.sim.dnc.inbound]).toEqual(['3009999999']);
		expect([...fx.sim.dnc.outbound]).toEqual(['3008888888']);
		expect(output).toEqual([
			{
				json: {
					typeCall: 'both',
					telephones: ['3001111111'],
					code: 202,
					error: null,
					msg: '1 telephone no longer listed',
					combinedRequests: [{ code: 202, msg: '3 telephones were deleted', items: 2, records: 3 }],
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					typeCall: 'both',
					telephones: ['3002222222', '573003333333'],
					code: 202,
					error: null,
					msg: '2 telephones no longer listed',
				},
				pairedItem: { item: 1 },
			},
		]);
	});

	test('accepts a list from an expression, and numbers as well as text', async () => {
		await runWolkvox({
			parameters: removeDnc({ telephones: '={{ $json.phones }}' }),
			credentials: fx.credentials(),
			items: [{ phones: ['3001234567', 3001234568, '+57 300 123 4569'] }],
		});

		expect(removeBodies()).toEqual([
			{ type: 'all', telephones: ['3001234567', '3001234568', '573001234569'] },
		]);
	});

	test('honours the batch size when combining items', async () => {
		await runWolkvox({
			parameters: removeDnc({ options: { batchSize: 4 } }),
			credentials: fx.credentials(),
			items: [0, 1, 2, 3, 4].map((index) => ({ phone: numbers(2, index * 2) })),
		});

		expect(removeBodies().map((body: any) => body.telephones.length)).toEqual([4, 4, 2]);
	});

	test('splits one item that alone holds more than 10,000 telephones', async () => {
		const { output } = await runWolkvox({
			parameters: removeDnc(),
			credentials: fx.credentials(),
			items: [{ phone: numbers(12_000) }],
		});

		expect(removeBodies().map((body: any) => body.telephones.length)).toEqual([10_000, 2_000]);
		expect(output[0].json.msg).toBe('0 telephones were deleted; 0 telephones were deleted');
	});

	test('with combining turned off, sends one request per item, each after the previous one answered', async () => {
		fx.sim.latencyMs = 20;
		seed([], ['3001111111', '3002222222', '3003333333']);

		const { output } = await runWolkvox({
			parameters: removeDnc({ options: { combineItems: false } }),
			credentials: fx.credentials(),
			items: [{ phone: '3001111111' }, { phone: '3002222222' }, { phone: '3003333333' }],
		});

		expect(removeBodies()).toEqual([
			{ type: 'all', telephones: ['3001111111'] },
			{ type: 'all', telephones: ['3002222222'] },
			{ type: 'all', telephones: ['3003333333'] },
		]);
		expect(fx.sim.maxInFlight(TOKEN)).toBe(1);
		expect(fx.sim.dnc.outbound.size).toBe(0);
		expect(output.map((item) => item.json.msg)).toEqual(Array(3).fill('1 telephones were deleted'));
	});

	test('never empties a list: the word "all" in Telephones is refused as a telephone', async () => {
		seed(['3001111111'], ['3002222222']);

		const { error } = await runWolkvox({
			parameters: removeDnc(),
			credentials: fx.credentials(),
			items: [{ phone: 'all' }],
		});

		expect(error?.message).toContain('Item 0: "Telephones": "all" is not a telephone number');
		expect(fx.sim.requests).toHaveLength(0);
		expect(fx.sim.dnc.inbound.size + fx.sim.dnc.outbound.size).toBe(2);
	});

	test.each([
		['an empty value', '', 'no telephone number given'],
		['letters', '300 12ab 456', '"300 12ab 456" is not a telephone number'],
		['too few digits', '123-456', '"123-456" has 6 digits; a telephone number needs 7 to 15'],
	])(
		'refuses %s, naming the item and the field, and sends nothing',
		async (_case, phone, reason) => {
			const { error, output } = await runWolkvox({
				parameters: removeDnc(),
				credentials: fx.credentials(),
				items: [{ phone: '3001234567' }, { phone }],
			});

			expect(error?.message).toContain('Item 1: "Telephones": ');
			expect(error?.message).toContain(reason);
			expect(output).toEqual([]);
			expect(fx.sim.requests).toHaveLength(0);
		},
	);

	test('with Continue On Fail, a bad item becomes a paired error item and the others are removed', async () => {
		seed([], ['3001111111', '3002222222']);

		const { output, error } = await runWolkvox({
			parameters: removeDnc(),
			credentials: fx.credentials(),
			items: [{ phone: '3001111111' }, { phone: 'call me' }, { phone: '3002222222' }],
			continueOnFail: true,
		});

		expect(error).toBeUndefined();
		expect(removeBodies()).toEqual([{ type: 'all', telephones: ['3001111111', '3002222222'] }]);
		expect(fx.sim.dnc.outbound.size).toBe(0);
		expect(output).toHaveLength(3);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[1].json).toEqual({
			error:
				'Item 1: "Telephones": "call me" is not a telephone number: only digits, spaces, dashes, dots, parentheses and a leading + are allowed',
		});
		expect(output[1].error?.description).toBe('Nothing was sent for this item.');
		expect([output[0].json.code, output[2].json.code]).toEqual([202, 202]);
	});
});

describe('Remove DNC: every number of one list', () => {
	test('empties only the chosen list, only when that mode is chosen', async () => {
		seed(['3001111111', '3002222222'], ['3003333333']);

		const { output } = await runWolkvox({
			parameters: removeDnc({ removeMode: 'allOfType', typeCall: 'inbound' }),
			credentials: fx.credentials(),
		});

		expect(
			fx.sim.requestsFor('remove_dnc').map((request) => [request.method, request.body]),
		).toEqual([['DELETE', { telephones: 'all', type: 'inbound' }]]);
		expect(fx.sim.dnc.inbound.size).toBe(0);
		expect([...fx.sim.dnc.outbound]).toEqual(['3003333333']);
		expect(output).toEqual([
			{
				json: {
					typeCall: 'inbound',
					telephones: 'all',
					code: 202,
					error: null,
					msg: '2 telephones were deleted',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('ignores the Telephones parameter and empties the chosen list once, answering every item', async () => {
		seed(['3001111111'], ['3003333333']);

		const { output } = await runWolkvox({
			parameters: removeDnc({
				removeMode: 'allOfType',
				typeCall: 'outbound',
				telephones: '3001111111',
			}),
			credentials: fx.credentials(),
			items: [{}, {}],
		});

		expect(removeBodies()).toEqual([{ telephones: 'all', type: 'outbound' }]);
		expect(output.map((item) => [item.pairedItem, item.json.typeCall, item.json.msg])).toEqual([
			[{ item: 0 }, 'outbound', '1 telephones were deleted'],
			[{ item: 1 }, 'outbound', '1 telephones were deleted'],
		]);
	});

	test('refuses a list other than inbound or outbound and sends nothing', async () => {
		seed(['3001111111'], ['3002222222']);

		const { error } = await runWolkvox({
			parameters: removeDnc({ removeMode: 'allOfType', typeCall: 'all' }),
			credentials: fx.credentials(),
		});

		expect(error?.message).toBe('Item 0: "Type of Call" must be inbound or outbound, not "all"');
		expect(fx.sim.requests).toHaveLength(0);
		expect(fx.sim.dnc.inbound.size + fx.sim.dnc.outbound.size).toBe(2);
	});
});

describe('Get Many DNC numbers', () => {
	test('returns one item per number of both lists, paired with the input item', async () => {
		seed(['3001111111'], ['3002222222', '3003333333']);

		const { output } = await runWolkvox({
			parameters: getDnc({ returnAll: true }),
			credentials: fx.credentials(),
		});

		expect(
			fx.sim.requestsFor('get_dnc').map((request) => [request.method, request.file, request.query]),
		).toEqual([['GET', 'information.php', { type: 'all' }]]);
		expect(
			output.map((item) => ({ telephone: item.json.telephone, typeCall: item.json.typeCall })),
		).toEqual([
			{ telephone: '3001111111', typeCall: 'inbound' },
			{ telephone: '3002222222', typeCall: 'outbound' },
			{ telephone: '3003333333', typeCall: 'outbound' },
		]);
		expect(Object.keys(output[0].json)).toEqual(['telephone', 'typeCall', 'dateDelete']);
		expect(output[0].json.dateDelete).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('reads only the chosen list', async () => {
		seed(['3001111111'], ['3002222222']);

		const { output } = await runWolkvox({
			parameters: getDnc({ type: 'outbound', returnAll: true }),
			credentials: fx.credentials(),
		});

		expect(fx.sim.requestsFor('get_dnc')[0].query).toEqual({ type: 'outbound' });
		expect(output.map((item) => item.json.telephone)).toEqual(['3002222222']);
	});

	test('returns at most 50 numbers by default, the given limit, or all of them with Return All', async () => {
		seed([], numbers(120));

		const byDefault = await runWolkvox({ parameters: getDnc(), credentials: fx.credentials() });
		const limited = await runWolkvox({
			parameters: getDnc({ limit: 7 }),
			credentials: fx.credentials(),
		});
		const all = await runWolkvox({
			parameters: getDnc({ returnAll: true, limit: 7 }),
			credentials: fx.credentials(),
		});

		expect(byDefault.output).toHaveLength(50);
		expect(limited.output.map((item) => item.json.telephone)).toEqual(numbers(7));
		expect(all.output).toHaveLength(120);
	});

	test('an empty list gives no items and no error', async () => {
		const { output, error } = await runWolkvox({
			parameters: getDnc(),
			credentials: fx.credentials(),
		});

		expect(error).toBeUndefined();
		expect(output).toEqual([]);
	});

	test('input items asking for the same list share one request; each gets the numbers paired with it', async () => {
		seed(['3001111111'], ['3002222222']);

		const { output } = await runWolkvox({
			parameters: getDnc({ type: '={{ $json.list }}', returnAll: true }),
			credentials: fx.credentials(),
			items: [{ list: 'inbound' }, { list: 'outbound' }, { list: 'inbound' }],
		});

		expect(fx.sim.requestsFor('get_dnc').map((request) => request.query.type)).toEqual([
			'inbound',
			'outbound',
		]);
		expect(output.map((item) => [item.pairedItem, item.json.telephone])).toEqual([
			[{ item: 0 }, '3001111111'],
			[{ item: 1 }, '3002222222'],
			[{ item: 2 }, '3001111111'],
		]);
	});

	test.each([
		[
			'an unknown list',
			{ type: '={{ "blocked" }}' },
			'Item 0: "Type of Call" must be all or inbound or outbound, not "blocked"',
		],
		[
			'a limit of 0',
			{ limit: '={{ 0 }}' },
			'Item 0: "Limit" must be a whole number of at least 1, not 0',
		],
		[
			'a limit that is not a number',
			{ limit: '={{ "many" }}' },
			'Item 0: "Limit" must be a whole number of at least 1, not "many"',
		],
	])('refuses %s and sends nothing', async (_case, parameters, message) => {
		const { error } = await runWolkvox({
			parameters: getDnc(parameters),
			credentials: fx.credentials(),
		});

		expect(error?.message).toBe(message);
		expect(fx.sim.requests).toHaveLength(0);
	});

	test('with Continue On Fail, a bad item becomes a paired error item and the others are listed', async () => {
		seed([], ['3002222222']);

		const { output, error } = await runWolkvox({
			parameters: getDnc({ limit: '={{ $json.limit }}' }),
			credentials: fx.credentials(),
			items: [{ limit: 5 }, { limit: -1 }],
			continueOnFail: true,
		});

		expect(error).toBeUndefined();
		expect(output.map((item) => [item.pairedItem, item.json.telephone ?? item.json.error])).toEqual(
			[
				[{ item: 0 }, '3002222222'],
				[{ item: 1 }, 'Item 1: "Limit" must be a whole number of at least 1, not -1'],
			],
		);
	});
});

describe('Get Many DNC numbers: answers of an unexpected shape', () => {
	let fake: FixedAnswerServer;
	beforeAll(async () => (fake = await startFixedAnswerServer()));
	afterAll(async () => await fake.stop());

	test.each([
		[
			'no data',
			{ code: 200, error: null, msg: 'OK' },
			'Wolkvox answered get_dnc with no "data" at all, expected a list of records in "data"',
		],
		[
			'data as an object',
			{ code: 200, error: null, msg: 'OK', data: { phone_number: '3001111111' } },
			'Wolkvox answered get_dnc with "data" as object, expected a list of records in "data"',
		],
		[
			'data null',
			{ code: '200', error: null, msg: 'OK', data: null },
			'Wolkvox answered get_dnc with "data": null, expected a list of records in "data"',
		],
		[
			'entries that are not records',
			{ code: 200, error: null, msg: 'OK', data: ['3001111111'] },
			'Wolkvox answered get_dnc with entries in "data" that are not records, expected a list of records in "data"',
		],
		[
			'a record without its number',
			{ code: 200, error: null, msg: 'OK', data: [{ type: 'inbound' }] },
			'Wolkvox answered get_dnc with a record without "phone_number"',
		],
	])('reports %s as a clear error instead of crashing', async (_case, answer, message) => {
		fake.answer = answer;

		const { error, output } = await runWolkvox({
			parameters: getDnc(),
			credentials: fx.credentials({ baseUrl: fake.baseUrl }),
		});

		expect(error?.message).toBe(message);
		expect(output).toEqual([]);
	});

	test('with Continue On Fail, each input item gets its own paired error item', async () => {
		fake.answer = { code: 200, error: null, msg: 'OK' };

		const { output } = await runWolkvox({
			parameters: getDnc(),
			credentials: fx.credentials({ baseUrl: fake.baseUrl }),
			items: [{}, {}],
			continueOnFail: true,
		});

		expect(output.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[
				{ item: 0 },
				'Wolkvox answered get_dnc with no "data" at all, expected a list of records in "data"',
			],
			[
				{ item: 1 },
				'Wolkvox answered get_dnc with no "data" at all, expected a list of records in "data"',
			],
		]);
	});
});
