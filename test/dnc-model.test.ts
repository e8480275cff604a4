/**
 * Model-based: generated sequences of DNC Add, Remove and Sync (both lists, every spelling of a few
 * consumers, numbers another tool wrote in one spelling, lost answers and server errors injected by
 * the simulator) run through the node against the simulator and against a small model of which
 * consumers are blocked on which list. After every step, every consumer the model says is blocked
 * is blocked in the simulator in a spelling the dialer may match (national or with the country
 * code), and one the model says is not blocked is on no list in any spelling.
 */
import fc from 'fast-check';

import { runWolkvox } from './harness/run-node';
import { useSimulator } from './harness/simulator-fixture';

/** A token of its own: the token line is process-wide, so a turn this spec's hung answers hold cannot delay another spec file. */
const MODEL_TOKEN = 'a11ce5eedc0ffee0042model0000000001';
const fx = useSimulator({ tokens: [{ token: MODEL_TOKEN }] });

const LISTS = ['inbound', 'outbound'] as const;
type List = (typeof LISTS)[number];
const CONSUMERS = ['3005550001', '3005550002', '3005550003'];
/** The spellings a dialer may match: national, and with Colombia's country code. */
const dialable = (national: string) => [national, `57${national}`];

/** How the input writes a consumer's phone (a form, a CRM, a spreadsheet). */
const RENDERINGS: Array<(national: string) => string | number> = [
	(national) => national,
	(national) => `57${national}`,
	(national) => `+57 ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`,
	(national) => `0057${national}`,
	(national) => `${national}.0`,
	(national) => Number(`57${national}`),
];

type Fault = { kind: 'applyThenHang' | 'serverError'; api: string } | null;
type Step =
	| { kind: 'seed'; list: List | 'both'; consumer: number; international: boolean }
	| {
			kind: 'add' | 'remove';
			list: List | 'both';
			consumer: number;
			rendering: number;
			fault: Fault;
	  }
	| {
			kind: 'sync';
			list: List;
			wanted: Array<[number, number]>;
			removeUnlisted: boolean;
			fault: Fault;
	  }
	/** A sync of each list (Remove Unlisted on), started together. */
	| { kind: 'together'; wanted: Record<List, Array<[number, number]>> };

const consumer = fc.integer({ min: 0, max: CONSUMERS.length - 1 });
const rendering = fc.integer({ min: 0, max: RENDERINGS.length - 1 });
const fault: fc.Arbitrary<Fault> = fc.oneof(
	{ weight: 3, arbitrary: fc.constant(null) },
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constantFrom('applyThenHang' as const, 'serverError' as const),
			api: fc.constantFrom('add_dnc', 'remove_dnc', 'get_dnc'),
		}),
	},
);
const wantedPhones = fc.uniqueArray(fc.tuple(consumer, rendering), {
	minLength: 1,
	maxLength: CONSUMERS.length,
	selector: ([index]) => index,
});
/**
 * Two syncs started together (one per list): without one Sync per token at a time (sync/syncTurn.ts),
 * a sync that re-reads the other list to restore what Wolkvox may have taken off it also restores
 * what the other sync has just removed.
 */
const together: fc.Arbitrary<Step> = fc.record({
	kind: fc.constant('together' as const),
	wanted: fc.record({ inbound: wantedPhones, outbound: wantedPhones }),
});
const step: fc.Arbitrary<Step> = fc.oneof(
	together,
	fc.record({
		kind: fc.constant('seed' as const),
		list: fc.constantFrom(...LISTS, 'both' as const),
		consumer,
		international: fc.boolean(),
	}),
	fc.record({
		kind: fc.constantFrom('add' as const, 'remove' as const),
		list: fc.constantFrom(...LISTS, 'both' as const),
		consumer,
		rendering,
		fault,
	}),
	fc.record({
		kind: fc.constant('sync' as const),
		list: fc.constantFrom(...LISTS),
		wanted: fc.uniqueArray(fc.tuple(consumer, rendering), {
			minLength: 1,
			maxLength: CONSUMERS.length,
			selector: ([index]) => index,
		}),
		removeUnlisted: fc.boolean(),
		fault,
	}),
);

