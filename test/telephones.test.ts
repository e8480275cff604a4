import fc from 'fast-check';

import { ListInputError } from '../nodes/Wolkvox/helpers/lists';
import { parsePhones, shownSpelling } from '../nodes/Wolkvox/helpers/phone';

/** Telephones, one per phone, each in the spelling the node writes first. */
const parseTelephones = (input: unknown, countryCode = ''): string[] =>
	parsePhones(input, countryCode).map(shownSpelling);

/** What a person might type: digits with formatting, separators and stray characters mixed in. */
const typed = fc.stringMatching(/^[0-9 +\-.()a-z,;\n٣]{0,60}$/);
/** Well-formed numbers with formatting and separators, so that many inputs are accepted. */
const formatted = fc
	.array(fc.stringMatching(/^\+?[0-9]{7,15}$/), { minLength: 1, maxLength: 20 })
	.map((numbers) =>
		numbers.map((number) => number.replace(/^(\+?[0-9]{3})([0-9]{3})/, '$1 ($2) ')).join(';\n'),
	);
const anyInput = fc.oneof(
	formatted,
	typed,
	fc.string(),
	fc.integer(),
	fc.double(),
	fc.array(fc.oneof(formatted, typed, fc.integer())),
	fc.constant(null),
);

function parseOrError(input: unknown): string[] | ListInputError {
	try {
		return parseTelephones(input);
	} catch (error) {
		return error as ListInputError;
	}
}

describe('telephone parser (properties)', () => {
	test('throws nothing but a ListInputError with a message', () => {
		fc.assert(
			fc.property(anyInput, (input) => {
				const result = parseOrError(input);
				if (result instanceof Error) {
					expect(result).toBeInstanceOf(ListInputError);
					expect(result.message.length).toBeGreaterThan(0);
				}
			}),
			{ numRuns: 2_000 },
		);
	});

	test('every accepted number is 7 to 15 ASCII digits, without duplicates', () => {
		let accepted = 0;
		fc.assert(
			fc.property(anyInput, (input) => {
				const result = parseOrError(input);
				if (result instanceof Error) return;
				accepted++;
				expect(result.length).toBeGreaterThan(0);
				for (const telephone of result) {
					expect(telephone).toMatch(/^[0-9]{7,15}$/);
				}
				expect(new Set(result).size).toBe(result.length);
			}),
			{ numRuns: 2_000 },
		);
		expect(accepted).toBeGreaterThan(200);
	});

	test('is idempotent: parsing its own output gives the same numbers', () => {
		fc.assert(
			fc.property(anyInput, (input) => {
				const first = parseOrError(input);
				if (first instanceof Error) return;
				expect(parseTelephones(first)).toEqual(first);
				expect(parseTelephones(first.join(','))).toEqual(first);
			}),
			{ numRuns: 2_000 },
		);
	});

	test('accepts every well-formed number, whatever its formatting', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^[0-9]{7,15}$/), fc.boolean(), (digits, withPlus) => {
				const pretty = `${withPlus ? '+' : ''}${digits.slice(0, 2)} (${digits.slice(2, 5)}) ${digits.slice(5, 8)}-${digits.slice(8)}`;
				expect(parseTelephones(pretty)).toEqual([digits]);
			}),
		);
	});
});

describe('telephone parser (examples)', () => {
	test.each([
		['+57 300 123 4567', ['573001234567']],
		['300-123-4567; 300.123.4568\n(300) 1234569', ['3001234567', '3001234568', '3001234569']],
		['3001234567,,3001234567, ', ['3001234567']],
		[
			[3001234567, '3001234568'],
			['3001234567', '3001234568'],
		],
	])('%j → %j', (input, expected) => {
		expect(parseTelephones(input)).toEqual(expected);
	});

	test.each([[''], ['12345'], ['3001234567x'], [{ phone: '3001234567' }], [1.5], [-3001234567]])(
		'refuses %j',
		(input) => {
			expect(() => parseTelephones(input)).toThrow(ListInputError);
		},
	);
});
