import { parseTelephones, withoutCountryCode } from '../nodes/Wolkvox/helpers/phone';
import { runWolkvox } from './harness/run-node';
import { useSimulator } from './harness/simulator-fixture';

const fx = useSimulator();

const dnc = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'dnc',
	operation,
	typeCall: 'outbound',
	telephones: '={{ $json.phone }}',
	...extra,
});
const sorted = (list: Iterable<string>) => [...list].sort();
const bodies = (api: string) => fx.sim.requestsFor(api).map((request) => request.body);

describe('Country Code: one phone, one record', () => {
	test.each([
		['+573001234567', '57', '3001234567'],
		['00573001234567', '57', '3001234567'],
		['3001234567', '57', '3001234567'],
		['573001234567', '57', '573001234567'], // no + or 00: not known to be international
		['+13055550100', '57', '+13055550100'], // another country's number stays whole
		['+573001234567', '', '+573001234567'],
	])('withoutCountryCode(%s, %j) is %s', (digits, countryCode, expected) => {
		expect(withoutCountryCode(digits, countryCode)).toBe(expected);
	});

	test('the parser gives one number for every way of writing it', () => {
		const written = ['+57 300 123 4567', '3001234567', '0057 300-123-4567', '(300) 123.4567'];
		expect(parseTelephones(written, '57')).toEqual(['3001234567']);
		expect(parseTelephones(written)).toEqual(['573001234567', '3001234567', '00573001234567']);
	});

	test('Add: +57 300 123 4567 and 3001234567 become one record with Country Code 57', async () => {
		const items = [{ phone: '+57 300 123 4567' }, { phone: '3001234567' }];

		const { output } = await runWolkvox({
			parameters: dnc('add', { options: { countryCode: '57' } }),
			credentials: fx.credentials(),
			items,
		});

		expect(bodies('add_dnc')).toEqual([{ type_call: 'outbound', telephones: ['3001234567'] }]);
		expect(sorted(fx.sim.dnc.outbound)).toEqual(['3001234567']);
		expect(output.map((item) => item.json.telephones)).toEqual([['3001234567'], ['3001234567']]);

		fx.sim.reset();
		await runWolkvox({ parameters: dnc('add'), credentials: fx.credentials(), items });
		expect(sorted(fx.sim.dnc.outbound)).toEqual(['3001234567', '573001234567']);
	});

	test('Remove: a number written internationally removes the national record', async () => {
		fx.sim.dnc.outbound.add('3001234567');

		await runWolkvox({
			parameters: dnc('remove', { removeMode: 'listed', options: { countryCode: '+57' } }),
			credentials: fx.credentials(),
			items: [{ phone: '0057 300 123 4567' }],
		});

		expect(bodies('remove_dnc')).toEqual([{ type: 'all', telephones: ['3001234567'] }]);
		expect(fx.sim.dnc.outbound.size).toBe(0);
	});

	test('Sync compares the numbers Wolkvox lists after the same normalisation, and removes a number exactly as listed', async () => {
		for (const phone of ['+57 300 123 4567', '+57 300 999 0000', '3005550000'])
			fx.sim.dnc.outbound.add(phone);

		const { output } = await runWolkvox({
			parameters: dnc('sync', { removeUnlisted: true, options: { countryCode: '57' } }),
			credentials: fx.credentials(),
			items: [{ phone: '3001234567' }, { phone: '+57 300 555 0000' }],
		});

		expect(bodies('add_dnc')).toEqual([]);
		expect(bodies('remove_dnc')).toEqual([{ type: 'all', telephones: ['+57 300 999 0000'] }]);
		expect(sorted(fx.sim.dnc.outbound)).toEqual(['+57 300 123 4567', '3005550000']);
		expect(output.map((item) => item.json.alreadyListed)).toEqual([['3001234567'], ['3005550000']]);
		expect(output[0].json.summary).toMatchObject({
			added: { count: 0 },
			removed: { count: 1, telephones: ['+57 300 999 0000'] },
		});
	});

	test.each([['5a'], ['1234'], ['={{ 57.5 }}']])(
		'refuses Country Code %s before sending anything',
		async (countryCode) => {
			const { error } = await runWolkvox({
				parameters: dnc('add', { options: { countryCode } }),
				credentials: fx.credentials(),
				items: [{ phone: '3001234567' }],
			});

			expect(error?.message).toMatch(
				/^Item 0: "Country Code" must be 1 to 3 digits, such as 57, not /,
			);
			expect(fx.sim.requests).toHaveLength(0);
		},
	);
});
