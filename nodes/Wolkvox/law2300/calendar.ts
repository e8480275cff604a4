/**
 * Colombia's national public holidays, computed (no data files, no dependency).
 *
 * - Ley 51 de 1983 ("Ley Emiliani", in force from 1984): six fixed dates; seven dates moved to the
 *   following Monday when they are not a Monday; Holy Thursday and Good Friday as they fall; Ascension,
 *   Corpus Christi and Sacred Heart on the Mondays after Easter + 39, + 60 and + 68 (Easter + 43, 64, 71).
 * - Ley 2578 de 2026 (1 June 2026, art. 6): Nuestra Señora del Rosario de Chiquinquirá, 9 July, moved
 *   by Ley 51 de 1983, from 2026 on.
 *
 * Checked against the `date-holidays` library (CO) for every year from 1984 to 2100
 * (test/colombia-calendar.test.ts). Where the library and the law disagree, the law is followed:
 * the library also lists Easter Sunday ("Pascua") as a public holiday, which no law makes one (it is a
 * Sunday, when contact is never allowed anyway). Names are the law's, not the library's (it calls the
 * Ascension "La Asunción", the name of 15 August).
 */

/** A calendar date in Colombia, `YYYY-MM-DD`. */
export type IsoDate = string;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date (a proleptic Gregorian day number, UTC). */
export const dayNumber = (year: number, month: number, day: number): number =>
	Date.UTC(year, month - 1, day) / DAY_MS;

/** `YYYY-MM-DD` of a day number. */
export function isoDateOf(dayNo: number): IsoDate {
	return new Date(dayNo * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (dayNo: number): number => (((dayNo + 4) % 7) + 7) % 7;

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): number {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return dayNumber(year, month, day);
}

/** The day itself when it is a Monday, else the Monday after it (Ley 51 de 1983). */
const mondayFrom = (dayNo: number): number => dayNo + ((8 - weekdayOf(dayNo)) % 7);

const FIXED: Array<[month: number, day: number, name: string]> = [
	[1, 1, 'Año Nuevo'],
	[5, 1, 'Día del Trabajo'],
	[7, 20, 'Día de la Independencia'],
	[8, 7, 'Batalla de Boyacá'],
	[12, 8, 'Día de la Inmaculada Concepción'],
	[12, 25, 'Navidad'],
];

const MOVED_TO_MONDAY: Array<[month: number, day: number, name: string, sinceYear: number]> = [
	[1, 6, 'Día de los Reyes Magos', 1984],
	[3, 19, 'Día de San José', 1984],
	[6, 29, 'San Pedro y San Pablo', 1984],
	[7, 9, 'Día de Nuestra Señora del Rosario de Chiquinquirá', 2026],
	[8, 15, 'La Asunción de la Virgen', 1984],
	[10, 12, 'Día de la Raza', 1984],
	[11, 1, 'Día de Todos los Santos', 1984],
	[11, 11, 'Independencia de Cartagena', 1984],
];

/** Days after Easter Sunday, and whether the day is moved to the following Monday. */
const FROM_EASTER: Array<[days: number, toMonday: boolean, name: string]> = [
	[-3, false, 'Jueves Santo'],
	[-2, false, 'Viernes Santo'],
	[39, true, 'Ascensión del Señor'],
	[60, true, 'Corpus Christi'],
	[68, true, 'Sagrado Corazón de Jesús'],
];

const byYear = new Map<number, ReadonlyMap<IsoDate, string>>();

/**
 * The year's national holidays: date → Spanish name. Two holidays on one date (Sacred Heart and
 * San Pedro y San Pablo share a Monday in some years) give one date, both names joined by " / ".
 */
export function colombiaHolidays(year: number): ReadonlyMap<IsoDate, string> {
	const known = byYear.get(year);
	if (known) return known;
	const days: Array<[number, string]> = [
		...FIXED.map(([month, day, name]): [number, string] => [dayNumber(year, month, day), name]),
		...MOVED_TO_MONDAY.filter(([, , , since]) => year >= since).map(
			([month, day, name]): [number, string] => [mondayFrom(dayNumber(year, month, day)), name],
		),
		...FROM_EASTER.map(([offset, toMonday, name]): [number, string] => {
			const dayNo = easterSunday(year) + offset;
			return [toMonday ? mondayFrom(dayNo) : dayNo, name];
		}),
	];
	const holidays = new Map<IsoDate, string>();
	for (const [dayNo, name] of days.sort(([a], [b]) => a - b)) {
		const date = isoDateOf(dayNo);
		const other = holidays.get(date);
		holidays.set(date, other ? `${other} / ${name}` : name);
	}
	byYear.set(year, holidays);
	return holidays;
}

/** The holiday's Spanish name on a date, or undefined. */
export function colombiaHoliday(date: IsoDate): string | undefined {
	return colombiaHolidays(Number(date.slice(0, 4))).get(date);
}
