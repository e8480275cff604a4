import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { COLOMBIA_OFFSET_MS } from '../../helpers/colombiaTime';
import { ListInputError, listEntries } from '../../helpers/lists';
import type { IsoDate } from '../../law2300/calendar';
import { dayNumber, isoDateOf } from '../../law2300/calendar';
import type { WindowRules, WindowVerdict } from '../../law2300/contactWindow';
import { checkContactWindow, colombiaIso, SEARCH_DAYS } from '../../law2300/contactWindow';
import { inputError } from '../../run/errors';
import type { WolkvoxOperation } from '../../run/operation';
import { readOptions, readParameter, readWholeNumber } from '../../run/parameters';
import type { Run } from '../../run/run';

/** Saturday's window is the shortest (7 h); a weekday's is 12 h. */
const MAX_MINIMUM_MINUTES = 720;
/**
 * The years At may fall in: Colombia's time has been UTC−5 all year since April 1993 (it was UTC−4
 * from May 1992), and the holiday calendar is checked up to 2100.
 */
const FIRST_YEAR = 1994;
const LAST_YEAR = 2100;
const COLOMBIA_OFFSET_MINUTES = COLOMBIA_OFFSET_MS / 60_000;

const properties: INodeProperties[] = [
	{
		displayName: 'At',
		name: 'at',
		type: 'dateTime',
		default: '',
		description:
			"The moment to check. Empty: now. ISO text with an offset (2026-12-07T10:30:00-05:00, …Z) or without one (read as Colombia's time), an n8n date ({{ $now }}, a Luxon DateTime) or epoch milliseconds.",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Extra Non-Contact Dates',
				name: 'extraNonContactDates',
				type: 'string',
				default: '',
				placeholder: '2026-12-24 Nochebuena, 2026-12-31',
				description:
					'Dates (YYYY-MM-DD, Colombia) on which nobody is contacted, besides Sundays and holidays: a holiday added by a new law, a company rule. A name may follow the date. Separate dates with commas or new lines.',
			},
			{
				displayName: 'Minimum Minutes Left',
				name: 'minimumMinutesLeft',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: MAX_MINIMUM_MINUTES },
				default: 0,
				description:
					'Allowed only if the window stays open at least this long (e.g. 30 for a 30-minute call): the hours end that many minutes earlier',
			},
			{
				displayName: 'Not Holidays',
				name: 'notHolidays',
				type: 'string',
				default: '',
				placeholder: '2027-01-11',
				description:
					'Dates (YYYY-MM-DD) the built-in calendar holds as holidays that are to be treated as ordinary days, in case a law moves or removes one. Sundays stay closed; Extra Non-Contact Dates win.',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['law2300'], operation: ['contactWindow'] } },
	properties,
);

const ISO_MOMENT =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const shown = (value: unknown) => JSON.stringify(value) ?? String(value);

/** A date that exists, `YYYY-MM-DD`, or undefined. */
function calendarDate(year: number, month: number, day: number): IsoDate | undefined {
	const date = isoDateOf(dayNumber(year, month, day));
	const wanted = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	return date === wanted ? date : undefined;
}

/** Minutes east of UTC of an ISO offset (`Z`, `+05:30`, `-0500`, `-05`); Colombia's when there is none. */
function offsetMinutes(offset: string | undefined): number | undefined {
	if (offset === undefined) return COLOMBIA_OFFSET_MINUTES;
	if (offset.toUpperCase() === 'Z') return 0;
	const [, sign, hours, minutes = '0'] = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset)!;
	if (Number(hours) > 23 || Number(minutes) > 59) return undefined;
	return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/** Epoch milliseconds of ISO text; a time without an offset is Colombia's. */
function parseIsoMoment(text: string): number | undefined {
	const match = ISO_MOMENT.exec(text.trim());
	if (!match) return undefined;
	const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', offset] = match;
	const [y, mo, d, h, mi, se] = [year, month, day, hour, minute, second].map(Number);
	const millisecond = Number(fraction.padEnd(3, '0').slice(0, 3));
	const east = offsetMinutes(offset);
	const valid = calendarDate(y!, mo!, d!) !== undefined && h! <= 23 && mi! <= 59 && se! <= 59;
	if (!valid || east === undefined) return undefined;
	return Date.UTC(y!, mo! - 1, d!, h, mi, se, millisecond) - east * 60_000;
}

const isLuxonDateTime = (value: object): value is { isValid: boolean; toMillis(): number } =>
	typeof (value as { toMillis?: unknown }).toMillis === 'function' &&
	typeof (value as { isValid?: unknown }).isValid === 'boolean';

const isDate = (value: object): value is Date =>
	Object.prototype.toString.call(value) === '[object Date]';

