/** The simulator's campaign endpoints hold Wolkvox's rules: what a careless client sends is refused. */
import { DEFAULT_TOKEN, WolkvoxSimulator } from '../simulator/server';

let sim: WolkvoxSimulator;

beforeAll(async () => (sim = await WolkvoxSimulator.start()));
afterAll(async () => await sim.stop());
beforeEach(() => {
	sim.reset();
	sim.addCampaign({ campaign_id: '7224', type_campaign: 'predictive', campaign_name: 'Cobranza' });
});

async function call(
	method: string,
	file: string,
	query: Record<string, string>,
	body?: unknown,
): Promise<{ status: number; json: { code: unknown; msg: string; data?: unknown } }> {
	const url = new URL(`${sim.baseUrl}/api/v2/${file}.php`);
	for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
	const response = await fetch(url, {
		method,
		headers: { 'wolkvox-token': DEFAULT_TOKEN, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return {
		status: response.status,
		json: (await response.json()) as { code: unknown; msg: string; data?: unknown },
	};
}

const addQuery = {
	api: 'add_record',
	type_campaign: 'predictive',
	campaign_id: '7224',
	campaign_status: 'start',
};
const record = { customer_id: '1', tel1: '3001234567' };

describe('simulator: campaign records', () => {
	test("add_record answers Wolkvox's example and starts the campaign", async () => {
		const { status, json } = await call('POST', 'campaign', addQuery, [record]);
		expect([status, json]).toEqual([
			201,
			{
				code: '201',
				error: null,
				msg: 'All records has been added successfully',
				data: [{ total_registers: '1' }],
			},
		]);
		expect(sim.campaigns.byId.get('7224')?.status).toBe('start');
	});

	test.each([
		[
			'an unknown record field',
			[{ ...record, nombre: 'Ana' }],
			addQuery,
			'UNKNOWN PARAMETER nombre',
		],
		[
			'an unknown query key',
			[record],
			{ ...addQuery, campaing_id: '7224' },
			'UNKNOWN PARAMETER campaing_id',
		],
		['a missing customer_id', [{ tel1: '3001234567' }], addQuery, 'SOME PARAMETERS ARE REQUIRED'],
		['no telephone', [{ customer_id: '1' }], addQuery, 'SOME PARAMETERS ARE REQUIRED'],
		[
			'a missing campaign_status (predictive)',
			[record],
			{ ...addQuery, campaign_status: '' },
			'SOME PARAMETERS ARE REQUIRED',
		],
		[
			'opt1 of 101 characters',
			[{ ...record, opt1: 'x'.repeat(101) }],
			addQuery,
			'INVALID VALUE FOR opt1',
		],
		[
			'opt7 of 201 characters',
			[{ ...record, opt7: 'x'.repeat(201) }],
			addQuery,
			'INVALID VALUE FOR opt7',
		],
		['a number instead of text', [{ ...record, age: 35 }], addQuery, 'INVALID VALUE FOR age'],
		[
			'a bad type_campaign',
			[record],
			{ ...addQuery, type_campaign: 'progressive' },
			'INVALID VALUE FOR type_campaign',
		],
		[
			"another campaign's type",
			[record],
			{ ...addQuery, type_campaign: 'preview', campaign_status: '' },
			'UNKNOWN PARAMETER campaign_status',
		],
		[
			'10,001 records',
			Array.from({ length: 10_001 }, (_, index) => ({
				customer_id: String(index),
				tel1: '3001234567',
			})),
			addQuery,
			'THE MAXIMUM NUMBER OF RECORDS PER CALL IS 10000',
		],
	])('add_record refuses %s and adds nothing', async (_name, body, query, msg) => {
		const { status, json } = await call('POST', 'campaign', query, body);
		expect(status).toBeGreaterThanOrEqual(400);
		expect(json.msg).toBe(msg);
		expect(sim.campaigns.byId.get('7224')?.records.size).toBe(0);
	});

	test('a campaign that does not exist, and a preview campaign named predictive, are refused', async () => {
		sim.addCampaign({ campaign_id: '900', type_campaign: 'preview' });
		expect(
			(await call('POST', 'campaign', { ...addQuery, campaign_id: '1' }, [record])).json.msg,
		).toBe('THE CAMPAIGN DOES NOT EXIST');
		expect(
			(await call('POST', 'campaign', { ...addQuery, campaign_id: '900' }, [record])).json.msg,
		).toBe('INVALID VALUE FOR type_campaign');
	});

	test('remove_record takes at most 10,000 IDs; start takes no body key', async () => {
		const ids = Array.from({ length: 10_001 }, (_, index) => String(index)).join(',');
		const removal = await call(
			'DELETE',
			'campaign',
			{ api: 'remove_record', type_campaign: 'predictive', campaign_id: '7224' },
			{ customer_id: ids },
		);
		expect(removal.json.msg).toBe('THE MAXIMUM NUMBER OF RECORDS PER CALL IS 10000');
		const start = await call(
			'PUT',
			'campaign',
			{ api: 'start', campaign_id: '7224' },
			{ status: 'start' },
		);
		expect(start.json.msg).toBe('UNKNOWN PARAMETER status');
		expect(sim.campaigns.byId.get('7224')?.status).toBe('stop');
	});

	test('recall refuses a date that is not YYYYmmddHHiiss', async () => {
		await call('POST', 'campaign', addQuery, [record]);
		const recall = await call(
			'PUT',
			'campaign',
			{ api: 'recall', campaign_id: '7224' },
			{ recall_date: '20240231160000', recall_telephone: '3001234567', customer_id: '1' },
		);
		expect(recall.json.msg).toBe('INVALID VALUE FOR recall_date');
	});

	test('the state page lists campaigns with their records', async () => {
		await call('POST', 'campaign', addQuery, [record]);
		const state = (await (await fetch(`${sim.baseUrl}/__simulator/state`)).json()) as {
			campaigns: unknown[];
		};
		expect(state.campaigns).toMatchObject([
			{ campaign_id: '7224', campaign_name: 'Cobranza', status: 'start', records: [record] },
		]);
	});
});
