import { runWolkvox } from './harness/run-node';
import { TOKEN, useSimulator } from './harness/simulator-fixture';

const fx = useSimulator();

const addDnc = (extra: Record<string, unknown> = {}) => ({
	resource: 'dnc',
	operation: 'add',
	typeCall: 'outbound',
	telephones: '={{ $json.phone }}',
	...extra,
});

const phonesSent = () =>
	fx.sim
		.requestsFor('add_dnc')
		.map((request) => (request.body as { telephones: string[] }).telephones);

/** n distinct 10-digit numbers starting at 3000000000 + offset. */
const numbers = (count: number, offset = 0) =>
	Array.from({ length: count }, (_, index) => String(3_000_000_000 + offset + index));

describe('Add DNC', () => {
	test('combines the telephones of all items into one request and answers every item', async () => {
		const { output } = await runWolkvox({
			parameters: addDnc(),
			credentials: fx.credentials(),
			items: [
				{ phone: '+57 300 123 4567' },
				{ phone: '(300) 123-4568; 300.123.4569' },
				{ phone: '3001234570' },
			],
		});

		expect(fx.sim.requestsFor('add_dnc')).toHaveLength(1);
		expect(fx.sim.requestsFor('add_dnc')[0].body).toEqual({
			type_call: 'outbound',
			telephones: ['573001234567', '3001234568', '3001234569', '3001234570'],
		});
		expect([...fx.sim.dnc.outbound].sort()).toEqual([
			'3001234568',
			'3001234569',
			'3001234570',
			'573001234567',
		]);
		// Each row tells its own telephones; Wolkvox's answer about all four is kept once, on the first.
		expect(output.map((item) => item.json)).toEqual([
			{
				typeCall: 'outbound',
				telephones: ['573001234567'],
				code: 201,
				error: null,
				msg: '1 telephone added',
				combinedRequests: [{ code: 201, msg: '4 telephones were added', items: 3, records: 4 }],
			},
			{
				typeCall: 'outbound',
				telephones: ['3001234568', '3001234569'],
				code: 201,
				error: null,
				msg: '2 telephones added',
			},
			{
				typeCall: 'outbound',
				telephones: ['3001234570'],
				code: 201,
				error: null,
				msg: '1 telephone added',
			},
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('sends a number once per request even when several items carry it', async () => {
		const { output } = await runWolkvox({
			parameters: addDnc(),
			credentials: fx.credentials(),
			items: [
				{ phone: '3001234567, 3001234567' },
				{ phone: '+3001234567' },
				{ phone: '3009999999' },
			],
		});

		expect(phonesSent()).toEqual([['3001234567', '3009999999']]);
		expect(output.map((item) => item.json.telephones)).toEqual([
			['3001234567'],
			['3001234567'],
			['3009999999'],
		]);
	});

	test('accepts a list from an expression, and numbers as well as text', async () => {
		await runWolkvox({
			parameters: addDnc({ telephones: '={{ $json.phones }}' }),
			credentials: fx.credentials(),
			items: [{ phones: ['3001234567', 3001234568, '+57 300 123 4569'] }],
		});

		expect(phonesSent()).toEqual([['3001234567', '3001234568', '573001234569']]);
	});

	test('keeps inbound and outbound numbers in separate requests', async () => {
		const { output } = await runWolkvox({
			parameters: addDnc({ typeCall: '={{ $json.type }}' }),
			credentials: fx.credentials(),
			items: [
				{ phone: '3001111111', type: 'inbound' },
				{ phone: '3002222222', type: 'outbound' },
				{ phone: '3003333333', type: 'inbound' },
			],
		});

		expect(fx.sim.requestsFor('add_dnc').map((request) => request.body)).toEqual([
			{ type_call: 'inbound', telephones: ['3001111111', '3003333333'] },
			{ type_call: 'outbound', telephones: ['3002222222'] },
		]);
		expect([...fx.sim.dnc.inbound]).toEqual(['3001111111', '3003333333']);
		expect(output.map((item) => item.json.typeCall)).toEqual(['inbound', 'outbound', 'inbound']);
	});

	test('splits combined telephones into requests of at most 10,000', async () => {
		const all = numbers(25_000);
		const items = Array.from({ length: 2_500 }, (_, index) => ({
			phone: all.slice(index * 10, index * 10 + 10),
		}));

		const { output } = await runWolkvox({
			parameters: addDnc(),
			credentials: fx.credentials(),
			items,
		});

		expect(phonesSent().map((sent) => sent.length)).toEqual([10_000, 10_000, 5_000]);
		expect(fx.sim.dnc.outbound.size).toBe(25_000);
		expect(output).toHaveLength(2_500);
		expect(
			output.every((item, index) => (item.pairedItem as { item: number }).item === index),
		).toBe(true);
		const opened = output.flatMap((item) => (item.json.combinedRequests as object[]) ?? []);
		expect(opened).toEqual([
			{ code: 201, msg: '10000 telephones were added', items: 1_000, records: 10_000 },
			{ code: 201, msg: '10000 telephones were added', items: 1_000, records: 10_000 },
			{ code: 201, msg: '5000 telephones were added', items: 500, records: 5_000 },
		]);
		expect(output[0].json.combinedRequests).toBeDefined();
		expect(output[1_000].json.combinedRequests).toBeDefined();
		expect(output[2_000].json.combinedRequests).toBeDefined();
		expect(output.every((item) => item.json.msg === '10 telephones added')).toBe(true);
	});

	test('splits one item that alone holds more than 10,000 telephones', async () => {
		const { output } = await runWolkvox({
			parameters: addDnc(),
			credentials: fx.credentials(),
			items: [{ phone: '3009999999' }, { phone: numbers(12_000) }],
		});

		expect(phonesSent().map((sent) => sent.length)).toEqual([1, 10_000, 2_000]);
		expect(output[1].json.telephones).toHaveLength(12_000);
		expect(output[1].json.msg).toBe('10000 telephones were added; 2000 telephones were added');
	});

	test('honours a smaller batch size', async () => {
		await runWolkvox({
			parameters: addDnc({ options: { batchSize: 4 } }),
			credentials: fx.credentials(),
			items: [0, 1, 2, 3, 4].map((index) => ({ phone: numbers(2, index * 2) })),
		});

		expect(phonesSent().map((sent) => sent.length)).toEqual([4, 4, 2]);
	});

	test('sends one request per item when combining is turned off, one after another', async () => {
		fx.sim.latencyMs = 20;
		const { output } = await runWolkvox({
			parameters: addDnc({ options: { combineItems: false } }),
			credentials: fx.credentials(),
			items: [
				{ phone: '3001111111' },
				{ phone: '3002222222, 3003333333' },
				{ phone: '3004444444' },
			],
		});

		expect(phonesSent()).toEqual([['3001111111'], ['3002222222', '3003333333'], ['3004444444']]);
		expect(fx.sim.maxInFlight(TOKEN)).toBe(1);
		expect(output.map((item) => item.json.msg)).toEqual([
			'1 telephones were added',
			'2 telephones were added',
			'1 telephones were added',
		]);
	});
});

describe('Add DNC input checks', () => {
	test('with "Continue (using error output)", a bad item goes to the error output, paired', async () => {
		const { output, errorOutput } = await runWolkvox({
			parameters: addDnc(),
			credentials: fx.credentials(),
			items: [{ phone: '3001111111' }, { phone: 'call me' }],
			errorOutput: true,
		});

		expect(output.map((item) => [item.pairedItem, item.json.code])).toEqual([[{ item: 0 }, 201]]);
		expect(errorOutput.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[
				{ item: 1 },
				expect.stringContaining('Item 1: "Telephones": "call me" is not a telephone number'),
			],
		]);
	});

	test.each([
		['an empty value', '', 'no telephone number given'],
		['only separators', ' , ;\n', 'no telephone number given'],
		['letters', '300 12ab 456', '"300 12ab 456" is not a telephone number'],
		['too few digits', '123-456', '"123-456" has 6 digits; a telephone number needs 7 to 15'],
		['too many digits', '+1234567890123456', '"+1234567890123456" has 16 digits'],
		['a plus sign inside', '300+1234567', '"300+1234567" is not a telephone number'],
		['non-ASCII digits', '٣٠٠١٢٣٤٥٦٧', 'is not a telephone number'],
	])(
		'refuses %s, naming the item and the field, and sends nothing',
		async (_case, phone, reason) => {
			const { error, output } = await runWolkvox({
				parameters: addDnc(),
				credentials: fx.credentials(),
				items: [{ phone: '3001234567' }, { phone }],
			});

			expect(error?.message).toContain('Item 1: "Telephones": ');
			expect(error?.message).toContain(reason);
			expect(output).toEqual([]);
			expect(fx.sim.requests).toHaveLength(0);
		},
	);

	test.each([
		[
			'a batch size that is not a number',
			{ batchSize: '={{ "abc" }}' },
			'"Batch Size" must be a whole number from 1 to 10000, not "abc"',
		],
		[
			'a batch size over 10,000',
			{ batchSize: '={{ 20000 }}' },
			'"Batch Size" must be a whole number from 1 to 10000, not 20000',
		],
		[
			'a timeout of 0',
			{ timeout: '={{ 0 }}' },
			'"Timeout" must be a whole number from 1 to 60000, not 0',
		],
		[
			'a negative max retries',
			{ maxRetries: '={{ -1 }}' },
			'"Max Retries" must be a whole number from 0 to 10, not -1',
		],
		[
			'combine items that is not true or false',
			{ combineItems: '={{ "no" }}' },
			'"Combine Items" must be true or false, not "no"',
		],
	])('refuses %s from an expression and sends nothing', async (_case, options, message) => {
		const { error } = await runWolkvox({
			parameters: addDnc({ options }),
			credentials: fx.credentials(),
			items: [{ phone: '3001234567' }],
		});

		expect(error?.message).toBe(`Item 0: ${message}`);
		expect(fx.sim.requests).toHaveLength(0);
	});

	test('reads "false" from an expression as false', async () => {
		await runWolkvox({
			parameters: addDnc({ options: { combineItems: '={{ "false" }}' } }),
			credentials: fx.credentials(),
			items: [{ phone: '3001111111' }, { phone: '3002222222' }],
		});

		expect(phonesSent()).toEqual([['3001111111'], ['3002222222']]);
	});

	test('refuses a type of call other than inbound, outbound or both', async () => {
		const { error } = await runWolkvox({
			parameters: addDnc({ typeCall: '={{ $json.type }}' }),
			credentials: fx.credentials(),
			items: [{ phone: '3001234567', type: 'all' }],
		});

		expect(error?.message).toBe(
			'Item 0: "Type of Call" must be inbound or outbound or both, not "all"',
		);
		expect(fx.sim.requests).toHaveLength(0);
	});

	test('with Continue On Fail, a bad item becomes an error item and the others are sent', async () => {
		const { output, error } = await runWolkvox({
			parameters: addDnc(),
			credentials: fx.credentials(),
			items: [{ phone: '3001111111' }, { phone: 'call me' }, { phone: '3002222222' }],
			continueOnFail: true,
		});

		expect(error).toBeUndefined();
		expect(phonesSent()).toEqual([['3001111111', '3002222222']]);
		expect(output).toHaveLength(3);
		expect(output[1]).toMatchObject({
			json: {
				error:
					'Item 1: "Telephones": "call me" is not a telephone number: only digits, spaces, dashes, dots, parentheses and a leading + are allowed',
			},
			pairedItem: { item: 1 },
		});
		expect(output[1].error?.description).toBe('Nothing was sent for this item.');
		expect(output[0].json.code).toBe(201);
		expect(output[2].json.code).toBe(201);
	});
});
