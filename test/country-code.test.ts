import { parsePhones, shownSpelling } from '../nodes/Wolkvox/helpers/phone';
import { runWolkvox } from './harness/run-node';
import { useSimulator } from './harness/simulator-fixture';

const fx = useSimulator();

/** Telephones, one per phone, each in the spelling the node writes first. */
const parseTelephones = (input: unknown, countryCode = ''): string[] =>
	parsePhones(input, countryCode).map(shownSpelling);

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
	test("with Country Code 57, another country's number stays whole: one spelling, its own code kept", () => {
		expect(parsePhones('+1 305 555 0100', '57').map((phone) => phone.spellings)).toEqual([
			['13055550100'],
		]);
	});

	test('the parser gives one number for every way of writing it', () => {
		const written = ['+57 300 123 4567', '3001234567', '0057 300-123-4567', '(300) 123.4567'];
		expect(
			parseTelephones([...written, '573001234567', 573001234567, '3001234567.0'], '57'),
		).toEqual(['3001234567']);
		expect(parseTelephones(written)).toEqual(['573001234567', '3001234567', '00573001234567']);
	});

	test('Add: every spelling is one phone, written national and with the country code in one request', async () => {
		const items = [{ phone: '+57 300 123 4567' }, { phone: '3001234567' }, { phone: 573001234567 }];

		const { output } = await runWolkvox({
			parameters: dnc('add', { options: { countryCode: '57' } }),
			credentials: fx.credentials(),
			items,
		});

		expect(bodies('add_dnc')).toEqual([
			{ type_call: 'outbound', telephones: ['3001234567', '573001234567'] },
		]);
		expect(sorted(fx.sim.dnc.outbound)).toEqual(['3001234567', '573001234567']);
		expect(output.map((item) => item.json.telephones)).toEqual(
			Array(3).fill(['3001234567', '573001234567']),
		);

		fx.sim.reset();
		await runWolkvox({ parameters: dnc('add'), credentials: fx.credentials(), items });
		expect(sorted(fx.sim.dnc.outbound)).toEqual(['3001234567', '573001234567']);
		expect(bodies('add_dnc')).toEqual([
			{ type_call: 'outbound', telephones: ['573001234567', '3001234567'] },
		]);
	});

	test("the credential's Country Code is used unless the option overrides it", async () => {
		const credentials = fx.credentials({ countryCode: '57' });
		await runWolkvox({
			parameters: dnc('add'),
			credentials,
			items: [{ phone: '+57 300 123 4567' }],
		});
		await runWolkvox({
			parameters: dnc('add', { options: { countryCode: '52' } }),
			credentials,
			items: [{ phone: '+52 55 1234 5678' }],
		});

		expect(bodies('add_dnc')).toEqual([
			{ type_call: 'outbound', telephones: ['3001234567', '573001234567'] },
			{ type_call: 'outbound', telephones: ['5512345678', '525512345678'] },
		]);
	});

	test.each([
		['national', ['3001234567']],
		['international', ['573001234567']],
	])('Write As %s writes that one form only', async (writeAs, telephones) => {
		await runWolkvox({
			parameters: dnc('add', { options: { countryCode: '57', writeAs } }),
			credentials: fx.credentials(),
			items: [{ phone: '+57 300 123 4567' }],
		});

		expect(bodies('add_dnc')).toEqual([{ type_call: 'outbound', telephones }]);
	});

	test('Remove takes every spelling off, from the list Type of Call names', async () => {
		fx.sim.dnc.outbound.add('3001234567');
		fx.sim.dnc.outbound.add('573001234567');
		fx.sim.dnc.inbound.add('3001234567');

		const { output } = await runWolkvox({
			parameters: dnc('remove', { removeMode: 'listed', options: { countryCode: '+57' } }),
			credentials: fx.credentials(),
			items: [{ phone: '0057 300 123 4567' }],
		});

		expect(bodies('remove_dnc')).toEqual([
			{ type: 'outbound', telephones: ['3001234567', '573001234567'] },
		]);
		expect(fx.sim.dnc.outbound.size).toBe(0);
		expect([...fx.sim.dnc.inbound]).toEqual(['3001234567']);
		expect(output[0].json).toMatchObject({ typeCall: 'outbound' });
	});

	test('Sync compares phones, not spellings: a listed spelling of a wanted phone stays, and is shown as listedAs', async () => {
		for (const phone of ['+57 300 123 4567', '+57 300 999 0000', '573005550000'])
			fx.sim.dnc.outbound.add(phone);

		const { output } = await runWolkvox({
			parameters: dnc('sync', { removeUnlisted: true, options: { countryCode: '57' } }),
			credentials: fx.credentials(),
			items: [{ phone: '3001234567' }, { phone: '+57 300 555 0000' }],
		});

		expect(bodies('add_dnc')).toEqual([
			{ type_call: 'outbound', telephones: ['3001234567', '573001234567', '3005550000'] },
		]);
		expect(bodies('remove_dnc')).toEqual([{ type: 'outbound', telephones: ['+57 300 999 0000'] }]);
		expect(sorted(fx.sim.dnc.outbound)).toEqual([
			'+57 300 123 4567',
			'3001234567',
			'3005550000',
			'573001234567',
			'573005550000',
		]);
		expect(output.map((item) => item.json.alreadyListed)).toEqual([[], ['573005550000']]);
		expect(output[0].json.listedAs).toEqual({ '3001234567': ['+57 300 123 4567'] });
		expect(output[0].json.summary).toMatchObject({
			added: { count: 3 },
			removed: { count: 1, telephones: ['+57 300 999 0000'] },
		});
	});

	test.each([['5a'], ['1234'], ['={{ 57.5 }}'], ['057'], ['999']])(
		'refuses Country Code %s before sending anything',
		async (countryCode) => {
			const { error } = await runWolkvox({
				parameters: dnc('add', { options: { countryCode } }),
				credentials: fx.credentials(),
				items: [{ phone: '3001234567' }],
			});

			expect(error?.message).toMatch(/^Item 0: "Country Code": .* is not a country calling code/);
			expect(fx.sim.requests).toHaveLength(0);
		},
	);

	test("refuses the credential's Country Code 057, naming it, before sending anything", async () => {
		const { error } = await runWolkvox({
			parameters: dnc('add'),
			credentials: fx.credentials({ countryCode: '057' }),
			items: [{ phone: '3001234567' }],
		});

		expect(error?.message).toBe(
			'Item 0: The credential\'s "Country Code": "057" is not a country calling code (without leading zeros: 57); write the country\'s code, such as 57 for Colombia',
		);
		expect(fx.sim.requests).toHaveLength(0);
	});
});
