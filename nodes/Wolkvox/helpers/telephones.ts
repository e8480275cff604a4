import { ListInputError, listEntries } from './lists';

export const MIN_DIGITS = 7;
export const MAX_DIGITS = 15;

const FORMATTING = /[\s\-.()]/g;
const INTERNATIONAL_PREFIXES = ['+', '00'];

/**
 * A number in international form for `countryCode` (`+57…` or `0057…`, formatting already removed)
 * without its country code, so that a phone written nationally and internationally is one record:
 * `+573001234567` and `00573001234567` become `3001234567` with country code `57`. Anything else,
 * and any number when `countryCode` is empty, comes back unchanged.
 */
export function withoutCountryCode(digits: string, countryCode: string): string {
	if (countryCode === '') return digits;
	for (const prefix of INTERNATIONAL_PREFIXES) {
		if (digits.startsWith(prefix + countryCode))
			return digits.slice(prefix.length + countryCode.length);
	}
	return digits;
}

/**
 * Formatting characters out, the country code of an international number out (when one is given),
 * one leading `+` out; what remains must be 7 to 15 ASCII digits.
 */
export function normalizeTelephone(raw: string, countryCode = ''): string {
	let digits = withoutCountryCode(raw.replace(FORMATTING, ''), countryCode);
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
export function parseTelephones(input: unknown, countryCode = ''): string[] {
	return [
		...new Set(
			listEntries(input, 'telephone number').map((raw) => normalizeTelephone(raw, countryCode)),
		),
	];
}

/**
 * A number as Wolkvox lists it (it may hold `+` or spaces), normalised as the node writes numbers,
 * so that the two compare; a listed value that is not a telephone number is kept as it is.
 */
export function comparableTelephone(listed: string, countryCode = ''): string {
	try {
		return normalizeTelephone(listed, countryCode);
	} catch {
		return listed;
	}
}
