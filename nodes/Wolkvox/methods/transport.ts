import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { resolveBaseUrl, serverCode } from '../helpers/server';
import type { WolkvoxAnswer } from '../transport/answer';
import { rowsOf } from '../transport/answer';
import type { RequestRun, WolkvoxCall } from '../transport/request';
import {
	DEFAULT_BUSY_WAIT_MS,
	DEFAULT_MAX_RETRIES,
	DEFAULT_TIMEOUT_MS,
	WolkvoxFailure,
	wolkvoxRequest,
} from '../transport/request';
import { tokenQueueKey } from '../transport/tokenQueue';

/**
 * A read for the editor (a list to pick from), through the same transport and token line as the
 * node's runs: it waits its turn and counts against the daily quota like any other call.
 */
export async function editorRead(
	context: ILoadOptionsFunctions,
	call: WolkvoxCall,
): Promise<IDataObject[]> {
	const data = await context.getCredentials<{ server?: string; token?: string; baseUrl?: string }>(
		'wolkvoxApi',
	);
	const resolved = resolveBaseUrl(data.server, data.baseUrl);
	if ('problem' in resolved) throw new NodeOperationError(context.getNode(), resolved.problem);
	const token = String(data.token ?? '');
	const run: RequestRun = {
		// The transport sends through context.helpers.httpRequest, which the editor's context has too.
		context: context as unknown as IExecuteFunctions,
		connection: {
			baseUrl: resolved.baseUrl,
			queueKey: tokenQueueKey(token),
			token,
			server: serverCode(data.server),
		},
		stopReason: () => undefined,
	};
	let answer: WolkvoxAnswer;
	try {
		answer = await wolkvoxRequest(run, call, {
			timeout: DEFAULT_TIMEOUT_MS,
			maxRetries: DEFAULT_MAX_RETRIES,
			busyWait: DEFAULT_BUSY_WAIT_MS,
		});
	} catch (error) {
		if (error instanceof WolkvoxFailure)
			throw new NodeOperationError(context.getNode(), error.failure.message, {
				description: error.failure.description,
			});
		throw new NodeOperationError(context.getNode(), error as Error);
	}
	return rowsOf(answer.data ?? []) ?? [];
}
