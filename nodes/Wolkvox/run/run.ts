import type { IExecuteFunctions, INode } from 'n8n-workflow';

import type { RequestRun } from '../transport/connection';
import { CREDENTIAL_TYPE, openConnection } from '../transport/connection';

/**
 * One run of the node over its input items, opened by the router and passed down: the credential's
 * connection, parameters without expressions, the cancel signal, and why sending stopped if it did.
 */
export interface Run extends RequestRun {
	readonly context: IExecuteFunctions;
	readonly node: INode;
	readonly continueOnFail: boolean;
	/** Parameter values without expressions, which are the same for every item. */
	readonly parameters: Map<string, unknown>;
	/** Set by a verdict about the credential or the quota: nothing more is sent in this run. */
	halted?: string;
	/** Records (telephones, codes) Wolkvox accepted in this run so far. */
	written: number;
	/** The credential's Country Code as written (checked where it is used: helpers/phone.ts). */
	readonly countryCode: string;
}

/** Opens a run: the credential's connection (transport/connection.ts), read once for all items. */
export async function openRun(
	context: IExecuteFunctions,
	continueOnFail: boolean,
): Promise<Run | { problem: string; node: INode }> {
	const node = context.getNode();
	const connection = await openConnection(context);
	if ('problem' in connection) return { problem: connection.problem, node };
	const cancelSignal = context.getExecutionCancelSignal?.();
	const run: Run = {
		context,
		node,
		connection,
		cancelSignal,
		continueOnFail,
		parameters: new Map(),
		written: 0,
		countryCode: String(connection.credential.data?.countryCode ?? ''),
		stopReason: () => (cancelSignal?.aborted ? 'the execution was stopped' : run.halted),
	};
	return run;
}

/** A run of an operation that calls no Wolkvox API: no credential is read, nothing can be sent. */
export function openLocalRun(context: IExecuteFunctions, continueOnFail: boolean): Run {
	return {
		context,
		node: context.getNode(),
		connection: {
			baseUrl: 'http://no-wolkvox-call.invalid',
			queueKey: '',
			token: '',
			credential: { id: '', name: '', type: CREDENTIAL_TYPE, data: {} },
		},
		continueOnFail,
		parameters: new Map(),
		written: 0,
		countryCode: '',
		stopReason: () => 'this operation calls no Wolkvox API',
	};
}
