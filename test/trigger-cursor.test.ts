/**
 * The trigger's cursor without n8n: over generated interactions (each showing up in Wolkvox's report
 * some time after its date), generated poll times and polls that fail, no interaction is emitted
 * twice and none is skipped. Colombia's time is checked against ICU's America/Bogota zone.
 */
import fc from 'fast-check';

import {
	parseWolkvoxDate,
	toColombiaIso,
	toWolkvoxDate,
} from '../nodes/WolkvoxTrigger/colombiaTime';
import type { Cursor, DateRange, Dated } from '../nodes/WolkvoxTrigger/cursor';
import {
	DAY_MS,
	MAX_RANGE_MS,
	isReadDue,
	pollRange,
	splitRange,
	startCursor,
	storedCursor,
	takeNewRows,
} from '../nodes/WolkvoxTrigger/cursor';

const SECOND = 1000;
const START = Date.UTC(2026, 11, 7, 15, 0, 0);

interface Interaction extends Dated {
	/** When the row shows up in Wolkvox's report (at or after its date). */
	visibleAt: number;
}

interface Poll {
	at: number;
	/** False: Wolkvox refused it (busy, quota) or it failed; nothing is emitted, the cursor stays. */
	ok: boolean;
}

/** Wolkvox's report at time `now` for a range: the rows dated in it that have shown up. */
function report(interactions: Interaction[], range: DateRange, now: number): Interaction[] {
	return interactions.filter(
		(row) => row.visibleAt <= now && row.date >= range.from && row.date <= range.to,
	);
}

/** Polls as the trigger does: read every part of the range, take the new rows; the cursor goes through JSON between polls (static data, a restart). */
function runPolls(
	interactions: Interaction[],
	polls: Poll[],
	overlapMs: number,
	maxRangeMs: number,
): Interaction[] {
	let stored: unknown = JSON.parse(JSON.stringify(startCursor('callCoded', START)));
	const emitted: Interaction[] = [];
	for (const poll of polls) {
		if (!poll.ok) continue;
		const cursor = storedCursor(stored, 'callCoded') as Cursor;
		const range = pollRange(cursor, poll.at);
		const rows = splitRange(range, maxRangeMs).flatMap((part) =>
			report(interactions, part, poll.at),
		);
		const { fresh, next } = takeNewRows(cursor, range, rows, overlapMs);
		emitted.push(...fresh);
		stored = JSON.parse(JSON.stringify(next));
	}
	return emitted;
}

const seconds = (max: number) => fc.integer({ min: 0, max }).map((s) => s * SECOND);

const scenario = fc
	.record({
		overlapMs: seconds(900),
		maxRangeMs: fc.constantFrom(MAX_RANGE_MS, 120 * SECOND, 7 * SECOND),
		interactions: fc.uniqueArray(
			fc.record({
				key: fc.integer({ min: 1, max: 1_000_000 }).map(String),
				// some dated before the trigger started
				date: seconds(7200).map((ms) => START - 600 * SECOND + ms),
				lateness: seconds(1200),
			}),
			{ selector: (row) => row.key, maxLength: 40 },
		),
		polls: fc.array(fc.record({ at: seconds(9000).map((ms) => START + ms), ok: fc.boolean() }), {
			maxLength: 25,
		}),
	})
	.map(({ interactions, polls, ...rest }) => ({
		...rest,
		interactions: interactions.map(({ key, date, lateness }) => ({
			key,
			date,
			visibleAt: date + lateness,
		})),
		polls: [...polls].sort((a, b) => a.at - b.at),
	}));

