/** DNC Sync in the real n8n: the dry-run example, then a real sync with Remove Unlisted. */
import { nodeOutput } from '../../scripts/runtime/n8n-cli';
import { CREDENTIALS, WORKFLOWS } from './e2e-config';
import { execute, output, useSimulator } from './support';

const fx = useSimulator();

const SHEET = ['573001234567', '3007654321', '3105550199'];
const sorted = (list: Iterable<string>) => [...list].sort();

function seedLists(): void {
	fx.simulator.dnc.outbound.add('3007654321'); // in the sheet
	fx.simulator.dnc.outbound.add('3209990000'); // left the sheet
	fx.simulator.dnc.inbound.add('3209990000'); // also blocked inbound: must stay there
}

describe('examples/dnc-sync-dry-run.json (n8n execute)', () => {
	it('reads the list once, writes nothing, and shows what a real run would add and leave', async () => {
		seedLists();

		const result = await execute(WORKFLOWS.syncDryRun);

		expect({ exitCode: result.exitCode, status: result.run?.status }).toEqual({
			exitCode: 0,
			status: 'success',
		});
		expect(fx.simulator.requests.map((request) => request.api)).toEqual(['get_dnc']);
		expect(sorted(fx.simulator.dnc.outbound)).toEqual(['3007654321', '3209990000']);
		const items = nodeOutput(result.run!, 'Sync outbound DNC');
		expect(items.map((item) => [item.wouldAdd, item.alreadyListed, item.dryRun])).toEqual([
			[['573001234567'], [], true],
			[[], ['3007654321'], true],
			[['3105550199'], [], true],
		]);
		expect(items.some((item) => 'added' in item)).toBe(false);
		expect(items[0].summary).toMatchObject({
			dryRun: true,
			wouldAdd: { count: 2, telephones: ['573001234567', '3105550199'] },
			wouldRemove: { count: 0 },
			skipped: [
				{ what: 'removal', reason: 'Remove Unlisted is off', count: 1, telephones: ['3209990000'] },
			],
			requests: 1,
		});
		expect(output(result)).not.toContain(CREDENTIALS.simulator.token);
	});
});

describe('DNC Sync with Remove Unlisted (n8n execute)', () => {
	it('reads each list, makes the outbound list equal to the sheet and keeps the inbound list intact', async () => {
		seedLists();

		const result = await execute(WORKFLOWS.sync);

		expect({ exitCode: result.exitCode, status: result.run?.status }).toEqual({
			exitCode: 0,
			status: 'success',
		});
		expect(fx.simulator.requests.map((request) => `${request.api} ${request.status}`)).toEqual([
			'get_dnc 200',
			'get_dnc 200',
			'add_dnc 201',
			'remove_dnc 202',
			'get_dnc 200',
		]);
		expect(sorted(fx.simulator.dnc.outbound)).toEqual(sorted(SHEET));
		expect(sorted(fx.simulator.dnc.inbound)).toEqual(['3209990000']);
		const [first] = nodeOutput(result.run!, 'Sync outbound DNC');
		expect(first.summary).toMatchObject({
			dryRun: false,
			removed: { count: 1, telephones: ['3209990000'] },
			otherListRestored: { typeCall: 'inbound', count: 0, telephones: [] },
		});
	});
});