/** The At parameter as epoch milliseconds: empty is now. */
function readAt(run: Run, itemIndex: number): number {
	const value = readParameter(run, 'at', itemIndex, '');
	const fail = (problem: string) => inputError(run, itemIndex, `"At" ${problem}`);
	let at: number | undefined;
	if (value === undefined || value === null || (typeof value === 'string' && !value.trim()))
		return Date.now();
	if (typeof value === 'string') at = parseIsoMoment(value);
	else if (typeof value === 'number') at = Number.isFinite(value) ? value : undefined;
	else if (typeof value === 'object' && isLuxonDateTime(value)) {
		if (!value.isValid) throw fail('is an invalid date-time');
		at = value.toMillis();
	} else if (typeof value === 'object' && isDate(value)) at = value.getTime();
	if (at === undefined || Number.isNaN(at))
		throw fail(
			`must be a date-time: ISO text such as 2026-12-07T10:30:00-05:00, an n8n date or epoch milliseconds, not ${shown(value)}`,
		);
	const year = Number(colombiaIso(at).slice(0, 4));
	if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) {
		const seconds =
			typeof value === 'number' && Math.abs(value) < 1e11
				? ' (epoch seconds? At takes milliseconds)'
				: '';
		throw fail(`must be between ${FIRST_YEAR} and ${LAST_YEAR}, not ${shown(value)}${seconds}`);
	}
	return at;
}

const DATED_ENTRY = /^(\d{4})-(\d{2})-(\d{2})(?:[\sT:]+(.*))?$/;

/** Dates `YYYY-MM-DD`, each optionally followed by a name. Empty: none. */
function parseDates(value: unknown): Array<[IsoDate, string]> {
	if (value === undefined || value === null || value === '') return [];
	if (Array.isArray(value) && value.length === 0) return [];
	return listEntries(value, 'date').map((entry) => {
		const match = DATED_ENTRY.exec(entry);
		const date = match && calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
		if (!match || !date) throw new ListInputError(`"${entry}" is not a date (YYYY-MM-DD)`);
		return [date, match[4]?.trim() || ''];
	});
}

function readDates(
	run: Run,
	value: unknown,
	field: string,
	itemIndex: number,
): Array<[IsoDate, string]> {
	try {
		return parseDates(value);
	} catch (error) {
		// parseDates throws only ListInputError, whose message says what is wrong
		throw inputError(run, itemIndex, `"${field}": ${(error as Error).message}`);
	}
}

function readRules(run: Run, itemIndex: number): WindowRules {
	const options = readOptions(run, itemIndex);
	const extra = readDates(run, options.extraNonContactDates, 'Extra Non-Contact Dates', itemIndex);
	const notHolidays = readDates(run, options.notHolidays, 'Not Holidays', itemIndex);
	return {
		minimumMinutesLeft: readWholeNumber(
			run,
			options.minimumMinutesLeft ?? 0,
			'Minimum Minutes Left',
			itemIndex,
			[0, MAX_MINIMUM_MINUTES],
		),
		extraDates: new Map(extra.map(([date, name]) => [date, name || 'Extra non-contact date'])),
		notHolidays: new Set(notHolidays.map(([date]) => date)),
	};
}

/** Reads and checks the item's input, and answers it: nothing is sent anywhere. */
function prepare(run: Run, itemIndex: number): WindowVerdict {
	const at = readAt(run, itemIndex);
	const rules = readRules(run, itemIndex);
	const verdict = checkContactWindow(at, rules);
	if (verdict.nextAllowedAt === null)
		throw inputError(
			run,
			itemIndex,
			`no moment is allowed in the ${SEARCH_DAYS} days after ${colombiaIso(at)}: check "Extra Non-Contact Dates"`,
		);
	return verdict;
}

/** The item's own fields, then `{ allowed, reason, holiday, at, nextAllowedAt, closesAt }`. */
function toOutput(run: Run, verdict: WindowVerdict, itemIndex: number): IDataObject {
	return {
		...run.context.getInputData()[itemIndex]?.json,
		allowed: verdict.allowed,
		reason: verdict.reason,
		holiday: verdict.holiday,
		at: colombiaIso(verdict.at),
		nextAllowedAt: colombiaIso(verdict.nextAllowedAt!),
		closesAt: verdict.closesAt === null ? null : colombiaIso(verdict.closesAt),
	};
}

/**
 * Ley 2300's contact hours at each item's moment. Computed here: no Wolkvox call, no token, no
 * credential (`withoutWolkvox`: the router opens no connection for it).
 */
export const operation: WolkvoxOperation<WindowVerdict> = {
	description,
	prepare,
	withoutWolkvox: true,
	async execute(run, items) {
		return new Map(
			items.map(({ itemIndex, input }) => [itemIndex, { json: [toOutput(run, input, itemIndex)] }]),
		);
	},
};
