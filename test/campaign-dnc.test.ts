import { runWolkvox } from './harness/run-node';
import { TOKEN, useSimulator } from './harness/simulator-fixture';

const fx = useSimulator();

const dnc = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'dnc',
	operation,
	...extra,
});

const requestsTo = (file: string, api: string) =>
	fx.sim.requests.filter((request) => request.file === file && request.api === api);
const jsonOf = (output: Array<{ json: unknown }>) => output.map((item) => item.json);

describe('DNC Add on both lists', () => {
	test('Type of Call "both" sends type_call "all" once, and the numbers are on both lists', async () => {
		const { output } = await runWolkvox({
			parameters: dnc('add', { typeCall: 'both', telephones: '={{ $json.phone }}' }),
			credentials: fx.credentials(),
			items: [{ phone: '+57 300 123 4567' }, { phone: '3007654321' }],
		});

		expect(fx.sim.requestsFor('add_dnc').map((request) => request.body)).toEqual([
			{ type_call: 'all', telephones: ['573001234567', '3007654321'] },
		]);
		expect([...fx.sim.dnc.inbound]).toEqual(['573001234567', '3007654321']);
		expect([...fx.sim.dnc.outbound]).toEqual(['573001234567', '3007654321']);
		expect(output.map((item) => item.json.typeCall)).toEqual(['both', 'both']);
		expect(output[0].json.code).toBe(201);
	});
});

