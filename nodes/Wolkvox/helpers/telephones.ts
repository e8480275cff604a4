export const MIN_DIGITS = 7;
export const MAX_DIGITS = 15;

/** Thrown for telephone input that cannot be sent to Wolkvox; `value` is the offending entry. */
export class TelephoneInputError extends Error {
	constructor(
		message: string,
		readonly value?: string,
	) {
		super(message);
		this.name = 'TelephoneInputError';
	}
}

const SEPARATORS = /[,;\r\n]+/;
const FORMATTING = /[\s\-.()]/g;

/** Formatting characters out, one leading `+` out; what remains must be 7 to 15 ASCII digits. */
export function normalizeTelephone(raw: string): string {
	let digits = raw.replace(FORMATTING, '');
	if (digits.startsWith('+')) digits = digits.slice(1);
	if (!/^[0-9]+$/.test(digits)) {
		throw new TelephoneInputError(`"${raw}" is not a telephone number: only digits, spaces, dashes, dots, parentheses and a leading + are allowed`, raw);
	}
	if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) {
		throw new TelephoneInputError(`"${raw}" has ${digits.length} digits; a telephone number needs ${MIN_DIGITS} to ${MAX_DIGITS}`, raw);
	}
	return digits;
}

function entriesOf(input: unknown): string[] {
	if (typeof input === 'string') return input.split(SEPARATORS);
	if (typeof input === 'number') {
		if (!Number.isSafeInteger(input) || input < 0) {
			throw new TelephoneInputError(`${input} is not a telephone number`, String(input));
		}
		return [String(input)];
	}
	if (Array.isArray(input)) return input.flatMap(entriesOf);
	throw new TelephoneInputError(
		`expected text or a list of telephone numbers, got ${input === null ? 'null' : typeof input}`,
	);
}

/**
 * Telephones from a separated string (commas, semicolons, new lines), a number, or an array of those.
 * Returns normalised numbers without duplicates, in first-seen order.
 */
export function parseTelephones(input: unknown): string[] {
	const entries = entriesOf(input)
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
	if (entries.length === 0) throw new TelephoneInputError('no telephone number given');
	return [...new Set(entries.map(normalizeTelephone))];
}
