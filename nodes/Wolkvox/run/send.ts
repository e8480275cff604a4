import { NodeOperationError } from 'n8n-workflow';

import type { AlreadyDone, WolkvoxAnswer } from '../transport/answer';
import { saysAlreadyDone } from '../transport/answer';
import type { RequestSettings } from '../transport/request';
import { WolkvoxFailure, wolkvoxRequest } from '../transport/request';
import type { ItemError } from './errors';
import { notSentError, requestError } from './errors';
import type { PlannedRequest, PreparedItem, RequestShare } from './operation';
import type { Run } from './run';

/** What the requests of a plan did for one item. */
export interface ItemProgress {
	answers: WolkvoxAnswer[];
	/** The item's share of the request behind each answer (same order as `answers`). */
	shares: RequestShare[];
	/** Records of this item Wolkvox accepted (telephones of combined writes). */
	written: string[];
	error?: ItemError;
	/** The request that failed may have been applied all the same (no answer, a cut connection, a 5xx). */
	mayHaveApplied?: boolean;
}

type Progress = Map<number, ItemProgress>;

function progressOf(progress: Progress, itemIndex: number): ItemProgress {
	let item = progress.get(itemIndex);
	if (!item) progress.set(itemIndex, (item = { answers: [], shares: [], written: [] }));
	return item;
}

/** The records each item holds in a request (none when the request does not carry records). */
function recordsByItem(request: PlannedRequest): Map<number, string[]> {
	const byItem = new Map<number, string[]>();
	for (const [record, owners] of request.records?.owners ?? []) {
		for (const itemIndex of owners) {
			const records = byItem.get(itemIndex);
			if (records) records.push(record);
			else byItem.set(itemIndex, [record]);
		}
	}
	return byItem;
}

/** The same request (how "already exists"/"not found" settle it included) for a part of its records. */
function narrowed(request: PlannedRequest, records: string[]): PlannedRequest {
	const split = request.records;
	if (!split) return request;
	const owners = new Map(records.map((record) => [record, split.owners.get(record) ?? []]));
	const carried = new Set([...owners.values()].flat());
	const itemIndices = request.itemIndices.filter((itemIndex) => carried.has(itemIndex));
	return {
		...request,
		itemIndices,
		call: split.callFor(records),
		records: { ...split, owners },
	};
}

/** A request without the items that already failed (and the records only they held). */
function withoutFailedItems(request: PlannedRequest, pending: number[]): PlannedRequest {
	if (!request.records) return { ...request, itemIndices: pending };
	const stillPending = new Set(pending);
	const kept = [...request.records.owners].filter(([, owners]) =>
		owners.some((itemIndex) => stillPending.has(itemIndex)),
	);
	return narrowed(
		request,
		kept.map(([record]) => record),
	);
}

const sameRefusal = (a: WolkvoxFailure, b: WolkvoxFailure) =>
	a.failure.message === b.failure.message;

/**
 * The settings of a request that carries several items: the strictest of theirs. Each setting limits
 * what may be done with an item's data (how often it is sent again, how long a run waits on it), so
 * a combined request honours the item that allows the least: the shortest Timeout, the fewest Max
 * Retries and the shortest Busy Token Wait.
 */
export function strictestSettings(settings: RequestSettings[]): RequestSettings | undefined {
	// A loop, not Math.min(...list): a shared read may carry 100,000 items, too many arguments.
	return settings.reduce<RequestSettings | undefined>(
		(strictest, each) =>
			strictest && {
				timeout: Math.min(strictest.timeout, each.timeout),
				maxRetries: Math.min(strictest.maxRetries, each.maxRetries),
				busyWait: Math.min(strictest.busyWait, each.busyWait),
			},
		settings[0],
	);
}

const SETTLED: Record<AlreadyDone, { mark: 'alreadyExisted' | 'alreadyGone'; reason: string }> = {
	exists: {
		mark: 'alreadyExisted',
		reason:
			'An earlier attempt of this request got no answer (or a server error) and the retry found it already exists: it was created by that attempt, or existed before it. It exists once.',
	},
	gone: {
		mark: 'alreadyGone',
		reason:
			'An earlier attempt of this request got no answer (or a server error) and the retry found nothing left to remove: that attempt removed it, or it was not there before.',
	},
};

/**
 * A retry's "already exists" / "not found" after an attempt that may have been applied: the work is
 * done (by that attempt, or before it), so it is Wolkvox's answer, marked, instead of a failure.
 */
function settledAnswer(request: PlannedRequest, error: WolkvoxFailure): WolkvoxAnswer | undefined {
	const done = request.ifAlreadyDone;
	const answer = error.failure.answer;
	if (!done || !answer || !error.mayHaveApplied || !saysAlreadyDone(answer, done)) return undefined;
	const { mark, reason } = SETTLED[done];
	return { ...answer, code: Number(answer.code), [mark]: true, reason };
}

class PlanSender {
	readonly progress: Progress = new Map();

	constructor(
		private readonly run: Run,
		private readonly settingsOf: Map<number, RequestSettings>,
		/** Whether a failure is thrown at once (without Continue On Fail) or only recorded. */
		private readonly throwing: boolean,
	) {}

