import { runWolkvox } from './harness/run-node';
import { useSimulator } from './harness/simulator-fixture';

const fx = useSimulator();

const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });
const campaignOp = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'campaign',
	operation,
	campaign: byId('7224'),
	typeCampaign: 'predictive',
	...extra,
});
const campaign7224 = () => fx.sim.campaigns.byId.get('7224');
const ids = () => [...(campaign7224()?.records.keys() ?? [])];

beforeEach(() => {
	fx.sim.addCampaign({
		campaign_id: '7224',
		type_campaign: 'predictive',
		campaign_name: 'Cobranza',
	});
	fx.sim.addCampaign({ campaign_id: '900', type_campaign: 'preview', campaign_name: 'Ventas' });
	const records = campaign7224()?.records;
	for (const id of ['1', '2', '3', '4'])
		records?.set(id, {
			fields: { customer_id: id, tel1: `300000000${id}` },
			...(id === '4' ? { result: 'busy' } : {}),
		});
	fx.sim.activityCodes.set('cod_act1:002', {
		type_code: 'cod_act1',
		cod_act: '002',
		description_cod_act: 'Contactado por otro canal',
		hit: 'no',
		rpc: 'no',
		chat: 'no',
		studio: 'no',
		voice: 'yes',
		interactions: 'no',
	});
});

describe('Campaign → Remove Records', () => {
	test('the customer IDs of all items go in one remove_record, comma-separated', async () => {
		const { output } = await runWolkvox({
			parameters: campaignOp('removeRecords', { customerIds: '={{ $json.ids }}' }),
			credentials: fx.credentials(),
			items: [{ ids: '1, 2' }, { ids: ['3', '2'] }],
		});
		expect(
			fx.sim
				.requestsFor('remove_record')
				.map((request) => [request.method, request.query, request.body]),
		).toEqual([
			['DELETE', { type_campaign: 'predictive', campaign_id: '7224' }, { customer_id: '1,2,3' }],
		]);
		expect(ids()).toEqual(['4']);
		expect(output[0]?.json).toMatchObject({ customerIds: ['1', '2'], code: 202 });
	});

	test('Only Records With Result keeps the others', async () => {
		await runWolkvox({
			parameters: campaignOp('removeRecords', { customerIds: '3,4', options: { result: 'busy' } }),
			credentials: fx.credentials(),
		});
		expect(fx.sim.requestsFor('remove_record')[0]?.query.result).toBe('busy');
		expect(ids()).toEqual(['1', '2', '3']);
	});
});

describe('Campaign → Code a Record', () => {
	test('codify with the picked activity code, alternate code and comment', async () => {
		const main = fx.sim.activityCodes.get('cod_act1:002');
		if (main)
			fx.sim.activityCodes.set('cod_act2:A01', { ...main, type_code: 'cod_act2', cod_act: 'A01' });
		const { output } = await runWolkvox({
			parameters: campaignOp('codifyRecord', {
				customerId: '2',
				activityCode: { __rl: true, mode: 'list', value: '002' },
				options: { alternateCode: 'A01', comment: 'Pagó por la web' },
			}),
			credentials: fx.credentials(),
		});
		expect(fx.sim.requestsFor('codify')[0]?.body).toEqual({
			cod_act: '002',
			cod_act_2: 'A01',
			comment: 'Pagó por la web',
			customer_id: '2',
		});
		expect(campaign7224()?.records.get('2')?.coded).toEqual({
			cod_act: '002',
			cod_act_2: 'A01',
			comment: 'Pagó por la web',
		});
		expect(output[0]?.json).toMatchObject({ code: 202, msg: 'customer_id 2 has been coded' });
	});
});

describe('Campaign → Schedule a Callback', () => {
	test("the date is sent as YYYYmmddHHiiss in Colombia's time by default, in the Time Zone option's otherwise", async () => {
		const { output } = await runWolkvox({
			parameters: campaignOp('scheduleRecall', {
				customerId: '1',
				recallDate: '={{ $json.when }}',
				recallTelephone: '+57 300 000 0001',
				options: { countryCode: '57', timeZone: '={{ $json.zone }}' },
			}),
			credentials: fx.credentials(),
			items: [
				{ when: '2026-04-26T21:00:00.000Z', zone: '' },
				{ when: '2026-04-26T16:00:00-05:00', zone: 'America/Mexico_City' },
			],
		});
		expect(fx.sim.requestsFor('recall').map((request) => [request.query, request.body])).toEqual([
			[
				{ campaign_id: '7224' },
				{ recall_date: '20260426160000', recall_telephone: '3000000001', customer_id: '1' },
			],
			[
				{ campaign_id: '7224' },
				{ recall_date: '20260426150000', recall_telephone: '3000000001', customer_id: '1' },
			],
		]);
		expect(campaign7224()?.records.get('1')?.recall?.recall_date).toBe('20260426150000');
		expect(output[0]?.json).toMatchObject({ recallDate: '20260426160000' });
	});

	test('a date that is not one fails the item before anything is sent', async () => {
		const { error } = await runWolkvox({
			parameters: campaignOp('scheduleRecall', {
				customerId: '1',
				recallDate: 'tomorrow',
				recallTelephone: '3000000001',
			}),
			credentials: fx.credentials(),
		});
		expect(error?.message).toMatch(/"Recall Date" must be a date and time/);
		expect(fx.sim.requests).toHaveLength(0);
	});
});

