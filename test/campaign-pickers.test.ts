import { Wolkvox } from '../nodes/Wolkvox/Wolkvox.node';
import { editorContext, runWolkvox } from './harness/run-node';
import { useSimulator } from './harness/simulator-fixture';

const fx = useSimulator();
const { listSearch, resourceMapping } = new Wolkvox().methods;

const code = (
	type_code: 'cod_act1' | 'cod_act2',
	cod_act: string,
	description_cod_act: string,
) => ({
	type_code,
	cod_act,
	description_cod_act,
	hit: 'no' as const,
	rpc: 'no' as const,
	chat: 'no' as const,
	studio: 'no' as const,
	voice: 'yes' as const,
	interactions: 'no' as const,
});

beforeEach(() => {
	fx.sim.addCampaign({
		campaign_id: '7224',
		type_campaign: 'predictive',
		campaign_name: 'Cobranza',
	});
	fx.sim.addCampaign({ campaign_id: '900', type_campaign: 'preview', campaign_name: 'Ventas' });
	fx.sim.activityCodes.set('cod_act1:002', code('cod_act1', '002', 'Contactado'));
	fx.sim.activityCodes.set('cod_act2:A01', code('cod_act2', 'A01', 'Pagó'));
});

describe('Pick, do not type', () => {
	test('the campaign picker lists information.php campaigns, searched by name or ID, through the token line', async () => {
		const context = editorContext({ resource: 'campaign' }, fx.credentials());
		expect(await listSearch.searchCampaigns.call(context)).toEqual({
			results: [
				{ name: 'Cobranza (predictive, 7224)', value: '7224' },
				{ name: 'Ventas (preview, 900)', value: '900' },
			],
		});
		expect(await listSearch.searchCampaigns.call(context, 'vent')).toEqual({
			results: [{ name: 'Ventas (preview, 900)', value: '900' }],
		});
		const reads = fx.sim.requestsFor('campaigns');
		expect(reads).toHaveLength(2);
		expect(reads[0]?.token).toBe(fx.credentials().token);
	});

	test('the activity code pickers list the group asked for', async () => {
		const codify = editorContext({ resource: 'campaign' }, fx.credentials());
		expect(await listSearch.searchMainActivityCodes.call(codify)).toEqual({
			results: [{ name: '002 – Contactado', value: '002' }],
		});
		const update = editorContext(
			{ resource: 'activityCode', typeCode: 'cod_act2' },
			fx.credentials(),
		);
		expect(await listSearch.searchActivityCodes.call(update)).toEqual({
			results: [{ name: 'A01 – Pagó', value: 'A01' }],
		});
	});

	test('a refused token shows as the picker error', async () => {
		const context = editorContext({}, fx.credentials({ token: 'wrong-token-00000000000000' }));
		await expect(listSearch.searchCampaigns.call(context)).rejects.toThrow(
			/refused the credential/,
		);
	});

	test("Add Records' columns are Wolkvox's field names, customer_id required; showing them costs no call", async () => {
		const context = editorContext({ resource: 'campaign' }, fx.credentials());
		const { fields } = await resourceMapping.getRecordColumns.call(context);
		const ids = fields.map((field) => field.id);
		expect(ids).toEqual(
			expect.arrayContaining([
				'customer_id',
				'customer_name',
				'tel1',
				'tel10',
				'tel_extra',
				'opt1',
				'opt12',
				'email',
				'recall_date',
			]),
		);
		expect(fields.filter((field) => field.required).map((field) => field.id)).toEqual([
			'customer_id',
		]);
		expect(fields.find((field) => field.id === 'opt7')?.displayName).toMatch(/max 200/);
		expect(fx.sim.requests).toHaveLength(0);
	});
});

describe('the picked value is what is sent', () => {
	const picked = (value: string, mode = 'list') => ({ __rl: true, mode, value });

	test('DNC → Add to Campaign sends the picked campaign', async () => {
		await runWolkvox({
			parameters: {
				resource: 'dnc',
				operation: 'addToCampaign',
				campaignId: picked('7224'),
				customerIds: '1000000001',
			},
			credentials: fx.credentials(),
		});
		expect(fx.sim.requestsFor('block_predictive_dnc')[0]?.body).toEqual({
			id_campaing: '7224',
			id_cliente: ['1000000001'],
		});
	});

	test('Activity Code Update edits the picked code; Delete takes several IDs By ID', async () => {
		await runWolkvox({
			parameters: {
				resource: 'activityCode',
				operation: 'update',
				typeCode: 'cod_act1',
				codAct: picked('002'),
				description: 'Contactado por WhatsApp',
				hit: 'no',
				rpc: 'no',
				chat: 'yes',
			},
			credentials: fx.credentials(),
		});
		expect(fx.sim.activityCodes.get('cod_act1:002')?.description_cod_act).toBe(
			'Contactado por WhatsApp',
		);
		await runWolkvox({
			parameters: {
				resource: 'activityCode',
				operation: 'delete',
				typeCode: 'cod_act2',
				codAct: picked('A01, A02', 'id'),
			},
			credentials: fx.credentials(),
		});
		expect(fx.sim.requestsFor('remove_cod_act')[0]?.body).toEqual({
			type_code: 'cod_act2',
			cod_act: ['A01', 'A02'],
		});
		expect(fx.sim.activityCodes.has('cod_act2:A01')).toBe(false);
	});
});
