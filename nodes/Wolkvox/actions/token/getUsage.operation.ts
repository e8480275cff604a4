import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../../transport/answer';
import { optionsCollection } from '../../run/parameters';
import { plannedOperation } from '../../run/plan';
import { badFieldError, dataObject, oneRequestPerDistinctRead, readSource } from '../../run/reads';
import type { Run } from '../../run/run';

const API = 'token_info';

const properties: INodeProperties[] = [
	{
		displayName:
			"Wolkvox counts this call against the token's daily quota too: Used Today includes it. The node asks once per execution, whatever the number of input items.",
		name: 'quotaNotice',
		type: 'notice',
		default: '',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['token'], operation: ['getUsage'] } },
	properties,
);

/** The call takes no input. */
function prepare(): IDataObject {
	return {};
}

/** `{ limit, usedToday, remaining }`, numbers; `availableConsumptionOptions` as Wolkvox sent it, when it did. */
function toOutput(
	run: Run,
	_input: IDataObject,
	answers: WolkvoxAnswer[],
	itemIndex: number,
): IDataObject[] {
	const source = readSource(run, API, answers, itemIndex);
	const data = dataObject(source);
	const count = (field: string) => {
		const value = data[field];
		const number =
			typeof value === 'number' || (typeof value === 'string' && value.trim() !== '')
				? Number(value)
				: NaN;
		if (!Number.isFinite(number)) throw badFieldError(source, field, value, 'a number');
		return number;
	};
	const limit = count('token_limit');
	const usedToday = count('token_use_today');
	const usage: IDataObject = { limit, usedToday, remaining: Math.max(0, limit - usedToday) };
	if (data.available_consumption_options !== undefined) {
		usage.availableConsumptionOptions = data.available_consumption_options;
	}
	return [usage];
}

export const operation = plannedOperation<IDataObject>({
	description,
	prepare,
	// The call takes no input: every item shares one request, so it costs one call of the quota.
	plan: oneRequestPerDistinctRead(() => ({ method: 'GET', file: 'information', api: API })),
	toOutput,
});
