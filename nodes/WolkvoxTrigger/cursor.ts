/**
 * The trigger's cursor: which report rows were already emitted, so that each is emitted once and none
 * is skipped. Pure: values in, values out; every time is epoch milliseconds.
 *
 * A cursor is a date, `from`, and the keys (`conn_id`s) read at or after it. Every row dated before
 * `from` counts as handled; a row dated at or after it is new unless its key is in `seen`. A poll reads
 * the window from `from` to now, emits the new rows, and moves `from` up to now minus the overlap,
 * keeping the keys dated from there on: a row that shows up in Wolkvox's report up to `overlap` after
 * its date is still read by a later window, and one read twice is recognised by its key.
 */

export const SECOND_MS = 1_000;
export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
/** Wolkvox's reports take ranges of at most 31 days. */
export const MAX_RANGE_MS = 31 * DAY_MS;

export interface Cursor {
	/** What the cursor follows (an event); another event starts a cursor of its own. */
	event: string;
	/** Rows dated before this were handled (emitted, or dated before the trigger started). */
	from: number;
	/** Key → date of every row read that is dated at or after `from`. */
	seen: Record<string, number>;
	/** When Wolkvox was last read, for the minimum interval between reads. */
	readAt?: number;
}

/** A report row as the cursor sees it: its identity and its date. */
export interface Dated {
	key: string;
	date: number;
}

/** A range of report dates, both ends included (Wolkvox's dates have whole seconds). */
export interface DateRange {
	from: number;
	to: number;
}

const toSecond = (ms: number) => Math.floor(ms / SECOND_MS) * SECOND_MS;

/** The cursor of a trigger that starts now, or from `startFrom` (a backfill). */
export function startCursor(event: string, now: number, startFrom?: number): Cursor {
	return { event, from: toSecond(startFrom ?? now), seen: {} };
}

/** The dates a poll at `now` reads: from the cursor to now. */
export function pollRange(cursor: Cursor, now: number): DateRange {
	return { from: cursor.from, to: Math.max(cursor.from, toSecond(now)) };
}

/**
 * Splits a range into ranges of at most `maxMs` that together cover it. Consecutive ranges share
 * their boundary second (read twice, recognised by its key), so no second falls between them
 * whether Wolkvox counts `date_end` in or out.
 */
export function splitRange({ from, to }: DateRange, maxMs = MAX_RANGE_MS): DateRange[] {
	const ranges: DateRange[] = [];
	for (let start = from; ; ) {
		const end = Math.min(start + maxMs, to);
		ranges.push({ from: start, to: end });
		if (end >= to) return ranges;
		start = end;
	}
}

/**
 * The rows of a successful read of `range` that were not emitted before, in date order, and the
 * cursor after it. Rows dated before the cursor are ignored; rows read twice (in this read or an
 * earlier one) are kept once.
 */
export function takeNewRows<Row extends Dated>(
	cursor: Cursor,
	range: DateRange,
	rows: Row[],
	overlapMs: number,
): { fresh: Row[]; next: Cursor } {
	const seen = new Map(Object.entries(cursor.seen));
	const fresh: Row[] = [];
	const inOrder = [...rows].sort(
		(a, b) => a.date - b.date || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
	);
	for (const row of inOrder) {
		if (row.date < cursor.from || seen.has(row.key)) continue;
		seen.set(row.key, row.date);
		fresh.push(row);
	}
	const from = Math.max(cursor.from, toSecond(range.to - overlapMs));
	const kept = [...seen].filter(([, date]) => date >= from);
	return { fresh, next: { ...cursor, from, seen: Object.fromEntries(kept) } };
}

/** Whether Wolkvox may be read again: at least `minIntervalMs` (less 30 s of scheduling jitter) since the last read. */
export function isReadDue(cursor: Cursor, now: number, minIntervalMs: number): boolean {
	if (cursor.readAt === undefined || minIntervalMs <= 0) return true;
	return now - cursor.readAt >= minIntervalMs - 30 * SECOND_MS;
}

const isFiniteNumber = (value: unknown): value is number =>
	typeof value === 'number' && Number.isFinite(value);

/**
 * The cursor stored in the workflow's static data for `event`, or undefined when there is none (or
 * it follows another event, or does not have a cursor's shape).
 */
export function storedCursor(stored: unknown, event: string): Cursor | undefined {
	if (typeof stored !== 'object' || stored === null) return undefined;
	const { event: storedEvent, from, seen, readAt } = stored as Partial<Cursor>;
	if (storedEvent !== event || !isFiniteNumber(from)) return undefined;
	if (typeof seen !== 'object' || seen === null || !Object.values(seen).every(isFiniteNumber))
		return undefined;
	return { event, from, seen: { ...seen }, ...(isFiniteNumber(readAt) ? { readAt } : {}) };
}
