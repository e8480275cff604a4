import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Wolkvox } from '../nodes/Wolkvox/Wolkvox.node';
import type { WindowRules } from '../nodes/Wolkvox/law2300/contactWindow';
import {
	checkContactWindow,
	colombiaIso,
	fromColombiaTime,
	NO_EXTRA_RULES,
} from '../nodes/Wolkvox/law2300/contactWindow';
import { runWolkvox } from './harness/run-node';
import { useSimulator } from './harness/simulator-fixture';

const fx = useSimulator();

const contactWindow = (extra: IDataObject = {}) => ({
	resource: 'law2300',
	operation: 'contactWindow',
	at: '={{ $json.at }}',
	...extra,
});
const jsonOf = (output: Array<{ json: IDataObject }>) => output.map((item) => item.json);

/** What the node must output for an item checked at `at`: the item's fields, then the verdict. */
function expected(item: IDataObject, at: number, rules: WindowRules = NO_EXTRA_RULES) {
	const verdict = checkContactWindow(at, rules);
	return {
		...item,
		allowed: verdict.allowed,
		reason: verdict.reason,
		holiday: verdict.holiday,
		at: colombiaIso(at),
		nextAllowedAt: colombiaIso(verdict.nextAllowedAt!),
		closesAt: verdict.closesAt === null ? null : colombiaIso(verdict.closesAt),
	};
}

/** Moments from 2023 (Ley 2300) to 2040, a third of them on whole minutes near the hours' edges. */
const moments = (count: number, seed: number) =>
	fc.sample(
		fc.oneof(
			fc.integer({ min: fromColombiaTime(2023, 1, 1), max: fromColombiaTime(2040, 12, 31) }),
			fc
				.record({
					day: fc.integer({ min: 0, max: 6500 }),
					hour: fc.constantFrom(6, 7, 8, 14, 15, 18, 19),
					minute: fc.integer({ min: 0, max: 59 }),
				})
				.map(({ day, hour, minute }) => fromColombiaTime(2023, 1, 1 + day, hour, minute)),
		),
		{ numRuns: count, seed },
	);

/** ISO text of a moment at another offset (in minutes east of UTC), `+hh:mm` or `Z`. */
function isoAtOffset(at: number, offsetMinutes: number): string {
	const clock = new Date(at + offsetMinutes * 60_000).toISOString().slice(0, 23);
	if (offsetMinutes === 0) return `${clock}Z`;
	const sign = offsetMinutes < 0 ? '-' : '+';
	const size = Math.abs(offsetMinutes);
	const hh = String(Math.floor(size / 60)).padStart(2, '0');
	return `${clock}${sign}${hh}:${String(size % 60).padStart(2, '0')}`;
}

