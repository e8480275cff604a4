import { ListInputError, listEntries } from './lists';

export const MIN_DIGITS = 7;
export const MAX_DIGITS = 15;

const FORMATTING = /[\s\-.()]/g;

/** Formatting characters out, one leading `+` out; what remains must be 7 to 15 ASCII digits. */
export function normalizeTelephone(raw: string): string {
	let digits = raw.replace(FORMATTING, '');
	if (digits.startsWith('+')) digits = digits.slice(1);
	if (!/^[0-9]+$/.test(digits)) {
		throw new ListInputError(
			`"${raw}" is not a telephone number: only digits, spaces, dashes, dots, parentheses and a leading + are allowed`,
		);
	}
	if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) {
		throw new ListInputError(
			`"${raw}" has ${digits.length} digits; a telephone number needs ${MIN_DIGITS} to ${MAX_DIGITS}`,
		);
	}
	return digits;
}

/** Normalised telephones without duplicates, in first-seen order. Throws only ListInputError. */
export function parseTelephones(input: unknown): string[] {
	return [...new Set(listEntries(input, 'telephone number').map(normalizeTelephone))];
}
