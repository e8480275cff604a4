import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { readBoolean, readOptions, readParameter, readWholeNumber } from '../run/parameters';
import type { ItemOutcome, PreparedItem } from '../run/operation';
import { runError } from '../run/errors';
import type { Run } from '../run/run';
import type { RemovalDecision } from './diff';

/** What both syncs offer besides their records: Remove Unlisted, Dry Run and Max Removals. */
export interface SyncSettings {
	removeUnlisted: boolean;
	dryRun: boolean;
	maxRemovals: number;
}

/**
 * The Remove Unlisted switch (one value for the whole run), and the notice the editor shows while it
 * is on. The notice cannot also hide when Dry Run is on: n8n 1.x fails every workflow holding the node
 * ("Could not resolve parameter dependencies") when a parameter's display depends on a collection's option.
 */
export function removeUnlistedField(description: string, records: string): INodeProperties[] {
	return [
		{
			displayName: 'Remove Unlisted',
			name: 'removeUnlisted',
			type: 'boolean',
			noDataExpression: true,
			default: false,
			description,
		},
		{
			displayName: `While Dry Run (in Options) is off or not added, running this REMOVES from Wolkvox the ${records} no input item holds. A run with Dry Run on shows first what would change.`,
			name: 'removalsNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { removeUnlisted: [true] } },
		},
	];
}

/** The Dry Run and Max Removals options; `records` names what is removed ("numbers", "codes"). */
export function syncOptionFields(records: string, maxRemovals: number): INodeProperties[] {
	return [
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			// Adding the option is asking for a dry run: it starts on.
			default: true,
			description: `Whether to only read Wolkvox and output what a real run would write (${records} added, updated, removed), writing nothing`,
		},
		{
			displayName: 'Max Removals',
			name: 'maxRemovals',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: maxRemovals,
			description: `Most ${records} one run may remove. When more would be removed, the execution fails before writing anything.`,
		},
	];
}

/** The sync's settings, read once from the first item. */
export function readSyncSettings(
	run: Run,
	itemIndex: number,
	defaultMaxRemovals: number,
): SyncSettings {
	const options = readOptions(run, itemIndex);
	return {
		removeUnlisted: readBoolean(
			run,
			readParameter(run, 'removeUnlisted', itemIndex, false),
			'Remove Unlisted',
			itemIndex,
		),
		dryRun: readBoolean(run, options.dryRun ?? false, 'Dry Run', itemIndex),
		maxRemovals: readWholeNumber(
			run,
			options.maxRemovals ?? defaultMaxRemovals,
			'Max Removals',
			itemIndex,
			[0, Infinity],
		),
	};
}

/** Too many removals: the execution fails before any write (with Continue On Fail, every item does). */
export function guardFailure<Input>(
	run: Run,
	items: Array<PreparedItem<Input>>,
	message: string,
): Map<number, ItemOutcome> {
	const description =
		'Raise Max Removals (in Options) if these removals are intended, or run with Dry Run to see them.';
	if (!run.continueOnFail) throw runError(run, items[0]?.itemIndex ?? 0, message, description);
	return new Map(
		items.map(({ itemIndex }) => [
			itemIndex,
			{ error: runError(run, itemIndex, message, description) },
		]),
	);
}

/** The summary's `skipped`: the removals not made, and why (none when there was nothing to remove). */
export function skippedRemovals<Record>(
	decision: RemovalDecision,
	unlisted: Record[],
	name: string,
) {
	if (!('remove' in decision) || decision.remove || !decision.reason || unlisted.length === 0)
		return [];
	return [{ what: 'removal', reason: decision.reason, count: unlisted.length, [name]: unlisted }];
}

/** What a dry run says instead of what a real run did. */
const WOULD = {
	added: 'wouldAdd',
	removed: 'wouldRemove',
	created: 'wouldCreate',
	updated: 'wouldUpdate',
} as const;

/** The name of a result in the output: what was done (`added`), or in a dry run what would be (`wouldAdd`). */
export function named(dryRun: boolean, done: keyof typeof WOULD): string {
	return dryRun ? WOULD[done] : done;
}

/**
 * The run's summary goes on the first item that did not fail, so that a failure of the item that
 * would carry it (its own write, or the removals made on its behalf) does not lose it.
 */
export function attachSummary<Input>(
	outcomes: Map<number, ItemOutcome>,
	items: Array<PreparedItem<Input>>,
	summary: IDataObject,
): void {
	for (const { itemIndex } of items) {
		const outcome = outcomes.get(itemIndex);
		const [output] = outcome && 'json' in outcome ? outcome.json : [];
		if (output) {
			output.summary = summary;
			return;
		}
	}
}
