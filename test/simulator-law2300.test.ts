import { DEFAULT_TOKEN, WolkvoxSimulator } from '../simulator/server';

let sim: WolkvoxSimulator;

beforeAll(async () => {
	sim = await WolkvoxSimulator.start();
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

interface Call {
	method?: string;
	body?: unknown;
	query?: Record<string, string>;
	contentType?: string;
}

async function call(file: string, api: string, { method, body, query, contentType }: Call = {}) {
	const url = new URL(`${sim.baseUrl}/api/v2/${file}`);
	url.searchParams.set('api', api);
	for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
	const response = await fetch(url, {
		method: method ?? 'GET',
		headers: { 'wolkvox-token': DEFAULT_TOKEN, 'content-type': contentType ?? 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const block = (body: unknown, extra: Call = {}) =>
	call('configuration.php', 'block_law2300', { method: 'PUT', body, ...extra });
const info = (query: Record<string, string>) => call('information.php', 'law2300_info', { query });
const free = (body: unknown) => call('configuration.php', 'free_law2300', { method: 'PUT', body });
const predictive = (body: unknown) =>
	call('configuration.php', 'block_predictive_dnc', { method: 'PUT', body });
const temporary = (body: unknown) => call('campaign.php', 'add_dnc', { method: 'POST', body });

describe("Ley 2300 endpoints answer as Wolkvox's examples", () => {
	test('block, info, free: the list is keyed by NIT + telephone', async () => {
		expect(await block({ nit: '900123456', telephone: '3001234567', customer_id: '1001' })).toEqual(
			{
				status: 200,
				json: { code: '200', error: null, msg: 'The number has been blocked successfully' },
			},
		);

		const found = await info({ nit: '900123456', phone: '3001234567' });
		expect(found.json).toMatchObject({ code: '200', error: null, msg: '1 records were found' });
		expect(found.json.data).toEqual([
			{
				phone_number: '3001234567',
				last_day: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
				last_channel: 'voice',
			},
		]);
		expect((await info({ nit: '800111222', phone: '3001234567' })).json).toEqual({
			code: '200',
			error: null,
			msg: '0 records were found',
			data: [],
		});

		expect(
			await free({ nit: '900123456', item: 'customer_id', value: '1001', agent_id: 'agent-7' }),
		).toEqual({ status: 201, json: { code: '201', error: null, msg: 'Removed successfully' } });
		expect(sim.law2300.list()).toEqual([]);
	});

	test('strict: an unknown key, a wrong method, a body that is not JSON, a missing parameter', async () => {
		expect(await block({ nit: '1', telephone: '3001234567', phone: 'x' })).toEqual({
			status: 400,
			json: { code: 400, error: 'BAD REQUEST', msg: 'UNKNOWN PARAMETER phone' },
		});
		expect((await block({ nit: '1', telephone: '3001234567' }, { method: 'POST' })).status).toBe(
			405,
		);
		expect(
			(await block({ nit: '1', telephone: '3001234567' }, { contentType: 'text/plain' })).json.msg,
		).toBe('THE BODY MUST BE JSON (Content-Type: application/json)');
		expect((await block({ nit: '1' })).json.msg).toBe('SOME PARAMETERS ARE REQUIRED');
		expect((await block({ nit: '1', telephone: '+57 300' })).json.msg).toBe(
			'INVALID VALUE FOR telephone',
		);
		expect((await info({ nit: '1', phone: '3001234567', telephone: 'x' })).json.msg).toBe(
			'UNKNOWN PARAMETER telephone',
		);
		expect((await info({ nit: '1' })).json.msg).toBe('SOME PARAMETERS ARE REQUIRED');
		expect((await free({ nit: '1', item: 'email', value: 'a', agent_id: '7' })).json.msg).toBe(
			'INVALID VALUE FOR item',
		);
		expect(sim.law2300.list()).toEqual([]);
	});
});

describe("campaign endpoints answer as Wolkvox's examples", () => {
	test('block_predictive_dnc keeps the customers per campaign', async () => {
		expect(
			await predictive({ id_campaing: '7224', id_cliente: ['1000000001', '1000000002'] }),
		).toEqual({
			status: 202,
			json: {
				code: '202',
				error: null,
				msg: '2 records were successfully marked as DO-NOT-CALL in campaign 7224',
			},
		});
		expect((await predictive({ id_campaign: '7224', id_cliente: ['1'] })).json.msg).toBe(
			'UNKNOWN PARAMETER id_campaign',
		);
		expect(
			(await predictive({ id_campaing: '7224', id_cliente: Array(10_001).fill('1') })).status,
		).toBe(400);
		expect(sim.campaignDnc.list()).toEqual({ '7224': ['1000000001', '1000000002'] });
	});

	test("campaign.php's add_dnc takes a list, counts what it rejects, and the blocks expire", async () => {
		const reply = await temporary([
			{ telephone: '573000000010', days_block: '15' },
			{ telephone: '+57 300', days_block: '15' },
			{ telephone: '3000000011', days_block: 'fifteen' },
		]);
		expect(reply).toEqual({
			status: 201,
			json: {
				code: 201,
				error: null,
				msg: '1 telephones were added',
				data: [{ total_added: '1', total_rejected: '2', total_sent: '3' }],
			},
		});
		expect(sim.temporaryDnc.list().map((entry) => entry.telephone)).toEqual(['573000000010']);
		expect(sim.temporaryDnc.list(Date.now() + 16 * 86_400_000)).toEqual([]);

		expect((await temporary({ telephone: '3000000012', days_block: '15' })).json.msg).toBe(
			'SOME PARAMETERS ARE REQUIRED',
		);
		expect((await temporary([{ telephone: '3000000012', days: '15' }])).json.msg).toBe(
			'UNKNOWN PARAMETER days',
		);
	});

	test('the state page shows the Ley 2300 list, campaign DNC and temporary blocks', async () => {
		await block({ nit: '900123456', telephone: '3001234567' });
		await predictive({ id_campaing: '7224', id_cliente: ['1000000001'] });
		await temporary([{ telephone: '3000000010', days_block: '2' }]);

		const state = (await (await fetch(`${sim.baseUrl}/__simulator/state`)).json()) as Record<
			string,
			unknown
		>;
		expect(state.law2300).toEqual([
			expect.objectContaining({ nit: '900123456', phone_number: '3001234567' }),
		]);
		expect(state.campaignDnc).toEqual({ '7224': ['1000000001'] });
		expect(state.temporaryDnc).toEqual([
			expect.objectContaining({ telephone: '3000000010', days_block: 2 }),
		]);
	});
});

test('add_dnc takes type_call "all" and "inbound/outbound": the numbers go on both lists', async () => {
	for (const type_call of ['all', 'inbound/outbound'])
		await call('configuration.php', 'add_dnc', {
			method: 'POST',
			body: { type_call, telephones: [type_call === 'all' ? '3001111111' : '3002222222'] },
		});
	expect([...sim.dnc.inbound]).toEqual(['3001111111', '3002222222']);
	expect([...sim.dnc.outbound]).toEqual(['3001111111', '3002222222']);
});
