import type { RunResult } from './harness/run-node';
import { runWolkvox } from './harness/run-node';
import { useSimulator } from './harness/simulator-fixture';

const fx = useSimulator();

const FIRST = 3_100_000_000;

interface Skipped {
	telephones: string[];
}

const skippedOf = ({ output }: RunResult) =>
	(output[0].json.summary as { skipped: Skipped[] }).skipped[0];

const syncOne = {
	resource: 'dnc',
	operation: 'sync',
	typeCall: 'outbound',
	telephones: '3001234567',
	options: { dryRun: true },
};

describe('As an AI Agent\'s tool ("Wolkvox Tool")', () => {
	test('a Sync against a 10,000-number list answers with counts and 20 examples, not 10,000 numbers', async () => {
		fx.sim.seedDnc('outbound', 10_000, FIRST);

		const asTool = await runWolkvox({
			parameters: syncOne,
			credentials: fx.credentials(),
			asTool: true,
		});
		const asNode = await runWolkvox({ parameters: syncOne, credentials: fx.credentials() });

		const skippedByTool = skippedOf(asTool);
		const skippedByNode = skippedOf(asNode);
		expect(skippedByNode.telephones).toHaveLength(10_000);
		expect(skippedByTool).toEqual({
			...skippedByNode,
			telephones: skippedByNode.telephones.slice(0, 20),
			telephonesOmitted: 9_980,
		});
		expect(asTool.output[0].json).toMatchObject({
			typeCall: 'outbound',
			telephones: ['3001234567'],
			wouldAdd: ['3001234567'],
			summary: { dryRun: true, wanted: 1, listed: 10_000, wouldAdd: { count: 1 } },
		});
		expect(JSON.stringify(asTool.output[0].json).length).toBeLessThan(2_000);
	});

	test('short outputs are unchanged', async () => {
		const parameters = { ...syncOne, operation: 'add' };
		const asTool = await runWolkvox({ parameters, credentials: fx.credentials(), asTool: true });
		fx.sim.reset();
		const asNode = await runWolkvox({ parameters, credentials: fx.credentials() });

		expect(asTool.output.map((item) => item.json)).toEqual(asNode.output.map((item) => item.json));
	});
});