describe('DNC Add to Campaign', () => {
	const addToCampaign = (extra: Record<string, unknown> = {}) =>
		dnc('addToCampaign', { campaignId: '7224', customerIds: '={{ $json.ids }}', ...extra });

	test('combines the customer IDs of all items into one block_predictive_dnc, one output item per input item', async () => {
		const { output } = await runWolkvox({
			parameters: addToCampaign(),
			credentials: fx.credentials(),
			items: [{ ids: '1000000001, 1000000002' }, { ids: ['1000000003', 1000000002] }],
		});

		const sent = requestsTo('configuration.php', 'block_predictive_dnc');
		expect(sent.map((request) => [request.method, request.body])).toEqual([
			['PUT', { id_campaing: '7224', id_cliente: ['1000000001', '1000000002', '1000000003'] }],
		]);
		expect([...(fx.sim.campaignDnc.byCampaign.get('7224') ?? [])]).toEqual([
			'1000000001',
			'1000000002',
			'1000000003',
		]);
		const msg = '3 records were successfully marked as DO-NOT-CALL in campaign 7224';
		expect(jsonOf(output)).toEqual([
			{
				campaignId: '7224',
				customerIds: ['1000000001', '1000000002'],
				code: 202,
				error: null,
				msg: '2 customer IDs added',
				combinedRequests: [{ code: 202, msg, items: 2, records: 3 }],
			},
			{
				campaignId: '7224',
				customerIds: ['1000000003', '1000000002'],
				code: 202,
				error: null,
				msg: '2 customer IDs added',
			},
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('1,000 customer IDs over 1,000 items cost one request', async () => {
		const items = Array.from({ length: 1000 }, (_, index) => ({
			ids: String(1_000_000_000 + index),
		}));

		const { output } = await runWolkvox({
			parameters: addToCampaign(),
			credentials: fx.credentials(),
			items,
		});

		expect(requestsTo('configuration.php', 'block_predictive_dnc')).toHaveLength(1);
		expect(fx.sim.campaignDnc.byCampaign.get('7224')?.size).toBe(1000);
		expect(output).toHaveLength(1000);
	});

	test('at most 10,000 customer IDs per request; each campaign gets its own requests', async () => {
		const ids = (count: number, first: number) =>
			Array.from({ length: count }, (_, index) => String(first + index));

		await runWolkvox({
			parameters: addToCampaign({ campaignId: '={{ $json.campaign }}' }),
			credentials: fx.credentials(),
			items: [
				{ campaign: '7224', ids: ids(6000, 1_000_000_000) },
				{ campaign: '7224', ids: ids(6000, 2_000_000_000) },
				{ campaign: '8000', ids: ids(2, 3_000_000_000) },
			],
		});

		const sizes = requestsTo('configuration.php', 'block_predictive_dnc').map((request) => {
			const body = request.body as { id_campaing: string; id_cliente: string[] };
			return [body.id_campaing, body.id_cliente.length];
		});
		expect(sizes).toEqual([
			['7224', 6000],
			['7224', 6000],
			['8000', 2],
		]);
		expect(fx.sim.campaignDnc.byCampaign.get('7224')?.size).toBe(12000);
	});

	test('an empty customer list fails the item, naming it and the field; nothing is sent', async () => {
		const { error } = await runWolkvox({
			parameters: addToCampaign(),
			credentials: fx.credentials(),
			items: [{ ids: '1000000001' }, { ids: ' , ' }],
		});

		expect(error?.message).toBe('Item 1: "Customer IDs": no customer ID given');
		expect(fx.sim.requests).toHaveLength(0);
	});

	test('a missing campaign ID fails the item, naming it and the field; nothing is sent', async () => {
		const { error } = await runWolkvox({
			parameters: addToCampaign({ campaignId: '={{ $json.campaign }}' }),
			credentials: fx.credentials(),
			items: [{ ids: '1000000001' }],
		});

		expect(error?.message).toBe('Item 0: "Campaign" is required, got nothing');
		expect(fx.sim.requests).toHaveLength(0);
	});
});

describe('DNC Add for Some Days', () => {
	const addTemporary = (extra: Record<string, unknown> = {}) =>
		dnc('addTemporary', { telephones: '={{ $json.phone }}', daysBlock: 15, ...extra });

	test("sends campaign.php's add_dnc list once for all items; each row counts its own telephones", async () => {
		const { output } = await runWolkvox({
			parameters: addTemporary(),
			credentials: fx.credentials(),
			items: [{ phone: '+57 300 000 0010' }, { phone: '3000000011; 3000000012' }],
		});

		const sent = requestsTo('campaign.php', 'add_dnc');
		expect(sent.map((request) => [request.method, request.body])).toEqual([
			[
				'POST',
				[
					{ telephone: '573000000010', days_block: '15' },
					{ telephone: '3000000011', days_block: '15' },
					{ telephone: '3000000012', days_block: '15' },
				],
			],
		]);
		expect(fx.sim.temporaryDnc.list().map((block) => [block.telephone, block.days_block])).toEqual([
			['573000000010', 15],
			['3000000011', 15],
			['3000000012', 15],
		]);
		expect(fx.sim.dnc.outbound.size).toBe(0);
		// Wolkvox counts the request (3 added, none rejected): each row counts its own telephones.
		const answer = {
			code: 201,
			msg: '3 telephones were added',
			data: [{ total_added: '3', total_rejected: '0', total_sent: '3' }],
			items: 2,
			records: 3,
		};
		expect(jsonOf(output)).toEqual([
			{
				telephones: ['573000000010'],
				daysBlock: 15,
				code: 201,
				error: null,
				msg: '1 telephone sent',
				combinedRequests: [answer],
				...{ total_added: 1, total_rejected: 0, total_sent: 1 },
			},
			{
				telephones: ['3000000011', '3000000012'],
				daysBlock: 15,
				code: 201,
				error: null,
				msg: '2 telephones sent',
				...{ total_added: 2, total_rejected: 0, total_sent: 2 },
			},
		]);
	});

	test('items with different days go in separate requests', async () => {
		await runWolkvox({
			parameters: addTemporary({ daysBlock: '={{ $json.days }}' }),
			credentials: fx.credentials(),
			items: [
				{ phone: '3000000010', days: 1 },
				{ phone: '3000000011', days: '3650' },
			],
		});

		expect(requestsTo('campaign.php', 'add_dnc').map((request) => request.body)).toEqual([
			[{ telephone: '3000000010', days_block: '1' }],
			[{ telephone: '3000000011', days_block: '3650' }],
		]);
	});

	test('a non-numeric days value fails the item, naming it and the field; nothing is sent', async () => {
		const { error } = await runWolkvox({
			parameters: addTemporary({ daysBlock: '={{ $json.days }}' }),
			credentials: fx.credentials(),
			items: [
				{ phone: '3000000010', days: 15 },
				{ phone: '3000000011', days: 'fifteen' },
			],
		});

		expect(error?.message).toBe(
			'Item 1: "Days Blocked" must be a whole number from 1 to 3650, not "fifteen"',
		);
		expect(fx.sim.requests).toHaveLength(0);
	});

	test('days outside 1–3650 fail the item too', async () => {
		const { output } = await runWolkvox({
			parameters: addTemporary({ daysBlock: '={{ $json.days }}' }),
			credentials: fx.credentials(),
			items: [
				{ phone: '3000000010', days: 0 },
				{ phone: '3000000011', days: 3651 },
			],
			continueOnFail: true,
		});

		expect(output.map((item) => item.json.error)).toEqual([
			'Item 0: "Days Blocked" must be a whole number from 1 to 3650, not 0',
			'Item 1: "Days Blocked" must be a whole number from 1 to 3650, not 3651',
		]);
		expect(fx.sim.requests).toHaveLength(0);
	});
});

describe('the new DNC operations and the token line', () => {
	test('parallel executions of Add to Campaign, Add for Some Days and Add on both lists take turns', async () => {
		fx.sim.latencyMs = 5;
		const run = (operation: string, extra: Record<string, unknown>, execution: number) =>
			runWolkvox({
				parameters: dnc(operation, extra),
				credentials: fx.credentials(),
				items: Array.from({ length: 20 }, (_, item) => ({
					value: String(3_000_000_000 + execution * 100 + item),
				})),
			});

		const results = await Promise.all(
			Array.from({ length: 4 }, (_, execution) => [
				run('addToCampaign', { campaignId: '7224', customerIds: '={{ $json.value }}' }, execution),
				run('addTemporary', { telephones: '={{ $json.value }}', daysBlock: 7 }, execution),
				run('add', { typeCall: 'both', telephones: '={{ $json.value }}' }, execution),
			]).flat(),
		);

		expect(results.map((result) => result.error)).toEqual(Array(12).fill(undefined));
		expect(fx.sim.requests).toHaveLength(12);
		expect(fx.sim.campaignDnc.byCampaign.get('7224')?.size).toBe(80);
		expect(fx.sim.temporaryDnc.list()).toHaveLength(80);
		expect(fx.sim.dnc.inbound.size).toBe(80);
		expect(fx.sim.maxInFlight(TOKEN)).toBe(1);
	});
});
