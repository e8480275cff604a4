/**
 * A Colombian NIT as Colombians write it (`900.123.456-7`): dots and spaces between digit groups, and
 * optionally a check digit after a dash, which must be DIAN's modulo-11 digit. Wolkvox takes the
 * digits without the check digit (its example sends `900663379`).
 */
import { ListInputError } from './lists';

/** DIAN's weights, applied from the rightmost digit of the NIT (without its check digit). */
const WEIGHTS = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];

const NIT = /^([0-9][0-9. ]*)(?:-\s*([0-9]))?$/;

/** A NIT that cannot be read or whose check digit is wrong; the message says what is wrong. */
export class NitInputError extends ListInputError {}

/** DIAN's check digit of a NIT's digits. */
export function nitCheckDigit(digits: string): number {
	let sum = 0;
	[...digits].reverse().forEach((digit, index) => {
		sum += Number(digit) * (WEIGHTS[index] ?? 0);
	});
	const rest = sum % 11;
	return rest > 1 ? 11 - rest : rest;
}

/** The NIT's digits without the check digit; throws NitInputError when it cannot be read or the check digit is wrong. */
export function parseNit(value: unknown): string {
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	const match = NIT.exec(text);
	const digits = match?.[1]?.replace(/[. ]/g, '') ?? '';
	if (!match || digits.length < 5 || digits.length > WEIGHTS.length)
		throw new NitInputError(
			`${JSON.stringify(value)} is not a NIT: write its digits, with dots if you like, and optionally the check digit after a dash (900.123.456-7)`,
		);
	const written = match[2];
	const expected = nitCheckDigit(digits);
	if (written !== undefined && Number(written) !== expected)
		throw new NitInputError(
			`the check digit of NIT "${text}" is ${written}, but DIAN's check digit of ${digits} is ${expected}: check the NIT`,
		);
	return digits;
}