/** A sync of `list` for the wanted consumers: what the model then says of that list. */
function synced(
	after: Model,
	list: List,
	wanted: Array<[number, number]>,
	removeUnlisted: boolean,
	failed: boolean,
): void {
	const wantedSet = new Set(wanted.map(([index]) => index));
	CONSUMERS.forEach((_, index) => {
		const current = after[list][index];
		// A sync never removes a wanted phone, and adds nothing that is not wanted.
		if (wantedSet.has(index)) after[list][index] = failed && current !== true ? 'unknown' : true;
		else if (removeUnlisted) after[list][index] = failed && current !== false ? 'unknown' : false;
	});
}

/** Blocked, not blocked, or unknown (a failed step may or may not have applied). */
type Known = boolean | 'unknown';
type Model = Record<List, Known[]>;

const listsOf = (list: List | 'both'): List[] => (list === 'both' ? [...LISTS] : [list]);

/**
 * The model after a step; `failed`: the node reported an error, so what it touched is unknown.
 * `ignoresType`: a Wolkvox that takes listed numbers off both lists whatever remove_dnc's `type`
 * says; DNC Remove reads nothing, so it cannot know (docs/phones.md), while Sync must keep the other list.
 */
function next(model: Model, step: Step, failed: List[], ignoresType: boolean): Model {
	const after: Model = { inbound: [...model.inbound], outbound: [...model.outbound] };
	if (step.kind === 'seed')
		for (const list of listsOf(step.list)) after[list][step.consumer] = true;
	else if (step.kind === 'add' || step.kind === 'remove') {
		const touched = step.kind === 'remove' && ignoresType ? 'both' : step.list;
		for (const list of listsOf(touched))
			after[list][step.consumer] = failed.length ? 'unknown' : step.kind === 'add';
	} else if (step.kind === 'sync')
		synced(after, step.list, step.wanted, step.removeUnlisted, failed.includes(step.list));
	else if (step.kind === 'together')
		for (const list of LISTS) synced(after, list, step.wanted[list], true, failed.includes(list));
	return after;
}

const phoneItems = (wanted: Array<[number, number]>) =>
	wanted.map(([index, how]) => ({ phone: RENDERINGS[how]!(CONSUMERS[index]!) }));

/** Runs a step through the node: the lists of the runs that reported an error. */
async function apply(step: Step, maxRetries: number, ignoresType: boolean): Promise<List[]> {
	const options = { countryCode: '57', maxRetries, timeout: 200 };
	const run = async (
		parameters: Record<string, unknown>,
		items: Array<{ phone: string | number }>,
	) =>
		(
			await runWolkvox({
				parameters: { resource: 'dnc', telephones: '={{ $json.phone }}', options, ...parameters },
				credentials: fx.credentials({ token: MODEL_TOKEN }),
				items,
			})
		).error !== undefined;
	const sync = (list: List, wanted: Array<[number, number]>, removeUnlisted: boolean) =>
		run({ operation: 'sync', typeCall: list, removeUnlisted }, phoneItems(wanted));
	if (step.kind === 'seed') {
		const national = CONSUMERS[step.consumer]!;
		for (const list of listsOf(step.list))
			fx.sim.dnc[list].add(step.international ? `57${national}` : national);
		return [];
	}
	if (step.kind === 'together') {
		// With a Wolkvox that ignores `type`, two syncs must not interleave: that is the job of one
		// Sync per token at a time (another developer's lock), so here they run one after the other.
		const failed = ignoresType
			? [
					await sync('inbound', step.wanted.inbound, true),
					await sync('outbound', step.wanted.outbound, true),
				]
			: await Promise.all(LISTS.map((list) => sync(list, step.wanted[list], true)));
		return LISTS.filter((_, index) => failed[index]);
	}
	if (step.fault) fx.sim.injectFault({ ...step.fault, ms: 300 });
	const failed =
		step.kind === 'sync'
			? await sync(step.list, step.wanted, step.removeUnlisted)
			: await run(
					{
						operation: step.kind,
						...(step.kind === 'remove' ? { removeMode: 'listed' } : {}),
						typeCall: step.list,
					},
					phoneItems([[step.consumer, step.rendering]]),
				);
	// A hung answer's request is still with Wolkvox: wait until it is done before looking.
	if (step.fault?.kind === 'applyThenHang')
		await new Promise((resolve) => setTimeout(resolve, 350));
	return failed ? listsOf(step.list) : [];
}

