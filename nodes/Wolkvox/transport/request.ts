import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { withoutSecret } from '../helpers/secret';
import { resolveBaseUrl } from '../helpers/server';
import type { HttpAnswer, Verdict, WolkvoxAnswer } from './answer';
import { judgeAnswer, judgeNoAnswer } from './answer';
import { tokenQueueKey, withTokenTurn } from './tokenQueue';

/** Wolkvox stops working on a call after 60 s: the default timeout, and how long a call can keep a token busy. */
export const WOLKVOX_CALL_LIMIT_MS = 60_000;
export const DEFAULT_TIMEOUT_MS = WOLKVOX_CALL_LIMIT_MS;
export const DEFAULT_MAX_RETRIES = 3;
const FIRST_BACKOFF_MS = 400;
const MAX_BACKOFF_MS = 8_000;

export interface WolkvoxCall {
	method: IHttpRequestMethods;
	file: 'configuration' | 'information';
	api: string;
	body?: IDataObject;
	qs?: IDataObject;
}

export interface RequestSettings {
	timeout: number;
	maxRetries: number;
}

interface WolkvoxCredentials {
	server?: string;
	token?: string;
	baseUrl?: string;
}

/** What every request of one node run needs from the credential. */
interface Connection {
	baseUrl: string;
	queueKey: string;
	token: string;
	credentials: ICredentialsDecrypted;
}

/**
 * Loaded once per node run: n8n reads and decrypts a credential on every call, which would
 * otherwise happen twice per request (here, and again inside httpRequestWithAuthentication).
 */
const connectionOfRun = new WeakMap<IExecuteFunctions, Promise<Connection>>();

async function connect(context: IExecuteFunctions, itemIndex: number): Promise<Connection> {
	const data = await context.getCredentials<WolkvoxCredentials>('wolkvoxApi', itemIndex);
	const resolved = resolveBaseUrl(data.server, data.baseUrl);
	if ('problem' in resolved) throw new NodeOperationError(context.getNode(), resolved.problem, { itemIndex });
	const { id, name } = context.getNode().credentials?.wolkvoxApi ?? { id: null, name: '' };
	const token = String(data.token ?? '');
	return {
		baseUrl: resolved.baseUrl,
		queueKey: tokenQueueKey(token),
		token,
		credentials: { id: id ?? '', name, type: 'wolkvoxApi', data: data as ICredentialDataDecryptedObject },
	};
}

function connectionFor(context: IExecuteFunctions, itemIndex: number): Promise<Connection> {
	let connection = connectionOfRun.get(context);
	if (!connection) connectionOfRun.set(context, (connection = connect(context, itemIndex)));
	return connection;
}

/** Exponential backoff with jitter: between half and all of 400 ms × 2^attempt, at most 8 s. */
function backoffMs(attempt: number): number {
	const ceiling = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** attempt);
	return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** Network errors after which sending again can help; anything else is reported as it is. */
const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

function errorCode(error: unknown): string | undefined {
	for (const candidate of [error, (error as { cause?: unknown })?.cause]) {
		const code = (candidate as { code?: unknown })?.code;
		if (typeof code === 'string' && code) return code;
	}
	return undefined;
}

/** Sends once; answers of any HTTP status come back as values, only "no answer at all" is a verdict. */
async function sendOnce(
	context: IExecuteFunctions,
	options: IHttpRequestOptions,
	credentialsDecrypted: ICredentialsDecrypted,
): Promise<HttpAnswer | Verdict> {
	try {
		return (await context.helpers.httpRequestWithAuthentication.call(context, 'wolkvoxApi', options, {
			credentialsDecrypted,
		})) as HttpAnswer;
	} catch (error) {
		// The caught error holds the request's headers (the token): only its code and message are kept.
		const code = errorCode(error);
		if (code && TIMEOUT_CODES.has(code)) return judgeNoAnswer('timeout', code, options.timeout ?? DEFAULT_TIMEOUT_MS);
		if (code && TRANSIENT_CODES.has(code)) return judgeNoAnswer('connection', code, options.timeout ?? DEFAULT_TIMEOUT_MS);
		return {
			outcome: 'fail',
			message: `The request to Wolkvox could not be sent: ${(error as Error).message}`,
			description: code ?? '',
		};
	}
}

/**
 * Sends in the token's turn and waits at most `timeoutMs` from the moment the request leaves (not
 * while it waits in line). A request still unanswered then keeps the turn until Wolkvox answers or
 * its 60 s limit passes (axios' own timeout), because Wolkvox may still be working on it: a retry,
 * or another execution, waits behind it instead of overlapping it.
 */
async function sendInTurn(
	queueKey: string,
	send: () => Promise<HttpAnswer | Verdict>,
	timeoutMs: number,
): Promise<HttpAnswer | Verdict> {
	let markSent!: () => void;
	const sentNow = new Promise<void>((resolve) => (markSent = resolve));
	const attempt = withTokenTurn(queueKey, async () => {
		markSent();
		return await send();
	});
	if (timeoutMs >= WOLKVOX_CALL_LIMIT_MS) return await attempt;
	await sentNow;
	const gaveUp = sleep(timeoutMs).then(() => judgeNoAnswer('timeout', '', timeoutMs));
	return await Promise.race([attempt, gaveUp]);
}

/**
 * Every Wolkvox call goes through here: URL from the credential, one request at a time per token
 * (process-wide), timeout, retries with backoff, and the answer mapped to a result or NodeApiError.
 */
export async function wolkvoxRequest(
	this: IExecuteFunctions,
	call: WolkvoxCall,
	settings: RequestSettings,
	itemIndex: number,
): Promise<WolkvoxAnswer> {
	const { baseUrl, queueKey, token, credentials } = await connectionFor(this, itemIndex);

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
		timeout: Math.max(settings.timeout, WOLKVOX_CALL_LIMIT_MS),
	};

	let unanswered = false;
	for (let attempt = 0; ; attempt++) {
		const sent = await sendInTurn(queueKey, async () => await sendOnce(this, options, credentials), settings.timeout);
		const verdict: Verdict =
			'outcome' in sent
				? withoutSecret(sent, token)
				: judgeAnswer({ statusCode: sent.statusCode, body: withoutSecret(sent.body, token) }, unanswered);
		if (verdict.outcome === 'success') return verdict.answer;
		if (verdict.outcome === 'retry' && attempt < settings.maxRetries) {
			unanswered ||= verdict.answer === undefined || Number(verdict.httpCode) >= 500;
			await sleep(backoffMs(attempt));
			continue;
		}
		throw toNodeApiError(this, verdict, attempt + 1, itemIndex);
	}
}

function toNodeApiError(
	context: IExecuteFunctions,
	verdict: Exclude<Verdict, { outcome: 'success' }>,
	attempts: number,
	itemIndex: number,
): NodeApiError {
	const { description } = verdict;
	let { message } = verdict;
	if (verdict.outcome === 'retry') message += ` (gave up after ${attempts} attempt${attempts === 1 ? '' : 's'})`;
	const response = (verdict.answer ?? { message, httpCode: verdict.httpCode ?? null }) as JsonObject;
	return new NodeApiError(context.getNode(), response, {
		message,
		description,
		httpCode: verdict.httpCode,
		itemIndex,
	});
}
