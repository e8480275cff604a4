import Holidays from 'date-holidays';
import fc from 'fast-check';

import type { WindowRules } from '../nodes/Wolkvox/law2300/contactWindow';
import {
	checkContactWindow,
	colombiaIso,
	fromColombiaTime,
	NO_EXTRA_RULES,
} from '../nodes/Wolkvox/law2300/contactWindow';

const MINUTE = 60_000;
const FIRST = fromColombiaTime(1994, 1, 1);
const LAST = fromColombiaTime(2100, 12, 31, 23, 59, 59, 999);

/** Colombia's wall clock of a moment, read with the platform's own time-zone database. */
const bogota = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'America/Bogota',
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	weekday: 'short',
});
function wallClock(at: number) {
	const parts = Object.fromEntries(
		bogota.formatToParts(at).map(({ type, value }) => [type, value]),
	);
	return {
		date: `${parts.year}-${parts.month}-${parts.day}`,
		weekday: parts.weekday,
		minutes: Number(parts.hour) * 60 + Number(parts.minute),
	};
}

/**
 * The oracle: date-holidays (CO) for holidays, Intl for Colombia's clock, the law's hours. The
 * library's Easter Sunday ("Pascua") is left out: no law makes it a holiday (see calendar.ts).
 */
const library = new Holidays('CO', { types: ['public'] });
const libraryHoliday = (date: string) =>
	(library.isHoliday(new Date(`${date}T12:00:00-05:00`)) || []).some(
		(holiday) => holiday.name !== 'Pascua',
	);
function oracleAllows(at: number, rules: WindowRules): boolean {
	const { date, weekday, minutes } = wallClock(at);
	const isHoliday =
		rules.extraDates.has(date) || (!rules.notHolidays.has(date) && libraryHoliday(date));
	const hours = weekday === 'Sat' ? [8, 15] : weekday === 'Sun' ? undefined : [7, 19];
	if (isHoliday || !hours) return false;
	const secondsIn = (at - fromColombiaTime(1970, 1, 1)) % 60_000;
	const minuteOfDay = minutes + secondsIn / MINUTE;
	return (
		minuteOfDay >= hours[0] * 60 &&
		minuteOfDay < hours[1] * 60 &&
		minuteOfDay + rules.minimumMinutesLeft <= hours[1] * 60
	);
}

const moment = fc.integer({ min: FIRST, max: LAST });
/** Moments near the edges: whole minutes around opening and closing hours. */
const nearEdge = fc
	.record({
		day: fc.integer({ min: 0, max: 38_000 }),
		hour: fc.constantFrom(6, 7, 8, 14, 15, 18, 19),
		minute: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 59 })),
		ms: fc.constantFrom(0, 1, 59_999),
	})
	.map(({ day, hour, minute, ms }) => fromColombiaTime(1994, 1, 1 + day, hour, minute) + ms);
const anyMoment = fc.oneof(moment, nearEdge);

const dateNear = (at: number, days: number) => colombiaIso(at + days * 86_400_000).slice(0, 10);
const rulesNear = (at: number) =>
	fc
		.record({
			minimumMinutesLeft: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 720 })),
			extra: fc.uniqueArray(fc.integer({ min: 0, max: 14 }), { maxLength: 4 }),
			not: fc.uniqueArray(fc.integer({ min: 0, max: 14 }), { maxLength: 4 }),
		})
		.map(
			({ minimumMinutesLeft, extra, not }): WindowRules => ({
				minimumMinutesLeft,
				extraDates: new Map(extra.map((days) => [dateNear(at, days), 'Company day'])),
				notHolidays: new Set(not.map((days) => dateNear(at, days))),
			}),
		);
const momentAndRules = anyMoment.chain((at) =>
	fc.tuple(fc.constant(at), fc.oneof(fc.constant(NO_EXTRA_RULES), rulesNear(at))),
);