describe('Trigger cursor (pure)', () => {
	it('emits no interaction twice, whatever the arrival order, poll times and failed polls', () => {
		fc.assert(
			fc.property(scenario, ({ interactions, polls, overlapMs, maxRangeMs }) => {
				const keys = runPolls(interactions, polls, overlapMs, maxRangeMs).map((row) => row.key);
				expect(new Set(keys).size).toBe(keys.length);
			}),
			{ numRuns: 500 },
		);
	});

	it('skips none: every interaction dated from the start that shows up within the overlap is emitted by the first successful poll after it shows up', () => {
		fc.assert(
			fc.property(scenario, ({ interactions, polls, overlapMs, maxRangeMs }) => {
				const emitted = runPolls(interactions, polls, overlapMs, maxRangeMs);
				const lastSuccess = polls.filter((poll) => poll.ok).at(-1)?.at ?? -Infinity;
				const expected = interactions.filter(
					(row) =>
						row.date >= START &&
						row.visibleAt - row.date <= overlapMs &&
						row.visibleAt <= lastSuccess,
				);
				expect(emitted.map((row) => row.key).sort()).toEqual(
					expect.arrayContaining(expected.map((row) => row.key).sort()),
				);
				expect(emitted.every((row) => row.date >= START)).toBe(true);
			}),
			{ numRuns: 500 },
		);
	});

	it('a failed poll changes nothing: the next successful poll emits what it would have', () => {
		const interactions: Interaction[] = [
			{ key: 'a', date: START + 10 * SECOND, visibleAt: START + 10 * SECOND },
			{ key: 'b', date: START + 70 * SECOND, visibleAt: START + 200 * SECOND },
		];
		const polls = [60, 120, 180, 240].map((s) => ({ at: START + s * SECOND, ok: s === 240 }));

		const emitted = runPolls(interactions, polls, 300 * SECOND, MAX_RANGE_MS);

		expect(emitted.map((row) => row.key)).toEqual(['a', 'b']);
	});

	it('a row that shows up later than the overlap is not emitted (the overlap bounds lateness)', () => {
		const late = { key: 'late', date: START + 10 * SECOND, visibleAt: START + 400 * SECOND };
		const polls = [60, 300, 420].map((s) => ({ at: START + s * SECOND, ok: true }));

		expect(runPolls([late], polls, 120 * SECOND, MAX_RANGE_MS)).toEqual([]);
		expect(runPolls([late], polls, 600 * SECOND, MAX_RANGE_MS)).toEqual([late]);
	});

	it('splits a range into parts of at most 31 days that cover it', () => {
		fc.assert(
			fc.property(seconds(200 * 86_400), seconds(86_400), (length, offset) => {
				const range = { from: START + offset, to: START + offset + length };
				const parts = splitRange(range);
				expect(parts[0].from).toBe(range.from);
				expect(parts.at(-1)?.to).toBe(range.to);
				for (const [index, part] of parts.entries()) {
					expect(part.to - part.from).toBeLessThanOrEqual(MAX_RANGE_MS);
					if (index > 0) expect(part.from).toBe(parts[index - 1].to);
				}
				expect(parts).toHaveLength(Math.max(1, Math.ceil(length / MAX_RANGE_MS)));
			}),
		);
		expect(splitRange({ from: 0, to: 40 * DAY_MS })).toEqual([
			{ from: 0, to: 31 * DAY_MS },
			{ from: 31 * DAY_MS, to: 40 * DAY_MS },
		]);
	});

	it('starts from now, or from a given date (backfill)', () => {
		const now = START + 234;
		expect(pollRange(startCursor('callCoded', now), now + 60_000)).toEqual({
			from: START,
			to: START + 60_000,
		});
		const backfill = startCursor('callCoded', now, START - 40 * DAY_MS);
		expect(splitRange(pollRange(backfill, now))).toHaveLength(2);
	});

	it('reads Wolkvox again only after the minimum interval (30 s of scheduling jitter allowed)', () => {
		const cursor = { ...startCursor('callCoded', START), readAt: START };
		expect(isReadDue(cursor, START + 240 * SECOND, 300 * SECOND)).toBe(false);
		expect(isReadDue(cursor, START + 299 * SECOND, 300 * SECOND)).toBe(true);
		expect(isReadDue(cursor, START + SECOND, 0)).toBe(true);
		expect(isReadDue(startCursor('callCoded', START), START, 300 * SECOND)).toBe(true);
	});

	it("keeps a cursor only for its own event, and only with a cursor's shape", () => {
		const cursor = { event: 'callCoded', from: START, seen: { '7': START }, readAt: START };
		expect(storedCursor(JSON.parse(JSON.stringify(cursor)), 'callCoded')).toEqual(cursor);
		expect(storedCursor(cursor, 'law2300Release')).toBeUndefined();
		expect(storedCursor({ ...cursor, seen: { '7': 'x' } }, 'callCoded')).toBeUndefined();
		expect(storedCursor(undefined, 'callCoded')).toBeUndefined();
	});
});

describe("Colombia's time (UTC−5), checked against ICU's America/Bogota", () => {
	const bogota = new Intl.DateTimeFormat('en-CA', {
		timeZone: 'America/Bogota',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		hourCycle: 'h23',
	});
	const wallClock = (ms: number) =>
		Object.fromEntries(bogota.formatToParts(ms).map(({ type, value }) => [type, value]));
	const instants = fc
		.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) })
		.map((ms) => Math.floor(ms / 1000) * 1000);

	it('writes date_ini/date_end as YYYYmmddHHiiss in Bogota time', () => {
		fc.assert(
			fc.property(instants, (ms) => {
				const { year, month, day, hour, minute, second } = wallClock(ms);
				expect(toWolkvoxDate(ms)).toBe(`${year}${month}${day}${hour}${minute}${second}`);
			}),
		);
	});

	it("reads a row's date in Bogota time, in the usual spellings", () => {
		fc.assert(
			fc.property(instants, (ms) => {
				const { year, month, day, hour, minute, second } = wallClock(ms);
				expect(parseWolkvoxDate(`${year}-${month}-${day} ${hour}:${minute}:${second}`)).toBe(ms);
				expect(parseWolkvoxDate(`${day}/${month}/${year} ${hour}:${minute}:${second}`)).toBe(ms);
				expect(parseWolkvoxDate(toWolkvoxDate(ms))).toBe(ms);
				expect(parseWolkvoxDate(toColombiaIso(ms))).toBe(ms);
				expect(parseWolkvoxDate(new Date(ms).toISOString())).toBe(ms);
			}),
		);
		expect(parseWolkvoxDate('2026-02-30 10:00:00')).toBeUndefined();
		expect(parseWolkvoxDate('yesterday')).toBeUndefined();
		expect(parseWolkvoxDate(20261207)).toBeUndefined();
	});
});
