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

/** The plan of operations that send each item on its own. */
export function oneRequestPerItem<Input>(toCall: (input: Input) => WolkvoxCall) {
	return (items: Array<PreparedItem<Input>>): PlannedRequest[] =>
		items.map(({ itemIndex, input }) => ({ itemIndices: [itemIndex], call: toCall(input) }));
}