describe('Ley 2300 → Check Contact Window, through the engine', () => {
	test('ISO text with any offset: the verdict of the moment, the item kept, nothing sent', async () => {
		const ats = moments(150, 1);
		const offsets = fc.sample(fc.integer({ min: -12 * 60, max: 14 * 60 }), {
			numRuns: 150,
			seed: 2,
		});
		const items = ats.map((at, index) => ({
			phone: `300000${index}`,
			at: isoAtOffset(at, offsets[index]),
		}));

		const { output, error } = await runWolkvox({ parameters: contactWindow(), items });

		expect(error).toBeUndefined();
		expect(jsonOf(output)).toEqual(items.map((item, index) => expected(item, ats[index])));
		expect(output.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(fx.sim.requests).toHaveLength(0);
		// both answers occur among the generated moments
		expect(new Set(jsonOf(output).map((json) => json.allowed))).toEqual(new Set([true, false]));
	});

	test("ISO text without an offset is Colombia's time; epoch milliseconds and Luxon DateTimes too", async () => {
		const ats = moments(60, 3);
		const withoutOffset = await runWolkvox({
			parameters: contactWindow(),
			items: ats.map((at) => ({ at: colombiaIso(at).slice(0, 19).replace('T', ' ') })),
		});
		const epoch = await runWolkvox({
			parameters: contactWindow(),
			items: ats.map((at) => ({ at })),
		});
		const luxon = await runWolkvox({
			parameters: contactWindow({
				at: "={{ DateTime.fromMillis($json.ms, { zone: 'Asia/Tokyo' }) }}",
			}),
			items: ats.map((ms) => ({ ms })),
		});

		const wholeSeconds = ats.map((at) => Math.floor(at / 1000) * 1000);
		expect(
			jsonOf(withoutOffset.output).map((json) => [json.at, json.allowed, json.nextAllowedAt]),
		).toEqual(
			wholeSeconds.map((at) => {
				const json = expected({}, at);
				return [json.at, json.allowed, json.nextAllowedAt];
			}),
		);
		expect(jsonOf(epoch.output)).toEqual(ats.map((at) => expected({ at }, at)));
		expect(jsonOf(luxon.output)).toEqual(ats.map((ms) => expected({ ms }, ms)));
		expect(fx.sim.requests).toHaveLength(0);
	});

	test('the law, by example: hours, Saturday, Sunday, a holiday by its Spanish name', async () => {
		const items = [
			{ at: '2026-12-07T06:59:59-05:00' }, // Monday, before hours
			{ at: '2026-12-07T07:00:00-05:00' }, // opens
			{ at: '2026-12-07T18:59:59.999-05:00' },
			{ at: '2026-12-07T19:00:00-05:00' }, // closed: the window is [07:00, 19:00)
			{ at: '2026-12-12T14:30:00-05:00' }, // Saturday
			{ at: '2026-12-12T15:00:00-05:00' },
			{ at: '2026-12-13T10:00:00-05:00' }, // Sunday
			{ at: '2026-07-20T10:00:00-05:00' }, // Independence Day, a Monday
		];
		const { output } = await runWolkvox({ parameters: contactWindow(), items });
		const summary = jsonOf(output).map(({ allowed, reason, holiday, nextAllowedAt, closesAt }) => [
			allowed,
			reason,
			holiday,
			nextAllowedAt,
			closesAt,
		]);

		expect(summary).toEqual([
			[false, 'beforeHours', null, '2026-12-07T07:00:00.000-05:00', null],
			[true, 'open', null, '2026-12-07T07:00:00.000-05:00', '2026-12-07T19:00:00.000-05:00'],
			[true, 'open', null, '2026-12-07T18:59:59.999-05:00', '2026-12-07T19:00:00.000-05:00'],
			// 8 December is a holiday (Inmaculada Concepción): the next window opens on the 9th
			[false, 'afterHours', null, '2026-12-09T07:00:00.000-05:00', null],
			[true, 'open', null, '2026-12-12T14:30:00.000-05:00', '2026-12-12T15:00:00.000-05:00'],
			[false, 'afterHours', null, '2026-12-14T07:00:00.000-05:00', null],
			[false, 'sunday', null, '2026-12-14T07:00:00.000-05:00', null],
			[false, 'holiday', 'Día de la Independencia', '2026-07-21T07:00:00.000-05:00', null],
		]);
	});

	test('empty At is now', async () => {
		const before = Date.now();
		const { output } = await runWolkvox({ parameters: contactWindow({ at: '' }), items: [{}, {}] });
		const after = Date.now();

		for (const { json } of output) {
			const at = Date.parse(String(json.at));
			expect(at).toBeGreaterThanOrEqual(before);
			expect(at).toBeLessThanOrEqual(after);
			expect(json).toEqual(expected({}, at));
		}
	});

	test('Minimum Minutes Left, Extra Non-Contact Dates and Not Holidays change the verdict', async () => {
		const options = {
			minimumMinutesLeft: 30,
			extraNonContactDates: '2026-12-24 Nochebuena, 2026-12-31',
			notHolidays: '={{ ["2026-07-20"] }}',
		};
		const items = [
			{ at: '2026-12-07T18:30:00-05:00' }, // exactly 30 minutes left
			{ at: '2026-12-07T18:30:00.001-05:00' }, // less
			{ at: '2026-12-24T10:00:00-05:00' },
			{ at: '2026-12-31T10:00:00-05:00' },
			{ at: '2026-07-20T10:00:00-05:00' },
			{ at: '2026-12-23T18:45:00-05:00' }, // too late, and the next two days are closed
		];
		const { output } = await runWolkvox({ parameters: contactWindow({ options }), items });
		const rules: WindowRules = {
			minimumMinutesLeft: 30,
			extraDates: new Map([
				['2026-12-24', 'Nochebuena'],
				['2026-12-31', 'Extra non-contact date'],
			]),
			notHolidays: new Set(['2026-07-20']),
		};

		expect(jsonOf(output)).toEqual(items.map((item) => expected(item, Date.parse(item.at), rules)));
		expect(
			jsonOf(output).map(({ allowed, reason, holiday }) => [allowed, reason, holiday]),
		).toEqual([
			[true, 'open', null],
			[false, 'afterHours', null],
			[false, 'holiday', 'Nochebuena'],
			[false, 'holiday', 'Extra non-contact date'],
			[true, 'open', null],
			[false, 'afterHours', null],
		]);
		expect(output[5].json.nextAllowedAt).toBe('2026-12-26T08:00:00.000-05:00');
	});

	test('bad input fails its item, naming the item and the field; the others are answered', async () => {
		const cases: Array<[IDataObject, IDataObject, string]> = [
			[
				{ at: 'tomorrow' },
				{},
				'Item 0: "At" must be a date-time: ISO text such as 2026-12-07T10:30:00-05:00, an n8n date or epoch milliseconds, not "tomorrow"',
			],
			[{ at: '2026-02-30T10:00:00' }, {}, 'Item 1: "At" must be a date-time'],
			[
				{ at: 1765123200 },
				{},
				'Item 2: "At" must be between 1994 and 2100, not 1765123200 (epoch seconds? At takes milliseconds)',
			],
			[
				{ at: '2026-12-07T10:00:00-05:00', days: '2026-12-24, 24/12/2026' },
				{},
				'Item 3: "Extra Non-Contact Dates": "24/12/2026" is not a date (YYYY-MM-DD)',
			],
			[
				{ at: '2026-12-07T10:00:00-05:00', minutes: 721 },
				{},
				'Item 4: "Minimum Minutes Left" must be a whole number from 0 to 720, not 721',
			],
			[{ at: '2026-12-07T10:00:00-05:00' }, {}, ''],
		];
		const { output } = await runWolkvox({
			parameters: contactWindow({
				options: {
					extraNonContactDates: '={{ $json.days ?? "" }}',
					minimumMinutesLeft: '={{ $json.minutes ?? 0 }}',
				},
			}),
			items: cases.map(([item]) => item),
			continueOnFail: true,
		});

		cases.forEach(([, , message], index) => {
			if (message) expect(String(output[index].json.error)).toContain(message);
			else expect(output[index].json).toMatchObject({ allowed: true, reason: 'open' });
		});

		const { error } = await runWolkvox({
			parameters: contactWindow(),
			items: [{ at: '2026-12-07T10:00:00Z' }, { at: 'soon' }],
		});
		expect(error?.message).toMatch(/^Item 1: "At" must be a date-time/);
		expect(fx.sim.requests).toHaveLength(0);
	});

	test('needs no credential, and a node that still has one sends nothing with it', async () => {
		const items = [{ at: '2026-12-07T10:00:00-05:00' }];
		const without = await runWolkvox({ parameters: contactWindow(), items });
		const withCredential = await runWolkvox({
			parameters: contactWindow(),
			items,
			credentials: fx.credentials(),
		});
		const asTool = await runWolkvox({ parameters: contactWindow(), items, asTool: true });

		expect(without.error).toBeUndefined();
		expect(jsonOf(without.output)).toEqual([expected(items[0], Date.parse(items[0].at))]);
		expect(jsonOf(withCredential.output)).toEqual(jsonOf(without.output));
		expect(jsonOf(asTool.output)).toEqual(jsonOf(without.output));
		expect(fx.sim.requests).toHaveLength(0);

		// every other operation still needs it
		const check = await runWolkvox({
			parameters: {
				resource: 'law2300',
				operation: 'check',
				nit: '900123456',
				telephone: '3001234567',
			},
		});
		expect(check.error?.message).toBe('Node does not have any credentials set');
	});

	test('the editor hides the credential for Check Contact Window only', () => {
		const { description } = new Wolkvox();
		const [credential] = description.credentials!;
		const shown = (parameters: IDataObject) =>
			NodeHelpers.displayParameter(parameters as never, credential, null, description);

		expect(shown({ resource: 'law2300', operation: 'contactWindow' })).toBe(false);
		expect(shown({ resource: 'law2300', operation: 'check' })).toBe(true);
		expect(shown({ resource: 'dnc', operation: 'add' })).toBe(true);
		expect(shown({})).toBe(true);
	});
});
