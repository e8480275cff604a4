import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../transport/answer';
import { asItemError } from './errors';
import type {
	ItemOutcome,
	PlannedRequest,
	PreparedItem,
	RequestShare,
	WolkvoxOperation,
} from './operation';
import type { Run } from './run';
import { sendPlan } from './send';

interface PlannedOperationSpec<Input> {
	description: INodeProperties[];
	prepare(run: Run, itemIndex: number): Input;
	plan(items: Array<PreparedItem<Input>>): PlannedRequest[];
	/** `shares`: the item's share of the request behind each answer (see combinedAnswer). */
	toOutput(
		run: Run,
		input: Input,
		answers: WolkvoxAnswer[],
		itemIndex: number,
		shares: RequestShare[],
	): IDataObject[];
}

/** Most operations: a plan of requests fixed by the input, then each item's output from its answers. */
export function plannedOperation<Input>(
	spec: PlannedOperationSpec<Input>,
): WolkvoxOperation<Input> {
	return {
		description: spec.description,
		prepare: spec.prepare,
		async execute(run, items) {
			const requests = spec.plan(items);
			const progress = await sendPlan(run, requests, items);
			const planned = new Set(requests.flatMap((request) => request.itemIndices));
			const outcomes = new Map<number, ItemOutcome>();
			for (const { itemIndex, input } of items) {
				const item = progress.get(itemIndex);
				if (item?.error) outcomes.set(itemIndex, { error: item.error });
				else if (planned.has(itemIndex) && !item?.answers.length)
					throw new Error(`Item ${itemIndex} got no answer`);
				else
					outcomes.set(
						itemIndex,
						outputOrError(run, () =>
							spec.toOutput(run, input, item?.answers ?? [], itemIndex, item?.shares ?? []),
						),
					);
			}
			return outcomes;
		},
	};
}

/** An item's output, or the error (about Wolkvox's answer) that building it found. */
function outputOrError(run: Run, build: () => IDataObject[]): ItemOutcome {
	try {
		return { json: build() };
	} catch (error) {
		return { error: asItemError(run, error) };
	}
}
