import { runWolkvox } from './harness/run-node';
import { useSimulator } from './harness/simulator-fixture';

const fx = useSimulator();

const fromField = (
	operation: string,
	telephonesField: string,
	extra: Record<string, unknown> = {},
) => ({
	resource: 'dnc',
	operation,
	typeCall: 'outbound',
	telephonesFrom: 'field',
	telephonesField,
	...extra,
});

const bodies = (api: string) => fx.sim.requestsFor(api).map((request) => request.body);

describe('Telephones From: Field of Each Item', () => {
	test("Add reads each item's field as it is, parsed like Telephones, combined into one request", async () => {
		const { output } = await runWolkvox({
			parameters: fromField('add', 'phone'),
			credentials: fx.credentials(),
			items: [
				{ phone: '+57 300 123 4567' },
				{ phone: ['3001234568', 3001234569] },
				{ phone: 3001234570 },
			],
		});

		expect(bodies('add_dnc')).toEqual([
			{
				type_call: 'outbound',
				telephones: ['573001234567', '3001234568', '3001234569', '3001234570'],
			},
		]);
		expect(output.map((item) => item.json.telephones)).toEqual([
			['573001234567'],
			['3001234568', '3001234569'],
			['3001234570'],
		]);
	});

	test('a dotted name reaches a nested field; Remove takes it too', async () => {
		fx.sim.dnc.inbound.add('3001234567');

		await runWolkvox({
			parameters: fromField('remove', 'contact.phone', { removeMode: 'listed', typeCall: 'both' }),
			credentials: fx.credentials(),
			items: [{ contact: { phone: '300-123-4567' } }],
		});

		expect(bodies('remove_dnc')).toEqual([{ type: 'all', telephones: ['3001234567'] }]);
		expect(fx.sim.dnc.inbound.size).toBe(0);
	});

	test('Sync takes the wanted numbers from the field', async () => {
		fx.sim.dnc.outbound.add('3001234567');

		const { output } = await runWolkvox({
			parameters: fromField('sync', 'phone'),
			credentials: fx.credentials(),
			items: [{ phone: '3001234567' }, { phone: '3001234568' }],
		});

		expect(bodies('add_dnc')).toEqual([{ type_call: 'outbound', telephones: ['3001234568'] }]);
		expect(output.map((item) => item.json.added)).toEqual([[], ['3001234568']]);
	});

	test('an item without the field fails, naming the field and the item', async () => {
		const { output } = await runWolkvox({
			parameters: fromField('add', 'phone'),
			credentials: fx.credentials(),
			items: [{ phone: '3001234567' }, { mobile: '3001234568' }],
			continueOnFail: true,
		});

		expect(bodies('add_dnc')).toEqual([{ type_call: 'outbound', telephones: ['3001234567'] }]);
		expect(output[1].json.error).toBe(
			'Item 1: "phone": expected text or a list of telephone numbers, got undefined',
		);
	});
});
