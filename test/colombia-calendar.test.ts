import Holidays from 'date-holidays';

import {
	colombiaHoliday,
	colombiaHolidays,
	dayNumber,
	easterSunday,
	isoDateOf,
	weekdayOf,
} from '../nodes/Wolkvox/law2300/calendar';

/** The oracle: date-holidays' public holidays of Colombia, date → how many fall on it. */
const library = new Holidays('CO');
function libraryHolidays(year: number): Map<string, string[]> {
	const byDate = new Map<string, string[]>();
	for (const holiday of library.getHolidays(year, 'es')) {
		if (holiday.type !== 'public') continue;
		const date = holiday.date.slice(0, 10);
		byDate.set(date, [...(byDate.get(date) ?? []), holiday.name]);
	}
	return byDate;
}

const YEARS = Array.from({ length: 2100 - 1984 + 1 }, (_, index) => 1984 + index);
const weekday = (date: string) =>
	weekdayOf(dayNumber(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8))));

describe("Colombia's holidays (Ley 51 de 1983, Ley 2578 de 2026) against date-holidays, 1984–2100", () => {
	test.each(YEARS)('%i: the same dates, as many holidays on each, but Easter Sunday', (year) => {
		const ours = colombiaHolidays(year);
		const theirs = libraryHolidays(year);
		// Where the library and the law disagree: the library lists Easter Sunday ("Pascua") as a
		// public holiday; no law makes it one (and it is a Sunday, never a contact day anyway).
		const easter = isoDateOf(easterSunday(year));
		expect(theirs.get(easter)).toEqual(['Pascua']);
		theirs.delete(easter);

		expect([...ours.keys()]).toEqual([...theirs.keys()].sort());
		for (const [date, names] of theirs)
			expect(ours.get(date)?.split(' / ')).toHaveLength(names.length);
	});

	test('every year has 18 holidays until 2025 and 19 from 2026 (Chiquinquirá), counted by name', () => {
		for (const year of YEARS) {
			const names = [...colombiaHolidays(year).values()].flatMap((name) => name.split(' / '));
			expect(names).toHaveLength(year >= 2026 ? 19 : 18);
		}
	});

	test('moved holidays fall on Mondays, Holy Thursday and Good Friday on their weekdays', () => {
		const fixed = new Set(['01-01', '05-01', '07-20', '08-07', '12-08', '12-25']);
		for (const year of YEARS) {
			for (const [date, name] of colombiaHolidays(year)) {
				if (name === 'Jueves Santo') expect(weekday(date)).toBe(4);
				else if (name === 'Viernes Santo') expect(weekday(date)).toBe(5);
				else if (!fixed.has(date.slice(5))) expect([date, weekday(date)]).toEqual([date, 1]);
			}
		}
	});

	test("names are the law's, in Spanish", () => {
		expect(colombiaHoliday('2026-07-20')).toBe('Día de la Independencia');
		expect(colombiaHoliday('2026-07-13')).toBe('Día de Nuestra Señora del Rosario de Chiquinquirá');
		expect(colombiaHoliday('2025-07-14')).toBeUndefined();
		expect(colombiaHoliday('2026-05-18')).toBe('Ascensión del Señor');
		expect(colombiaHoliday('2014-06-30')).toBe('San Pedro y San Pablo / Sagrado Corazón de Jesús');
		expect(colombiaHoliday('2026-12-07')).toBeUndefined();
	});
});
