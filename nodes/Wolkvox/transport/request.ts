import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { withoutSecret } from '../helpers/secret';
import type { Failure, HttpAnswer, NoAnswer, Verdict, WolkvoxAnswer } from './answer';
import { judgeAnswer, judgeNoAnswer } from './answer';
import type { RequestRun } from './connection';
import { CREDENTIAL_TYPE } from './connection';
import { takeTurn } from './tokenQueue';

export type { Connection, RequestRun, WolkvoxContext } from './connection';
export { openConnection, openRequestRun, requestRunOf } from './connection';

/** Wolkvox stops working on a call after 60 s: the default and the longest Timeout. */
export const WOLKVOX_CALL_LIMIT_MS = 60_000;
export const DEFAULT_TIMEOUT_MS = WOLKVOX_CALL_LIMIT_MS;
/**
 * The call limit the transport keeps: the longest it waits for an answer and, with a margin, the
 * longest a request holds its token's turn (62 s). An object, so that a simulator with a shorter limit can
 * be matched (the specs wait seconds, not minutes, for what takes a minute against Wolkvox).
 */
export const callLimit = { ms: WOLKVOX_CALL_LIMIT_MS, marginMs: 2_000 };
/** A turn is released at the latest this long after its request left, whatever the connection does. */
const turnLimitMs = () => callLimit.ms + callLimit.marginMs;
export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_BUSY_WAIT_MS = 180_000;
const FIRST_BACKOFF_MS = 400;
const MAX_BACKOFF_MS = 8_000;
const MAX_BUSY_BACKOFF_MS = 2_000;

export interface WolkvoxCall {
	method: IHttpRequestMethods;
	file: 'configuration' | 'information' | 'campaign' | 'reports_manager';
	api: string;
	/** A JSON object; campaign.php's add_dnc takes a JSON list. */
	body?: IDataObject | IDataObject[];
	qs?: IDataObject;
}

export interface RequestSettings {
	timeout: number;
	maxRetries: number;
	/** How long busy-token answers are retried, from the first one. */
	busyWait: number;
}

/** The node's defaults (its Timeout, Max Retries and Busy Token Wait options). */
export const DEFAULT_REQUEST_SETTINGS: RequestSettings = {
	timeout: DEFAULT_TIMEOUT_MS,
	maxRetries: DEFAULT_MAX_RETRIES,
	busyWait: DEFAULT_BUSY_WAIT_MS,
};

/** A request that did not succeed (when it was never sent, the failure says why). */
export class WolkvoxFailure extends Error {
	constructor(
		readonly failure: Failure,
		readonly attempts: number,
		/** Some attempt may have been applied by Wolkvox (no answer, a cut connection, a server error). */
		readonly mayHaveApplied = false,
	) {
		super(failure.message);
		this.name = 'WolkvoxFailure';
	}
}

/** `promise`'s value, or false as soon as `signal` fires. */
async function unlessAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T | false> {
	if (!signal) return await promise;
	if (signal.aborted) return false;
	return await new Promise<T | false>((resolve, reject) => {
		const onAbort = () => resolve(false);
		signal.addEventListener('abort', onAbort, { once: true });
		promise.then(
			(value) => {
				signal.removeEventListener('abort', onAbort);
				resolve(value);
			},
			(error: unknown) => {
				signal.removeEventListener('abort', onAbort);
				reject(error as Error);
			},
		);
	});
}

/** Resolves true after `ms`, or false as soon as `signal` fires (its timer is then cleared). */
export async function pause(ms: number, signal?: AbortSignal): Promise<boolean> {
	const slept = sleep(ms, signal).then(
		() => true,
		() => false,
	);
	return await unlessAborted(slept, signal);
}

/** Exponential backoff with jitter: between half and all of 400 ms × 2^attempt, at most `ceiling`. */
function backoffMs(attempt: number, ceiling: number): number {
	const upper = Math.min(ceiling, FIRST_BACKOFF_MS * 2 ** attempt);
	return upper / 2 + Math.random() * (upper / 2);
}

/**
 * Errors after which nothing reached Wolkvox, and those after which it may have got the request. A
 * connection that timed out or failed while connecting (syscall `connect`) sent nothing either.
 */
