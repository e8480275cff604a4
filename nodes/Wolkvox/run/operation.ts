import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { AlreadyDone, WolkvoxAnswer } from '../transport/answer';
import type { RequestSettings, WolkvoxCall } from '../transport/request';
import type { ItemError } from './errors';
import type { Run } from './run';

/** One item's validated input, ready to be sent. */
export interface PreparedItem<Input> {
	itemIndex: number;
	input: Input;
	settings: RequestSettings;
}

/**
 * The records (telephones) a combined request carries, each with the items that hold it, and how to
 * build the same call for a part of them: a request Wolkvox refuses for its content is split with it.
 */
export interface RecordSplit {
	owners: Map<string, number[]>;
	callFor(records: string[]): WolkvoxCall;
}

/** A Wolkvox call and the input items whose data it carries. */
export interface PlannedRequest {
	itemIndices: number[];
	call: WolkvoxCall;
	records?: RecordSplit;
	/**
	 * What Wolkvox's "already exists" (a create) or "not found" (a removal) means when an earlier
	 * attempt of this request may have been applied: the work is done, so it is a success.
	 */
	ifAlreadyDone?: AlreadyDone;
}

/** What became of one item: its output items, or its error. */
export type ItemOutcome = { json: IDataObject[] } | { error: ItemError };

/**
 * What an operation file exports. The router prepares every item (bad input fails that item before
 * anything is sent), then `execute` sends what the prepared items need and gives each its outcome.
 * `rejected`: the items whose input was refused (with Continue On Fail), which execute never sees.
 */
export interface WolkvoxOperation<Input> {
	description: INodeProperties[];
	/** Calls no Wolkvox API: runs without the credential (the node hides it for this operation). */
	withoutWolkvox?: true;
	prepare(run: Run, itemIndex: number): Input;
	execute(
		run: Run,
		items: Array<PreparedItem<Input>>,
		rejected: number[],
	): Promise<Map<number, ItemOutcome>>;
}

/** Wolkvox takes at most 10,000 records (telephones, codes) per call. */
export const MAX_RECORDS_PER_CALL = 10_000;

export function chunk<T>(list: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size)
		chunks.push(list.slice(start, start + size));
	return chunks;
}

/** Marks of an answer that settled a retry (see PlannedRequest.ifAlreadyDone); kept in the output. */
const SETTLED_MARKS = ['alreadyExisted', 'alreadyGone', 'reason'] as const;

/** The answer for an item carried by one or more requests: the last code, every message. */
export function combinedAnswer(answers: WolkvoxAnswer[]): IDataObject {
	const last = answers[answers.length - 1];
	const marks = answers.flatMap((answer) =>
		SETTLED_MARKS.filter((mark) => answer[mark] !== undefined).map((mark) => [mark, answer[mark]]),
	);
	return {
		code: last?.code,
		error: last?.error ?? null,
		msg: answers.map((answer) => answer.msg).join('; '),
		...Object.fromEntries(marks),
	};
}

/** The plan of operations that send each item on its own. */
export function oneRequestPerItem<Input>(
	toCall: (input: Input) => WolkvoxCall,
	ifAlreadyDone?: AlreadyDone,
) {
	return (items: Array<PreparedItem<Input>>): PlannedRequest[] =>
		items.map(({ itemIndex, input }) => ({
			itemIndices: [itemIndex],
			call: toCall(input),
			...(ifAlreadyDone ? { ifAlreadyDone } : {}),
		}));
}
