import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { resolveBaseUrl } from '../helpers/server';
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

const HAS_EXPRESSION = Symbol('has an expression');

function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (typeof value === 'object' && value !== null) return Object.values(value).some(hasExpression);
	return false;
}

/**
 * A parameter's value for one item. n8n resolves a parameter anew for every item, which costs as
 * much as an expression even when it holds none; a value without expressions is the same for every
 * item, so it is resolved once per run.
 */
export function readParameter(
	run: Run,
	name: string,
	itemIndex: number,
	fallback?: unknown,
): unknown {
	const { context, parameters } = run;
	const known = parameters.get(name);
	if (known === HAS_EXPRESSION) return context.getNodeParameter(name, itemIndex, fallback);
	if (known !== undefined || parameters.has(name)) return known;
	const raw = context.getNodeParameter(name, itemIndex, fallback, { rawExpressions: true });
	const value = hasExpression(raw)
		? HAS_EXPRESSION
		: context.getNodeParameter(name, itemIndex, fallback);
	parameters.set(name, value);
	return value === HAS_EXPRESSION ? context.getNodeParameter(name, itemIndex, fallback) : value;
}
