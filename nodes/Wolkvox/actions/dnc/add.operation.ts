import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { parseTelephones } from '../../helpers/telephones';
import type { WolkvoxAnswer } from '../../transport/answer';
import { readChoice, requestOptionFields } from '../common';
import type { PlannedRequest, PreparedItem, WolkvoxOperation } from '../operation';

/** Wolkvox takes at most 10,000 records per call. */
export const MAX_TELEPHONES_PER_REQUEST = 10_000;
export const TYPE_CALLS = ['inbound', 'outbound'] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Type of Call',
		name: 'typeCall',
		type: 'options',
		options: [
			{ name: 'Inbound', value: 'inbound', description: 'Block calls coming from these numbers' },
			{ name: 'Outbound', value: 'outbound', description: 'Never dial these numbers' },
		],
		default: 'outbound',
		description: 'Which DNC list the numbers go to',
	},
	{
		displayName: 'Telephones',
		name: 'telephones',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+57 300 123 4567, 3001234568',
		description:
			'One or more numbers separated by commas, semicolons or new lines, or an expression that returns a list. Spaces, dashes, dots, parentheses and a leading + are removed; each number must then have 7 to 15 digits.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
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
			...requestOptionFields,
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['dnc'], operation: ['add'] } },
	properties,
);

export interface AddInput {
	typeCall: string;
	telephones: string[];
	combineItems: boolean;
	batchSize: number;
}

function prepare(this: IExecuteFunctions, itemIndex: number): AddInput {
	const typeCall = readChoice(
		this.getNode(),
		this.getNodeParameter('typeCall', itemIndex),
		TYPE_CALLS,
		'Type of Call',
		itemIndex,
	);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const telephones = this.getNodeParameter('telephones', itemIndex);
	try {
		return {
			typeCall,
			telephones: parseTelephones(telephones),
			combineItems: options.combineItems !== false,
			batchSize: Math.min(
				MAX_TELEPHONES_PER_REQUEST,
				Math.max(1, Math.floor(Number(options.batchSize ?? MAX_TELEPHONES_PER_REQUEST))),
			),
		};
	} catch (error) {
		// parseTelephones throws only TelephoneInputError, whose message says what is wrong.
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: "Telephones": ${(error as Error).message}`, {
			itemIndex,
			description: 'Nothing was sent for this item.',
		});
	}
}

function addDncCall(typeCall: string, telephones: string[]) {
	return {
		method: 'POST' as const,
		file: 'configuration' as const,
		api: 'add_dnc',
		body: { type_call: typeCall, telephones },
	};
}

function chunk<T>(list: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size) chunks.push(list.slice(start, start + size));
	return chunks;
}

/**
 * Packs whole items into requests of at most `batchSize` distinct telephones. An item that alone
 * has more than that is split over requests of its own.
 */
function packItems(items: Array<PreparedItem<AddInput>>, typeCall: string, batchSize: number) {
	const requests: PlannedRequest[] = [];
	let itemIndices: number[] = [];
	let telephones = new Set<string>();
	const flush = () => {
		if (itemIndices.length > 0) requests.push({ itemIndices, call: addDncCall(typeCall, [...telephones]) });
		itemIndices = [];
		telephones = new Set();
	};
	for (const { itemIndex, input } of items) {
		if (input.telephones.length > batchSize) {
			flush();
			for (const part of chunk(input.telephones, batchSize)) {
				requests.push({ itemIndices: [itemIndex], call: addDncCall(typeCall, part) });
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

function plan(items: Array<PreparedItem<AddInput>>): PlannedRequest[] {
	const groups = new Map<string, Array<PreparedItem<AddInput>>>();
	const requests: PlannedRequest[] = [];
	for (const item of items) {
		const { typeCall, combineItems, batchSize, telephones } = item.input;
		if (!combineItems) {
			for (const part of chunk(telephones, MAX_TELEPHONES_PER_REQUEST)) {
				requests.push({ itemIndices: [item.itemIndex], call: addDncCall(typeCall, part) });
			}
			continue;
		}
		const key = `${typeCall}/${batchSize}`;
		const group = groups.get(key);
		if (group) group.push(item);
		else groups.set(key, [item]);
	}
	for (const group of groups.values()) {
		const { typeCall, batchSize } = group[0].input;
		requests.push(...packItems(group, typeCall, batchSize));
	}
	return requests;
}

function toOutput(input: AddInput, answers: WolkvoxAnswer[]): IDataObject[] {
	const last = answers[answers.length - 1];
	return [
		{
			typeCall: input.typeCall,
			telephones: input.telephones,
			code: last.code,
			error: last.error,
			msg: answers.map((answer) => answer.msg).join('; '),
		},
	];
}

export const operation: WolkvoxOperation<AddInput> = { description, prepare, plan, toOutput };
