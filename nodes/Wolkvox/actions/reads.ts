import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../transport/answer';
import type { WolkvoxCall } from '../transport/request';
import { readBoolean, readParameter, readWholeNumber } from './common';
import type { PlannedRequest, PreparedItem } from './operation';

/** Where an answer of the wrong shape is reported: this node, this item. */
export interface ReadSource {
	context: IExecuteFunctions;
	itemIndex: number;
}

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
export function readLimit(this: IExecuteFunctions, itemIndex: number): number {
	if (readBoolean(this, readParameter(this, 'returnAll', itemIndex, false), 'Return All', itemIndex)) return Infinity;
	return readWholeNumber(this, readParameter(this, 'limit', itemIndex, 50), 'Limit', itemIndex, [1, Infinity]);
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

function shapeError(source: ReadSource, answer: WolkvoxAnswer, api: string, problem: string): NodeApiError {
	return new NodeApiError(source.context.getNode(), answer as JsonObject, {
		message: `Wolkvox answered ${api} with ${problem}`,
		description: `Wolkvox said: ${answer.msg || 'no message'} (code ${answer.code}). The answer's shape may have changed; nothing was output for this item.`,
		itemIndex: source.itemIndex,
	});
}

function described(data: unknown): string {
	if (data === undefined) return 'no "data" at all';
	if (data === null) return '"data": null';
	return `"data" as ${Array.isArray(data) ? 'a list' : typeof data}`;
}

const isRecord = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The `data` list of a read; every entry must be an object. */
export function dataList(source: ReadSource, answer: WolkvoxAnswer, api: string): IDataObject[] {
	const data = answer.data;
	const expected = 'a list of records in "data"';
	if (!Array.isArray(data)) throw shapeError(source, answer, api, `${described(data)}, expected ${expected}`);
	if (!data.every(isRecord)) throw shapeError(source, answer, api, `entries in "data" that are not records, expected ${expected}`);
	return data as IDataObject[];
}

/** The `data` object of a read. */
export function dataObject(source: ReadSource, answer: WolkvoxAnswer, api: string): IDataObject {
	const data = answer.data;
	if (!isRecord(data)) throw shapeError(source, answer, api, `${described(data)}, expected an object in "data"`);
	return data as IDataObject;
}

/** Fails the item when a record lacks a field the output needs, or holds something other than `expected` there. */
export function badFieldError(
	source: ReadSource,
	answer: WolkvoxAnswer,
	api: string,
	field: string,
	value: unknown,
	expected?: string,
): NodeApiError {
	const problem =
		value === undefined || value === null
			? `a record without "${field}"`
			: `${JSON.stringify(value)} in "${field}", expected ${expected ?? 'something else'}`;
	return shapeError(source, answer, api, problem);
}
