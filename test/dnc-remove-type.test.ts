/** A removal touches only the list it names. */
import { runWolkvox } from './harness/run-node';
import { useSimulator } from './harness/simulator-fixture';
import type { FixedAnswerServer } from './support/fixed-answer-server';
import { startFixedAnswerServer } from './support/fixed-answer-server';

const fx = useSimulator();

const dnc = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'dnc',
	operation,
	telephones: '={{ $json.phone }}',
	...extra,
});
const bodies = (api: string) => fx.sim.requestsFor(api).map((request) => request.body);

describe('DNC Remove: Type of Call', () => {
	beforeEach(() => {
		fx.sim.dnc.inbound.add('3001234567');
		fx.sim.dnc.outbound.add('3001234567');
	});

	test.each([
		['inbound', 'inbound', [], ['3001234567']],
		['outbound', 'outbound', ['3001234567'], []],
		['both', 'all', [], []],
	])(
		'%s sends type %s and leaves the other list alone',
		async (typeCall, type, inboundAfter, outboundAfter) => {
			const { output } = await runWolkvox({
				parameters: dnc('remove', { removeMode: 'listed', typeCall }),
				credentials: fx.credentials(),
				items: [{ phone: '3001234567' }],
			});

			expect(bodies('remove_dnc')).toEqual([{ type, telephones: ['3001234567'] }]);
			expect([...fx.sim.dnc.inbound]).toEqual(inboundAfter);
			expect([...fx.sim.dnc.outbound]).toEqual(outboundAfter);
			expect(output[0].json.typeCall).toBe(typeCall);
		},
	);

	test('without a Type of Call (a workflow saved before it existed) both lists, as before', async () => {
		await runWolkvox({
			parameters: dnc('remove', { removeMode: 'listed' }),
			credentials: fx.credentials(),
			items: [{ phone: '3001234567' }],
		});

		expect(bodies('remove_dnc')).toEqual([{ type: 'all', telephones: ['3001234567'] }]);
		expect(fx.sim.dnc.inbound.size + fx.sim.dnc.outbound.size).toBe(0);
	});

	test('items of different lists go in separate requests', async () => {
		await runWolkvox({
			parameters: dnc('remove', { removeMode: 'listed', typeCall: '={{ $json.list }}' }),
			credentials: fx.credentials(),
			items: [
				{ phone: '3001234567', list: 'inbound' },
				{ phone: '3001234568', list: 'outbound' },
			],
		});

		expect(bodies('remove_dnc')).toEqual([
			{ type: 'inbound', telephones: ['3001234567'] },
			{ type: 'outbound', telephones: ['3001234568'] },
		]);
		expect([...fx.sim.dnc.outbound]).toEqual(['3001234567']);
	});
});

describe('a row of a one-list read belongs to the list read', () => {
	let fake: FixedAnswerServer;
	beforeAll(async () => (fake = await startFixedAnswerServer()));
	afterAll(async () => await fake.stop());

	test('a row with "type": "" (as in Wolkvox\'s example) is on the list Sync read', async () => {
		fake.answer = {
			code: '200',
			error: null,
			msg: '1 records were found',
			data: [{ phone_number: '3001234567', type: '', date_delete: '' }],
		};

		const { output } = await runWolkvox({
			parameters: dnc('sync', { typeCall: 'outbound', options: { dryRun: true } }),
			credentials: fx.credentials({ baseUrl: fake.baseUrl }),
			items: [{ phone: '3001234567' }],
		});

		expect(output[0].json).toMatchObject({ wouldAdd: [], alreadyListed: ['3001234567'] });
		expect(output[0].json.summary).toMatchObject({ listed: 1 });
	});
});
