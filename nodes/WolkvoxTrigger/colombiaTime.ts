/**
 * Wolkvox's report dates are Colombia's wall clock (UTC−5 all year: Colombia has no daylight saving).
 * Inferred: neither the query dates (`date_ini`, `date_end`: `YYYYmmddHHiiss`) nor the rows' `date`
 * carry an offset, and Wolkvox serves Colombian operations in their own time. Inside the trigger every
 * time is epoch milliseconds; these functions convert, through the package's one Colombia clock.
 */
import {
	COLOMBIA_OFFSET,
	COLOMBIA_OFFSET_MS,
	colombiaWallClock,
} from '../Wolkvox/helpers/colombiaTime';

/** `2026-12-07T17:40:05`: Colombia's wall clock to the second. */
const wallClockToSecond = (epochMs: number) => colombiaWallClock(epochMs).slice(0, 19);

/** `YYYYmmddHHiiss` in Colombia's time, as the reports' `date_ini` and `date_end` take it. */
export function toWolkvoxDate(epochMs: number): string {
	return wallClockToSecond(epochMs).replace(/\D/g, '');
}

/** ISO 8601 with Colombia's offset, e.g. `2026-12-07T17:40:05-05:00`: what the items show beside Wolkvox's `date`. */
export function toColombiaIso(epochMs: number): string {
	return wallClockToSecond(epochMs) + COLOMBIA_OFFSET;
}

// `2026-12-07 17:40:05`, `2026-12-07T17:40:05`, `2026/12/07 17:40`, optionally with an offset or Z.
const YEAR_FIRST =
	/^(\d{4})[-/](\d{2})[-/](\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
// `07/12/2026 17:40:05`, day first as Colombia writes it.
const DAY_FIRST = /^(\d{2})\/(\d{2})\/(\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?)?$/;
// `20261207174005`, as the queries write it.
const COMPACT = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

function offsetMs(zone: string | undefined): number {
	if (zone === undefined) return COLOMBIA_OFFSET_MS;
	if (zone.toUpperCase() === 'Z') return 0;
	const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})$/.exec(zone) ?? [];
	const magnitude = (Number(hours) * 60 + Number(minutes)) * 60_000;
	return sign === '-' ? -magnitude : magnitude;
}

function epochOf(parts: Array<string | undefined>, zone?: string): number | undefined {
	const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts.map((part) =>
		Number(part ?? 0),
	);
	const utc = Date.UTC(year, month - 1, day, hour, minute, second);
	const check = new Date(utc);
	const valid =
		check.getUTCFullYear() === year &&
		check.getUTCMonth() === month - 1 &&
		check.getUTCDate() === day &&
		hour < 24 &&
		minute < 60 &&
		second < 60;
	return valid ? utc - offsetMs(zone) : undefined;
}

/**
 * A row's `date` as epoch milliseconds, read as Colombia's time unless it names its own offset;
 * undefined when it is not a date. Wolkvox's exact format is not published: the usual spellings are
 * accepted.
 */
export function parseWolkvoxDate(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	let match = YEAR_FIRST.exec(text);
	if (match) return epochOf(match.slice(1, 7), match[7]);
	match = DAY_FIRST.exec(text);
	if (match) return epochOf([match[3], match[2], match[1], match[4], match[5], match[6]]);
	match = COMPACT.exec(text);
	if (match) return epochOf(match.slice(1, 7));
	return undefined;
}
