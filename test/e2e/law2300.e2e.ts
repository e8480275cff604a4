/** Ley 2300 (block, check, release of one typed telephone) and campaign DNC (Add to Campaign, Add for Some Days) in the real n8n. */
import { nodeOutput } from '../../scripts/runtime/n8n-cli';
import { CREDENTIALS, WORKFLOWS } from './e2e-config';
import { execute, output, useSimulator } from './support';

const fx = useSimulator();
const NIT = '900123456';
const PHONES = ['573001234567', '3007654321'];

describe('e2e fixture law2300-campaign.json (n8n execute)', () => {
	it('adds to a campaign and for 30 days, blocks, checks, releases and checks again', async () => {
		const result = await execute(WORKFLOWS.law2300);

		const { error, lastNodeExecuted } = result.run?.data.resultData ?? {};
		expect({
			exitCode: result.exitCode,
			status: result.run?.status,
			error: error && `${lastNodeExecuted}: ${error.message}`,
		}).toEqual({ exitCode: 0, status: 'success', error: undefined });
		const run = result.run!;
		expect(fx.simulator.requests.map((request) => `${request.file} ${request.api}`)).toEqual([
			'configuration.php block_predictive_dnc',
			'campaign.php add_dnc',
			'configuration.php block_law2300',
			'configuration.php block_law2300',
			'information.php law2300_info',
			'information.php law2300_info',
			'configuration.php free_law2300',
			'information.php law2300_info',
		]);
		expect(
			fx.simulator.requests.every((request) => request.token === CREDENTIALS.simulator.token),
		).toBe(true);

		expect(
			nodeOutput(run, 'Add to campaign').map((item) => [item.customerIds, Number(item.code)]),
		).toEqual([
			[['1000000001'], 202],
			[['1000000002'], 202],
		]);
		expect(fx.simulator.campaignDnc.list()).toEqual({ '7224': ['1000000001', '1000000002'] });

		// Each row counts its own item; Wolkvox's totals for the combined request are kept once.
		expect(nodeOutput(run, 'Add for 30 days')[0]).toMatchObject({
			telephones: [PHONES[0]],
			daysBlock: 30,
			total_added: 1,
			total_rejected: 0,
			total_sent: 1,
			combinedRequests: [
				{
					data: [{ total_added: '2', total_rejected: '0', total_sent: '2' }],
					items: 2,
					records: 2,
				},
			],
		});
		expect(
			fx.simulator.temporaryDnc.list().map((block) => [block.telephone, block.days_block]),
		).toEqual(PHONES.map((phone) => [phone, 30]));

		expect(nodeOutput(run, 'Block').map((item) => item.telephone)).toEqual(PHONES);
		expect(
			nodeOutput(run, 'Check').map((item) => [item.telephone, item.protected, item.lastChannel]),
		).toEqual(PHONES.map((phone) => [phone, true, 'voice']));
		expect(
			nodeOutput(run, 'Release').map((item) => [item.releaseBy, item.value, item.msg]),
		).toEqual([['telephone', PHONES[0], 'Removed successfully']]);
		expect(nodeOutput(run, 'Check again').map((item) => item.protected)).toEqual([false]);
		expect(fx.simulator.law2300.list().map((entry) => entry.phone_number)).toEqual([PHONES[1]]);
		expect(fx.simulator.law2300.find(NIT, PHONES[0])).toBeUndefined();
		expect(output(result)).not.toContain(CREDENTIALS.simulator.token);
	});
});
