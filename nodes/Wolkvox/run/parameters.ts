import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { locatorValue } from '../helpers/locator';
import type { RequestSettings } from '../transport/request';
import {
	DEFAULT_BUSY_WAIT_MS,
	DEFAULT_MAX_RETRIES,
	DEFAULT_TIMEOUT_MS,
	WOLKVOX_CALL_LIMIT_MS,
} from '../transport/request';
import { inputError } from './errors';
import type { Run } from './run';
import { runsAsTool } from './tool';

const HAS_EXPRESSION = Symbol('has an expression');
const NOT_PLAIN = Symbol('not a plain value');

function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (typeof value === 'object' && value !== null) return Object.values(value).some(hasExpression);
	return false;
}

/** A parameter that is exactly an item field expression: `{{ $json.phone }}`, `{{ $json["a"].b }}`. */
class ItemFieldExpression {
	constructor(readonly path: string[]) {}
}

const ITEM_FIELD_EXPRESSION =
	/^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\[\s*(?:"[^"\\{}\n\r]*"|'[^'\\{}\n\r]*')\s*\])+)\s*\}\}$/;
const PATH_STEP = /\.([A-Za-z_$][\w$]*)|\[\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*\]/g;
/**
 * The property names n8n's expression sandbox refuses to read (n8n-workflow's `isSafeObjectProperty`,
 * 2.41; n8n 1.x refuses fewer): an expression naming one is left to n8n, which gives its own error.
 */
const BLOCKED_KEYS = new Set([
	'__proto__',
	'prototype',
	'constructor',
	'getPrototypeOf',
	'setPrototypeOf',
	'getOwnPropertyDescriptor',
	'getOwnPropertyDescriptors',
	'defineProperty',
	'defineProperties',
	'mainModule',
	'binding',
	'_linkedBinding',
	'_load',
	'prepareStackTrace',
	'__lookupGetter__',
	'__lookupSetter__',
	'__defineGetter__',
	'__defineSetter__',
	'caller',
	'callee',
	'arguments',
	'getBuiltinModule',
	'dlopen',
	'execve',
	'loadEnvFile',
]);

function itemFieldExpression(raw: unknown): ItemFieldExpression | undefined {
	const steps = typeof raw === 'string' ? ITEM_FIELD_EXPRESSION.exec(raw)?.[1] : undefined;
	if (steps === undefined) return undefined;
	const path = [...steps.matchAll(PATH_STEP)].map((step) => step[1] ?? step[2] ?? step[3] ?? '');
	return path.some((key) => BLOCKED_KEYS.has(key)) ? undefined : new ItemFieldExpression(path);
}

const isPlainEntry = (value: unknown) =>
	typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

/**
 * The field an item field expression names, when n8n's evaluation would return it unchanged: text,
 * a number or a flat list of them. Anything else (a missing field, null, an object, a missing
 * parent, which n8n reports as an error) is NOT_PLAIN and left to n8n.
 */
function plainItemField(run: Run, itemIndex: number, { path }: ItemFieldExpression): unknown {
	let value: unknown = run.context.getInputData()[itemIndex]?.json;
	for (const key of path) {
		if (typeof value !== 'object' || value === null) return NOT_PLAIN;
		if (!Object.prototype.hasOwnProperty.call(value, key)) return NOT_PLAIN;
		value = (value as Record<string, unknown>)[key];
	}
	if (isPlainEntry(value) || (Array.isArray(value) && value.every(isPlainEntry))) return value;
	return NOT_PLAIN;
}

/**
 * A parameter's value for one item. n8n resolves a parameter anew for every item, which costs as
 * much as an expression even when it holds none; a value without expressions is the same for every
 * item, so it is resolved once per run. A parameter that only names an item field (the usual
 * `{{ $json.phone }}`) is read from the item as n8n would return it, without evaluating anything
 * (no property of this node declares `validateType`, the only check n8n adds to such a value), except
 * when the node runs as an AI Agent's tool.
 */
export function readParameter(
	run: Run,
	name: string,
	itemIndex: number,
	fallback?: unknown,
): unknown {
	const { context, parameters } = run;
	if (!parameters.has(name)) {
		const raw = context.getNodeParameter(name, itemIndex, fallback, { rawExpressions: true });
		// As an AI Agent's tool, n8n's `$json` is the agent's item, not this node's input: no fast path.
		const itemField = runsAsTool(run.node) ? undefined : itemFieldExpression(raw);
		parameters.set(
			name,
			itemField ??
				(hasExpression(raw) ? HAS_EXPRESSION : context.getNodeParameter(name, itemIndex, fallback)),
		);
	}
	const known = parameters.get(name);
	if (known instanceof ItemFieldExpression) {
		const value = plainItemField(run, itemIndex, known);
		if (value !== NOT_PLAIN) return value;
	} else if (known !== HAS_EXPRESSION) return known;
	return context.getNodeParameter(name, itemIndex, fallback);
}

/** A field of the item's JSON; a dotted name reaches into nested objects unless the name itself exists. */
export function readItemField(run: Run, itemIndex: number, name: string): unknown {
	const json = run.context.getInputData()[itemIndex]?.json ?? {};
	if (name in json) return json[name];
	return name
		.split('.')
		.reduce<unknown>(
			(value, key) =>
				typeof value === 'object' && value !== null
					? (value as Record<string, unknown>)[key]
					: undefined,
			json,
		);
}

/** Options every operation offers, placed in its "Options" collection. */
export const requestOptionFields: INodeProperties[] = [
	{
		displayName: 'Busy Token Wait',
		name: 'busyWaitTimeout',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: DEFAULT_BUSY_WAIT_MS,
		description:
			'Milliseconds to keep retrying while Wolkvox answers that the token is busy with another request (e.g. from another n8n worker). A busy answer means Wolkvox did nothing, so sending again is always safe.',
	},
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10 },
		default: DEFAULT_MAX_RETRIES,
		description:
			'How many times a request is sent again when Wolkvox has a server error or no answer arrives in time',
	},
	{
		displayName: 'Timeout',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1000, maxValue: WOLKVOX_CALL_LIMIT_MS },
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
		options: [...fields, ...requestOptionFields].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	};
}

