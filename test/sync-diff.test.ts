import { decideRemovals, diff } from '../nodes/Wolkvox/sync/diff';

describe('sync diff', () => {
	test('wanted against listed: missing in wanted order, unlisted in listed order', () => {
		const wanted = new Map(
			[
				['3', 1],
				['1', 1],
				['5', 1],
			].map(([key, value]) => [String(key), value]),
		);
		expect(diff(wanted, new Set(['1', '2', '4']))).toEqual({
			missing: ['3', '5'],
			changed: [],
			unchanged: ['1'],
			unlisted: ['2', '4'],
		});
	});

	test('a listed record that differs is changed, an equal one unchanged', () => {
		const wanted = new Map([
			['a', 'x'],
			['b', 'y'],
			['c', 'z'],
		]);
		const listed = new Map([
			['a', 'x'],
			['b', 'Y'],
			['d', 'w'],
		]);
		expect(diff(wanted, listed, (w, l) => w === l)).toEqual({
			missing: ['c'],
			changed: ['b'],
			unchanged: ['a'],
			unlisted: ['d'],
		});
	});
});

describe('removal guards', () => {
	const guard = {
		removeUnlisted: true,
		removals: 5,
		maxRemovals: 10,
		invalidItems: [] as number[],
		readRecords: 100,
	};

	test('removes when every guard passes', () => {
		expect(decideRemovals(guard, 'numbers')).toEqual({ remove: true });
	});

	test('removes nothing when Remove Unlisted is off, and says so', () => {
		expect(decideRemovals({ ...guard, removeUnlisted: false }, 'numbers')).toEqual({
			remove: false,
			reason: 'Remove Unlisted is off',
		});
	});

	test('fails when the removals exceed Max Removals, naming the count and the option', () => {
		const decision = decideRemovals({ ...guard, removals: 11 }, 'numbers');
		expect(decision).toEqual({
			fail: expect.stringContaining('would remove 11 numbers, more than Max Removals (10)'),
		});
		expect(decideRemovals({ ...guard, removals: 10 }, 'numbers')).toEqual({ remove: true });
	});

	test('an invalid input item blocks removals, even beyond Max Removals', () => {
		expect(decideRemovals({ ...guard, removals: 50, invalidItems: [2, 7] }, 'numbers')).toEqual({
			remove: false,
			reason: expect.stringContaining('input item(s) 2, 7 could not be read'),
		});
	});

	test('a read that reached the download limit blocks removals', () => {
		expect(decideRemovals({ ...guard, readRecords: 59_999 }, 'numbers')).toEqual({
			remove: true,
		});
		expect(decideRemovals({ ...guard, readRecords: 60_000 }, 'numbers')).toEqual({
			remove: false,
			reason: expect.stringContaining('may be incomplete'),
		});
	});

	test('nothing to remove is no removal and no reason', () => {
		expect(decideRemovals({ ...guard, removals: 0, invalidItems: [1] }, 'numbers')).toEqual({
			remove: false,
		});
	});
});
