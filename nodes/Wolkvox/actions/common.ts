import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestSettings } from '../transport/request';
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from '../transport/request';

/** Options every operation offers, placed in its "Options" collection. */
export const requestOptionFields: INodeProperties[] = [
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10 },
		default: DEFAULT_MAX_RETRIES,
		description:
			'How many times a request is sent again when the token is busy, Wolkvox has a server error, or no answer arrives in time',
	},
	{
		displayName: 'Timeout',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1000 },
		default: DEFAULT_TIMEOUT_MS,
		description: 'Milliseconds to wait for each answer (Wolkvox allows at most 60 s per call)',
	},
];

/** An operation's "Options" collection: its own fields plus the request options, in alphabetical order. */
export function optionsCollection(fields: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...fields, ...requestOptionFields].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

const expressionFreeValues = new WeakMap<IExecuteFunctions, Map<string, unknown>>();

function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (typeof value === 'object' && value !== null) return Object.values(value).some(hasExpression);
	return false;
}

/**
 * A parameter's value for one item. n8n resolves a parameter anew for every item, which costs as
 * much as an expression even when it holds none; a value without expressions is the same for every
 * item, so it is resolved once per run of the node.
 */
export function readParameter(context: IExecuteFunctions, name: string, itemIndex: number, fallback?: unknown): unknown {
	const raw = context.getNodeParameter(name, itemIndex, fallback, { rawExpressions: true });
	if (hasExpression(raw)) return context.getNodeParameter(name, itemIndex, fallback);
	let known = expressionFreeValues.get(context);
	if (!known) expressionFreeValues.set(context, (known = new Map()));
	if (!known.has(name)) known.set(name, context.getNodeParameter(name, itemIndex, fallback));
	return known.get(name);
}

function invalidInput(context: IExecuteFunctions, itemIndex: number, message: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), `Item ${itemIndex}: ${message}`, {
		itemIndex,
		description: 'Nothing was sent for this item.',
	});
}

/** A whole number from `min` to `max`; numeric text from expressions is accepted. */
export function readWholeNumber(
	context: IExecuteFunctions,
	value: unknown,
	field: string,
	itemIndex: number,
	[min, max]: [number, number],
): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
		const range = max === Infinity ? `of at least ${min}` : `from ${min} to ${max}`;
		throw invalidInput(context, itemIndex, `"${field}" must be a whole number ${range}, not ${JSON.stringify(value) ?? 'nothing'}`);
	}
	return number;
}

/** A yes/no switch; "true"/"false" text from expressions is accepted. */
export function readBoolean(context: IExecuteFunctions, value: unknown, field: string, itemIndex: number): boolean {
	if (value === true || value === 'true') return true;
	if (value === false || value === 'false') return false;
	throw invalidInput(context, itemIndex, `"${field}" must be true or false, not ${JSON.stringify(value) ?? 'nothing'}`);
}

/** The Timeout and Max Retries options of one item. */
export function readRequestSettings(context: IExecuteFunctions, itemIndex: number): RequestSettings {
	const options = readParameter(context, 'options', itemIndex, {}) as IDataObject;
	return {
		timeout: readWholeNumber(context, options.timeout ?? DEFAULT_TIMEOUT_MS, 'Timeout', itemIndex, [1, 600_000]),
		maxRetries: readWholeNumber(context, options.maxRetries ?? DEFAULT_MAX_RETRIES, 'Max Retries', itemIndex, [0, 10]),
	};
}

/** A value that must be one of `allowed` (expressions can produce anything). */
export function readChoice<Choice extends string>(
	context: IExecuteFunctions,
	value: unknown,
	allowed: readonly Choice[],
	field: string,
	itemIndex: number,
): Choice {
	const text = String(value).trim().toLowerCase();
	const choice = allowed.find((candidate) => candidate.toLowerCase() === text);
	if (choice === undefined) {
		throw invalidInput(context, itemIndex, `"${field}" must be ${allowed.join(' or ')}, not "${String(value)}"`);
	}
	return choice;
}

const YES_NO = ['yes', 'no'] as const;

/** Wolkvox's yes/no fields; booleans from expressions are accepted too. */
export function readYesNo(
	context: IExecuteFunctions,
	value: unknown,
	field: string,
	itemIndex: number,
): 'yes' | 'no' {
	const yesOrNo = value === true ? 'yes' : value === false ? 'no' : value;
	return readChoice(context, yesOrNo, YES_NO, field, itemIndex);
}

/**
 * A field that takes several values, parsed by `parse` (which throws only ListInputError, whose
 * message says what is wrong): a bad value fails the item, naming the field.
 */
export function readListParameter(
	context: IExecuteFunctions,
	name: string,
	field: string,
	itemIndex: number,
	parse: (value: unknown) => string[],
): string[] {
	const value = readParameter(context, name, itemIndex);
	try {
		return parse(value);
	} catch (error) {
		throw invalidInput(context, itemIndex, `"${field}": ${(error as Error).message}`);
	}
}

/** A required text field, trimmed; numbers from expressions become text. */
export function readRequiredText(
	this: IExecuteFunctions,
	name: string,
	field: string,
	itemIndex: number,
): string {
	const value = readParameter(this, name, itemIndex);
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (text === '') {
		throw new NodeOperationError(
			this.getNode(),
			`Item ${itemIndex}: "${field}" is required, got ${value === '' ? 'an empty value' : JSON.stringify(value) ?? 'nothing'}`,
			{ itemIndex, description: 'Nothing was sent for this item.' },
		);
	}
	return text;
}