describe('Ley 2300 contact window (properties)', () => {
	test('allowed exactly when the law (date-holidays, the platform clock) allows it', () => {
		fc.assert(
			fc.property(momentAndRules, ([at, rules]) => {
				expect(checkContactWindow(at, rules).allowed).toBe(oracleAllows(at, rules));
			}),
			{ numRuns: 1500 },
		);
	});

	test('nextAllowedAt is allowed, not before at, and is at itself when allowed', () => {
		fc.assert(
			fc.property(momentAndRules, ([at, rules]) => {
				const verdict = checkContactWindow(at, rules);
				expect(verdict.nextAllowedAt).toBeGreaterThanOrEqual(at);
				expect(verdict.allowed).toBe(verdict.nextAllowedAt === at);
				const next = checkContactWindow(verdict.nextAllowedAt!, rules);
				expect(next.allowed).toBe(true);
				expect(oracleAllows(verdict.nextAllowedAt!, rules)).toBe(true);
			}),
			{ numRuns: 1000 },
		);
	});

	test('nothing between at and nextAllowedAt is allowed', () => {
		fc.assert(
			fc.property(
				momentAndRules,
				fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }),
				([at, rules], fractions) => {
					const nextAllowedAt = checkContactWindow(at, rules).nextAllowedAt!;
					if (nextAllowedAt === at) return;
					const between = [
						nextAllowedAt - 1,
						...fractions.map((f) => Math.floor(at + f * (nextAllowedAt - at))),
					].filter((moment) => moment >= at && moment < nextAllowedAt);
					for (const moment of between) {
						expect(checkContactWindow(moment, rules).allowed).toBe(false);
						expect(oracleAllows(moment, rules)).toBe(false);
					}
				},
			),
			{ numRuns: 300 },
		);
	});

	test('when allowed, the window closes at 19:00 (15:00 on Saturdays) that day, at least Minimum Minutes Left later', () => {
		fc.assert(
			fc.property(momentAndRules, ([at, rules]) => {
				const { allowed, closesAt } = checkContactWindow(at, rules);
				if (!allowed) return expect(closesAt).toBeNull();
				expect(closesAt! - at).toBeGreaterThanOrEqual(rules.minimumMinutesLeft * MINUTE);
				expect(closesAt! - at).toBeGreaterThan(0);
				const closing = wallClock(closesAt!);
				expect(closing.date).toBe(wallClock(at).date);
				expect(closing.minutes).toBe(closing.weekday === 'Sat' ? 15 * 60 : 19 * 60);
				// the window is half-open: closing time itself is closed, and so is any later start
				// that leaves less than Minimum Minutes Left
				expect(checkContactWindow(closesAt!, rules).allowed).toBe(false);
				const latestStart = closesAt! - Math.max(rules.minimumMinutesLeft * MINUTE, 1);
				expect(checkContactWindow(latestStart, rules).allowed).toBe(true);
				expect(checkContactWindow(latestStart + 1, rules).allowed).toBe(false);
			}),
			{ numRuns: 1000 },
		);
	});

	test('the reason says why: holiday, sunday, before or after the hours, or open', () => {
		fc.assert(
			fc.property(momentAndRules, ([at, rules]) => {
				const { reason, holiday, allowed } = checkContactWindow(at, rules);
				const { date, weekday, minutes } = wallClock(at);
				const opens = weekday === 'Sat' ? 8 * 60 : 7 * 60;
				const isHoliday =
					rules.extraDates.has(date) || (!rules.notHolidays.has(date) && libraryHoliday(date));
				const expected = allowed
					? 'open'
					: isHoliday
						? 'holiday'
						: weekday === 'Sun'
							? 'sunday'
							: minutes < opens
								? 'beforeHours'
								: 'afterHours';
				expect(reason).toBe(expected);
				expect(holiday !== null).toBe(isHoliday);
			}),
			{ numRuns: 1500 },
		);
	});

	test("at, nextAllowedAt and closesAt are written in Colombia's time and read back to the same moment", () => {
		fc.assert(
			fc.property(anyMoment, (at) => {
				const text = colombiaIso(at);
				expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}-05:00$/);
				expect(Date.parse(text)).toBe(at);
				expect(text.slice(0, 10)).toBe(wallClock(at).date);
			}),
		);
	});
});
