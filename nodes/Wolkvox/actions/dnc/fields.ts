import type { INodeProperties } from 'n8n-workflow';

import type { Phone, WriteAs } from '../../helpers/phone';
import { normalizeCountryCode, parsePhones, spellingsToWrite, WRITE_AS } from '../../helpers/phone';
import {
	readBoolean,
	readChoice,
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
	fallback?: Choice,
): Choice;
export function readTypeCall(
	run: Run,
	itemIndex: number,
	allowed: readonly string[] = TYPE_CALLS,
	fallback?: string,
): string {
	return readChoiceParameter(run, 'typeCall', allowed, 'Type of Call', itemIndex, fallback);
}

export const telephonesProperty: INodeProperties = {
	displayName: 'Telephones',
	name: 'telephones',
	type: 'string',
	required: true,
	default: '',
	placeholder: '+57 300 123 4567, 3001234568',
	description:
		'One or more numbers separated by commas, semicolons or new lines, or an expression that returns a list. Spaces, dashes, dots, parentheses and a leading + are removed (3001234567.0 from a spreadsheet is 3001234567); each number must then have 7 to 15 digits. With a Country Code, every spelling of a phone is one consumer.',
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

/** The Country Code option of every operation that takes a telephone: one phone, one consumer. */
export const countryCodeOption: INodeProperties = {
	displayName: 'Country Code',
	name: 'countryCode',
	type: 'string',
	default: '',
	placeholder: '57',
	description:
		"The country calling code of these numbers (57 for Colombia), instead of the credential's Country Code. With it, 300 123 4567, 573001234567, +57 300 123 4567 and 0057 300 123 4567 are one phone. Empty: the credential's Country Code; when that is empty too, numbers are kept as written (without a leading +).",
};

/** The Write As option of the operations that block a number (see docs/phones.md). */
export const writeAsOption: INodeProperties = {
	displayName: 'Write As',
	name: 'writeAs',
	type: 'options',
	options: [
		{
			name: 'National and With Country Code',
			value: 'both',
			description:
				'3001234567 and 573001234567, in the same request: the block holds whichever way the dialer writes the number. The list holds two records per phone.',
		},
		{
			name: 'National Only',
			value: 'national',
			description:
				'3001234567 only. Risk: a campaign that dials 573001234567 does not match the block and calls the consumer.',
		},
		{
			name: 'With Country Code Only',
			value: 'international',
			description:
				'573001234567 only. Risk: a campaign loaded with national numbers (3001234567) does not match the block and calls the consumer.',
		},
	],
	default: 'both',
	description:
		'How a phone is written to Wolkvox when a Country Code is set (Wolkvox matches numbers as stored). Without a Country Code, numbers are written as given.',
};

/** The Country Code of an item: its option, else the credential's; an invalid code fails the item. */
export function readCountryCode(run: Run, itemIndex: number): string {
	const option = readOptions(run, itemIndex).countryCode;
	const fromOption = option !== undefined && option !== null && String(option).trim() !== '';
	try {
		return normalizeCountryCode(fromOption ? option : run.countryCode);
	} catch (error) {
		const where = fromOption ? '"Country Code"' : 'The credential\'s "Country Code"';
		throw inputError(run, itemIndex, `${where}: ${(error as Error).message}`);
	}
}

export function readWriteAs(run: Run, itemIndex: number): WriteAs {
	const value = readOptions(run, itemIndex).writeAs ?? 'both';
	return readChoice(run, value, WRITE_AS, 'Write As', itemIndex);
}

/** The phones of an item (Telephones From: the parameter or a field), one per consumer. */
export function readPhones(run: Run, itemIndex: number): Phone[] {
	const countryCode = readCountryCode(run, itemIndex);
	const parse = (value: unknown) => parsePhones(value, countryCode);
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

/** The telephones of an item in the spellings a block writes (the Write As option). */
export function readTelephones(run: Run, itemIndex: number): string[] {
	const writeAs = readWriteAs(run, itemIndex);
	return readPhones(run, itemIndex).flatMap((phone) => spellingsToWrite(phone, writeAs));
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

/**
 * Reads the telephones and the batch options of one item; a bad number fails the item before
 * anything is sent. A block writes the spellings Write As asks for; a removal takes every spelling off.
 */
export function readTelephoneBatch(
	run: Run,
	itemIndex: number,
	spellings: 'toWrite' | 'every' = 'toWrite',
): TelephoneBatchInput {
	const batch = readBatchOptions(run, itemIndex);
	const telephones =
		spellings === 'every'
			? readPhones(run, itemIndex).flatMap((phone) => phone.spellings)
			: readTelephones(run, itemIndex);
	return { telephones, ...batch };
}

/** One phone, read like DNC numbers (the Country Code included). */
export function readOnePhone(
	run: Run,
	itemIndex: number,
	name = 'telephone',
	field = 'Telephone',
): Phone {
	const countryCode = readCountryCode(run, itemIndex);
	const phones = readListParameter(run, name, field, itemIndex, (value) =>
		parsePhones(value, countryCode),
	);
	const [phone] = phones;
	if (phone === undefined || phones.length > 1)
		throw inputError(
			run,
			itemIndex,
			`"${field}" takes one number, got ${phones.length}: ${phones.map((one) => one.national).join(', ')}`,
		);
	return phone;
}

/** One number in its national spelling (a campaign record's telephone, a callback number). */
export function readOneTelephone(
	run: Run,
	itemIndex: number,
	name = 'telephone',
	field = 'Telephone',
): string {
	return readOnePhone(run, itemIndex, name, field).national;
}
