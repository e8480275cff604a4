/**
 * The simulator's reports (reports_manager.php): act_3 and cdr_11 answer as Wolkvox's examples, with
 * dates in Colombia's time, date filtering, the 31-day limit, and interactions created through the
 * control endpoint and shown on the state page; free_law2300 appears in cdr_11.
 */
import { DEFAULT_TOKEN, WolkvoxSimulator } from '../simulator/server';

let sim: WolkvoxSimulator;

beforeAll(async () => {
	sim = await WolkvoxSimulator.start();
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

async function report(api: string, query: Record<string, string>) {
	const url = new URL(`${sim.baseUrl}/api/v2/reports_manager.php`);
	url.searchParams.set('api', api);
	for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
	const response = await fetch(url, {
		headers: { 'wolkvox-token': DEFAULT_TOKEN, 'content-type': 'application/json' },
	});
	return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function control(route: string, body?: unknown) {
	const response = await fetch(`${sim.baseUrl}/__simulator/${route}`, {
		method: body === undefined ? 'GET' : 'POST',
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, json: (await response.json()) as unknown };
}

// 2026-12-07 10:00:00 in Colombia is 15:00 UTC.
const TEN_AM = Date.UTC(2026, 11, 7, 15, 0, 0);
const MINUTE = 60_000;

describe('act_3: coded interactions', () => {
	test("rows dated in the range, both ends included, in Colombia's time, as Wolkvox's example", async () => {
		sim.activityCodes.set('cod_act1:099', {
			type_code: 'cod_act1',
			cod_act: '099',
			description_cod_act: 'No volver a llamar',
			hit: 'no',
			rpc: 'yes',
			chat: 'no',
			studio: 'no',
			voice: 'yes',
			interactions: 'no',
		});
		sim.addInteraction({ at: TEN_AM - MINUTE, cod_act: '001' });
		const coded = sim.addInteraction({
			at: TEN_AM,
			cod_act: '099',
			telephone: '3001234567',
			campaign_id: '7224',
		});
		sim.addInteraction({ at: TEN_AM + 10 * MINUTE, cod_act: '001' });
		sim.addInteraction({ at: TEN_AM + 11 * MINUTE, cod_act: '001' });

		const answer = await report('act_3', {
			cod_act: 'cod_act1',
			date_ini: '20261207100000',
			date_end: '20261207101000',
		});

		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({ code: 200, error: null, msg: '2 records were found' });
		const rows = answer.json.data as Array<Record<string, string>>;
		expect(rows.map((row) => row.date)).toEqual(['2026-12-07 10:00:00', '2026-12-07 10:10:00']);
		expect(rows[0]).toEqual(coded);
		expect(Object.keys(rows[0]).sort()).toEqual(
			[
				'conn_id',
				'agent_id',
				'agent_name',
				'agent_dni',
				'skill_id',
				'date',
				'cod_act',
				'description_cod_act',
				'cod_act_2',
				'description_cod_act_2',
				'comments',
				'type_interaction',
				'telephone',
				'destiny',
				'time',
				'hang_up',
				'customer_id',
				'campaign_id',
			].sort(),
		);
		expect(rows[0]).toMatchObject({ cod_act: '099', description_cod_act: 'No volver a llamar' });
	});

	test('group 2 lists the interactions with a group-2 code', async () => {
		sim.addInteraction({ at: TEN_AM, cod_act: '001' });
		const both = sim.addInteraction({ at: TEN_AM, cod_act: '002', cod_act_2: 'A01' });

		const answer = await report('act_3', {
			cod_act: 'cod_act2',
			date_ini: '20261207000000',
			date_end: '20261207235959',
		});

		expect(answer.json.data).toEqual([both]);
	});

	test('a range without rows is answered 404 "Validate dates entered" (as a public client saw Wolkvox do)', async () => {
		const answer = await report('act_3', {
			cod_act: 'cod_act1',
			date_ini: '20261207000000',
			date_end: '20261207235959',
		});

		expect(answer).toEqual({
			status: 404,
			json: { code: 404, error: 'NOT FOUND', msg: 'Validate dates entered' },
		});
	});

	test('ranges longer than 31 days, reversed ranges, bad dates and missing parameters are refused', async () => {
		sim.addInteraction({ at: TEN_AM });
		const ask = (query: Record<string, string>) =>
			report('act_3', { cod_act: 'cod_act1', ...query });

		expect(await ask({ date_ini: '20261106100000', date_end: '20261207100001' })).toMatchObject({
			status: 400,
			json: { msg: 'THE MAXIMUM DATE RANGE IS 31 DAYS' },
		});
		expect((await ask({ date_ini: '20261106100000', date_end: '20261207100000' })).status).toBe(
			200,
		);
		expect((await ask({ date_ini: '20261208000000', date_end: '20261207000000' })).status).toBe(
			404,
		);
		expect((await ask({ date_ini: '2026-12-07', date_end: '20261207235959' })).status).toBe(404);
		expect((await ask({ date_ini: '20261207000000' })).json).toMatchObject({
			msg: 'SOME PARAMETERS ARE REQUIRED',
		});
		expect(
			(await report('act_3', { date_ini: '20261207000000', date_end: '20261207235959' })).json,
		).toMatchObject({ msg: 'SOME PARAMETERS ARE REQUIRED' });
		expect(sim.requestsFor('act_3').every((request) => request.method === 'GET')).toBe(true);
	});
});

describe('cdr_11: Ley 2300 releases', () => {
	test('a free_law2300 the simulator applies is listed, with the agent and what was released', async () => {
		const before = Date.now();
		const response = await fetch(`${sim.baseUrl}/api/v2/configuration.php?api=free_law2300`, {
			method: 'PUT',
			headers: { 'wolkvox-token': DEFAULT_TOKEN, 'content-type': 'application/json' },
			body: JSON.stringify({
				nit: '900123456',
				item: 'telephone',
				value: '3001234567',
				agent_id: 'agent-7',
			}),
		});
		expect(response.status).toBe(201);
		const day = new Date(before - 5 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');

		const answer = await report('cdr_11', {
			date_ini: `${day}000000`,
			date_end: `${day}235959`,
		});

		expect(answer.json).toMatchObject({ code: 200, msg: '1 records were found' });
		expect(answer.json.data).toEqual([
			{
				protected_nit: '900123456',
				agent_id: 'agent-7',
				name_agent: 'Agent agent-7',
				operation: 'release',
				date: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
				item: 'telephone',
				value: '3001234567',
			},
		]);
	});
});

describe('control endpoint and state page', () => {
	test('POST /__simulator/interactions creates interactions; GET state shows them', async () => {
		const created = await control('interactions', [
			{ cod_act: '099', telephone: '3001112233', at: '20261207100000' },
			{ cod_act: '001' },
		]);

		expect(created.status).toBe(200);
		const rows = created.json as Array<Record<string, string>>;
		expect(rows).toHaveLength(2);
		expect(rows[0]).toMatchObject({
			conn_id: '1000001',
			telephone: '3001112233',
			date: '2026-12-07 10:00:00',
		});
		expect(rows[1].conn_id).toBe('1000002');
		const state = (await control('state')).json as { reports: { interactions: unknown[] } };
		expect(state.reports.interactions).toEqual(rows);
		expect((await control('interactions', ['not an interaction'])).status).toBe(400);
	});
});
