import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { resolveBaseUrl, serverCode } from '../helpers/server';
import type { Connection, RequestRun } from '../transport/request';
import { tokenQueueKey } from '../transport/tokenQueue';

interface WolkvoxCredentials {
	server?: string;
	token?: string;
	baseUrl?: string;
}

/**
 * One run of the node over its input items, opened by the router and passed down: the credential's
 * connection, parameters without expressions, the cancel signal, and why sending stopped if it did.
 */
export interface Run extends RequestRun {
	readonly node: INode;
	readonly continueOnFail: boolean;
	/** Parameter values without expressions, which are the same for every item. */
	readonly parameters: Map<string, unknown>;
	/** Set by a verdict about the credential or the quota: nothing more is sent in this run. */
	halted?: string;
	/** Records (telephones, codes) Wolkvox accepted in this run so far. */
	written: number;
}

/**
 * Opens a run: reads the credential once (n8n would decrypt it again for every request) and checks
 * the server code before any request, and the token, can leave.
 */
export async function openRun(
	context: IExecuteFunctions,
	continueOnFail: boolean,
): Promise<Run | { problem: string; node: INode }> {
	const node = context.getNode();
	const data = await context.getCredentials<WolkvoxCredentials>('wolkvoxApi', 0);
	const resolved = resolveBaseUrl(data.server, data.baseUrl);
	if ('problem' in resolved) return { problem: resolved.problem, node };
	const token = String(data.token ?? '');
	const cancelSignal = context.getExecutionCancelSignal?.();
	const connection: Connection = {
		baseUrl: resolved.baseUrl,
		queueKey: tokenQueueKey(token),
		token,
		server: serverCode(data.server),
	};
	const run: Run = {
		context,
		node,
		connection,
		cancelSignal,
		continueOnFail,
		parameters: new Map(),
		written: 0,
		stopReason: () => (cancelSignal?.aborted ? 'the execution was stopped' : run.halted),
	};
	return run;
}

/** A run of an operation that calls no Wolkvox API: no credential is read, nothing can be sent. */
export function openLocalRun(context: IExecuteFunctions, continueOnFail: boolean): Run {
	return {
		context,
		node: context.getNode(),
		connection: { baseUrl: 'http://no-wolkvox-call.invalid', queueKey: '', token: '' },
		continueOnFail,
		parameters: new Map(),
		written: 0,
		stopReason: () => 'this operation calls no Wolkvox API',
	};
}
