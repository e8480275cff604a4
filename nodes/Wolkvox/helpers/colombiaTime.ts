/**
 * Colombia's time: UTC−5 all year (no daylight saving since April 1993). The one place that knows it;
 * the contact window, its operation and the trigger's report dates convert through here.
 */
export const COLOMBIA_OFFSET_MS = -5 * 3_600_000;
/** The offset as ISO 8601 writes it. */
export const COLOMBIA_OFFSET = '-05:00';

/** `2026-12-07T17:42:03.120`: the wall clock in Colombia at `epochMs`, ISO without an offset. */
export function colombiaWallClock(epochMs: number): string {
	return new Date(epochMs + COLOMBIA_OFFSET_MS).toISOString().slice(0, -1);
}
