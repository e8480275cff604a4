import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseTelephones } from '../../helpers/telephones';
import type { WolkvoxAnswer } from '../../transport/answer';
import type { WolkvoxCall } from '../../transport/request';
import { readBoolean, readParameter, readWholeNumber } from '../common';
import type { PlannedRequest, PreparedItem } from '../operation';

/** Wolkvox takes at most 10,000 records per call. */
export const MAX_TELEPHONES_PER_REQUEST = 10_000;
export const TYPE_CALLS = ['inbound', 'outbound'] as const;

/** The telephone list of a DNC write, and how items may be combined into requests. */
export interface TelephoneBatchInput {
	telephones: string[];
	combineItems: boolean;
	batchSize: number;
}

export const telephonesProperty: INodeProperties = {
	displayName: 'Telephones',
	name: 'telephones',
	type: 'string',
	required: true,
	default: '',
	placeholder: '+57 300 123 4567, 3001234568',
	description:
		'One or more numbers separated by commas, semicolons or new lines, or an expression that returns a list. Spaces, dashes, dots, parentheses and a leading + are removed; each number must then have 7 to 15 digits.',
};

/** The "Options" entries that decide how the telephones of several items are combined. */
export const telephoneBatchOptionFields: INodeProperties[] = [
	{
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_TELEPHONES_PER_REQUEST },
		default: MAX_TELEPHONES_PER_REQUEST,
		description: 'Most telephones sent in one request when items are combined (Wolkvox allows 10,000)',
	},
	{
		displayName: 'Combine Items',
		name: 'combineItems',
		type: 'boolean',
		default: true,
		description:
			'Whether to send the telephones of all items together in as few requests as possible. Turn off to send one request per item.',
	},
];

/** Reads `telephones` and the batch options of one item; a bad number fails the item before anything is sent. */
export function readTelephoneBatch(this: IExecuteFunctions, itemIndex: number): TelephoneBatchInput {
	const options = readParameter(this, 'options', itemIndex, {}) as IDataObject;
	const combineItems = readBoolean(this, options.combineItems ?? true, 'Combine Items', itemIndex);
	const batchSize = readWholeNumber(this, options.batchSize ?? MAX_TELEPHONES_PER_REQUEST, 'Batch Size', itemIndex, [
		1,
		MAX_TELEPHONES_PER_REQUEST,
	]);
	const telephones = readParameter(this, 'telephones', itemIndex);
	try {
		return { telephones: parseTelephones(telephones), combineItems, batchSize };
	} catch (error) {
		// parseTelephones throws only ListInputError, whose message says what is wrong.
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: "Telephones": ${(error as Error).message}`, {
			itemIndex,
			description: 'Nothing was sent for this item.',
		});
	}
}

function chunk<T>(list: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size) chunks.push(list.slice(start, start + size));
	return chunks;
}

/** The answer for an item carried by one or more requests: the last code, every message. */
export function combinedAnswer(answers: WolkvoxAnswer[]): IDataObject {
	const last = answers[answers.length - 1];
	return { code: last.code, error: last.error, msg: answers.map((answer) => answer.msg).join('; ') };
}

type ToCall<Input> = (input: Input, telephones: string[]) => WolkvoxCall;

/**
 * Packs whole items into requests of at most `batchSize` distinct telephones. An item that alone
 * has more than that is split over requests of its own.
 */
function packItems<Input extends TelephoneBatchInput>(
	items: Array<PreparedItem<Input>>,
	batchSize: number,
	toCall: ToCall<Input>,
): PlannedRequest[] {
	const requests: PlannedRequest[] = [];
	const first = items[0].input;
	let itemIndices: number[] = [];
	let telephones = new Set<string>();
	const flush = () => {
		if (itemIndices.length > 0) requests.push({ itemIndices, call: toCall(first, [...telephones]) });
		itemIndices = [];
		telephones = new Set();
	};
	for (const { itemIndex, input } of items) {
		if (input.telephones.length > batchSize) {
			flush();
			for (const part of chunk(input.telephones, batchSize)) {
				requests.push({ itemIndices: [itemIndex], call: toCall(input, part) });
			}
			continue;
		}
		const fresh = input.telephones.filter((telephone) => !telephones.has(telephone));
		if (telephones.size + fresh.length > batchSize) flush();
		itemIndices.push(itemIndex);
		for (const telephone of input.telephones) telephones.add(telephone);
	}
	flush();
	return requests;
}

/**
 * The plan of a DNC write. Items with Combine Items off are sent on their own (split at Wolkvox's
 * 10,000 records per call); the others are packed together, per `groupKey` (what else must be equal
 * for two items to share a request, e.g. the type of call) and batch size.
 */
export function planTelephoneBatches<Input extends TelephoneBatchInput>(
	items: Array<PreparedItem<Input>>,
	groupKey: (input: Input) => string,
	toCall: ToCall<Input>,
): PlannedRequest[] {
	const groups = new Map<string, Array<PreparedItem<Input>>>();
	const requests: PlannedRequest[] = [];
	for (const item of items) {
		const { combineItems, batchSize, telephones } = item.input;
		if (!combineItems) {
			for (const part of chunk(telephones, MAX_TELEPHONES_PER_REQUEST)) {
				requests.push({ itemIndices: [item.itemIndex], call: toCall(item.input, part) });
			}
			continue;
		}
		const key = `${groupKey(item.input)}/${batchSize}`;
		const group = groups.get(key);
		if (group) group.push(item);
		else groups.set(key, [item]);
	}
	for (const group of groups.values()) {
		requests.push(...packItems(group, group[0].input.batchSize, toCall));
	}
	return requests;
}
