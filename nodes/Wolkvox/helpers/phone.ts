/**
 * One phone, one consumer. Wolkvox matches numbers as stored, so `3001234567` and `573001234567` are
 * two records of one Colombian phone. Given the operation's country code, every way a person, a
 * spreadsheet or a database writes a phone gives the same Phone: its comparison key, and the
 * spellings Wolkvox may hold it in (national, and with the country code).
 */
import { ListInputError, listEntries } from './lists';

export const MIN_DIGITS = 7;
export const MAX_DIGITS = 15;

/**
 * National (significant) number lengths of mobiles and fixed lines in the countries Wolkvox serves,
 * by country calling code (the US and the Dominican Republic share 1), as libphonenumber knows them.
 * A bare number that starts with the country code is read as international only when what follows
 * has one of these lengths and the whole number does not.
 */
export const NATIONAL_LENGTHS: Readonly<Record<string, readonly number[]>> = {
	'57': [10], // Colombia
	'52': [10], // Mexico
	'51': [8, 9], // Peru
	'593': [8, 9], // Ecuador
	'56': [9], // Chile
	'54': [10, 11], // Argentina (mobiles: 9 + 10 digits)
	'507': [7, 8], // Panama
	'502': [8], // Guatemala
	'506': [8], // Costa Rica
	'1': [10], // United States, Dominican Republic
	'34': [9], // Spain
};

/** Countries whose national numbers may be written with a trunk 0 (`0991234567` in Ecuador). */
const TRUNK_ZERO = new Set(['52', '51', '593', '54']);

/** Every assigned country calling code (ITU-T E.164), as libphonenumber lists them. */
const CALLING_CODES = new Set(
	(
		'1 7 20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 ' +
		'64 65 66 81 82 84 86 90 91 92 93 94 95 98 211 212 213 216 218 220 221 222 223 224 225 226 227 ' +
		'228 229 230 231 232 233 234 235 236 237 238 239 240 241 242 243 244 245 246 247 248 249 250 251 ' +
		'252 253 254 255 256 257 258 260 261 262 263 264 265 266 267 268 269 290 291 297 298 299 350 351 ' +
		'352 353 354 355 356 357 358 359 370 371 372 373 374 375 376 377 378 380 381 382 383 385 386 387 ' +
		'389 420 421 423 500 501 502 503 504 505 506 507 508 509 590 591 592 593 594 595 596 597 598 599 ' +
		'670 672 673 674 675 676 677 678 679 680 681 682 683 685 686 687 688 689 690 691 692 850 ' +
		'852 853 855 856 880 886 960 961 962 963 964 965 966 967 968 970 971 972 ' +
		'973 974 975 976 977 992 993 994 995 996 998'
	).split(' '),
);

/** A telephone that cannot be read; the message says what is wrong (the caller names item and field). */
export class PhoneInputError extends ListInputError {}

export interface Phone {
	/**
	 * Equal keys are one consumer: the country code and the national number (`573001234567`) when the
	 * phone is of the operation's country, otherwise its digits as written (without a leading +).
	 */
	key: string;
	/** The country code the phone is of; '' when none is set or the phone is another country's. */
	countryCode: string;
	/** The national number (`3001234567`); the digits as written when the country is not known. */
	national: string;
	/**
	 * The spellings Wolkvox may hold the phone in, national first: `['3001234567', '573001234567']`.
	 * One spelling when the country is not known, or the national number has no valid length for it.
	 */
	spellings: string[];
}

/** Which spellings a block writes: both (default), or one form only (the Write As option). */
export const WRITE_AS = ['both', 'national', 'international'] as const;
export type WriteAs = (typeof WRITE_AS)[number];

/**
 * A country code as an operation sets it (`57`, `+57`, or '' for none), as digits; throws
 * PhoneInputError for anything that is not an assigned country calling code (`057`, `5`, `999`).
 */
export function normalizeCountryCode(value: unknown): string {
	const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : null;
	if (text === '') return '';
	const digits = text?.replace(/^\+/, '');
	if (digits === undefined || !CALLING_CODES.has(digits)) {
		const hint =
			digits && /^0+[1-9]/.test(digits) ? ` (without leading zeros: ${Number(digits)})` : '';
		throw new PhoneInputError(
			`${JSON.stringify(value)} is not a country calling code${hint}; write the country's code, such as 57 for Colombia`,
		);
	}
	return digits;
}

const FORMATTING = /[\s\-.()]/g;
/** A whole number rendered as a float by a spreadsheet, a CSV export or a database: `3001234567.0`. */
const FLOAT_RENDERING = /^(\+?\d+)\.0+$/;
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;

