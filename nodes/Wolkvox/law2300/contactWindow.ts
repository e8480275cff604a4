/**
 * Ley 2300 de 2023, art. 3: contact is allowed Monday to Friday 07:00–19:00 and Saturday 08:00–15:00,
 * never on Sundays or national holidays, in Colombia's time (UTC−5 all year since April
 * 1993; the operation takes moments from 1994 on). Windows are half-open: 19:00 itself is closed. Pure: moments are epoch milliseconds.
 */
import { COLOMBIA_OFFSET, COLOMBIA_OFFSET_MS, colombiaWallClock } from '../helpers/colombiaTime';
import type { IsoDate } from './calendar';
import { colombiaHoliday, isoDateOf, weekdayOf } from './calendar';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** How far ahead the next allowed moment is looked for (extra dates could close many days). */
export const SEARCH_DAYS = 400;

/** Opening and closing hour by weekday (0 = Sunday), Colombia's time. */
const HOURS: ReadonlyArray<readonly [opens: number, closes: number] | undefined> = [
	undefined,
	[7, 19],
	[7, 19],
	[7, 19],
	[7, 19],
	[7, 19],
	[8, 15],
];

export type WindowReason = 'open' | 'beforeHours' | 'afterHours' | 'sunday' | 'holiday';

export interface WindowRules {
	/** Allowed only if the window stays open at least this long after the moment. */
	minimumMinutesLeft: number;
	/** Dates closed on top of the holidays (date → name); they win over notHolidays. */
	extraDates: ReadonlyMap<IsoDate, string>;
	/** Computed holidays to treat as ordinary days. */
	notHolidays: ReadonlySet<IsoDate>;
}

export const NO_EXTRA_RULES: WindowRules = {
	minimumMinutesLeft: 0,
	extraDates: new Map(),
	notHolidays: new Set(),
};

export interface WindowVerdict {
	allowed: boolean;
	reason: WindowReason;
	/** The day's holiday (or extra date) name, when it is one. */
	holiday: string | null;
	at: number;
	/** `at` itself when allowed; null when no moment is allowed within SEARCH_DAYS. */
	nextAllowedAt: number | null;
	/** When the window `at` lies in closes; null when not allowed. */
	closesAt: number | null;
}

interface Day {
	/** Colombia's midnight of the day, as a UTC moment. */
	start: number;
	holiday?: string;
	/** Opening hours as UTC moments; none on Sundays and holidays. */
	hours?: { opens: number; closes: number };
}

function dayOf(dayNo: number, rules: WindowRules): Day {
	const date = isoDateOf(dayNo);
	const start = dayNo * DAY_MS - COLOMBIA_OFFSET_MS;
	const holiday =
		rules.extraDates.get(date) ?? (rules.notHolidays.has(date) ? undefined : colombiaHoliday(date));
	const hours = HOURS[weekdayOf(dayNo)];
	if (holiday !== undefined) return { start, holiday };
	if (!hours) return { start };
	return {
		start,
		hours: { opens: start + hours[0] * HOUR_MS, closes: start + hours[1] * HOUR_MS },
	};
}

/** The earliest allowed moment of a day not before `from`, if the day has one. */
function firstAllowed(day: Day, from: number, minimumMs: number): number | undefined {
	if (!day.hours) return undefined;
	const start = Math.max(day.hours.opens, from);
	return start < day.hours.closes && start + minimumMs <= day.hours.closes ? start : undefined;
}

const colombiaDayNo = (at: number) => Math.floor((at + COLOMBIA_OFFSET_MS) / DAY_MS);

/** Whether contact is allowed at `at`, why not, and when it next is. */
export function checkContactWindow(at: number, rules: WindowRules = NO_EXTRA_RULES): WindowVerdict {
	const minimumMs = rules.minimumMinutesLeft * MINUTE_MS;
	const dayNo = colombiaDayNo(at);
	const today = dayOf(dayNo, rules);
	const allowedNow = firstAllowed(today, at, minimumMs) === at;
	const reason: WindowReason = allowedNow
		? 'open'
		: today.holiday !== undefined
			? 'holiday'
			: !today.hours
				? 'sunday'
				: at < today.hours.opens
					? 'beforeHours'
					: 'afterHours';
	return {
		allowed: allowedNow,
		reason,
		holiday: today.holiday ?? null,
		at,
		nextAllowedAt: allowedNow ? at : nextAllowed(dayNo, at, minimumMs, rules),
		closesAt: allowedNow ? today.hours!.closes : null,
	};
}

/** The first allowed moment from `at` on, looking up to SEARCH_DAYS ahead. */
function nextAllowed(dayNo: number, at: number, minimumMs: number, rules: WindowRules) {
	for (let offset = 0; offset <= SEARCH_DAYS; offset++) {
		const next = firstAllowed(dayOf(dayNo + offset, rules), at, minimumMs);
		if (next !== undefined) return next;
	}
	return null;
}

/** `2026-12-07T17:42:03.120-05:00`: the moment in Colombia's time. */
export function colombiaIso(at: number): string {
	return colombiaWallClock(at) + COLOMBIA_OFFSET;
}

/** The UTC moment of a wall-clock time in Colombia (month 1–12). */
export function fromColombiaTime(
	year: number,
	month: number,
	day: number,
	hour = 0,
	minute = 0,
	second = 0,
	millisecond = 0,
): number {
	return Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - COLOMBIA_OFFSET_MS;
}
