import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../transport/answer';
import type { RequestSettings, WolkvoxCall } from '../transport/request';
import type { ItemError } from './errors';
import type { Run } from './run';
import { sendPlan } from './send';

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
	prepare(run: Run, itemIndex: number): Input;
	execute(run: Run, items: Array<PreparedItem<Input>>, rejected: number[]): Promise<Map<number, ItemOutcome>>;
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
	return { code: last?.code, error: last?.error ?? null, msg: answers.map((answer) => answer.msg).join('; ') };
}

interface PlannedOperationSpec<Input> {
	description: INodeProperties[];
	prepare(run: Run, itemIndex: number): Input;
	plan(items: Array<PreparedItem<Input>>): PlannedRequest[];
	toOutput(run: Run, input: Input, answers: WolkvoxAnswer[], itemIndex: number): IDataObject[];
}

/** Most operations: a plan of requests fixed by the input, then each item's output from its answers. */
export function plannedOperation<Input>(spec: PlannedOperationSpec<Input>): WolkvoxOperation<Input> {
	return {
		description: spec.description,
		prepare: spec.prepare,
		async execute(run, items) {
			const requests = spec.plan(items);
			const progress = await sendPlan(run, requests, items);
			const planned = new Set(requests.flatMap((request) => request.itemIndices));
			const outcomes = new Map<number, ItemOutcome>();
			for (const { itemIndex, input } of items) {
				const item = progress.get(itemIndex);
				if (item?.error) outcomes.set(itemIndex, { error: item.error });
				else if (planned.has(itemIndex) && !item?.answers.length) throw new Error(`Item ${itemIndex} got no answer`);
				else outcomes.set(itemIndex, outputOrError(run, () => spec.toOutput(run, input, item?.answers ?? [], itemIndex)));
			}
			return outcomes;
		},
	};
}

/** An item's output, or the error (about Wolkvox's answer) that building it found. */
function outputOrError(run: Run, build: () => IDataObject[]): ItemOutcome {
	try {
		return { json: build() };
	} catch (error) {
		if (error instanceof NodeApiError || error instanceof NodeOperationError) return { error };
		return { error: new NodeOperationError(run.node, error as Error) };
	}
}

/** The plan of operations that send each item on its own. */
export function oneRequestPerItem<Input>(toCall: (input: Input) => WolkvoxCall) {
	return (items: Array<PreparedItem<Input>>): PlannedRequest[] =>
		items.map(({ itemIndex, input }) => ({ itemIndices: [itemIndex], call: toCall(input) }));
}
