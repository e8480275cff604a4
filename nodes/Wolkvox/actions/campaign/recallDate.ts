/** A date and time as Wolkvox's recall takes it: `YYYYmmddHHiiss`, the wall clock of a time zone. */

export const COLOMBIA_TIME_ZONE = 'America/Bogota';

const NAIVE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?$/;
const WITH_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** The wall-clock fields of `instant` in `timeZone` (throws RangeError for an unknown zone). */
function wallClock(instant: number, timeZone: string): number[] {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(instant));
	const field = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	return ['year', 'month', 'day', 'hour', 'minute', 'second'].map(field);
}

function zoneOffset(instant: number, timeZone: string): number {
	const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = wallClock(
		instant,
		timeZone,
	);
	return Date.UTC(year, month - 1, day, hour, minute, second) - (instant - (instant % 1000));
}

/** The instant a wall-clock time written without an offset means in `timeZone`. */
function instantOfWallClock(fields: number[], timeZone: string): number {
	const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = fields;
	const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
	const first = asUtc - zoneOffset(asUtc, timeZone);
	return asUtc - zoneOffset(first, timeZone);
}

/** What n8n may hand over: ISO text (from the date picker or an expression), a Date, a Luxon DateTime. */
function asText(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim();
	if (value instanceof Date) return value.toISOString();
	const toISO = (value as { toISO?: unknown } | null)?.toISO;
	if (typeof toISO === 'function') return String(toISO.call(value));
	return undefined;
}

/**
 * `value` as `YYYYmmddHHiiss` in `timeZone`. A date with an offset (or Z) is that instant; one without
 * is a wall-clock time in `inputTimeZone` (the workflow's, as n8n's date picker means it).
 * Undefined when `value` is not a date.
 */
export function recallDateText(
	value: unknown,
	timeZone: string,
	inputTimeZone: string,
): string | undefined {
	const text = asText(value);
	if (!text) return undefined;
	let instant: number;
	const naive = NAIVE.exec(text);
	if (naive)
		instant = instantOfWallClock(
			naive.slice(1).map((part) => Number(part ?? 0)),
			inputTimeZone,
		);
	else if (WITH_OFFSET.test(text)) instant = Date.parse(text);
	else return undefined;
	if (!Number.isFinite(instant)) return undefined;
	return wallClock(instant, timeZone)
		.map((field, index) => String(field).padStart(index === 0 ? 4 : 2, '0'))
		.join('');
}

/** Whether `timeZone` is an IANA time zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
		return true;
	} catch {
		return false;
	}
}
