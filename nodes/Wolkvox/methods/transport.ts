import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../transport/answer';
import { rowsOf } from '../transport/answer';
import type { WolkvoxCall } from '../transport/request';
import { openRequestRun, WolkvoxFailure, wolkvoxRequest } from '../transport/request';

/**
 * A read for the editor (a list to pick from), through the same transport and token line as the
 * node's runs: it waits its turn and counts against the daily quota like any other call.
 */
export async function editorRead(
	context: ILoadOptionsFunctions,
	call: WolkvoxCall,
): Promise<IDataObject[]> {
	const run = await openRequestRun(context);
	if ('problem' in run) throw new NodeOperationError(context.getNode(), run.problem);
	let answer: WolkvoxAnswer;
	try {
		answer = await wolkvoxRequest(run, call);
	} catch (error) {
		if (error instanceof WolkvoxFailure)
			throw new NodeOperationError(context.getNode(), error.failure.message, {
				description: error.failure.description,
			});
		throw new NodeOperationError(context.getNode(), error as Error);
	}
	return rowsOf(answer.data ?? []) ?? [];
}
