import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { withoutSecret } from '../helpers/secret';
import type { Failure, HttpAnswer, NoAnswer, Verdict, WolkvoxAnswer } from './answer';
import { judgeAnswer, judgeNoAnswer } from './answer';
import { takeTurn } from './tokenQueue';

/** Wolkvox stops working on a call after 60 s: the default timeout and the longest a call may hold a turn. */
export const WOLKVOX_CALL_LIMIT_MS = 60_000;
/** A turn is released at the latest this long after its request left, whatever the connection does. */
export const TURN_LIMIT_MS = WOLKVOX_CALL_LIMIT_MS + 2_000;
export const DEFAULT_TIMEOUT_MS = WOLKVOX_CALL_LIMIT_MS;
export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_BUSY_WAIT_MS = 180_000;
const FIRST_BACKOFF_MS = 400;
const MAX_BACKOFF_MS = 8_000;
const MAX_BUSY_BACKOFF_MS = 2_000;

export interface WolkvoxCall {
	method: IHttpRequestMethods;
	file: 'configuration' | 'information' | 'campaign';
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

/** Where requests go and whose line they wait in; built once per run from the credential. */
export interface Connection {
	baseUrl: string;
	queueKey: string;
	token: string;
	/** The server code, sent as the `wolkvox_server` header as Wolkvox's examples do; none with only a Base URL. */
	server?: string;
}

/** What a request needs from the run that sends it. */
export interface RequestRun {
	context: IExecuteFunctions;
	connection: Connection;
	/** The execution's cancel signal: waits end at once when it fires. */
	cancelSignal?: AbortSignal;
	/** Why nothing more may be sent (execution stopped, credential refused), if so. */
	stopReason(): string | undefined;
}

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

/** Errors after which nothing reached Wolkvox, and those after which it may have got the request. */
const UNREACHABLE_CODES = new Set([
	'ECONNREFUSED',
	'EAI_AGAIN',
	'ENOTFOUND',
	'ENETUNREACH',
	'EHOSTUNREACH',
]);
const CUT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

function errorCode(error: unknown): string | undefined {
	for (const candidate of [error, (error as { cause?: unknown } | undefined)?.cause]) {
		const code = (candidate as { code?: unknown } | undefined)?.code;
		if (typeof code === 'string' && code) return code;
	}
	if (/socket hang up/i.test(String((error as { message?: unknown } | undefined)?.message)))
		return 'ECONNRESET';
	return undefined;
}

type Exchange = HttpAnswer | { noAnswer: NoAnswer; code: string } | { unsendable: string };

/** One HTTP exchange; answers of any HTTP status come back as values. */
async function exchange(run: RequestRun, options: IHttpRequestOptions): Promise<Exchange> {
	try {
		return (await run.context.helpers.httpRequest(options)) as HttpAnswer;
	} catch (error) {
		// The caught error holds the request's headers (the token): only its code and message are kept.
		const code = errorCode(error);
		if (code && UNREACHABLE_CODES.has(code)) return { noAnswer: 'unreachable', code };
		if (code && CUT_CODES.has(code)) return { noAnswer: 'cut', code };
		if (options.abortSignal?.aborted) return { noAnswer: 'cut', code: 'ETIMEDOUT' };
		return { unsendable: `${(error as Error).message}${code ? ` (${code})` : ''}` };
	}
}

/**
 * Keeps the token's turn while Wolkvox may be working on the request: until its answer arrives, or
 * for a connection cut after sending until Wolkvox's 60 s per call have passed; never longer than
 * TURN_LIMIT_MS from sending (a request still open then is aborted).
 */
async function holdTurn(
	pending: Promise<Exchange>,
	abort: AbortController,
	release: () => void,
): Promise<void> {
	const released = new AbortController();
	const limitReached = pause(TURN_LIMIT_MS, released.signal);
	const first = await Promise.race([pending, limitReached.then(() => 'limit' as const)]);
	if (first === 'limit') abort.abort();
	else if ('noAnswer' in first && first.noAnswer === 'cut') await limitReached;
	released.abort();
	release();
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
	const inLine = await unlessAborted(
		turn.ready.then(() => true),
		run.cancelSignal,
	);
	if (!inLine || run.stopReason()) {
		turn.release();
		return { stopped: true, sent: false };
	}
	const abort = new AbortController();
	const pending = exchange(run, { ...options, abortSignal: abort.signal });
	void holdTurn(pending, abort, turn.release);
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
 * Every Wolkvox call goes through here: URL and token header from the run's connection, one request at
 * a time per token (process-wide), timeout, retries with backoff (busy answers on a time budget of
 * their own), and the answer mapped to a result or a WolkvoxFailure.
 */
export async function wolkvoxRequest(
	run: RequestRun,
	call: WolkvoxCall,
	settings: RequestSettings,
): Promise<WolkvoxAnswer> {
	const { baseUrl, token, server } = run.connection;
	const headers: IDataObject = { 'Content-Type': 'application/json', 'wolkvox-token': token };
	if (server !== undefined) headers.wolkvox_server = server;
	const options: IHttpRequestOptions = {
		method: call.method,
		url: `${baseUrl}/api/v2/${call.file}.php`,
		qs: { api: call.api, ...call.qs },
		headers,
		body: call.body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
	};

	let unanswered = false;
	let faults = 0;
	let busySince: number | undefined;
	let sentOnce = false;
	for (let attempt = 1; ; attempt++) {
		const sent = await sendInTurn(run, options, Math.min(settings.timeout, WOLKVOX_CALL_LIMIT_MS));
		if ('stopped' in sent) {
			throw new WolkvoxFailure(
				stoppedFailure(run, sent.sent || sentOnce),
				attempt,
				sent.sent || unanswered,
			);
		}
		sentOnce = true;
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
			throw new WolkvoxFailure(stoppedFailure(run, true), attempt, unanswered);
	}
}

function stoppedFailure(run: RequestRun, sent: boolean): Failure {
	const reason = run.stopReason() ?? 'the execution was stopped';
	return {
		outcome: 'halt',
		message: sent ? `Stopped before Wolkvox answered: ${reason}` : `Not sent: ${reason}`,
		description: sent
			? 'Wolkvox may still apply this request; the token was kept for it until Wolkvox answered or its 60 s passed.'
			: 'Nothing was sent to Wolkvox for this.',
	};
}
