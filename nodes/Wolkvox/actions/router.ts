import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { activityCodeOperations } from './activityCode/ActivityCode.resource';
import { readRequestSettings } from '../run/parameters';
import { campaignOperations } from './campaign/Campaign.resource';
import { dncOperations } from './dnc/Dnc.resource';
import { law2300Operations } from './law2300/Law2300.resource';
import type { ItemError } from '../run/errors';
import { asItemError, credentialError } from '../run/errors';
import type { ItemOutcome, PreparedItem, WolkvoxOperation } from '../run/operation';
import { openLocalRun, openRun } from '../run/run';
import { boundedRows, refusalAsTool, runsAsTool, withoutBulk } from '../run/tool';
import { tokenOperations } from './token/Token.resource';

const operationsByResource: Record<string, Record<string, WolkvoxOperation<unknown>>> = {
	dnc: dncOperations,
	activityCode: activityCodeOperations,
	law2300: law2300Operations,
	token: tokenOperations,
	campaign: campaignOperations,
};

/**
 * `error` on the item sends it to the error output under "On Error: Continue (using error output)";
 * n8n then keeps only `{ error: message }` as the item's JSON.
 */
function errorItem(error: ItemError, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message }, error, pairedItem: { item: itemIndex } };
}

/**
 * The node's only loop over items: opens the run, prepares every item (bad input fails that item
 * before anything is sent), lets the operation send, and pairs every input item with its output
 * items or, with Continue On Fail, one error item.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operationsByResource[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of "${resource}" is not supported`,
		);
	}

	const continueOnFail = this.continueOnFail();
	const asTool = runsAsTool(this.getNode());
	const refusal = asTool ? refusalAsTool(this) : undefined;
	if (refusal) return [items.map((_, item) => ({ json: refusal, pairedItem: { item } }))];
	const run = operation.withoutWolkvox
		? openLocalRun(this, continueOnFail)
		: await openRun(this, continueOnFail);
	const outcomes = new Map<number, ItemOutcome>();
	if ('problem' in run) {
		if (!continueOnFail) throw credentialError(run, run.problem, 0);
		items.forEach((_, itemIndex) =>
			outcomes.set(itemIndex, { error: credentialError(run, run.problem, itemIndex) }),
		);
	} else {
		const prepared: Array<PreparedItem<unknown>> = [];
		const rejected: number[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const settings = readRequestSettings(run, itemIndex);
				prepared.push({ itemIndex, input: operation.prepare(run, itemIndex), settings });
			} catch (error) {
				const itemError = asItemError(run, error);
				if (!run.continueOnFail) throw itemError;
				outcomes.set(itemIndex, { error: itemError });
				rejected.push(itemIndex);
			}
		}
		const executed = await operation.execute(run, prepared, rejected);
		for (const { itemIndex } of prepared) {
			const outcome = executed.get(itemIndex);
			if (!outcome)
				throw new NodeOperationError(
					run.node,
					`Item ${itemIndex} got no result (this is a bug in the Wolkvox node)`,
				);
			outcomes.set(itemIndex, outcome);
		}
	}

	return [
		items.flatMap((_, itemIndex): INodeExecutionData[] => {
			const outcome = outcomes.get(itemIndex);
			if (!outcome) return [];
			if ('error' in outcome) {
				if (!continueOnFail) throw outcome.error;
				return [errorItem(outcome.error, itemIndex)];
			}
			const rows = asTool ? boundedRows(outcome.json).map(withoutBulk) : outcome.json;
			return rows.map((json) => ({ json, pairedItem: { item: itemIndex } }));
		}),
	];
}