function digitsOf(raw: string): string {
	if (SCIENTIFIC.test(raw))
		throw new PhoneInputError(
			`"${raw}" is in scientific notation, which loses digits: format the column as text or as a whole number`,
		);
	const whole = FLOAT_RENDERING.exec(raw)?.[1] ?? raw;
	return whole.replace(FORMATTING, '');
}

function checked(raw: string, digits: string): string {
	if (!/^[0-9]+$/.test(digits))
		throw new PhoneInputError(
			`"${raw}" is not a telephone number: only digits, spaces, dashes, dots, parentheses and a leading + are allowed`,
		);
	if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS)
		throw new PhoneInputError(
			`"${raw}" has ${digits.length} digits; a telephone number needs ${MIN_DIGITS} to ${MAX_DIGITS}`,
		);
	return digits;
}

const asWritten = (digits: string): Phone => ({
	key: digits,
	countryCode: '',
	national: digits,
	spellings: [digits],
});

/** The national number of a bare number (no + or 00) of the country `countryCode`. */
function nationalOfBare(digits: string, countryCode: string): string {
	const lengths = NATIONAL_LENGTHS[countryCode];
	if (!lengths) return digits;
	const valid = (length: number) => lengths.includes(length);
	// National numbers there never start with 0: a leading 0 is the trunk prefix.
	if (TRUNK_ZERO.has(countryCode) && digits.startsWith('0') && valid(digits.length - 1))
		return digits.slice(1);
	if (valid(digits.length)) return digits;
	if (digits.startsWith(countryCode) && valid(digits.length - countryCode.length))
		return digits.slice(countryCode.length);
	return digits;
}

function ofCountry(raw: string, national: string, countryCode: string): Phone {
	checked(raw, national);
	const lengths = NATIONAL_LENGTHS[countryCode];
	const valid = !lengths || lengths.includes(national.length);
	return {
		key: countryCode + national,
		countryCode,
		national,
		spellings: valid ? [national, countryCode + national] : [national],
	};
}

/**
 * One telephone (text or a whole JSON number) as one Phone, for the operation's country code ('' for
 * none: the digits as written, a leading + removed). With a country code, `3001234567`,
 * `573001234567`, `+57 300 123 4567`, `0057 300 123 4567` and `3001234567.0` are one phone; a number
 * in international form with another country code is that country's, kept whole.
 */
export function parsePhone(raw: unknown, countryCode: string): Phone {
	if (typeof raw === 'number') {
		if (!Number.isSafeInteger(raw) || raw < 0)
			throw new PhoneInputError(`${raw} is not a whole number, so not a telephone number`);
		raw = String(raw);
	}
	if (typeof raw !== 'string')
		throw new PhoneInputError(`${JSON.stringify(raw)} is not a telephone number`);
	const text = raw.trim();
	const digits = digitsOf(text);
	const international = digits.startsWith('+')
		? digits.slice(1)
		: countryCode && digits.startsWith('00')
			? digits.slice(2)
			: undefined;
	if (!countryCode) return asWritten(checked(text, international ?? digits));
	if (international === undefined)
		return ofCountry(text, nationalOfBare(checked(text, digits), countryCode), countryCode);
	if (international.startsWith(countryCode))
		return ofCountry(text, international.slice(countryCode.length), countryCode);
	return asWritten(checked(text, international));
}

/** The phones of a list field (text separated by commas…, numbers, lists), one per consumer, in first-seen order. */
export function parsePhones(input: unknown, countryCode: string): Phone[] {
	const phones = new Map<string, Phone>();
	for (const entry of listEntries(input, 'telephone number')) {
		const phone = parsePhone(entry, countryCode);
		if (!phones.has(phone.key)) phones.set(phone.key, phone);
	}
	return [...phones.values()];
}

/** The spellings a block writes (see WriteAs): both forms, or the national or the international one only. */
export function spellingsToWrite(phone: Phone, writeAs: WriteAs = 'both'): string[] {
	const { spellings } = phone;
	if (writeAs === 'national' || spellings.length === 1) return spellings.slice(0, 1);
	if (writeAs === 'international') return spellings.slice(-1);
	return spellings;
}

/**
 * The key of a number as Wolkvox lists it (it may hold `+` or spaces), so that listed and wanted
 * numbers compare as phones; a listed value that is not a telephone number is its own key.
 */
export function phoneKey(listed: unknown, countryCode: string): string {
	try {
		return parsePhone(listed, countryCode).key;
	} catch {
		return String(listed);
	}
}

/** The spelling the node writes first (national with a country code): what the operations output. */
export const shownSpelling = (phone: Phone): string => phone.spellings[0] ?? phone.key;
