import type { IDataObject } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../transport/answer';
import type { WolkvoxCall } from '../transport/request';
import type { ItemError } from '../run/errors';
import { asItemError, withStateUnknown } from '../run/errors';
import type { PlannedRequest, PreparedItem } from '../run/operation';
import { chunk } from '../run/operation';
import { dataList, readSource } from '../run/reads';
import type { Run } from '../run/run';
import { sendPlan } from '../run/send';

/**
 * A DNC sync's removals from the one list it manages. remove_dnc names that list (`type`); should
 * Wolkvox take a number off the other list anyway, the other list is read once more after the
 * removals and only the numbers that went missing from it are added back.
 */
export interface DncRemoval {
	removed: string[];
	/** The list the sync manages, and the other one, which must keep its numbers. */
	list: string;
	otherList: string;
	/** The numbers the other list held when it was read, before the removals. */
	otherHolds: ReadonlySet<string>;
	batchSize: number;
	/** The item the removals are made on behalf of. */
	summaryItem: number;
	removeCall(telephones: string[]): WolkvoxCall;
	readOtherCall: WolkvoxCall;
	restoreCall(telephones: string[]): WolkvoxCall;
}

export interface RemovalResult {
	/** Wolkvox's answers to the removals and re-adds, in order. */
	answers: WolkvoxAnswer[];
	/** Numbers Wolkvox confirmed it removed. */
	removed: string[];
	/** Numbers that went missing from the other list and were added back to it. */
	restored: string[];
	/** Requests sent (removals, the other list's read, re-adds; retries and splits not counted). */
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
 * Removes the numbers in batches from the managed list; the first failure ends the removals. Then,
 * if a number that may have been removed was on the other list, reads the other list once and adds
 * back what went missing (also after a failed removal Wolkvox may have applied). Failures are
 * returned, not thrown: the caller throws them (without Continue On Fail).
 */
export async function removeFromOneList<Input>(
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
	const mayBeRemoved: string[] = [];
	let error: ItemError | undefined;
	for (const part of chunk(removal.removed, removal.batchSize)) {
		const removing = (
			await sendPlan(
				run,
				[{ ...request(summaryItem, part, removal.removeCall), ifAlreadyDone: 'gone' }],
				items,
				true,
			)
		).get(summaryItem);
		result.requests++;
		result.answers.push(...(removing?.answers ?? []));
		result.removed.push(...(removing?.written ?? []));
		mayBeRemoved.push(...(!removing?.error || removing.mayHaveApplied ? part : removing.written));
		if (removing?.error) {
			if (removing.mayHaveApplied) {
				const done = new Set(removing.written);
				unknown(
					removal.list,
					part.filter((telephone) => !done.has(telephone)),
				);
			}
			error = removing.error;
			break;
		}
	}
	const atRisk = mayBeRemoved.filter((telephone) => otherHolds.has(telephone));
	if (atRisk.length) {
		const restoreError = await restoreMissing(run, items, removal, atRisk, result);
		error = error ?? restoreError;
	}
	if (error)
		result.error = withStateUnknown(error, {
			byList: result.stateUnknown,
			otherList: removal.otherList,
			restored: result.restored,
		});
	return result;
}

/** Reads the other list once more and adds back the numbers of `atRisk` it no longer holds. */
async function restoreMissing<Input>(
	run: Run,
	items: Array<PreparedItem<Input>>,
	removal: DncRemoval,
	atRisk: string[],
	result: RemovalResult,
): Promise<ItemError | undefined> {
	const reading = (
		await sendPlan(
			run,
			[{ itemIndices: [removal.summaryItem], call: removal.readOtherCall }],
			items,
			true,
		)
	).get(removal.summaryItem);
	result.requests++;
	let rows: IDataObject[];
	try {
		if (reading?.error) throw reading.error;
		rows = dataList(
			readSource(run, removal.readOtherCall.api, reading?.answers ?? [], removal.summaryItem),
		);
	} catch (error) {
		result.stateUnknown[removal.otherList] = atRisk;
		return asItemError(run, error);
	}
	const holds = new Set(rows.map((row) => String(row.phone_number)));
	const missing = atRisk.filter((telephone) => !holds.has(telephone));
	if (!missing.length) return undefined;
	const restoring = (
		await sendPlan(run, [request(removal.summaryItem, missing, removal.restoreCall)], items, true)
	).get(removal.summaryItem);
	result.requests++;
	result.answers.push(...(restoring?.answers ?? []));
	result.restored.push(...(restoring?.written ?? []));
	const restored = new Set(restoring?.written);
	const notRestored = missing.filter((telephone) => !restored.has(telephone));
	if (notRestored.length) result.stateUnknown[removal.otherList] = notRestored;
	return restoring?.error;
}
