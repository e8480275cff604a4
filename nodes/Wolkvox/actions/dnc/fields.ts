import type { INodeProperties } from 'n8n-workflow';

import { parseTelephones } from '../../helpers/phone';
import {
	readBoolean,
	readChoiceParameter,
	readItemField,
	readList,
	readListParameter,
	readOptions,
	readParameter,
	readWholeNumber,
} from '../../run/parameters';
import { MAX_RECORDS_PER_CALL } from '../../run/operation';
import { inputError } from '../../run/errors';
import type { Run } from '../../run/run';

export const TYPE_CALLS = ['inbound', 'outbound'] as const;
export type TypeCall = (typeof TYPE_CALLS)[number];
/** Add also takes `both` (Wolkvox's `type_call: "all"`): the numbers go on both lists in one call. */
export const ADD_TYPE_CALLS = [...TYPE_CALLS, 'both'] as const;
export type AddTypeCall = (typeof ADD_TYPE_CALLS)[number];

/** The DNC list a write goes to; each operation describes it in its own words. */
export function typeCallField(
	description: string,
	inbound: string,
	outbound: string,
	both?: string,
): INodeProperties {
	return {
		displayName: 'Type of Call',
		name: 'typeCall',
		type: 'options',
		options: [
			...(both ? [{ name: 'Both', value: 'both', description: both }] : []),
			{ name: 'Inbound', value: 'inbound', description: inbound },
			{ name: 'Outbound', value: 'outbound', description: outbound },
		],
		default: 'outbound',
		description,
	};
}

export function readTypeCall(run: Run, itemIndex: number): TypeCall;
export function readTypeCall<Choice extends string>(
	run: Run,
	itemIndex: number,
	allowed: readonly Choice[],
): Choice;
export function readTypeCall(
	run: Run,
	itemIndex: number,
	allowed: readonly string[] = TYPE_CALLS,
): string {
	return readChoiceParameter(run, 'typeCall', allowed, 'Type of Call', itemIndex);
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

/** The "Options" entries that decide how the records (telephones, customer IDs) of several items are combined. */
export function batchOptionFields(records = 'telephones'): INodeProperties[] {
	return [
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_RECORDS_PER_CALL },
			default: MAX_RECORDS_PER_CALL,
			description: `Most ${records} sent in one request when items are combined (Wolkvox allows 10,000)`,
		},
		{
			displayName: 'Combine Items',
			name: 'combineItems',
			type: 'boolean',
			default: true,
			description: `Whether to send the ${records} of all items together in as few requests as possible. Turn off to send one request per item.`,
		},
	];
}

export const telephoneBatchOptionFields = batchOptionFields();

/** The telephone list of a DNC write, and how items may be combined into requests. */
export interface TelephoneBatchInput {
	telephones: string[];
	combineItems: boolean;
	batchSize: number;
}

const TELEPHONE_SOURCES = ['parameter', 'field'] as const;

/**
 * Where each item's telephones come from: the Telephones parameter (an expression is evaluated per
 * item), or a field of the input item read as it is, which costs nothing per item.
 */
export function telephoneSourceProperties(show: Record<string, string[]> = {}): INodeProperties[] {
	return [
		{
			displayName: 'Telephones From',
			name: 'telephonesFrom',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Parameter',
					value: 'parameter',
					description: 'The Telephones field below (text or an expression)',
				},
				{
					name: 'Field of Each Item',
					value: 'field',
					description:
						'A field of each input item, read without an expression: fastest for large lists',
				},
			],
			default: 'parameter',
			description: 'Where the telephones of each item come from',
			...(Object.keys(show).length ? { displayOptions: { show } } : {}),
		},
		{ ...telephonesProperty, displayOptions: { show: { ...show, telephonesFrom: ['parameter'] } } },
		{
			displayName: 'Telephones Field',
			name: 'telephonesField',
			type: 'string',
			required: true,
			default: 'phone',
			placeholder: 'phone',
			description:
				'Name of the input field holding the telephones (text or a list, parsed as Telephones is). Use dots for a nested field, e.g. contact.phone.',
			displayOptions: { show: { ...show, telephonesFrom: ['field'] } },
		},
	];
}

/** The Country Code option of Add, Remove and Sync DNC: one phone, one record. */
export const countryCodeOption: INodeProperties = {
	displayName: 'Country Code',
	name: 'countryCode',
	type: 'string',
	default: '',
	placeholder: '57',
	description:
		'Numbers written in international form with this country code (+57…, 0057…) lose it, so that one phone is one record: with 57, +57 300 123 4567 and 300 123 4567 are both 3001234567. Empty: numbers are kept as written (without a leading +).',
};

const COUNTRY_CODE = /^\+?[0-9]{1,3}$/;

/** The Country Code option: 1 to 3 digits (a leading + is allowed), or '' when not set. */
export function readCountryCode(run: Run, itemIndex: number): string {
	const value = readOptions(run, itemIndex).countryCode ?? '';
	const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : null;
	if (text === '') return '';
	if (text === null || !COUNTRY_CODE.test(text))
		throw inputError(
			run,
			itemIndex,
			`"Country Code" must be 1 to 3 digits, such as 57, not ${JSON.stringify(value)}`,
		);
	return text.replace('+', '');
}

export function readTelephones(run: Run, itemIndex: number): string[] {
	const countryCode = readCountryCode(run, itemIndex);
	const parse = (value: unknown) => parseTelephones(value, countryCode);
	const from = readChoiceParameter(
		run,
		'telephonesFrom',
		TELEPHONE_SOURCES,
		'Telephones From',
		itemIndex,
		'parameter',
	);
	if (from === 'parameter')
		return readListParameter(run, 'telephones', 'Telephones', itemIndex, parse);
	const field = String(readParameter(run, 'telephonesField', itemIndex, 'phone')).trim();
	return readList(run, readItemField(run, itemIndex, field), field, itemIndex, parse);
}

/** How an item may be combined with others into requests (the Combine Items and Batch Size options). */
export function readBatchOptions(
	run: Run,
	itemIndex: number,
): Pick<TelephoneBatchInput, 'combineItems' | 'batchSize'> {
	const options = readOptions(run, itemIndex);
	const combineItems = readBoolean(run, options.combineItems ?? true, 'Combine Items', itemIndex);
	const batchSize = readWholeNumber(
		run,
		options.batchSize ?? MAX_RECORDS_PER_CALL,
		'Batch Size',
		itemIndex,
		[1, MAX_RECORDS_PER_CALL],
	);
	return { combineItems, batchSize };
}

/** Reads `telephones` and the batch options of one item; a bad number fails the item before anything is sent. */
export function readTelephoneBatch(run: Run, itemIndex: number): TelephoneBatchInput {
	const batch = readBatchOptions(run, itemIndex);
	return { telephones: readTelephones(run, itemIndex), ...batch };
}

/** One number, normalised like DNC numbers (the Country Code option included). */
export function readOneTelephone(
	run: Run,
	itemIndex: number,
	name = 'telephone',
	field = 'Telephone',
): string {
	const countryCode = readCountryCode(run, itemIndex);
	const telephones = readListParameter(run, name, field, itemIndex, (value) =>
		parseTelephones(value, countryCode),
	);
	const [telephone] = telephones;
	if (telephone === undefined || telephones.length > 1)
		throw inputError(
			run,
			itemIndex,
			`"${field}" takes one number (Wolkvox takes one per call), got ${telephones.length}: ${telephones.join(', ')}`,
		);
	return telephone;
}
