import type { ActivityCode } from '../simulator/server';
import { runWolkvox } from './harness/run-node';
import { TOKEN, useSimulator } from './harness/simulator-fixture';
import type { FixedAnswerServer } from './support/fixed-answer-server';
import { startFixedAnswerServer } from './support/fixed-answer-server';

const fx = useSimulator();

const activityCode = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'activityCode',
	operation,
	...extra,
});

const updateCode = (extra: Record<string, unknown> = {}) =>
	activityCode('update', {
		typeCode: 'cod_act1',
		codAct: '={{ $json.code }}',
		description: '={{ $json.label }}',
		...extra,
	});

const deleteCodes = (extra: Record<string, unknown> = {}) =>
	activityCode('delete', { typeCode: 'cod_act1', codAct: '={{ $json.codes }}', ...extra });

function seed(
	...codes: Array<Partial<ActivityCode> & Pick<ActivityCode, 'type_code' | 'cod_act'>>
) {
	for (const code of codes) {
		fx.sim.activityCodes.set(`${code.type_code}:${code.cod_act}`, {
			description_cod_act: `Code ${code.cod_act}`,
			hit: 'no',
			rpc: 'no',
			chat: 'no',
			studio: 'no',
			voice: 'yes',
			interactions: 'no',
			...code,
		});
	}
}

describe('an activity code from creation to deletion', () => {
	test('create, list, update, list, delete, list: each step changes Wolkvox and the list shows it', async () => {
		const credentials = fx.credentials();
		const list = async () =>
			(
				await runWolkvox({ parameters: activityCode('getAll', { returnAll: true }), credentials })
			).output.map((item) => item.json);

		await runWolkvox({
			parameters: activityCode('create', {
				typeCode: 'cod_act2',
				codAct: 'CB',
				description: 'Call back',
			}),
			credentials,
		});
		expect(await list()).toEqual([
			{
				typeCode: 'cod_act2',
				codAct: 'CB',
				description: 'Call back',
				hit: 'no',
				rpc: 'no',
				chat: 'no',
				studio: 'no',
				voice: 'yes',
				interactions: 'no',
			},
		]);

		await runWolkvox({
			parameters: updateCode({
				typeCode: 'cod_act2',
				codAct: 'CB',
				description: 'Call back tomorrow',
				rpc: 'yes',
				chat: 'yes',
				options: { interactions: 'yes' },
			}),
			credentials,
		});
		expect(await list()).toEqual([
			{
				typeCode: 'cod_act2',
				codAct: 'CB',
				description: 'Call back tomorrow',
				hit: 'no',
				rpc: 'yes',
				chat: 'yes',
				studio: 'no',
				voice: 'yes',
				interactions: 'yes',
			},
		]);

		await runWolkvox({
			parameters: deleteCodes({ typeCode: 'cod_act2', codAct: 'CB' }),
			credentials,
		});
		expect(await list()).toEqual([]);
		expect(fx.sim.requests.map((request) => `${request.method} ${request.api}`)).toEqual([
			'POST create_cod_act',
			'GET activity_codes',
			'PUT edit_cod_act',
			'GET activity_codes',
			'DELETE remove_cod_act',
			'GET activity_codes',
		]);
	});
});