const UNREACHABLE_CODES = new Set([
	'ECONNREFUSED',
	'EAI_AGAIN',
	'ENOTFOUND',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'UND_ERR_CONNECT_TIMEOUT',
]);
const CUT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

interface ErrorFacts {
	code?: string;
	syscall?: string;
}

/** The code and syscall of a network error, however deep n8n and axios wrapped it. */
function errorFacts(error: unknown): ErrorFacts {
	const facts: ErrorFacts = {};
	let candidate = error as { code?: unknown; syscall?: unknown; cause?: unknown } | undefined;
	for (let depth = 0; candidate && depth < 5; depth++) {
		if (typeof candidate.code === 'string' && candidate.code) facts.code ??= candidate.code;
		if (typeof candidate.syscall === 'string') facts.syscall ??= candidate.syscall;
		candidate = candidate.cause as typeof candidate;
	}
	if (!facts.code && /socket hang up/i.test(String((error as Error | undefined)?.message)))
		facts.code = 'ECONNRESET';
	return facts;
}

type Exchange = HttpAnswer | { noAnswer: NoAnswer; code: string } | { unsendable: string };

/**
 * One HTTP exchange through n8n's authenticated request (the credential's `authenticate` adds the
 * token); answers of any HTTP status come back as values. In an execution n8n ties the request to
 * the execution's cancel signal: a stop cuts it in flight.
 */
async function exchange(run: RequestRun, options: IHttpRequestOptions): Promise<Exchange> {
	try {
		return (await run.context.helpers.httpRequestWithAuthentication.call(
			run.context,
			CREDENTIAL_TYPE,
			options,
			{ credentialsDecrypted: run.connection.credential },
		)) as HttpAnswer;
	} catch (error) {
		// The caught error holds the request's headers (the token): only its code and message are kept.
		const { code, syscall } = errorFacts(error);
		if (code && (UNREACHABLE_CODES.has(code) || (syscall === 'connect' && code === 'ETIMEDOUT')))
			return { noAnswer: 'unreachable', code };
		if (code && CUT_CODES.has(code)) return { noAnswer: 'cut', code };
		if (run.cancelSignal?.aborted) return { noAnswer: 'cut', code: 'ECANCELED' };
		const message = String((error as Error | undefined)?.message ?? error);
		return { unsendable: `${message}${code ? ` (${code})` : ''}` };
	}
}

/**
 * Keeps the token's turn while Wolkvox may be working on the request: until its answer arrives, or
 * for a connection cut after sending (a stopped execution cuts it too) until Wolkvox's 60 s per call
 * have passed; never longer than turnLimitMs() from sending (the request's own timeout ends it then).
 */
async function holdTurn(pending: Promise<Exchange>, release: () => void): Promise<void> {
	const released = new AbortController();
	try {
		const limitReached = pause(turnLimitMs(), released.signal);
		// An exchange that threw (it should not) may have sent its request: held as a cut one is.
		const settled = pending.catch(() => ({ noAnswer: 'cut' as const, code: 'unknown' }));
		const first = await Promise.race([settled, limitReached.then(() => 'limit' as const)]);
		if (first !== 'limit' && 'noAnswer' in first && first.noAnswer === 'cut') await limitReached;
	} finally {
		released.abort();
		release();
	}
}

type Sent = Exchange | { stopped: true; sent: boolean } | { waitedMs: number };

/**
 * Sends in the token's turn. The caller waits at most `timeoutMs` from the moment the request leaves
 * (not while it waits in line), or until the run is stopped; the turn itself stays held as holdTurn
 * says, so a retry or another execution never overlaps a request Wolkvox may still be working on.
 */
async function sendInTurn(
	run: RequestRun,
	options: IHttpRequestOptions,
	timeoutMs: number,
): Promise<Sent> {
	const turn = takeTurn(run.connection.queueKey);
	let pending: Promise<Exchange> | undefined;
	try {
		const inLine = await unlessAborted(
			turn.ready.then(() => true),
			run.cancelSignal,
		);
		if (!inLine || run.stopReason()) return { stopped: true, sent: false };
		pending = exchange(run, { ...options, timeout: turnLimitMs() });
	} finally {
		if (pending) void holdTurn(pending, turn.release);
		else turn.release();
	}
	const settled = new AbortController();
	const signal = run.cancelSignal
		? AbortSignal.any([run.cancelSignal, settled.signal])
		: settled.signal;
	const waited = pause(timeoutMs, signal).then(
		(inTime): Sent => (inTime ? { waitedMs: timeoutMs } : { stopped: true, sent: true }),
	);
	const sent = await Promise.race([pending, waited]);
	settled.abort();
	return sent;
}

