/** Input for a list field (telephones, codes) that cannot be used; the message says what is wrong. */
export class ListInputError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ListInputError';
	}
}

const SEPARATORS = /[,;\r\n]+/;

function entriesOf(input: unknown, noun: string): string[] {
	if (typeof input === 'string') return input.split(SEPARATORS);
	if (typeof input === 'number') {
		if (!Number.isSafeInteger(input) || input < 0)
			throw new ListInputError(`${input} is not a ${noun}`);
		return [String(input)];
	}
	if (Array.isArray(input)) return input.flatMap((entry) => entriesOf(entry, noun));
	throw new ListInputError(
		`expected text or a list of ${noun}s, got ${input === null ? 'null' : typeof input}`,
	);
}

/**
 * The entries of a field that takes several values: text separated by commas, semicolons or new
 * lines, a whole number, or a (nested) list of those. Entries are trimmed; empty ones are dropped.
 */
export function listEntries(input: unknown, noun: string): string[] {
	const entries = entriesOf(input, noun)
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
	if (entries.length === 0) throw new ListInputError(`no ${noun} given`);
	return entries;
}
