/** Every Campaign operation in the real n8n (n8n execute) against the simulator's campaigns. */
import { nodeOutput } from '../../scripts/runtime/n8n-cli';
import { WORKFLOWS } from './e2e-config';
import { execute, useSimulator } from './support';

const fx = useSimulator();

describe('every Campaign operation (n8n execute)', () => {
	it('loads, finds, codes, schedules, starts, stops, removes and empties, skipping blocked numbers', async () => {
		const sim = fx.simulator;
		sim.addCampaign({
			campaign_id: '7224',
			type_campaign: 'predictive',
			campaign_name: 'Cobranza',
		});
		sim.addCampaign({ campaign_id: '900', type_campaign: 'preview', campaign_name: 'Ventas' });
		sim.campaigns.byId
			.get('900')
			?.records.set('9', { fields: { customer_id: '9', tel1: '3009990000' } });
		sim.activityCodes.set('cod_act1:002', {
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
		sim.dnc.outbound.add('573001112222');

		const result = await execute(WORKFLOWS.campaignEveryOperation);

		expect({ exitCode: result.exitCode, status: result.run?.status }).toEqual({
			exitCode: 0,
			status: 'success',
		});
		const run = result.run!;
		expect(sim.requests.map(({ api, status }) => `${api} ${status}`)).toEqual([
			'campaigns 200',
			'get_dnc 200',
			'get_dnc 200',
			'add_record 201',
			'find_record 200',
			'codify 202',
			'recall 202',
			'start 200',
			'stop 200',
			'remove_record 202',
			'clear_campaign 202',
		]);
		expect(nodeOutput(run, 'Get Many Campaigns').map((item) => item.campaign_id)).toEqual([
			'7224',
			'900',
		]);
		expect(sim.requestsFor('add_record')[0]?.body).toEqual([
			{ customer_id: '1', customer_name: 'Ana', tel2: '3004445555', opt1: 'gold' },
		]);
		expect(nodeOutput(run, 'Add Records')).toMatchObject([
			{ added: true, customerId: '1', blocked: [{ field: 'tel1', telephone: '3001112222' }] },
			{ added: false, skipped: 'blocked', customerId: '2' },
		]);
		expect(nodeOutput(run, 'Find Records')).toMatchObject([
			{ customer_id: '1', tel2: '3004445555' },
		]);
		expect(sim.requestsFor('recall')[0]?.body).toEqual({
			recall_date: '20260426160000',
			recall_telephone: '3004445555',
			customer_id: '1',
		});
		expect(sim.campaigns.byId.get('7224')?.records.size).toBe(0);
		expect(sim.campaigns.byId.get('900')?.records.size).toBe(0);
		expect(sim.campaigns.byId.get('7224')?.status).toBe('stop');
	});
});
