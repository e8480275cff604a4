import { runError } from '../run/errors';
import type { ItemOutcome, PreparedItem } from '../run/operation';
import type { Run } from '../run/run';
import { strictestSettings } from '../run/send';
import { pause } from '../transport/request';
import { takeTurn } from '../transport/tokenQueue';

/**
 * Runs one sync's read–compare–write in the token's sync line: two syncs of the same kind on one
 * token never interleave in this process (a sync that removed a number another had just added would
 * otherwise lose it, both reporting success). The line is the token line's mechanism under a key of
 * its own, so a sync's requests still take their turns in the request line. A sync waits for the one
 * before it at most its Busy Token Wait (the strictest of its items'); then every item fails, nothing
 * sent.
 */
export async function inSyncTurn<Input>(
	run: Run,
	kind: 'dnc' | 'activityCode',
	items: Array<PreparedItem<Input>>,
	sync: () => Promise<Map<number, ItemOutcome>>,
): Promise<Map<number, ItemOutcome>> {
	const turn = takeTurn(`sync:${kind}:${run.connection.queueKey}`);
	try {
		const budget = strictestSettings(items.map(({ settings }) => settings))?.busyWait ?? 0;
		const waitOver = new AbortController();
		const signal = run.cancelSignal
			? AbortSignal.any([run.cancelSignal, waitOver.signal])
			: waitOver.signal;
		const waited = await Promise.race([
			turn.ready.then(() => 'ready' as const),
			pause(budget, signal).then((inTime) => (inTime ? 'budget' : 'stopped')),
		]);
		waitOver.abort();
		if (waited === 'ready') return await sync();
		const reason =
			waited === 'stopped'
				? 'the execution was stopped while another sync with the same token was running'
				: `another sync with the same token was still running after Busy Token Wait (${budget} ms)`;
		return notSynced(run, items, reason);
	} finally {
		turn.release();
	}
}

function notSynced<Input>(
	run: Run,
	items: Array<PreparedItem<Input>>,
	reason: string,
): Map<number, ItemOutcome> {
	const error = (itemIndex: number) =>
		runError(
			run,
			itemIndex,
			`Not synced: ${reason}`,
			'Nothing was read or sent to Wolkvox. Run the sync again once the other one has finished, or raise Busy Token Wait (in Options).',
		);
	if (!run.continueOnFail) throw error(items[0]?.itemIndex ?? 0);
	return new Map(items.map(({ itemIndex }) => [itemIndex, { error: error(itemIndex) }]));
}