describe('Campaign → Empty a Campaign', () => {
	test('fixed values: clear_campaign with the result filter', async () => {
		const { output } = await runWolkvox({
			parameters: campaignOp('clear', { options: { result: 'busy' } }),
			credentials: fx.credentials(),
		});
		expect(fx.sim.requestsFor('clear_campaign')[0]?.query).toEqual({
			type_campaign: 'predictive',
			campaign_id: '7224',
			result: 'busy',
		});
		expect(ids()).toEqual(['1', '2', '3']);
		expect(output[0]?.json).toMatchObject({ campaignId: '7224', code: 202 });
	});

	test.each([
		['the campaign', { campaign: byId('={{ $json.id }}') }],
		['$fromAI', { campaign: byId("={{ $fromAI('campaign') }}") }],
		['the result', { options: { result: '={{ "busy" }}' } }],
	])('an expression in %s is refused before anything is sent', async (_name, extra) => {
		const { error } = await runWolkvox({
			parameters: campaignOp('clear', extra),
			credentials: fx.credentials(),
			items: [{ id: '7224' }],
		});
		expect(error?.message).toMatch(/takes fixed values only/);
		expect(fx.sim.requests).toHaveLength(0);
		expect(ids()).toHaveLength(4);
	});

	test('as an AI Agent tool it is refused: the agent is told, nothing is sent', async () => {
		const { output, error } = await runWolkvox({
			parameters: campaignOp('clear'),
			credentials: fx.credentials(),
			asTool: true,
		});
		expect(error).toBeUndefined();
		expect(output[0]?.json).toEqual({
			refused: true,
			message: expect.stringMatching(/^Empty a Campaign does not run as an AI agent's tool/),
		});
		expect(ids()).toHaveLength(4);
		expect(fx.sim.requests).toHaveLength(0);
	});
});

describe('Campaign → Start, Stop, Get Many, Find Records', () => {
	test('Start and Stop switch the campaign', async () => {
		await runWolkvox({ parameters: campaignOp('start'), credentials: fx.credentials() });
		expect(campaign7224()?.status).toBe('start');
		const { output } = await runWolkvox({
			parameters: campaignOp('stop'),
			credentials: fx.credentials(),
		});
		expect(campaign7224()?.status).toBe('stop');
		expect(fx.sim.requests.map((request) => [request.method, request.api, request.query])).toEqual([
			['PUT', 'start', { campaign_id: '7224' }],
			['PUT', 'stop', { campaign_id: '7224' }],
		]);
		expect(output[0]?.json).toMatchObject({ campaignId: '7224', code: 200 });
	});

	test('Get Many: one read for all items, Limit or Return All', async () => {
		const { output } = await runWolkvox({
			parameters: { resource: 'campaign', operation: 'getAll', limit: 1 },
			credentials: fx.credentials(),
			items: [{}, {}],
		});
		expect(fx.sim.requestsFor('campaigns')).toHaveLength(1);
		expect(output.map((item) => item.json.campaign_id)).toEqual(['7224', '7224']);
		const all = await runWolkvox({
			parameters: { resource: 'campaign', operation: 'getAll', returnAll: true },
			credentials: fx.credentials(),
		});
		expect(
			all.output.map((item) => [
				item.json.campaign_name,
				item.json.type_campaign,
				item.json.records,
			]),
		).toEqual([
			['Cobranza', 'predictive', '4'],
			['Ventas', 'preview', '0'],
		]);
	});

	test('Find Records by phone and by customer ID', async () => {
		const { output } = await runWolkvox({
			parameters: campaignOp('findRecords', {
				customerPhone: '={{ $json.phone }}',
				customerId: '={{ $json.id }}',
				options: { countryCode: '57' },
			}),
			credentials: fx.credentials(),
			items: [
				{ phone: '+57 3000000002', id: '' },
				{ phone: '', id: '3' },
			],
		});
		expect(fx.sim.requestsFor('find_record').map((request) => request.query)).toEqual([
			{ campaign_id: '7224', customer_phone: '3000000002' },
			{ campaign_id: '7224', customer_id: '3' },
		]);
		expect(output.map((item) => [item.pairedItem, item.json.customer_id])).toEqual([
			[{ item: 0 }, '2'],
			[{ item: 1 }, '3'],
		]);
	});
});
