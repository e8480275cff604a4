import type { IDataObject } from 'n8n-workflow';

/** Wolkvox's answer body: `code` is a number or a numeric string; reads add `data`. */
export interface WolkvoxAnswer extends IDataObject {
	code: number | string;
	error: string | null;
	msg: string;
}

export interface HttpAnswer {
	statusCode: number;
	body: unknown;
}

/**
 * What to do after an attempt:
 * - `busy`: the token is in use elsewhere; Wolkvox did nothing, so sending again is always safe.
 * - `retry`: a fault that may pass (server error, no answer); bounded by Max Retries.
 * - `halt`: a verdict about the credential or the quota: nothing more can succeed in this run.
 * - `refused`: Wolkvox refused the content (a 4xx): a combined request can be split to find what.
 * - `fail`: anything else that sending again cannot fix.
 */
export interface Failure {
	outcome: 'busy' | 'retry' | 'halt' | 'refused' | 'fail';
	message: string;
	description: string;
	httpCode?: string;
	answer?: WolkvoxAnswer;
	/** Wolkvox may have applied the request although no success came back (no answer, a server error). */
	mayHaveApplied?: boolean;
}

export type Verdict = { outcome: 'success'; answer: WolkvoxAnswer } | Failure;

const BUSY = /SIMULTANEOUS/i;
const QUOTA = /TOKEN LIMIT EXCEEDED/i;
const BAD_TOKEN = /VALIDATE TOKEN/i;
const NO_TOKEN = /ENTER THE WOLKVOX-TOKEN/i;
// Inferred: Wolkvox's exact wording for a duplicate is undocumented.
const ALREADY_EXISTS = /ALREADY EXIST|YA EXISTE/i;

/** What an answer says was already done: the record exists (a create), or is gone (a removal). */
export type AlreadyDone = 'exists' | 'gone';
// Inferred, like ALREADY_EXISTS; "THE API YOU WANT TO CONSULT DOES NOT EXIST" is about the URL, not a record.
const GONE = /(?:DOES|DO) NOT EXIST|NOT FOUND|NO EXISTE/i;
const UNKNOWN_API = /THE API YOU WANT/i;

/** Whether Wolkvox's refusal says the record is already in the state `done` asks for. */
export function saysAlreadyDone(answer: WolkvoxAnswer | undefined, done: AlreadyDone): boolean {
	const msg = String(answer?.msg ?? '');
	if (done === 'exists') return ALREADY_EXISTS.test(msg);
	return GONE.test(msg) && !UNKNOWN_API.test(msg);
}

/**
 * Whether a report read (reports_manager.php) was refused only because its range holds no records.
 * Inferred from a public client checked against Wolkvox: such a range is answered 404 "Validate dates
 * entered" instead of an empty list (a 404 saying the API does not exist is not that).
 */
export function saysNoRecords(answer: WolkvoxAnswer | undefined): boolean {
	return Number(answer?.code) === 404 && !UNKNOWN_API.test(String(answer?.msg ?? ''));
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

function isAnswer(body: unknown): body is WolkvoxAnswer {
	return (
		typeof body === 'object' &&
		body !== null &&
		'code' in body &&
		Number.isFinite(Number((body as IDataObject).code))
	);
}

function snippet(body: unknown): string {
	const text = typeof body === 'string' ? body : (JSON.stringify(body) ?? '');
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > 120 ? `${flat.slice(0, 120)}…` : flat;
}

/**
 * Success is what Wolkvox's own example answers show: a 2xx code, or code 0 on a read that carries
 * its `data` list (activity_codes answers `{"code": "0", "msg": " 4 records were found", "data": […]}`).
 */
function isSuccess(code: number, body: WolkvoxAnswer): boolean {
	return (code >= 200 && code < 300) || (code === 0 && Array.isArray(body.data));
}

const isRow = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A read's `data` as a list of rows: Wolkvox sends a list wherever it has rows (token_info's one row
 * too); a lone record is taken as a list of one. Undefined when `data` holds anything else.
 */
export function rowsOf(data: unknown): IDataObject[] | undefined {
	if (isRow(data)) return [data];
	if (Array.isArray(data) && data.every(isRow)) return data;
	return undefined;
}

/**
 * The one place that turns what Wolkvox sent back into a result, a retry, or an error to show.
 * `afterUnanswered`: an earlier attempt of the same request got no answer, so Wolkvox may have applied it.
 */
