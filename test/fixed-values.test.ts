import type { INodeParameters } from 'n8n-workflow';

import { runWolkvox } from './harness/run-node';
import { useSimulator } from './harness/simulator-fixture';

const fx = useSimulator();

const NIT = '900123456';

const emptyList = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'dnc',
	operation: 'remove',
	removeMode: 'allOfType',
	typeCall: 'inbound',
	...extra,
});

const release = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'law2300',
	operation: 'release',
	nit: NIT,
	releaseBy: 'telephone',
	value: '3001234567',
	agentId: 'agent-7',
	...extra,
});

const seedBothLists = () => {
	fx.sim.dnc.inbound.add('3001111111');
	fx.sim.dnc.outbound.add('3002222222');
};
const listSizes = () => [fx.sim.dnc.inbound.size, fx.sim.dnc.outbound.size];
const FROM_AI = "={{ $fromAI('list', 'which list', 'string') }}";

describe('Nobody empties a DNC list by accident', () => {
	test('Type of Call {{ $json.list }} on two items: every item fails, both lists stay whole', async () => {
		seedBothLists();

		const { output } = await runWolkvox({
			parameters: emptyList({ typeCall: '={{ $json.list }}' }),
			credentials: fx.credentials(),
			items: [{ list: 'inbound' }, { list: 'outbound' }],
			continueOnFail: true,
		});

		expect(output.map(({ error, pairedItem }) => [pairedItem, error?.message])).toEqual([
			[
				{ item: 0 },
				'Item 0: "Type of Call" must be a fixed value, not an expression: emptying a whole list is chosen by a person, not by the input',
			],
			[
				{ item: 1 },
				'Item 1: "Type of Call" must be a fixed value, not an expression: emptying a whole list is chosen by a person, not by the input',
			],
		]);
		expect(fx.sim.requests).toEqual([]);
		expect(listSizes()).toEqual([1, 1]);
	});

	test.each([
		['Type of Call', { typeCall: FROM_AI }],
		['Options', { options: { timeout: '={{ 30000 }}' } }],
	])('an expression in %s fails the execution before anything is sent', async (field, extra) => {
		seedBothLists();

		const { error } = await runWolkvox({
			parameters: emptyList(extra),
			credentials: fx.credentials(),
		});

		expect(error?.message).toMatch(`Item 0: "${field}" must be a fixed value, not an expression`);
		expect(fx.sim.requests).toEqual([]);
		expect(listSizes()).toEqual([1, 1]);
	});

	test('Listed Numbers still take expressions', async () => {
		seedBothLists();

		const { output } = await runWolkvox({
			parameters: emptyList({ removeMode: 'listed', telephones: '={{ $json.phone }}' }),
			credentials: fx.credentials(),
			items: [{ phone: '3001111111' }],
		});

		expect(output[0].error).toBeUndefined();
		expect(listSizes()).toEqual([0, 1]);
	});

	test('typed values empty the list', async () => {
		seedBothLists();

		const { output } = await runWolkvox({ parameters: emptyList(), credentials: fx.credentials() });

		expect(output[0].json).toMatchObject({ typeCall: 'inbound', telephones: 'all' });
		expect(listSizes()).toEqual([0, 1]);
	});
});

describe('Nobody releases a consumer by accident', () => {
	test.each([
		['Value', { value: '={{ $json.phone }}' }],
		['Value', { value: "={{ $fromAI('phone', 'the number', 'string') }}" }],
		['Company NIT', { nit: '={{ $json.nit }}' }],
		['Release By', { releaseBy: '={{ "telephone" }}' }],
		['Agent ID', { agentId: '={{ $json.agent }}' }],
		['Options', { options: { countryCode: "={{ $fromAI('cc', 'country code', 'string') }}" } }],
	])('an expression in %s fails the item; the protection stays', async (field, extra) => {
		fx.sim.law2300.block(NIT, '3001234567');

		const { error } = await runWolkvox({
			parameters: release(extra),
			credentials: fx.credentials(),
			items: [{ phone: '3001234567', nit: NIT, agent: 'agent-7' }],
		});

		expect(error?.message).toBe(
			`Item 0: "${field}" must be a fixed value, not an expression: lifting a protection is decided by a person, not by the input or an AI agent`,
		);
		expect(fx.sim.requests).toEqual([]);
		expect(fx.sim.law2300.list()).toHaveLength(1);
	});
});

describe('As an AI Agent tool, Release and emptying a list say so instead of acting', () => {
	test('Release with typed values: the agent is told, nothing is sent, the protection stays', async () => {
		fx.sim.law2300.block(NIT, '3001234567');

		const { output, error } = await runWolkvox({
			parameters: release(),
			credentials: fx.credentials(),
			asTool: true,
		});

		expect(error).toBeUndefined();
		expect(output).toEqual([
			{
				json: {
					refused: true,
					message: expect.stringMatching(
						/^Ley 2300 Release does not run as an AI agent's tool: .* Nothing was sent to Wolkvox\./,
					),
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(fx.sim.requests).toEqual([]);
		expect(fx.sim.law2300.list()).toHaveLength(1);
	});

	test('Every Number of One List: the agent is told, both lists stay whole', async () => {
		seedBothLists();

		const { output } = await runWolkvox({
			parameters: emptyList(),
			credentials: fx.credentials(),
			asTool: true,
		});

		expect(output[0].json).toEqual({
			refused: true,
			message: expect.stringMatching(
				/^Emptying a whole DNC list does not run as an AI agent's tool/,
			),
		});
		expect(fx.sim.requests).toEqual([]);
		expect(listSizes()).toEqual([1, 1]);
	});

	test('Remove of listed numbers still runs as a tool', async () => {
		seedBothLists();

		const { output } = await runWolkvox({
			parameters: emptyList({ removeMode: 'listed', telephones: '3001111111' }),
			credentials: fx.credentials(),
			asTool: true,
		});

		expect(output[0].json).toMatchObject({ telephones: ['3001111111'] });
		expect(listSizes()).toEqual([0, 1]);
	});
});
