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

/** An item's share of a request that answered it: how many items and records the request carried. */
export interface RequestShare {
	items: number;
	records: number;
	/** How many of the request's records are this item's. */
	own: number;
	/** The item is the first the request carried: its row keeps the request's answer. */
	opens: boolean;
}

/** How an item's own part of a combined request is told: "1 telephone added", "3 records removed". */
export interface RecordWording {
	one: string;
	many: string;
	done: string;
}

/** A request that carried records of several items: Wolkvox's answer is about all of them. */
export const isCombined = (share: RequestShare) => share.items > 1 && share.records > 0;

/** The records an item's combined requests wrote for it, told as "3 telephones added". */
function ownMessage(shares: RequestShare[], wording: RecordWording): string {
	const own = shares.reduce((total, share) => total + share.own, 0);
	return `${own} ${own === 1 ? wording.one : wording.many} ${wording.done}`;
}

/**
 * The answer for an item carried by one or more requests: the last code, every message. When a
 * request carried several items (`shares`, one per answer), Wolkvox's message is about the whole
 * request, so `msg` tells this item's own part (`wording`) and the request's answer (code, msg, how
 * many items and records) is kept once, under `combinedRequests` on the row of its first item.
 */
export function combinedAnswer(
	answers: WolkvoxAnswer[],
	shares: RequestShare[] = [],
	wording?: RecordWording,
): IDataObject {
	const last = answers[answers.length - 1];
	const marks = answers.flatMap((answer) =>
		SETTLED_MARKS.filter((mark) => answer[mark] !== undefined).map((mark) => [mark, answer[mark]]),
	);
	const combined = wording !== undefined && shares.some(isCombined);
	const opened = answers.flatMap((answer, index) => {
		const share = shares[index];
		if (!combined || !share?.opens || !isCombined(share)) return [];
		const { code, msg, data } = answer;
		return [
			{
				code,
				msg,
				...(data === undefined ? {} : { data }),
				items: share.items,
				records: share.records,
			},
		];
	});
	return {
		code: last?.code,
		error: last?.error ?? null,
		msg: combined ? ownMessage(shares, wording) : answers.map((answer) => answer.msg).join('; '),
		...(opened.length ? { combinedRequests: opened } : {}),
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