describe('Update Activity Code', () => {
	test('replaces the description and flags of an existing code, answering like Create', async () => {
		seed({ type_code: 'cod_act1', cod_act: '100', description_cod_act: 'Sale', hit: 'yes' });

		const { output } = await runWolkvox({
			parameters: updateCode({
				hit: 'no',
				rpc: 'yes',
				options: { voice: 'no', interactions: 'yes' },
			}),
			credentials: fx.credentials(),
			items: [{ code: '100', label: 'Sale closed' }],
		});

		expect(
			fx.sim.requestsFor('edit_cod_act').map((request) => [request.method, request.body]),
		).toEqual([
			[
				'PUT',
				{
					type_code: 'cod_act1',
					cod_act: '100',
					description_cod_act: 'Sale closed',
					hit: 'no',
					rpc: 'yes',
					chat: 'no',
					voice: 'no',
					interactions: 'yes',
				},
			],
		]);
		expect(fx.sim.activityCodes.get('cod_act1:100')).toEqual({
			type_code: 'cod_act1',
			cod_act: '100',
			description_cod_act: 'Sale closed',
			hit: 'no',
			rpc: 'yes',
			chat: 'no',
			studio: 'no',
			voice: 'no',
			interactions: 'yes',
		});
		expect(output).toEqual([
			{
				json: {
					code: 201,
					error: null,
					msg: 'Successfully updated code',
					typeCode: 'cod_act1',
					codAct: '100',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('reports a code Wolkvox does not have, and creates nothing', async () => {
		const { error } = await runWolkvox({
			parameters: updateCode(),
			credentials: fx.credentials(),
			items: [{ code: '404', label: 'Missing' }],
		});

		expect(error?.message).toBe(
			'Wolkvox rejected the request: THE ACTIVITY CODE DOES NOT EXIST (code 404)',
		);
		expect(fx.sim.activityCodes.size).toBe(0);
	});

	test.each([
		['an empty code', { code: '  ', label: 'x' }, {}, 'Item 0: "Code" is required, got "  "'],
		[
			'an empty description',
			{ code: '100', label: '' },
			{},
			'Item 0: "Description" is required, got an empty value',
		],
		[
			'a chat flag that is not yes or no',
			{ code: '100', label: 'x' },
			{ chat: '={{ "often" }}' },
			'Item 0: "Chat" must be yes or no, not "often"',
		],
		[
			'an unknown type code',
			{ code: '100', label: 'x' },
			{ typeCode: '={{ "cod_act3" }}' },
			'Item 0: "Type Code" must be cod_act1 or cod_act2, not "cod_act3"',
		],
	])('refuses %s and sends nothing', async (_case, item, parameters, message) => {
		seed({ type_code: 'cod_act1', cod_act: '100' });

		const { error } = await runWolkvox({
			parameters: updateCode(parameters),
			credentials: fx.credentials(),
			items: [item],
		});

		expect(error?.message).toBe(message);
		expect(fx.sim.requests).toHaveLength(0);
		expect(fx.sim.activityCodes.get('cod_act1:100')?.description_cod_act).toBe('Code 100');
	});

	test('sends one request per item, each after the previous one answered', async () => {
		fx.sim.latencyMs = 20;
		seed(...['1', '2', '3', '4'].map((cod_act) => ({ type_code: 'cod_act1' as const, cod_act })));

		const { output } = await runWolkvox({
			parameters: updateCode(),
			credentials: fx.credentials(),
			items: ['1', '2', '3', '4'].map((code) => ({ code, label: `Renamed ${code}` })),
		});

		expect(fx.sim.requestsFor('edit_cod_act')).toHaveLength(4);
		expect(fx.sim.maxInFlight(TOKEN)).toBe(1);
		expect([...fx.sim.activityCodes.values()].map((code) => code.description_cod_act)).toEqual([
			'Renamed 1',
			'Renamed 2',
			'Renamed 3',
			'Renamed 4',
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
	});

	test('with Continue On Fail, every item comes out paired, failures as error items', async () => {
		seed({ type_code: 'cod_act1', cod_act: '1' }, { type_code: 'cod_act1', cod_act: '3' });

		const { output, error } = await runWolkvox({
			parameters: updateCode(),
			credentials: fx.credentials(),
			items: [
				{ code: '1', label: 'One' },
				{ code: '1', label: '' },
				{ code: '2', label: 'Not in Wolkvox' },
				{ code: '3', label: 'Three' },
			],
			continueOnFail: true,
		});

		expect(error).toBeUndefined();
		expect(output.map((item) => [item.pairedItem, item.json.code ?? item.json.error])).toEqual([
			[{ item: 0 }, 201],
			[{ item: 1 }, 'Item 1: "Description" is required, got an empty value'],
			[{ item: 2 }, 'Wolkvox rejected the request: THE ACTIVITY CODE DOES NOT EXIST (code 404)'],
			[{ item: 3 }, 201],
		]);
		expect(fx.sim.requestsFor('edit_cod_act').map((request: any) => request.body.cod_act)).toEqual([
			'1',
			'2',
			'3',
		]);
	});
});

describe('Delete Activity Codes', () => {
	test('deletes several codes of one group in one request; the same IDs in the other group stay', async () => {
		seed(
			{ type_code: 'cod_act1', cod_act: '100' },
			{ type_code: 'cod_act1', cod_act: '200' },
			{ type_code: 'cod_act1', cod_act: '300' },
			{ type_code: 'cod_act2', cod_act: '100' },
		);

		const { output } = await runWolkvox({
			parameters: deleteCodes(),
			credentials: fx.credentials(),
			items: [{ codes: '100, 200' }],
		});

		expect(
			fx.sim.requestsFor('remove_cod_act').map((request) => [request.method, request.body]),
		).toEqual([['DELETE', { type_code: 'cod_act1', cod_act: ['100', '200'] }]]);
		expect([...fx.sim.activityCodes.keys()]).toEqual(['cod_act1:300', 'cod_act2:100']);
		expect(output).toEqual([
			{
				json: {
					code: 201,
					error: null,
					msg: 'Removed successfully',
					typeCode: 'cod_act1',
					codAct: ['100', '200'],
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('takes codes separated by commas, semicolons or new lines, or a list from an expression', async () => {
		await runWolkvox({
			parameters: deleteCodes({ typeCode: 'cod_act2' }),
			credentials: fx.credentials(),
			items: [{ codes: ' A1 ;B2\nC3,, A1 ' }, { codes: ['D4', 500, ['E5']] }],
		});

		expect(fx.sim.requestsFor('remove_cod_act').map((request) => request.body)).toEqual([
			{ type_code: 'cod_act2', cod_act: ['A1', 'B2', 'C3'] },
			{ type_code: 'cod_act2', cod_act: ['D4', '500', 'E5'] },
		]);
	});

	test.each([
		['an empty value', { codes: '' }, {}, 'Item 0: "Codes": no code given'],
		['only separators', { codes: ' ;, \n' }, {}, 'Item 0: "Codes": no code given'],
		[
			'something that is not a code',
			{ codes: { id: '100' } },
			{},
			'Item 0: "Codes": expected text or a list of codes, got object',
		],
		[
			'an unknown type code',
			{ codes: '100' },
			{ typeCode: '={{ "both" }}' },
			'Item 0: "Type Code" must be cod_act1 or cod_act2, not "both"',
		],
	])('refuses %s and sends nothing', async (_case, item, parameters, message) => {
		seed({ type_code: 'cod_act1', cod_act: '100' });

		const { error } = await runWolkvox({
			parameters: deleteCodes(parameters),
			credentials: fx.credentials(),
			items: [item],
		});

		expect(error?.message).toBe(message);
		expect(fx.sim.requests).toHaveLength(0);
		expect(fx.sim.activityCodes.size).toBe(1);
	});

	test('sends one request per item, each after the previous one answered', async () => {
		fx.sim.latencyMs = 20;
		seed(...['1', '2', '3'].map((cod_act) => ({ type_code: 'cod_act1' as const, cod_act })));

		await runWolkvox({
			parameters: deleteCodes(),
			credentials: fx.credentials(),
			items: [{ codes: '1' }, { codes: '2' }, { codes: '3' }],
		});

		expect(fx.sim.requestsFor('remove_cod_act')).toHaveLength(3);
		expect(fx.sim.maxInFlight(TOKEN)).toBe(1);
		expect(fx.sim.activityCodes.size).toBe(0);
	});

	test('with Continue On Fail, a bad item becomes a paired error item and the others are deleted', async () => {
		seed({ type_code: 'cod_act1', cod_act: '1' }, { type_code: 'cod_act1', cod_act: '2' });

		const { output, error } = await runWolkvox({
			parameters: deleteCodes(),
			credentials: fx.credentials(),
			items: [{ codes: '1' }, { codes: '' }, { codes: '2' }],
			continueOnFail: true,
		});

		expect(error).toBeUndefined();
		expect(output.map((item) => [item.pairedItem, item.json.msg ?? item.json.error])).toEqual([
			[{ item: 0 }, 'Removed successfully'],
			[{ item: 1 }, 'Item 1: "Codes": no code given'],
			[{ item: 2 }, 'Removed successfully'],
		]);
		expect(fx.sim.activityCodes.size).toBe(0);
	});
});

describe('Get Many Activity Codes', () => {
	test('returns one item per code, named like the node parameters, paired with the input item', async () => {
		seed(
			{
				type_code: 'cod_act1',
				cod_act: '100',
				description_cod_act: 'Sale',
				hit: 'yes',
				rpc: 'yes',
				studio: 'yes',
			},
			{
				type_code: 'cod_act2',
				cod_act: 'CB',
				description_cod_act: 'Call back',
				chat: 'yes',
				voice: 'no',
				interactions: 'yes',
			},
		);

		const { output } = await runWolkvox({
			parameters: activityCode('getAll'),
			credentials: fx.credentials(),
		});

		expect(
			fx.sim.requestsFor('activity_codes').map((request) => [request.method, request.file]),
		).toEqual([['GET', 'information.php']]);
		expect(output).toEqual([
			{
				json: {
					typeCode: 'cod_act1',
					codAct: '100',
					description: 'Sale',
					hit: 'yes',
					rpc: 'yes',
					chat: 'no',
					studio: 'yes',
					voice: 'yes',
					interactions: 'no',
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					typeCode: 'cod_act2',
					codAct: 'CB',
					description: 'Call back',
					hit: 'no',
					rpc: 'no',
					chat: 'yes',
					studio: 'no',
					voice: 'no',
					interactions: 'yes',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('filters by type code after reading, since Wolkvox lists every group', async () => {
		seed(
			{ type_code: 'cod_act1', cod_act: '1' },
			{ type_code: 'cod_act2', cod_act: '2' },
			{ type_code: 'cod_act2', cod_act: '3' },
		);

		const main = await runWolkvox({
			parameters: activityCode('getAll', { typeCode: 'cod_act1' }),
			credentials: fx.credentials(),
		});
		const alternate = await runWolkvox({
			parameters: activityCode('getAll', { typeCode: 'cod_act2' }),
			credentials: fx.credentials(),
		});

		expect(main.output.map((item) => item.json.codAct)).toEqual(['1']);
		expect(alternate.output.map((item) => item.json.codAct)).toEqual(['2', '3']);
		expect(fx.sim.requestsFor('activity_codes').map((request) => request.query)).toEqual([{}, {}]);
	});

	test('for one code, asks Wolkvox for that code only (&cod_act=) and returns it', async () => {
		seed(
			{ type_code: 'cod_act1', cod_act: '100', description_cod_act: 'Sale' },
			{ type_code: 'cod_act1', cod_act: '200' },
			{ type_code: 'cod_act2', cod_act: '100', description_cod_act: 'Sale (alternate)' },
		);

		const { output } = await runWolkvox({
			parameters: activityCode('getAll', { codAct: '={{ $json.code }}' }),
			credentials: fx.credentials(),
			items: [{ code: '100' }],
		});

		expect(fx.sim.requestsFor('activity_codes').map((request) => request.query)).toEqual([
			{ cod_act: '100' },
		]);
		expect(
			output.map((item) => [item.json.typeCode, item.json.codAct, item.json.description]),
		).toEqual([
			['cod_act1', '100', 'Sale'],
			['cod_act2', '100', 'Sale (alternate)'],
		]);
	});

	test('the limit applies after the type filter', async () => {
		seed(
			...Array.from({ length: 10 }, (_, index) => ({
				type_code: (index % 2 ? 'cod_act2' : 'cod_act1') as ActivityCode['type_code'],
				cod_act: String(index),
			})),
		);

		const { output } = await runWolkvox({
			parameters: activityCode('getAll', { typeCode: 'cod_act2', limit: 3 }),
			credentials: fx.credentials(),
		});

		expect(output.map((item) => item.json.codAct)).toEqual(['1', '3', '5']);
	});

	test('returns at most 50 codes by default, the given limit, or all of them with Return All', async () => {
		seed(
			...Array.from({ length: 70 }, (_, index) => ({
				type_code: 'cod_act1' as const,
				cod_act: String(index),
			})),
		);

		const byDefault = await runWolkvox({
			parameters: activityCode('getAll'),
			credentials: fx.credentials(),
		});
		const limited = await runWolkvox({
			parameters: activityCode('getAll', { limit: 2 }),
			credentials: fx.credentials(),
		});
		const all = await runWolkvox({
			parameters: activityCode('getAll', { returnAll: true }),
			credentials: fx.credentials(),
		});

		expect(byDefault.output).toHaveLength(50);
		expect(limited.output.map((item) => item.json.codAct)).toEqual(['0', '1']);
		expect(all.output).toHaveLength(70);
	});

	test.each([
		[
			'an unknown type code',
			{ typeCode: '={{ "cod_act9" }}' },
			'Item 0: "Type Code" must be all or cod_act1 or cod_act2, not "cod_act9"',
		],
		[
			'a fractional limit',
			{ limit: '={{ 2.5 }}' },
			'Item 0: "Limit" must be a whole number of at least 1, not 2.5',
		],
	])('refuses %s and sends nothing', async (_case, parameters, message) => {
		const { error } = await runWolkvox({
			parameters: activityCode('getAll', parameters),
			credentials: fx.credentials(),
		});

		expect(error?.message).toBe(message);
		expect(fx.sim.requests).toHaveLength(0);
	});

	describe('answers of an unexpected shape', () => {
		let fake: FixedAnswerServer;
		beforeAll(async () => (fake = await startFixedAnswerServer()));
		afterAll(async () => await fake.stop());

		test.each([
			[
				'no data',
				{ code: 200, error: null, msg: 'OK' },
				'Wolkvox answered activity_codes with no "data" at all, expected a list of records in "data"',
			],
			[
				'data as an object',
				{ code: 200, error: null, msg: 'OK', data: { cod_act: '1' } },
				'Wolkvox answered activity_codes with "data" as object, expected a list of records in "data"',
			],
			[
				'data as text',
				{ code: 200, error: null, msg: 'OK', data: 'none' },
				'Wolkvox answered activity_codes with "data" as string, expected a list of records in "data"',
			],
			[
				'a code without its ID',
				{ code: 200, error: null, msg: 'OK', data: [{ type_code: 'cod_act1' }] },
				'Wolkvox answered activity_codes with a record without "cod_act"',
			],
		])('reports %s as a clear error instead of crashing', async (_case, answer, message) => {
			fake.answer = answer;

			const { error, output } = await runWolkvox({
				parameters: activityCode('getAll'),
				credentials: fx.credentials({ baseUrl: fake.baseUrl }),
			});

			expect(error?.message).toBe(message);
			expect(output).toEqual([]);
		});

		test("also takes the ID under code_act, as Wolkvox's field table spells it", async () => {
			fake.answer = {
				code: '0',
				error: null,
				msg: ' 1 records were found',
				data: [{ code_act: 7, description_cod_act: 'Won', type_code: 'cod_act1' }],
			};

			const { output } = await runWolkvox({
				parameters: activityCode('getAll'),
				credentials: fx.credentials({ baseUrl: fake.baseUrl }),
			});

			expect(output.map((item) => item.json)).toEqual([
				{ typeCode: 'cod_act1', codAct: '7', description: 'Won' },
			]);
		});
	});
});
