import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import { resolveBaseUrl } from '../helpers/server';

/** Every n8n context the transport sends from: a node's run, its editor lists, a polling trigger. */
export type WolkvoxContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export const CREDENTIAL_TYPE = 'wolkvoxApi';

/** Where requests go and whose line they wait in; opened once from the credential. */
export interface Connection {
	baseUrl: string;
	/**
	 * The token's line (transport/tokenQueue.ts): the token itself, since Wolkvox limits the token
	 * whatever address it is sent to (a proxy Base URL and the server share one line).
	 */
	queueKey: string;
	/** Kept only to keep it out of messages; the credential's `authenticate` sends it. */
	token: string;
	/** The credential as read once: every request is authenticated with this same token. */
	credential: ICredentialsDecrypted;
}

/** What a request needs from whoever sends it. */
export interface RequestRun {
	context: WolkvoxContext;
	connection: Connection;
	/** The execution's cancel signal (none in the editor's lists or a poll): waits end when it fires. */
	cancelSignal?: AbortSignal;
	/** Why nothing more may be sent (execution stopped, credential refused), if so. */
	stopReason(): string | undefined;
}

/**
 * Reads the credential once (n8n would decrypt it again for every request) and checks the server
 * code or Base URL before any request, and the token, can leave.
 */
export async function openConnection(
	context: WolkvoxContext,
): Promise<Connection | { problem: string }> {
	const data = await context.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE, 0);
	const resolved = resolveBaseUrl(data.server, data.baseUrl);
	if ('problem' in resolved) return { problem: resolved.problem };
	const token = String(data.token ?? '');
	const { credentials } = context.getNode();
	const details = credentials?.[CREDENTIAL_TYPE];
	return {
		baseUrl: resolved.baseUrl,
		queueKey: token,
		token,
		credential: {
			id: details?.id ?? '',
			name: details?.name ?? '',
			type: CREDENTIAL_TYPE,
			data,
		},
	};
}

function cancelSignalOf(context: WolkvoxContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
}

/** A RequestRun for `context`: stopped when its execution is, if it has one. */
export function requestRunOf(context: WolkvoxContext, connection: Connection): RequestRun {
	const cancelSignal = cancelSignalOf(context);
	return {
		context,
		connection,
		cancelSignal,
		stopReason: () => (cancelSignal?.aborted ? 'the execution was stopped' : undefined),
	};
}

/**
 * Opens the credential's connection from any context, ready for wolkvoxRequest:
 *
 *     const run = await openRequestRun(this);
 *     if ('problem' in run) throw new NodeOperationError(this.getNode(), run.problem);
 *     const answer = await wolkvoxRequest(run, { method: 'GET', file: 'information', api: 'x' });
 */
export async function openRequestRun(
	context: WolkvoxContext,
): Promise<RequestRun | { problem: string }> {
	const connection = await openConnection(context);
	return 'problem' in connection ? connection : requestRunOf(context, connection);
}