function verdictOf(
	sent: Exclude<Sent, { stopped: true; sent: boolean }>,
	token: string,
	afterUnanswered: boolean,
): Verdict {
	if ('waitedMs' in sent) return judgeNoAnswer('timeout', '', sent.waitedMs);
	if ('noAnswer' in sent) return judgeNoAnswer(sent.noAnswer, sent.code, 0);
	if ('unsendable' in sent) {
		return {
			outcome: 'fail',
			message: `The request to Wolkvox could not be sent: ${withoutSecret(sent.unsendable, token)}`,
			description: '',
		};
	}
	return judgeAnswer(
		{ statusCode: sent.statusCode, body: withoutSecret(sent.body, token) },
		afterUnanswered,
	);
}

/**
 * Every Wolkvox call goes through here, from any n8n context: URL from the run's connection, the
 * token added by the credential's `authenticate`, one request at a time per token, timeout, retries with backoff (busy answers on a time budget of
 * their own), and the answer mapped to a result or a WolkvoxFailure.
 */
export async function wolkvoxRequest(
	run: RequestRun,
	call: WolkvoxCall,
	settings: RequestSettings = DEFAULT_REQUEST_SETTINGS,
): Promise<WolkvoxAnswer> {
	const { baseUrl, token } = run.connection;
	const options: IHttpRequestOptions = {
		method: call.method,
		url: `${baseUrl}/api/v2/${call.file}.php`,
		qs: { api: call.api, ...call.qs },
		headers: { 'Content-Type': 'application/json' },
		body: call.body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
	};

	let unanswered = false;
	let faults = 0;
	let busySince: number | undefined;
	for (let attempt = 1; ; attempt++) {
		const sent = await sendInTurn(run, options, Math.min(settings.timeout, callLimit.ms));
		if ('stopped' in sent) {
			const mayApply = sent.sent || unanswered;
			throw new WolkvoxFailure(stoppedFailure(run, mayApply, attempt > 1), attempt, mayApply);
		}
		const verdict = verdictOf(sent, token, unanswered);
		if (verdict.outcome === 'success') return verdict.answer;
		let wait: number | undefined;
		if (verdict.outcome === 'busy') {
			busySince ??= Date.now();
			if (Date.now() - busySince < settings.busyWait)
				wait = backoffMs(attempt, MAX_BUSY_BACKOFF_MS);
		} else if (verdict.outcome === 'retry' && faults < settings.maxRetries) {
			faults++;
			unanswered ||= verdict.mayHaveApplied === true;
			wait = backoffMs(faults - 1, MAX_BACKOFF_MS);
		}
		if (wait === undefined)
			throw new WolkvoxFailure(verdict, attempt, unanswered || verdict.mayHaveApplied === true);
		if (!(await pause(wait, run.cancelSignal)))
			throw new WolkvoxFailure(stoppedFailure(run, unanswered, true), attempt, unanswered);
	}
}

/**
 * Why a request ended when the run stopped: `mayApply` when an attempt is in flight or got no answer
 * (Wolkvox may still apply it); otherwise nothing of it was applied, whether or not it was attempted
 * (a refused connection, a busy answer).
 */
function stoppedFailure(run: RequestRun, mayApply: boolean, attempted: boolean): Failure {
	const reason = run.stopReason() ?? 'the execution was stopped';
	if (mayApply) {
		return {
			outcome: 'halt',
			message: `Stopped before Wolkvox answered: ${reason}`,
			description:
				'Wolkvox may still apply this request; the token was kept for it until Wolkvox answered or its 60 s passed.',
		};
	}
	return {
		outcome: 'halt',
		message: attempted ? `Stopped, not applied: ${reason}` : `Not sent: ${reason}`,
		description: attempted
			? 'No attempt of this request reached Wolkvox or was taken by it.'
			: 'Nothing was sent to Wolkvox for this.',
	};
}
