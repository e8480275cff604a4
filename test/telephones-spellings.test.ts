/**
 * One phone, one consumer, through the node: float renderings, Ley 2300 spellings, the NIT.
 */
import { nitCheckDigit, parseNit } from '../nodes/Wolkvox/helpers/nit';
import { runWolkvox } from './harness/run-node';
import { TOKEN, useSimulator } from './harness/simulator-fixture';

const fx = useSimulator();
const NIT = '900123456';
const colombia = () => fx.credentials({ countryCode: '57' });

const addDnc = (extra: Record<string, unknown> = {}) => ({
	resource: 'dnc',
	operation: 'add',
	typeCall: 'outbound',
	telephones: '={{ $json.phone }}',
	...extra,
});
const law2300 = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'law2300',
	operation,
	nit: NIT,
	telephone: '={{ $json.phone }}',
	...extra,
});
const bodies = (api: string) => fx.sim.requestsFor(api).map((request) => request.body);
const sorted = (list: Iterable<string>) => [...list].sort();

describe('a number that is not a number is never another number', () => {
	test('3001234567.0 and 3205550102.00 (a spreadsheet, CSV or database float) are those phones; 300.555.7004 is formatting', async () => {
		await runWolkvox({
			parameters: addDnc(),
			credentials: fx.credentials(),
			items: [{ phone: '3001234567.0' }, { phone: '3205550102.00' }, { phone: '300.555.7004' }],
		});

		expect(sorted(fx.sim.dnc.outbound)).toEqual(['3001234567', '3005557004', '3205550102']);
	});

	test('3.001234567E9 is refused, naming the item and the field; nothing is sent', async () => {
		const { error } = await runWolkvox({
			parameters: addDnc({ telephonesFrom: 'field', telephonesField: 'mobile' }),
			credentials: fx.credentials(),
			items: [{ mobile: '3001234568' }, { mobile: '3.001234567E9' }],
		});

		expect(error?.message).toBe(
			'Item 1: "mobile": "3.001234567E9" is in scientific notation, which loses digits: format the column as text or as a whole number',
		);
		expect(fx.sim.requests).toHaveLength(0);
	});
});

describe('Ley 2300: every spelling', () => {
	test('Block writes the phone national and with the country code (Wolkvox takes one per call)', async () => {
		const { output } = await runWolkvox({
			parameters: law2300('block'),
			credentials: colombia(),
			items: [{ phone: '+57 300 123 4567' }],
		});

		expect(bodies('block_law2300')).toEqual([
			{ nit: NIT, telephone: '3001234567' },
			{ nit: NIT, telephone: '573001234567' },
		]);
		expect(output[0].json).toMatchObject({
			telephone: '3001234567',
			telephones: ['3001234567', '573001234567'],
		});
	});

	test('Check asks for each spelling: protected when any is, each spelling asked once per execution', async () => {
		fx.sim.law2300.block(NIT, '573001234567');

		const { output } = await runWolkvox({
			parameters: law2300('check'),
			credentials: colombia(),
			items: [{ phone: '300 123 4567' }, { phone: '+57 300 123 4567' }, { phone: '3009999999' }],
		});

		expect(fx.sim.requestsFor('law2300_info').map((request) => request.query.phone)).toEqual([
			'3001234567',
			'573001234567',
			'3009999999',
			'573009999999',
		]);
		expect(fx.sim.usedToday(TOKEN)).toBe(4);
		expect(output.map((item) => [item.json.protected, item.json.protectedAs])).toEqual([
			[true, ['573001234567']],
			[true, ['573001234567']],
			[false, []],
		]);
	});

	test('Release takes every spelling off', async () => {
		fx.sim.law2300.block(NIT, '3001234567');
		fx.sim.law2300.block(NIT, '573001234567');

		await runWolkvox({
			parameters: law2300('release', {
				releaseBy: 'telephone',
				// Release takes fixed values only (docs/safety.md)
				value: '0057 300 123 4567',
				agentId: 'agent-7',
			}),
			credentials: colombia(),
			items: [{}],
		});

		expect(bodies('free_law2300').map((body) => (body as { value: string }).value)).toEqual([
			'3001234567',
			'573001234567',
		]);
		expect(fx.sim.law2300.list()).toEqual([]);
	});
});

describe('the NIT as Colombians write it', () => {
	test.each([['900.123.456-8'], ['900 123 456 - 8'], ['900123456'], ['900.123.456']])(
		'%s reaches Wolkvox as its digits without the check digit',
		async (nit) => {
			const { error } = await runWolkvox({
				parameters: law2300('check', { nit }),
				credentials: fx.credentials(),
				items: [{ phone: '3001234567' }],
			});

			expect(error).toBeUndefined();
			expect(fx.sim.requestsFor('law2300_info')[0]?.query.nit).toBe('900123456');
		},
	);

	test('a wrong check digit fails the item before anything is sent', async () => {
		const { error } = await runWolkvox({
			parameters: law2300('block', { nit: '900.123.456-7' }),
			credentials: fx.credentials(),
			items: [{ phone: '3001234567' }],
		});

		expect(error?.message).toBe(
			'Item 0: "Company NIT": the check digit of NIT "900.123.456-7" is 7, but DIAN\'s check digit of 900123456 is 8: check the NIT',
		);
		expect(fx.sim.requests).toHaveLength(0);
	});
});

test.each([
	['890903938', 8], // Bancolombia
	['860034313', 7], // Davivienda
	['899999068', 1], // Ecopetrol
	['800197268', 4], // DIAN
])('DIAN check digit of the published NIT %s is %d', (digits, checkDigit) => {
	expect(nitCheckDigit(digits)).toBe(checkDigit);
	expect(parseNit(`${digits}-${checkDigit}`)).toBe(digits);
	expect(() => parseNit(`${digits}-${(checkDigit + 1) % 10}`)).toThrow(/check digit/);
});
