/**
 * What both syncs share, without n8n: the wanted records against the listed ones give the records to
 * add (or create), to update, to leave, and to remove; the guards decide whether removals happen.
 */

/**
 * Wolkvox downloads at most 60,000 records per call; whether a read pages or stops there is not
 * documented, so a read of that many records or more may be incomplete.
 */
export const DOWNLOAD_LIMIT = 60_000;

export interface SyncDiff<Key> {
	/** Wanted and not listed, in the order they were wanted. */
	missing: Key[];
	/** Wanted and listed, but different. */
	changed: Key[];
	/** Wanted and listed alike. */
	unchanged: Key[];
	/** Listed and not wanted, in the order they were listed. */
	unlisted: Key[];
}

/**
 * Wanted against listed, by key. `same` says whether a listed record already equals the wanted one
 * (by default any listed record does, as for telephones).
 */
export function diff<Key, Wanted, Listed>(
	wanted: ReadonlyMap<Key, Wanted>,
	listed: ReadonlyMap<Key, Listed> | ReadonlySet<Key>,
	same: (wanted: Wanted, listed: Listed) => boolean = () => true,
): SyncDiff<Key> {
	const result: SyncDiff<Key> = { missing: [], changed: [], unchanged: [], unlisted: [] };
	const listedValue = (key: Key) =>
		listed instanceof Map ? (listed.get(key) as Listed) : (undefined as Listed);
	for (const [key, value] of wanted) {
		if (!listed.has(key)) result.missing.push(key);
		else if (same(value, listedValue(key))) result.unchanged.push(key);
		else result.changed.push(key);
	}
	for (const key of listed.keys()) if (!wanted.has(key)) result.unlisted.push(key);
	return result;
}

/** What decides whether the unlisted records are removed. */
export interface RemovalGuardInput {
	removeUnlisted: boolean;
	/** How many records would be removed. */
	removals: number;
	maxRemovals: number;
	/** Input items that could not be read (with Continue On Fail): their records are unknown. */
	invalidItems: number[];
	/** How many records the read returned. */
	readRecords: number;
}

export type RemovalDecision =
	| { remove: true }
	/** No removal, and why (the output says it). */
	| { remove: false; reason?: string }
	/** The run must fail before any write. */
	| { fail: string };

/**
 * Removing a number from a DNC list makes it callable again, so removals are guarded: none when the
 * input is not fully known (an invalid item) or the list may be only partly read, and the run fails
 * before any write when there are more than Max Removals.
 */
export function decideRemovals(guard: RemovalGuardInput, noun: string): RemovalDecision {
	if (!guard.removeUnlisted) return { remove: false, reason: 'Remove Unlisted is off' };
	if (guard.removals === 0) return { remove: false };
	if (guard.invalidItems.length > 0) {
		const items = guard.invalidItems.join(', ');
		return {
			remove: false,
			reason: `input item(s) ${items} could not be read, so the wanted list is not known in full`,
		};
	}
	if (guard.readRecords >= DOWNLOAD_LIMIT) {
		return {
			remove: false,
			reason: `Wolkvox returned ${guard.readRecords} records, its download limit per call (${DOWNLOAD_LIMIT}), so the list may be incomplete`,
		};
	}
	if (guard.removals > guard.maxRemovals) {
		return {
			fail: `The sync would remove ${guard.removals} ${noun}, more than Max Removals (${guard.maxRemovals}); nothing was written`,
		};
	}
	return { remove: true };
}

/** A list in the run's summary: `{ count, <name>: list }`, e.g. `{ count: 2, telephones: [...] }`. */
export function counted<Name extends string, Record>(
	name: Name,
	list: Record[],
): { count: number } & { [key in Name]: Record[] } {
	return { count: list.length, [name]: list } as { count: number } & { [key in Name]: Record[] };
}
