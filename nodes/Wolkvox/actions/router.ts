import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { NodeApiError } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../transport/answer';
import type { RequestSettings } from '../transport/request';
import { wolkvoxRequest } from '../transport/request';
import { activityCodeOperations } from './activityCode/ActivityCode.resource';
import { readRequestSettings } from './common';
import { dncOperations } from './dnc/Dnc.resource';
import type { PreparedItem, WolkvoxOperation } from './operation';
import { tokenOperations } from './token/Token.resource';

const operationsByResource: Record<string, Record<string, WolkvoxOperation<unknown>>> = {
	dnc: dncOperations,
	activityCode: activityCodeOperations,
	token: tokenOperations,
};

/** `error` on the item sends it to the error output under "On Error: Continue (using error output)". */
function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message }, error, pairedItem: { item: itemIndex } };
}

/**
 * The node's only loop over items. Every input item ends as its output items or, with Continue
 * On Fail, as one error item; all are paired with their input item.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operationsByResource[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of "${resource}" is not supported`);
	}

	const outputs: INodeExecutionData[][] = items.map(() => []);
	const failed = new Set<number>();
	const fail = (itemIndex: number, error: NodeApiError | NodeOperationError) => {
		if (!this.continueOnFail()) throw error;
		failed.add(itemIndex);
		outputs[itemIndex] = [errorItem(error, itemIndex)];
	};

	const prepared: Array<PreparedItem<unknown>> = [];
	const settingsOf = new Map<number, RequestSettings>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			settingsOf.set(itemIndex, readRequestSettings(this, itemIndex));
			prepared.push({ itemIndex, input: operation.prepare.call(this, itemIndex) });
		} catch (error) {
			fail(itemIndex, error);
		}
	}

	const answers = new Map<number, WolkvoxAnswer[]>();
	for (const { itemIndices, call } of operation.plan(prepared)) {
		const carried = itemIndices.filter((itemIndex) => !failed.has(itemIndex));
		if (carried.length === 0) continue;
		try {
			const answer = await wolkvoxRequest.call(this, call, settingsOf.get(carried[0]) as RequestSettings, carried[0]);
			for (const itemIndex of carried) {
				const received = answers.get(itemIndex);
				if (received) received.push(answer);
				else answers.set(itemIndex, [answer]);
			}
		} catch (error) {
			for (const itemIndex of carried) fail(itemIndex, error);
		}
	}

	for (const { itemIndex, input } of prepared) {
		if (failed.has(itemIndex)) continue;
		try {
			outputs[itemIndex] = operation.toOutput
				.call(this, input, answers.get(itemIndex) ?? [], itemIndex)
				.map((json) => ({ json, pairedItem: { item: itemIndex } }));
		} catch (error) {
			fail(itemIndex, error);
		}
	}
	return [outputs.flat()];
}
