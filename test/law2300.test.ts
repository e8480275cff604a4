import { runWolkvox } from './harness/run-node';
import { TOKEN, useSimulator } from './harness/simulator-fixture';

const fx = useSimulator();
const NIT = '900123456';

const law2300 = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'law2300',
	operation,
	nit: NIT,
	telephone: '={{ $json.phone }}',
	...extra,
});

const bodies = (api: string) => fx.sim.requestsFor(api).map((request) => request.body);
const jsonOf = (output: Array<{ json: unknown }>) => output.map((item) => item.json);

describe('Ley 2300: Block', () => {
	test('sends one block_law2300 per item, the number normalised, and Wolkvox lists it under the NIT', async () => {
		const { output } = await runWolkvox({
			parameters: law2300('block', { customerId: '={{ $json.id ?? "" }}' }),
			credentials: fx.credentials(),
			items: [{ phone: '+57 300 123 4567', id: '1000000001' }, { phone: '(300) 765-4321' }],
		});

		expect(bodies('block_law2300')).toEqual([
			{ nit: NIT, telephone: '573001234567', customer_id: '1000000001' },
			{ nit: NIT, telephone: '3007654321' },
		]);
		expect(fx.sim.requestsFor('block_law2300').map((request) => request.method)).toEqual([
			'PUT',
			'PUT',
		]);
		expect(fx.sim.law2300.list().map(({ nit, phone_number }) => `${nit}:${phone_number}`)).toEqual([
			`${NIT}:573001234567`,
			`${NIT}:3007654321`,
		]);
		expect(jsonOf(output)).toEqual([
			{
				nit: NIT,
				telephone: '573001234567',
				telephones: ['573001234567'],
				code: 200,
				error: null,
				msg: 'The number has been blocked successfully',
			},
			{
				nit: NIT,
				telephone: '3007654321',
				telephones: ['3007654321'],
				code: 200,
				error: null,
				msg: 'The number has been blocked successfully',
			},
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('a missing NIT fails the item, naming it and the field; nothing is sent', async () => {
		const { error } = await runWolkvox({
			parameters: law2300('block', { nit: '={{ $json.nit }}' }),
			credentials: fx.credentials(),
			items: [{ phone: '3001234567', nit: NIT }, { phone: '3001234568' }],
		});

		expect(error?.message).toBe(
			'Item 1: "Company NIT": undefined is not a NIT: write its digits, with dots if you like, and optionally the check digit after a dash (900.123.456-7)',
		);
		expect(fx.sim.requests).toHaveLength(0);
	});

	test('more than one number in an item fails it: Wolkvox takes one per call', async () => {
		const { output } = await runWolkvox({
			parameters: law2300('block'),
			credentials: fx.credentials(),
			items: [{ phone: '3001234567, 3001234568' }, { phone: '3001234569' }],
			continueOnFail: true,
		});

		expect(output[0].json.error).toBe(
			'Item 0: "Telephone" takes one number, got 2: 3001234567, 3001234568',
		);
		expect(bodies('block_law2300')).toEqual([{ nit: NIT, telephone: '3001234569' }]);
	});
});

describe('Ley 2300: Check', () => {
	test('a blocked number is protected, with the day and channel Wolkvox keeps; an unlisted one is not, and is no error', async () => {
		fx.sim.law2300.block(NIT, '3001234567', undefined, 'whatsapp', Date.UTC(2026, 0, 15, 10, 30));

		const { output, error } = await runWolkvox({
			parameters: law2300('check'),
			credentials: fx.credentials(),
			items: [{ phone: '300 123 4567' }, { phone: '3009999999' }],
		});

		expect(error).toBeUndefined();
		expect(fx.sim.requestsFor('law2300_info').map((request) => request.query)).toEqual([
			{ nit: NIT, phone: '3001234567' },
			{ nit: NIT, phone: '3009999999' },
		]);
		expect(jsonOf(output)).toEqual([
			{
				nit: NIT,
				telephone: '3001234567',
				telephones: ['3001234567'],
				protected: true,
				protectedAs: ['3001234567'],
				lastDay: '2026-01-15 10:30:00',
				lastChannel: 'whatsapp',
			},
			{
				nit: NIT,
				telephone: '3009999999',
				telephones: ['3009999999'],
				protected: false,
				protectedAs: [],
				lastDay: null,
				lastChannel: null,
			},
		]);
	});

	test('the same number asked by several items costs one call in an execution', async () => {
		const { output } = await runWolkvox({
			parameters: law2300('check'),
			credentials: fx.credentials(),
			items: [{ phone: '3001234567' }, { phone: '+3001234567' }, { phone: '300-123-4567' }],
		});

		expect(fx.sim.requestsFor('law2300_info')).toHaveLength(1);
		expect(fx.sim.usedToday(TOKEN)).toBe(1);
		expect(output).toHaveLength(3);
		expect(output.every((item) => item.json.protected === false)).toBe(true);
	});

	test('a number is protected under its own NIT only', async () => {
		fx.sim.law2300.block('800111222', '3001234567');

		const { output } = await runWolkvox({
			parameters: law2300('check'),
			credentials: fx.credentials(),
			items: [{ phone: '3001234567' }],
		});

		expect(output[0].json.protected).toBe(false);
	});
});

describe('Ley 2300: Release', () => {
	const release = (extra: Record<string, unknown> = {}) =>
		law2300('release', {
			releaseBy: 'telephone',
			value: '+300 123 4567',
			agentId: 'agent-7',
			...extra,
		});

	test('by telephone: sends free_law2300 with the number normalised, and Wolkvox lists it no more', async () => {
		fx.sim.law2300.block(NIT, '3001234567');
		fx.sim.law2300.block(NIT, '3007654321');

		const { output } = await runWolkvox({
			parameters: release(),
			credentials: fx.credentials(),
		});

		expect(bodies('free_law2300')).toEqual([
			{ nit: NIT, item: 'telephone', value: '3001234567', agent_id: 'agent-7' },
		]);
		expect(fx.sim.law2300.list().map((entry) => entry.phone_number)).toEqual(['3007654321']);
		expect(jsonOf(output)).toEqual([
			{
				nit: NIT,
				releaseBy: 'telephone',
				value: '3001234567',
				values: ['3001234567'],
				code: 201,
				error: null,
				msg: 'Removed successfully',
			},
		]);
	});

	test('by customer ID: the ID is sent as it is', async () => {
		fx.sim.law2300.block(NIT, '3001234567', 'CC-1000000001');

		const { output } = await runWolkvox({
			parameters: release({ releaseBy: 'customerId', value: ' CC-1000000001 ' }),
			credentials: fx.credentials(),
		});

		expect(bodies('free_law2300')).toEqual([
			{ nit: NIT, item: 'customer_id', value: 'CC-1000000001', agent_id: 'agent-7' },
		]);
		expect(fx.sim.law2300.list()).toEqual([]);
		expect(output[0].json).toMatchObject({ releaseBy: 'customerId', value: 'CC-1000000001' });
	});

	test("refuses a value filled by an AI agent's $fromAI: nothing is sent", async () => {
		fx.sim.law2300.block(NIT, '3001234567');

		const { error } = await runWolkvox({
			parameters: release({ value: "={{ $fromAI('value', 'the number to release', 'string') }}" }),
			credentials: fx.credentials(),
		});

		expect(error?.message).toBe(
			'Item 0: "Value" must be a fixed value, not an expression: lifting a protection is decided by a person, not by the input or an AI agent',
		);
		expect(fx.sim.requests).toHaveLength(0);
		expect(fx.sim.law2300.list()).toHaveLength(1);
	});

	test('a missing agent ID fails the item, naming the field; nothing is sent', async () => {
		const { error } = await runWolkvox({
			parameters: release({ agentId: ' ' }),
			credentials: fx.credentials(),
		});

		expect(error?.message).toBe('Item 0: "Agent ID" is required, got " "');
		expect(fx.sim.requests).toHaveLength(0);
	});
});

describe('Ley 2300 and the token line', () => {
	test('three executions of Block and Check at once: one request at a time per token', async () => {
		fx.sim.latencyMs = 5;
		const items = Array.from({ length: 10 }, (_, index) => ({
			phone: String(3_001_000_000 + index),
		}));

		const results = await Promise.all([
			runWolkvox({ parameters: law2300('block'), credentials: fx.credentials(), items }),
			runWolkvox({ parameters: law2300('check'), credentials: fx.credentials(), items }),
			runWolkvox({
				parameters: law2300('block', { nit: '800111222' }),
				credentials: fx.credentials(),
				items,
			}),
		]);

		expect(results.map((result) => result.error)).toEqual([undefined, undefined, undefined]);
		expect(fx.sim.requests).toHaveLength(30);
		expect(fx.sim.requests.every((request) => request.status === 200)).toBe(true);
		expect(fx.sim.law2300.list()).toHaveLength(20);
		expect(fx.sim.maxInFlight(TOKEN)).toBe(1);
	});
});
