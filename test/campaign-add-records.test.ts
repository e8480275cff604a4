import { runWolkvox } from './harness/run-node';
import { useSimulator } from './harness/simulator-fixture';

const fx = useSimulator();

const campaign = (id = '7224') => ({ __rl: true, mode: 'list', value: id });
const addRecords = (extra: Record<string, unknown> = {}) => ({
	resource: 'campaign',
	operation: 'addRecords',
	campaign: campaign(),
	typeCampaign: 'predictive',
	campaignStatus: 'start',
	columns: { mappingMode: 'autoMapInputData', value: null },
	skipBlocked: true,
	...extra,
});
const countryCode57 = { options: { countryCode: '57' } };
const records = (id = '7224') =>
	[...(fx.sim.campaigns.byId.get(id)?.records.values() ?? [])].map((record) => record.fields);

beforeEach(() => {
	fx.sim.addCampaign({ campaign_id: '7224', type_campaign: 'predictive' });
	fx.sim.addCampaign({ campaign_id: '900', type_campaign: 'preview' });
});

describe('Campaign → Add Records', () => {
	test('items combined into one add_record; DNC lists read once each; a blocked telephone is dropped, a record left with none is skipped', async () => {
		// Listed in another spelling of the same phone: +57 in front, and the national number.
		fx.sim.dnc.outbound.add('573001112222');
		fx.sim.dnc.inbound.add('3009998888');
		const { output } = await runWolkvox({
			parameters: addRecords(countryCode57),
			credentials: fx.credentials(),
			items: [
				{ customer_id: '1', customer_name: 'Ana', tel1: '+57 300 111 2222', tel2: '3004445555' },
				{ customer_id: '2', customer_name: 'Luis', tel1: '300 999 8888', crm_only: 'x' },
				{ customer_id: '3', customer_name: 'Eva', tel1: 3006667777, opt1: 'gold' },
			],
		});

		expect(fx.sim.requests.map((request) => [request.api, request.query])).toEqual([
			['get_dnc', { type: 'inbound' }],
			['get_dnc', { type: 'outbound' }],
			[
				'add_record',
				{ type_campaign: 'predictive', campaign_id: '7224', campaign_status: 'start' },
			],
		]);
		expect(fx.sim.requestsFor('add_record')[0]?.body).toEqual([
			{ customer_id: '1', customer_name: 'Ana', tel2: '3004445555' },
			{ customer_id: '3', customer_name: 'Eva', tel1: '3006667777', opt1: 'gold' },
		]);
		expect(records()).toEqual([
			{ customer_id: '1', customer_name: 'Ana', tel2: '3004445555' },
			{ customer_id: '3', customer_name: 'Eva', tel1: '3006667777', opt1: 'gold' },
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0]?.json).toMatchObject({
			added: true,
			customerId: '1',
			blocked: [{ field: 'tel1', telephone: '3001112222', reason: 'on the outbound DNC list' }],
			code: 201,
			msg: '1 record added',
			combinedRequests: [
				{ code: 201, msg: 'All records has been added successfully', items: 2, records: 2 },
			],
		});
		expect(output[1]?.json).toMatchObject({
			added: false,
			skipped: 'blocked',
			customerId: '2',
			blocked: [{ field: 'tel1', telephone: '3009998888', reason: 'on the inbound DNC list' }],
		});
		expect(output[2]?.json).toMatchObject({ added: true, customerId: '3', msg: '1 record added' });
		expect(output[2]?.json.combinedRequests).toBeUndefined();
		expect(output[2]?.json.blocked).toBeUndefined();
	});

	test('with a NIT: one law2300_info per distinct phone, and a protected number is dropped', async () => {
		fx.sim.law2300.block('900123456', '3001112222');
		const { output } = await runWolkvox({
			parameters: addRecords({ ...countryCode57, nit: '900123456' }),
			credentials: fx.credentials(),
			items: [
				{ customer_id: '1', tel1: '3001112222', tel2: '3004445555' },
				{ customer_id: '2', tel1: '+573001112222' },
				{ customer_id: '3', tel1: '3004445555' },
			],
		});

		expect(fx.sim.requestsFor('law2300_info').map((request) => request.query.phone)).toEqual([
			'3001112222',
			'3004445555',
		]);
		expect(fx.sim.requestsFor('get_dnc')).toHaveLength(2);
		expect(records()).toEqual([
			{ customer_id: '1', tel2: '3004445555' },
			{ customer_id: '3', tel1: '3004445555' },
		]);
		expect(output[1]?.json).toMatchObject({ skipped: 'blocked' });
		expect(String((output[1]?.json.blocked as Array<{ reason: string }>)[0]?.reason)).toMatch(
			/Ley 2300 for NIT 900123456/,
		);
	});

	test('Skip Blocked Numbers off: nothing is read, listed numbers are loaded', async () => {
		fx.sim.dnc.outbound.add('3001112222');
		await runWolkvox({
			parameters: addRecords({ skipBlocked: false }),
			credentials: fx.credentials(),
			items: [{ customer_id: '1', tel1: '3001112222' }],
		});
		expect(fx.sim.requests.map((request) => request.api)).toEqual(['add_record']);
		expect(records()).toEqual([{ customer_id: '1', tel1: '3001112222' }]);
	});

	test('Dry Run reads the lists and says what would be loaded, loading nothing', async () => {
		fx.sim.dnc.outbound.add('3001112222');
		const { output } = await runWolkvox({
			parameters: addRecords({ options: { dryRun: true } }),
			credentials: fx.credentials(),
			items: [{ customer_id: '1', tel1: '3001112222', tel2: '3004445555' }],
		});
		expect(fx.sim.requestsFor('add_record')).toHaveLength(0);
		expect(records()).toEqual([]);
		expect(output[0]?.json).toMatchObject({
			dryRun: true,
			wouldAdd: { customer_id: '1', tel2: '3004445555' },
			blocked: [{ field: 'tel1' }],
		});
	});

	test('Map Each Column Manually: the mapped expressions fill Wolkvox fields; a bad row fails alone', async () => {
		const { output } = await runWolkvox({
			parameters: addRecords({
				skipBlocked: false,
				columns: {
					mappingMode: 'defineBelow',
					value: {
						customer_id: '={{ $json.id }}',
						customer_name: '={{ $json.name }}',
						tel1: '={{ $json.phone }}',
						opt1: '={{ $json.note }}',
					},
				},
			}),
			credentials: fx.credentials(),
			continueOnFail: true,
			items: [
				{ id: 'A1', name: 'Ana', phone: '3001112222', note: 'ok' },
				{ id: 'A2', name: 'Bad', phone: '3001113333', note: 'x'.repeat(101) },
				{ id: 'A3', name: 'Nophone', phone: '12' },
				{ id: 'A4', name: 'Eva', phone: '3001114444', note: 'y'.repeat(100) },
			],
		});
		expect(records().map((record) => record.customer_id)).toEqual(['A1', 'A4']);
		expect(fx.sim.requestsFor('add_record')).toHaveLength(1);
		expect(output[1]?.json.error).toMatch(/opt1.*101 characters; Wolkvox takes at most 100/);
		expect(output[2]?.json.error).toMatch(/tel1.*digits/);
		expect(output[3]?.json).toMatchObject({ added: true, customerId: 'A4' });
	});

	test('opt7–opt12 take 200 characters', async () => {
		const { output } = await runWolkvox({
			parameters: addRecords({ skipBlocked: false }),
			credentials: fx.credentials(),
			continueOnFail: true,
			items: [
				{ customer_id: '1', tel1: '3001112222', opt7: 'z'.repeat(200) },
				{ customer_id: '2', tel1: '3001112223', opt12: 'z'.repeat(201) },
			],
		});
		expect(records().map((record) => record.customer_id)).toEqual(['1']);
		expect(output[1]?.json.error).toMatch(/opt12.*at most 200/);
	});

	test('10,001 records cost two add_record requests (10,000 + 1) per campaign, campaigns apart', async () => {
		const items = Array.from({ length: 10_001 }, (_, index) => ({
			customer_id: String(index),
			tel1: String(3_000_000_000 + index),
		}));
		items.push({ customer_id: 'p', tel1: '3100000000' });
		const { output } = await runWolkvox({
			parameters: addRecords({
				skipBlocked: false,
				campaign: campaign('={{ $json.customer_id === "p" ? "900" : "7224" }}'),
				typeCampaign: '={{ $json.customer_id === "p" ? "preview" : "predictive" }}',
			}),
			credentials: fx.credentials(),
			items,
		});
		expect(
			fx.sim
				.requestsFor('add_record')
				.map((request) => [request.query.campaign_id, (request.body as unknown[]).length]),
		).toEqual([
			['7224', 10_000],
			['7224', 1],
			['900', 1],
		]);
		expect(fx.sim.requestsFor('add_record')[2]?.query).toEqual({
			type_campaign: 'preview',
			campaign_id: '900',
		});
		expect(records('7224')).toHaveLength(10_001);
		expect(output).toHaveLength(10_002);
	});
});
