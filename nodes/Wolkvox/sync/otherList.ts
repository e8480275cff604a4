import type { WolkvoxAnswer } from '../transport/answer';
import type { WolkvoxCall } from '../transport/request';
import type { ItemError } from '../run/errors';
import { withStateUnknown } from '../run/errors';
import type { PlannedRequest, PreparedItem } from '../run/operation';
import { chunk } from '../run/operation';
import type { Run } from '../run/run';
import { sendPlan } from '../run/send';

/** A DNC sync's removals: Wolkvox's remove_dnc takes no type and takes a number off both lists. */
export interface DncRemoval {
	removed: string[];
	/** The list the sync manages, and the other one, whose numbers are added back after a removal. */
	list: string;
	otherList: string;
	otherHolds: ReadonlySet<string>;
	batchSize: number;
	/** The item the removals are made on behalf of. */
	summaryItem: number;
	removeCall(telephones: string[]): WolkvoxCall;
	restoreCall(telephones: string[]): WolkvoxCall;
}

export interface RemovalResult {
	/** Wolkvox's answers to the removals and re-adds, in order. */
	answers: WolkvoxAnswer[];
	/** Numbers Wolkvox confirmed it removed. */
	removed: string[];
	/** Numbers added back to the other list. */
	restored: string[];
	/** Requests sent (removals and re-adds; retries and splits not counted). */
	requests: number;
	/** Numbers whose state is unknown, by list (only lists that have some). */
	stateUnknown: Record<string, string[]>;
	/** The summary item's error, naming every number whose state is unknown. */
	error?: ItemError;
}

function request(owner: number, telephones: string[], callFor: DncRemoval['restoreCall']) {
	const owners = new Map(telephones.map((telephone) => [telephone, [owner]]));
	return {
		itemIndices: [owner],
		call: callFor(telephones),
		records: { owners, callFor },
	} satisfies PlannedRequest;
}

/**
 * Removes the numbers in batches, and after each removal adds the numbers the other list held back
 * to it: also when the removal failed after Wolkvox may have applied it (no answer, a cut connection,
 * a server error), since adding a listed number again is harmless. The first failure ends the
 * removals; its error names every number whose state is then unknown. Failures are returned, not
 * thrown: the caller throws them (without Continue On Fail) once the re-add has been sent.
 */
export async function removeKeepingOtherList<Input>(
	run: Run,
	items: Array<PreparedItem<Input>>,
	removal: DncRemoval,
): Promise<RemovalResult> {
	const { summaryItem, otherHolds } = removal;
	const result: RemovalResult = {
		answers: [],
		removed: [],
		restored: [],
		requests: 0,
		stateUnknown: {},
	};
	const unknown = (list: string, telephones: string[]) => {
		if (telephones.length) result.stateUnknown[list] = telephones;
	};
	for (const part of chunk(removal.removed, removal.batchSize)) {
		const removed = await sendPlan(
			run,
			[{ ...request(summaryItem, part, removal.removeCall), ifAlreadyDone: 'gone' }],
			items,
			true,
		);
		result.requests++;
		const removing = removed.get(summaryItem);
		result.answers.push(...(removing?.answers ?? []));
		result.removed.push(...(removing?.written ?? []));
		// Wolkvox may have taken every number of the batch off both lists, unless it certainly did not.
		const mayBeRemoved = !removing?.error || removing.mayHaveApplied ? part : removing.written;
		const toRestore = mayBeRemoved.filter((telephone) => otherHolds.has(telephone));
		if (removing?.error && removing.mayHaveApplied) {
			const done = new Set(removing.written);
			unknown(
				removal.list,
				part.filter((telephone) => !done.has(telephone)),
			);
		}
		let restoreError: ItemError | undefined;
		if (toRestore.length) {
			const restoring = (
				await sendPlan(run, [request(summaryItem, toRestore, removal.restoreCall)], items, true)
			).get(summaryItem);
			result.requests++;
			result.answers.push(...(restoring?.answers ?? []));
			result.restored.push(...(restoring?.written ?? []));
			restoreError = restoring?.error;
			const restored = new Set(restoring?.written);
			unknown(
				removal.otherList,
				toRestore.filter((telephone) => !restored.has(telephone)),
			);
		}
		const error = removing?.error ?? restoreError;
		if (error) {
			result.error = withStateUnknown(error, {
				byList: result.stateUnknown,
				otherList: removal.otherList,
				restored: result.restored,
			});
			break;
		}
	}
	return result;
}