const shown = (value: unknown) => JSON.stringify(value) ?? 'nothing';

/** A whole number from `min` to `max`; numeric text from expressions is accepted. */
export function readWholeNumber(
	run: Run,
	value: unknown,
	field: string,
	itemIndex: number,
	[min, max]: [number, number],
): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
		const range = max === Infinity ? `of at least ${min}` : `from ${min} to ${max}`;
		throw inputError(
			run,
			itemIndex,
			`"${field}" must be a whole number ${range}, not ${shown(value)}`,
		);
	}
	return number;
}

/** A yes/no switch; "true"/"false" text from expressions is accepted. */
export function readBoolean(run: Run, value: unknown, field: string, itemIndex: number): boolean {
	if (value === true || value === 'true') return true;
	if (value === false || value === 'false') return false;
	throw inputError(run, itemIndex, `"${field}" must be true or false, not ${shown(value)}`);
}

/**
 * Parameters a person must type: an expression in any of them (`$fromAI` included) fails the item
 * before anything is sent, so that what they do is never decided by an item's data or a model.
 * `fields` maps each parameter's name to the name the editor shows.
 */
export function requireFixedValues(
	run: Run,
	itemIndex: number,
	fields: Record<string, string>,
	why: string,
): void {
	for (const [name, field] of Object.entries(fields)) {
		const raw = run.context.getNodeParameter(name, itemIndex, undefined, { rawExpressions: true });
		if (hasExpression(raw))
			throw inputError(
				run,
				itemIndex,
				`"${field}" must be a fixed value, not an expression: ${why}`,
			);
	}
}

/** The Options of one item. */
export function readOptions(run: Run, itemIndex: number): IDataObject {
	return readParameter(run, 'options', itemIndex, {}) as IDataObject;
}

/** The Timeout, Max Retries and Busy Token Wait options of one item. */
export function readRequestSettings(run: Run, itemIndex: number): RequestSettings {
	const options = readOptions(run, itemIndex);
	return {
		timeout: readWholeNumber(run, options.timeout ?? DEFAULT_TIMEOUT_MS, 'Timeout', itemIndex, [
			1,
			WOLKVOX_CALL_LIMIT_MS,
		]),
		maxRetries: readWholeNumber(
			run,
			options.maxRetries ?? DEFAULT_MAX_RETRIES,
			'Max Retries',
			itemIndex,
			[0, 10],
		),
		busyWait: readWholeNumber(
			run,
			options.busyWaitTimeout ?? DEFAULT_BUSY_WAIT_MS,
			'Busy Token Wait',
			itemIndex,
			[0, 3_600_000],
		),
	};
}

/** A value that must be one of `allowed` (expressions can produce anything). */
export function readChoice<Choice extends string>(
	run: Run,
	value: unknown,
	allowed: readonly Choice[],
	field: string,
	itemIndex: number,
): Choice {
	const text = String(value).trim().toLowerCase();
	const choice = allowed.find((candidate) => candidate.toLowerCase() === text);
	if (choice === undefined)
		throw inputError(
			run,
			itemIndex,
			`"${field}" must be ${allowed.join(' or ')}, not "${String(value)}"`,
		);
	return choice;
}

/** A choice parameter (see readChoice). */
export function readChoiceParameter<Choice extends string>(
	run: Run,
	name: string,
	allowed: readonly Choice[],
	field: string,
	itemIndex: number,
	fallback?: Choice,
): Choice {
	return readChoice(run, readParameter(run, name, itemIndex, fallback), allowed, field, itemIndex);
}

const YES_NO = ['yes', 'no'] as const;

/** Wolkvox's yes/no fields; booleans from expressions are accepted too. */
export function readYesNo(
	run: Run,
	value: unknown,
	field: string,
	itemIndex: number,
): 'yes' | 'no' {
	const yesOrNo = value === true ? 'yes' : value === false ? 'no' : value;
	return readChoice(run, yesOrNo, YES_NO, field, itemIndex);
}

/**
 * A field that takes several values, parsed by `parse` (which throws only ListInputError, whose
 * message says what is wrong): a bad value fails the item, naming the field.
 */
export function readList<Entry = string>(
	run: Run,
	value: unknown,
	field: string,
	itemIndex: number,
	parse: (value: unknown) => Entry[],
): Entry[] {
	try {
		return parse(value);
	} catch (error) {
		throw inputError(run, itemIndex, `"${field}": ${(error as Error).message}`);
	}
}

/** A list parameter (see readList). */
export function readListParameter<Entry = string>(
	run: Run,
	name: string,
	field: string,
	itemIndex: number,
	parse: (value: unknown) => Entry[],
): Entry[] {
	return readList(run, readParameter(run, name, itemIndex), field, itemIndex, parse);
}

/** A required text field, trimmed; numbers from expressions become text. */
export function readRequiredText(run: Run, name: string, field: string, itemIndex: number): string {
	// A resource locator (a campaign or code picked from a list) holds its ID in `value`.
	const value = locatorValue(readParameter(run, name, itemIndex));
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (text === '')
		throw inputError(
			run,
			itemIndex,
			`"${field}" is required, got ${value === '' ? 'an empty value' : shown(value)}`,
		);
	return text;
}
