import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../transport/answer';
import type { WolkvoxCall } from '../transport/request';
import { readBoolean, readWholeNumber } from './common';
import type { ItemError } from './errors';
import { answerShapeError } from './errors';
import type { ItemOutcome, PlannedRequest, PreparedItem } from './operation';
import type { Run } from './run';
import { readParameter } from './run';
import { sendPlan } from './send';

/** n8n's standard Return All / Limit pair. */
export const returnAllAndLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** How many results to keep: Infinity with Return All, otherwise a whole number of at least 1. */
export function readLimit(run: Run, itemIndex: number): number {
	if (readBoolean(run, readParameter(run, 'returnAll', itemIndex, false), 'Return All', itemIndex))
		return Infinity;
	return readWholeNumber(run, readParameter(run, 'limit', itemIndex, 50), 'Limit', itemIndex, [
		1,
		Infinity,
	]);
}

/**
 * The plan of reads: items asking for the same thing share one request (a read costs a call of the
 * token's daily quota whatever it returns), and each of them gets the answer.
 */
export function oneRequestPerDistinctRead<Input>(toCall: (input: Input) => WolkvoxCall) {
	return (items: Array<PreparedItem<Input>>): PlannedRequest[] => {
		const requests = new Map<string, PlannedRequest>();
		for (const { itemIndex, input } of items) {
			const call = toCall(input);
			const key = JSON.stringify(call);
			const planned = requests.get(key);
			if (planned) planned.itemIndices.push(itemIndex);
			else requests.set(key, { itemIndices: [itemIndex], call });
		}
		return [...requests.values()];
	};
}

/** Where a read's answer came from: which call, for which item. */
export interface ReadSource {
	run: Run;
	api: string;
	itemIndex: number;
}

function described(data: unknown): string {
	if (data === undefined) return 'no "data" at all';
	if (data === null) return '"data": null';
	return `"data" as ${Array.isArray(data) ? 'a list' : typeof data}`;
}

const isRecord = (value: unknown) =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The `data` list of a read; every entry must be an object. */
export function dataList(
	{ run, api, itemIndex }: ReadSource,
	answer: WolkvoxAnswer | undefined,
): IDataObject[] {
	const data = answer?.data;
	const expected = 'a list of records in "data"';
	if (!answer) throw new Error(`No answer to ${api} for item ${itemIndex}`);
	if (!Array.isArray(data))
		throw answerShapeError(run, answer, api, `${described(data)}, expected ${expected}`, itemIndex);
	if (!data.every(isRecord)) {
		throw answerShapeError(
			run,
			answer,
			api,
			`entries in "data" that are not records, expected ${expected}`,
			itemIndex,
		);
	}
	return data as IDataObject[];
}

/** The `data` object of a read. */
export function dataObject(
	{ run, api, itemIndex }: ReadSource,
	answer: WolkvoxAnswer | undefined,
): IDataObject {
	const data = answer?.data;
	if (!answer) throw new Error(`No answer to ${api} for item ${itemIndex}`);
	if (!isRecord(data))
		throw answerShapeError(
			run,
			answer,
			api,
			`${described(data)}, expected an object in "data"`,
			itemIndex,
		);
	return data as IDataObject;
}

/** Fails the item when a record lacks a field the output needs, or holds something other than `expected` there. */
export function badFieldError(
	{ run, api, itemIndex }: ReadSource,
	answer: WolkvoxAnswer,
	field: string,
	value: unknown,
	expected?: string,
) {
	const problem =
		value === undefined || value === null
			? `a record without "${field}"`
			: `${JSON.stringify(value)} in "${field}", expected ${expected ?? 'something else'}`;
	return answerShapeError(run, answer, api, problem, itemIndex);
}

/** Every item failed with its own error. */
export type FailedItems = { failed: Map<number, ItemOutcome> };

function failedItems<Input>(
	items: Array<PreparedItem<Input>>,
	errorOf: (itemIndex: number) => ItemError | undefined,
): FailedItems | undefined {
	const failed = new Map<number, ItemOutcome>();
	for (const { itemIndex } of items) {
		const error = errorOf(itemIndex);
		if (error) failed.set(itemIndex, { error });
	}
	return failed.size ? { failed } : undefined;
}

/**
 * One read on behalf of every item (a sync reads the list once whatever the input): the records of
 * its `data` list, each holding `keyField` (or `fallbackField`), or every item failed with its own error.
 */
export async function readForAll<Input>(
	run: Run,
	call: WolkvoxCall,
	items: Array<PreparedItem<Input>>,
	[keyField, fallbackField]: [string, string?],
): Promise<IDataObject[] | FailedItems> {
	const progress = await sendPlan(
		run,
		[{ itemIndices: items.map(({ itemIndex }) => itemIndex), call }],
		items,
	);
	const notRead = failedItems(items, (itemIndex) => progress.get(itemIndex)?.error);
	if (notRead) return notRead;
	const answer = progress.get(items[0]?.itemIndex ?? -1)?.answers[0];
	const listFor = (itemIndex: number): { list: IDataObject[] } | { error: ItemError } => {
		try {
			const source = { run, api: call.api, itemIndex };
			const list = dataList(source, answer);
			const keyless = list.find(
				(record) => (record[keyField] ?? (fallbackField && record[fallbackField])) == null,
			);
			if (keyless && answer) return { error: badFieldError(source, answer, keyField, undefined) };
			return { list };
		} catch (error) {
			return { error: error as ItemError };
		}
	};
	const read = listFor(items[0]?.itemIndex ?? 0);
	if ('list' in read) return read.list;
	if (!run.continueOnFail) throw read.error;
	const shapeError = (itemIndex: number) => {
		const itemRead = listFor(itemIndex);
		return 'error' in itemRead ? itemRead.error : undefined;
	};
	return failedItems(items, shapeError) as FailedItems;
}
