/** What every endpoint checks in a request before applying it; a failed check throws a Refusal. */
import {
	Answer,
	MAX_RECORDS_PER_CALL,
	answers,
	invalidValue,
	notJson,
	unknownParameter,
} from './responses';

/** Thrown by a validator; carries the answer to send instead of applying the request. */
export class Refusal extends Error {
	constructor(readonly answer: Answer) {
		super(typeof answer.body === 'string' ? answer.body : answer.body.msg);
	}
}

export function isBlank(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		(typeof value === 'string' && value.trim() === '') ||
		(Array.isArray(value) && value.length === 0)
	);
}

/** Wolkvox reports every missing parameter before it looks at any value. */
export function requireAll(body: Record<string, unknown>, fields: string[]): void {
	if (fields.some((field) => isBlank(body[field]))) throw new Refusal(answers.missingParameters);
}

/** Strict: a parameter the endpoint does not take is refused (a misspelt one would otherwise be ignored). */
export function onlyKnown(keys: Iterable<string>, allowed: readonly string[]): void {
	for (const key of keys) if (!allowed.includes(key)) throw new Refusal(unknownParameter(key));
}

export function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
		return value as T;
	throw new Refusal(invalidValue(field));
}

export function text(value: unknown, field: string): string {
	if (typeof value !== 'string') throw new Refusal(invalidValue(field));
	return value;
}

export function recordList(value: unknown, field: string): unknown[] {
	if (!Array.isArray(value)) throw new Refusal(invalidValue(field));
	if (value.length > MAX_RECORDS_PER_CALL) throw new Refusal(answers.tooManyRecords);
	return value;
}

const DIGITS = /^\d+$/;

/** A telephone as Wolkvox's examples send it: digits, as text. */
export function digits(value: unknown, field: string): string {
	if (typeof value !== 'string' || !DIGITS.test(value)) throw new Refusal(invalidValue(field));
	return value;
}

/** `YYYY-MM-DD HH:mm:ss` in UTC (inferred format). */
export function formatDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** Wolkvox's examples send every body as JSON, with `Content-Type: application/json`. */
export function requireJson(contentType: string | undefined): void {
	if (!/^application\/json\b/i.test(contentType ?? '')) throw new Refusal(notJson);
}