/** The dialable spellings a list holds of a consumer. */
const held = (list: List, index: number) =>
	dialable(CONSUMERS[index]!).filter((spelling) => fx.sim.dnc[list].has(spelling));

function violations(model: Model, step: Step, heldBefore: Record<List, string[][]>): string[] {
	const found: string[] = [];
	// Sync compares phones, not spellings: a listed spelling of a wanted phone is never removed.
	const syncs: Array<[List, Array<[number, number]>]> =
		step.kind === 'sync'
			? [[step.list, step.wanted]]
			: step.kind === 'together'
				? LISTS.map((list) => [list, step.wanted[list]])
				: [];
	for (const [list, wanted] of syncs)
		for (const [index] of wanted) {
			const lost = heldBefore[list][index]!.filter(
				(spelling) => !held(list, index).includes(spelling),
			);
			if (lost.length) found.push(`the sync took ${lost.join(', ')} (a wanted phone) off ${list}`);
		}
	for (const list of LISTS)
		CONSUMERS.forEach((national, index) => {
			const spellings = held(list, index);
			if (model[list][index] === true && spellings.length === 0)
				found.push(`${national} should be blocked on ${list} but is callable`);
			if (model[list][index] === false && spellings.length > 0)
				found.push(
					`${national} should be off ${list} but is still there as ${spellings.join(', ')}`,
				);
		});
	return found;
}

const FAILED_READD: Step[] = [
	{ kind: 'seed', list: 'both', consumer: 0, international: false },
	{ kind: 'seed', list: 'inbound', consumer: 1, international: false },
	{
		kind: 'sync',
		list: 'inbound',
		wanted: [[1, 0]],
		removeUnlisted: true,
		fault: { kind: 'serverError', api: 'add_dnc' },
	},
];

describe('DNC model: a consumer blocked stays blocked, whatever the spelling, the list or a lost answer', () => {
	test('after every step of generated sequences, the simulator holds what the model says', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(step, { minLength: 1, maxLength: 8 }),
				fc.boolean(),
				fc.constantFrom(0, 1),
				async (steps, ignoresType, maxRetries) => {
					fx.sim.reset();
					// Wolkvox's collection documents remove_dnc's `type`; a Wolkvox ignoring it must not change the outcome.
					(fx.sim as unknown as { removeIgnoresType?: boolean }).removeIgnoresType = ignoresType;
					let model: Model = {
						inbound: CONSUMERS.map(() => false),
						outbound: CONSUMERS.map(() => false),
					};
					for (const [index, current] of steps.entries()) {
						const heldBefore = {
							inbound: CONSUMERS.map((_, consumer) => held('inbound', consumer)),
							outbound: CONSUMERS.map((_, consumer) => held('outbound', consumer)),
						};
						const failed = await apply(current, maxRetries, ignoresType);
						model = next(model, current, failed, ignoresType);
						const found = violations(model, current, heldBefore);
						if (found.length)
							throw new Error(
								`after step ${index} ${JSON.stringify(current)}${failed.length ? ` (the node reported an error on ${failed.join(', ')})` : ''}: ${found.join('; ')}; lists: ${JSON.stringify({ inbound: [...fx.sim.dnc.inbound], outbound: [...fx.sim.dnc.outbound] })}`,
							);
					}
				},
			),
			{
				numRuns: Number(process.env.DNC_MODEL_RUNS ?? 40),
				// Run first: a sync whose re-add to the other list fails (rare among generated sequences).
				examples: [[FAILED_READD, false, 0]],
			},
		);
	}, 300_000);
});