	/** Sends one request; on success every item it carries gets the answer. Returns the failure, if any. */
	async attempt(request: PlannedRequest): Promise<WolkvoxFailure | undefined> {
		const settings = strictestSettings(
			request.itemIndices.flatMap((itemIndex) => this.settingsOf.get(itemIndex) ?? []),
		);
		if (!settings) throw new Error('A planned request carries no prepared item');
		let answer: WolkvoxAnswer;
		try {
			answer = await wolkvoxRequest(this.run, request.call, settings);
		} catch (error) {
			if (!(error instanceof WolkvoxFailure))
				throw new NodeOperationError(this.run.node, error as Error);
			const settled = settledAnswer(request, error);
			if (!settled) {
				// A verdict about the credential or the quota: nothing later in this run can succeed.
				if (error.failure.outcome === 'halt' && error.failure.answer)
					this.run.halted ??= error.failure.message;
				return error;
			}
			answer = settled;
		}
		const written = recordsByItem(request);
		const [opener] = request.itemIndices;
		for (const itemIndex of request.itemIndices) {
			const item = progressOf(this.progress, itemIndex);
			item.answers.push(answer);
			item.shares.push({
				items: request.itemIndices.length,
				records: request.records?.owners.size ?? 0,
				own: written.get(itemIndex)?.length ?? 0,
				opens: itemIndex === opener,
			});
			item.written.push(...(written.get(itemIndex) ?? []));
		}
		if (request.call.file !== 'information') this.run.written += request.records?.owners.size ?? 1;
		return undefined;
	}

	fail(request: PlannedRequest, failure: WolkvoxFailure, refused: string[] = []): void {
		const held = recordsByItem(request);
		const refusedSet = new Set(refused);
		for (const itemIndex of request.itemIndices) {
			const item = progressOf(this.progress, itemIndex);
			if (item.error) continue;
			item.error = requestError(this.run, failure, itemIndex, {
				refused: (held.get(itemIndex) ?? []).filter((record) => refusedSet.has(record)),
				written: item.written,
				writtenInRun: this.run.written,
			});
			item.mayHaveApplied = failure.mayHaveApplied;
			if (this.throwing) throw item.error;
		}
	}

	/**
	 * A combined request refused for its content: its two halves are sent to find the refused records.
	 * When both halves are refused alike the refusal is systematic, and the split stops there.
	 */
	async split(request: PlannedRequest, refusal: WolkvoxFailure): Promise<void> {
		const records = [...(request.records?.owners.keys() ?? [])];
		const middle = Math.ceil(records.length / 2);
		const halves = [records.slice(0, middle), records.slice(middle)].map((part) =>
			narrowed(request, part),
		);
		const failures: Array<WolkvoxFailure | undefined> = [];
		for (const half of halves) {
			const reason = this.run.stopReason();
			if (reason) this.notSent(half.itemIndices, reason);
			failures.push(reason ? undefined : await this.attempt(half));
		}
		if (failures.every((failure) => failure && sameRefusal(failure, refusal))) {
			this.fail(request, refusal);
			return;
		}
		for (const [index, half] of halves.entries()) {
			const failure = failures[index];
			if (failure) await this.settle(half, failure);
		}
	}

	async settle(request: PlannedRequest, failure: WolkvoxFailure): Promise<void> {
		const records = [...(request.records?.owners.keys() ?? [])];
		if (failure.failure.outcome === 'refused' && records.length > 1 && !this.run.stopReason()) {
			await this.split(request, failure);
		} else {
			this.fail(request, failure, failure.failure.outcome === 'refused' ? records : []);
		}
	}

	async send(request: PlannedRequest): Promise<void> {
		const failure = await this.attempt(request);
		if (failure) await this.settle(request, failure);
	}

	/** Items not settled when the run stopped sending: not sent, and why. */
	notSent(itemIndices: number[], reason: string): void {
		for (const itemIndex of itemIndices) {
			const item = progressOf(this.progress, itemIndex);
			if (item.error) continue;
			item.error = notSentError(this.run, itemIndex, reason, item.written);
			if (this.throwing) throw item.error;
		}
	}
}

/**
 * Sends a plan's requests one after another. A request whose items have all failed is skipped; once
 * the run stops sending (execution stopped, credential or quota refused) the remaining items are
 * reported as not sent. Without Continue On Fail the first failure is thrown, unless `collect` asks
 * for every failure to be recorded only (the caller then decides what to throw).
 */
export async function sendPlan<Input>(
	run: Run,
	requests: PlannedRequest[],
	items: Array<PreparedItem<Input>>,
	collect = false,
): Promise<Map<number, ItemProgress>> {
	const sender = new PlanSender(
		run,
		new Map(items.map(({ itemIndex, settings }) => [itemIndex, settings])),
		!run.continueOnFail && !collect,
	);
	for (const [index, request] of requests.entries()) {
		const reason = run.stopReason();
		if (reason) {
			sender.notSent(
				[...new Set(requests.slice(index).flatMap((later) => later.itemIndices))],
				reason,
			);
			break;
		}
		const pending = request.itemIndices.filter(
			(itemIndex) => !sender.progress.get(itemIndex)?.error,
		);
		if (pending.length === 0) continue;
		await sender.send(
			pending.length === request.itemIndices.length
				? request
				: withoutFailedItems(request, pending),
		);
	}
	return sender.progress;
}
