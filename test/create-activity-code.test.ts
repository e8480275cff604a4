import { runWolkvox } from './harness/run-node';
import { TOKEN, useSimulator } from './harness/simulator-fixture';

const fx = useSimulator();

const createCode = (extra: Record<string, unknown> = {}) => ({
	resource: 'activityCode',
	operation: 'create',
	typeCode: 'cod_act1',
	codAct: '={{ $json.code }}',
	description: '={{ $json.label }}',
	...extra,
});

describe('Create Activity Code', () => {
	test('creates the code with Wolkvox field names, hit/rpc/chat defaulting to no', async () => {
		const { output } = await runWolkvox({
			parameters: createCode(),
			credentials: fx.credentials(),
			items: [{ code: '100', label: 'Sale closed' }],
		});

		expect(fx.sim.requestsFor('create_cod_act').map((request) => request.body)).toEqual([
			{
				type_code: 'cod_act1',
				cod_act: '100',
				description_cod_act: 'Sale closed',
				hit: 'no',
				rpc: 'no',
				chat: 'no',
			},
		]);
		expect(fx.sim.activityCodes.get('cod_act1:100')).toMatchObject({
			description_cod_act: 'Sale closed',
			hit: 'no',
		});
		expect(output).toEqual([
			{
				json: {
					code: 201,
					error: null,
					msg: 'Code successfully created',
					typeCode: 'cod_act1',
					codAct: '100',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('sends studio, voice and interactions only when they are set', async () => {
		await runWolkvox({
			parameters: createCode({
				typeCode: 'cod_act2',
				hit: 'yes',
				rpc: 'yes',
				chat: 'yes',
				options: { studio: 'yes', voice: 'no', interactions: 'yes' },
			}),
			credentials: fx.credentials(),
			items: [{ code: 'CB', label: 'Call back' }],
		});

		expect(fx.sim.requestsFor('create_cod_act')[0].body).toEqual({
			type_code: 'cod_act2',
			cod_act: 'CB',
			description_cod_act: 'Call back',
			hit: 'yes',
			rpc: 'yes',
			chat: 'yes',
			studio: 'yes',
			voice: 'no',
			interactions: 'yes',
		});
		expect(fx.sim.activityCodes.get('cod_act2:CB')).toMatchObject({
			studio: 'yes',
			voice: 'no',
			interactions: 'yes',
		});
	});

	test('sends one request per item, each only after the previous one answered', async () => {
		fx.sim.latencyMs = 25;
		const items = ['100', '101', '102', '103', '104'].map((code) => ({
			code,
			label: `Code ${code}`,
		}));

		const { output } = await runWolkvox({
			parameters: createCode(),
			credentials: fx.credentials(),
			items,
		});

		expect(fx.sim.requestsFor('create_cod_act')).toHaveLength(5);
		expect(fx.sim.maxInFlight(TOKEN)).toBe(1);
		expect(output.map((item) => item.json.codAct)).toEqual(['100', '101', '102', '103', '104']);
		expect(output.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
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
			'a hit that is not yes or no',
			{ code: '100', label: 'x' },
			{ hit: '={{ "maybe" }}' },
			'Item 0: "Hit" must be yes or no, not "maybe"',
		],
		[
			'an unknown type code',
			{ code: '100', label: 'x' },
			{ typeCode: '={{ "cod_act3" }}' },
			'Item 0: "Type Code" must be cod_act1 or cod_act2, not "cod_act3"',
		],
	])('refuses %s and sends nothing', async (_case, item, parameters, message) => {
		const { error } = await runWolkvox({
			parameters: createCode(parameters),
			credentials: fx.credentials(),
			items: [item],
		});

		expect(error?.message).toBe(message);
		expect(fx.sim.requests).toHaveLength(0);
	});

	test('accepts booleans from expressions for the yes/no fields', async () => {
		await runWolkvox({
			parameters: createCode({ hit: '={{ $json.hit }}' }),
			credentials: fx.credentials(),
			items: [{ code: '7', label: 'Won', hit: true }],
		});

		expect(fx.sim.requestsFor('create_cod_act')[0].body).toMatchObject({ hit: 'yes' });
	});

	test('reports a code that already exists in Wolkvox as such', async () => {
		await runWolkvox({
			parameters: createCode(),
			credentials: fx.credentials(),
			items: [{ code: '100', label: 'A' }],
		});

		const { error } = await runWolkvox({
			parameters: createCode(),
			credentials: fx.credentials(),
			items: [{ code: '100', label: 'B' }],
		});

		expect(error?.message).toBe(
			'Wolkvox says it already exists: THE ACTIVITY CODE ALREADY EXISTS (code 409)',
		);
		expect(fx.sim.activityCodes.get('cod_act1:100')?.description_cod_act).toBe('A');
	});

	test('with Continue On Fail, every item comes out, failures as paired error items', async () => {
		const { output } = await runWolkvox({
			parameters: createCode(),
			credentials: fx.credentials(),
			items: [
				{ code: '1', label: 'One' },
				{ code: '', label: 'No code' },
				{ code: '1', label: 'Duplicate' },
				{ code: '2', label: 'Two' },
			],
			continueOnFail: true,
		});

		expect(output.map((item) => [item.pairedItem, item.json.code ?? item.json.error])).toEqual([
			[{ item: 0 }, 201],
			[{ item: 1 }, 'Item 1: "Code" is required, got an empty value'],
			[{ item: 2 }, 'Wolkvox says it already exists: THE ACTIVITY CODE ALREADY EXISTS (code 409)'],
			[{ item: 3 }, 201],
		]);
		expect([...fx.sim.activityCodes.keys()]).toEqual(['cod_act1:1', 'cod_act1:2']);
	});
});
