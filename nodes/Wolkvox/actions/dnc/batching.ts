import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseTelephones } from '../../helpers/telephones';
import type { WolkvoxCall } from '../../transport/request';
import { readBoolean, readChoice, readListParameter, readParameter, readWholeNumber } from '../common';
import type { PlannedRequest, PreparedItem } from '../operation';
import { chunk, MAX_RECORDS_PER_CALL } from '../operation';

export const TYPE_CALLS = ['inbound', 'outbound'] as const;

/** The DNC list a write goes to; Add and Remove describe it in their own words. */
export function typeCallField(description: string, inbound: string, outbound: string): INodeProperties {
	return {
		displayName: 'Type of Call',
		name: 'typeCall',
		type: 'options',
		options: [
			{ name: 'Inbound', value: 'inbound', description: inbound },
			{ name: 'Outbound', value: 'outbound', description: outbound },
		],
		default: 'outbound',
		description,
	};
}

export function readTypeCall(context: IExecuteFunctions, itemIndex: number): (typeof TYPE_CALLS)[number] {
	return readChoice(context, readParameter(context, 'typeCall', itemIndex), TYPE_CALLS, 'Type of Call', itemIndex);
}

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
		typeOptions: { minValue: 1, maxValue: MAX_RECORDS_PER_CALL },
		default: MAX_RECORDS_PER_CALL,
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
	const batchSize = readWholeNumber(this, options.batchSize ?? MAX_RECORDS_PER_CALL, 'Batch Size', itemIndex, [
		1,
		MAX_RECORDS_PER_CALL,
	]);
	const telephones = readListParameter(this, 'telephones', 'Telephones', itemIndex, parseTelephones);
	return { telephones, combineItems, batchSize };
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
			for (const part of chunk(telephones, MAX_RECORDS_PER_CALL)) {
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
