import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../transport/answer';
import type { WolkvoxCall } from '../transport/request';

/** One item's validated input, ready to be sent. */
export interface PreparedItem<Input> {
	itemIndex: number;
	input: Input;
}

/** A Wolkvox call and the input items whose data it carries. */
export interface PlannedRequest {
	itemIndices: number[];
	call: WolkvoxCall;
}

/**
 * What an operation file exports. The router owns the loop: it prepares every item (bad input
 * fails that item before anything is sent), sends the planned requests one after another, then asks
 * the operation for each item's output from the answers of the requests that carried it.
 */
export interface WolkvoxOperation<Input> {
	description: INodeProperties[];
	prepare(this: IExecuteFunctions, itemIndex: number): Input;
	plan(items: Array<PreparedItem<Input>>): PlannedRequest[];
	toOutput(this: IExecuteFunctions, input: Input, answers: WolkvoxAnswer[], itemIndex: number): IDataObject[];
}

/** Wolkvox takes at most 10,000 records (telephones, codes) per call. */
export const MAX_RECORDS_PER_CALL = 10_000;

export function chunk<T>(list: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size) chunks.push(list.slice(start, start + size));
	return chunks;
}

/** The answer for an item carried by one or more requests: the last code, every message. */
export function combinedAnswer(answers: WolkvoxAnswer[]): IDataObject {
	const last = answers[answers.length - 1];
	return { code: last.code, error: last.error, msg: answers.map((answer) => answer.msg).join('; ') };
}

/** The plan of operations that send each item on its own. */
export function oneRequestPerItem<Input>(toCall: (input: Input) => WolkvoxCall) {
	return (items: Array<PreparedItem<Input>>): PlannedRequest[] =>
		items.map(({ itemIndex, input }) => ({ itemIndices: [itemIndex], call: toCall(input) }));
}