export function judgeAnswer(
	{ statusCode, body: rawBody }: HttpAnswer,
	afterUnanswered = false,
): Verdict {
	const body = parseBody(rawBody);
	const httpCode = String(statusCode);
	if (!isAnswer(body)) {
		const shown = snippet(body);
		const description = shown ? `The answer began: ${shown}` : 'Expected {"code", "error", "msg"}.';
		if (statusCode >= 500) {
			return {
				outcome: 'retry',
				httpCode,
				description,
				message: `Wolkvox had a server error (HTTP ${statusCode})`,
				mayHaveApplied: true,
			};
		}
		const message = shown
			? `Wolkvox sent an answer that is not Wolkvox JSON (HTTP ${statusCode})`
			: `Wolkvox sent an empty answer (HTTP ${statusCode})`;
		return { outcome: 'fail', httpCode, description, message };
	}

	const code = Number(body.code);
	// Wolkvox sends the code as a number or a string; workflows get a number either way.
	if (isSuccess(code, body)) return { outcome: 'success', answer: { ...body, code } };

	const msg = String(body.msg ?? body.error ?? '');
	const said = `${msg || body.error || 'no message'} (code ${body.code})`;
	const common = { httpCode, answer: body };
	if (BUSY.test(msg)) {
		return {
			outcome: 'busy',
			...common,
			message: `The Wolkvox token is busy with another request: ${said}`,
			description:
				'Another workflow, n8n worker or tool is using the same token at this moment. Give each of them its own token, or raise the Busy Token Wait option.',
		};
	}
	if (QUOTA.test(msg)) {
		return {
			outcome: 'halt',
			...common,
			message: `The Wolkvox token's daily quota is used up: ${said}`,
			description:
				'A token allows licences × 1,000 calls a day. Wait until tomorrow or use another token; retrying today will not help.',
		};
	}
	if (BAD_TOKEN.test(msg) || NO_TOKEN.test(msg) || code === 401) {
		return {
			outcome: 'halt',
			...common,
			message: `Wolkvox refused the credential: ${said}`,
			description:
				'Check the token and the server code in the Wolkvox credential. Tokens are managed in wolkvox Manager → Configuration → Integrations → Tokens.',
		};
	}
	if (code >= 500) {
		return {
			outcome: 'retry',
			...common,
			mayHaveApplied: true,
			message: `Wolkvox had a server error: ${said}`,
			description: 'Wolkvox could not process the request. It was retried; try again later.',
		};
	}
	if (ALREADY_EXISTS.test(msg)) {
		return afterUnanswered
			? {
					outcome: 'refused',
					...common,
					message: `Already exists in Wolkvox: ${said}`,
					description:
						'An earlier attempt of this same request got no answer: it was created by that attempt, or existed before it. It exists once.',
				}
			: {
					outcome: 'refused',
					...common,
					message: `Wolkvox says it already exists: ${said}`,
					description: 'Nothing was changed by this request.',
				};
	}
	return {
		outcome: code >= 400 && code < 500 && code !== 403 ? 'refused' : 'fail',
		...common,
		message: `Wolkvox rejected the request: ${said}`,
		description:
			code >= 400 && code < 500
				? 'Check the values sent in this item; retrying the same request will not help.'
				: 'See the code and message Wolkvox returned.',
	};
}

const CONNECTION_PROBLEMS: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused',
	ECONNRESET: 'the connection was cut',
	EPIPE: 'the connection was cut',
	ENOTFOUND: 'the host name was not found',
	EAI_AGAIN: 'the host name could not be looked up',
};

/**
 * A request that got no answer at all. `timeout`: none came in time; `cut`: the connection broke after
 * the request left (Wolkvox may still be working on it); `unreachable`: nothing reached Wolkvox.
 */
export type NoAnswer = 'timeout' | 'cut' | 'unreachable';

/** The verdict for a request without an answer: always a fault that may pass. */
export function judgeNoAnswer(reason: NoAnswer, errorCode: string, timeoutMs: number): Failure {
	if (reason === 'timeout') {
		return {
			outcome: 'retry',
			mayHaveApplied: true,
			message: `Wolkvox did not answer within ${timeoutMs} ms`,
			description: 'Wolkvox allows 60 s per call. Raise the Timeout option, or try again later.',
		};
	}
	// n8n rewrites messages that contain codes such as ECONNREFUSED, so the code goes in the description.
	return {
		outcome: 'retry',
		mayHaveApplied: reason === 'cut',
		message: `Could not reach Wolkvox: ${CONNECTION_PROBLEMS[errorCode] ?? 'the request failed'}`,
		description: `${errorCode}. Check the server code or Base URL in the Wolkvox credential, and the network.`,
	};
}
