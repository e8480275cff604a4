import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../transport/answer';
import { rowsOf } from '../transport/answer';
import type { WolkvoxCall } from '../transport/request';
import { readBoolean, readParameter, readWholeNumber } from './parameters';
import type { ItemError } from './errors';
import { answerShapeError } from './errors';
import type { ItemOutcome, PlannedRequest, PreparedItem } from './operation';
import type { Run } from './run';
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

/** A read's answer, with where it came from: which call, for which item. */
export interface ReadSource {
	run: Run;
	api: string;
	itemIndex: number;
	answer: WolkvoxAnswer;
}

/** The answer a read got for an item (the plan sender gives every planned item its answer). */
export function readSource(
	run: Run,
	api: string,
	answers: WolkvoxAnswer[],
	itemIndex: number,
): ReadSource {
	const [answer] = answers;
	if (!answer) throw new Error(`No answer to ${api} for item ${itemIndex}`);
	return { run, api, itemIndex, answer };
}

function described(data: unknown): string {
	if (data === undefined) return 'no "data" at all';
	if (data === null) return '"data": null';
	return `"data" as ${Array.isArray(data) ? 'a list' : typeof data}`;
}

const isRecord = (value: unknown) =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** What is wrong with a read's `data` where a list of records is expected, if anything. */
function listProblem(data: unknown): string | undefined {
	const expected = 'a list of records in "data"';
	if (!Array.isArray(data)) return `${described(data)}, expected ${expected}`;
	if (!data.every(isRecord)) return `entries in "data" that are not records, expected ${expected}`;
	return undefined;
}

function fieldProblem(field: string, value: unknown, expected?: string): string {
	return value === undefined || value === null
		? `a record without "${field}"`
		: `${JSON.stringify(value)} in "${field}", expected ${expected ?? 'something else'}`;
}

const shapeError = ({ run, api, itemIndex, answer }: ReadSource, problem: string) =>
	answerShapeError(run, answer, api, problem, itemIndex);

/** The `data` list of a read; every entry must be an object. */
export function dataList(source: ReadSource): IDataObject[] {
	const problem = listProblem(source.answer.data);
	if (problem) throw shapeError(source, problem);
	return source.answer.data as IDataObject[];
}

/** The row of a read that answers one (token_info): Wolkvox sends a list of one row; a lone record is taken too. */
export function dataRow(source: ReadSource): IDataObject {
	const data = source.answer.data;
	const [row] = rowsOf(data) ?? [];
	if (row) return row;
	const found =
		Array.isArray(data) && data.length === 0 ? 'an empty list in "data"' : described(data);
	throw shapeError(source, `${found}, expected a row in "data"`);
}

/** Fails the item when a record lacks a field the output needs, or holds something other than `expected` there. */
export function badFieldError(
	source: ReadSource,
	field: string,
	value: unknown,
	expected?: string,
) {
	return shapeError(source, fieldProblem(field, value, expected));
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
	const [first] = items;
	if (!first) return [];
	const { answer } = readSource(
		run,
		call.api,
		progress.get(first.itemIndex)?.answers ?? [],
		first.itemIndex,
	);
	const data = answer.data as IDataObject[];
	const keyless = (record: IDataObject) =>
		(record[keyField] ?? (fallbackField && record[fallbackField])) == null;
	const problem =
		listProblem(answer.data) ??
		(data.some(keyless) ? fieldProblem(keyField, undefined) : undefined);
	if (!problem) return data;
	const errorFor = (itemIndex: number) =>
		answerShapeError(run, answer, call.api, problem, itemIndex);
	if (!run.continueOnFail) throw errorFor(first.itemIndex);
	return failedItems(items, errorFor) as FailedItems;
}
