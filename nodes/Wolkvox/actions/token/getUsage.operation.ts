import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../../transport/answer';
import { optionsCollection } from '../../run/parameters';
import { plannedOperation } from '../../run/plan';
import { badFieldError, dataRow, oneRequestPerDistinctRead, readSource } from '../../run/reads';
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

/** A count Wolkvox sends as a number or as text ("5000"); undefined when it is not one. */
function countOf(value: unknown): number | undefined {
	const number =
		typeof value === 'number' || (typeof value === 'string' && value.trim() !== '')
			? Number(value)
			: NaN;
	return Number.isFinite(number) ? number : undefined;
}

/**
 * `{ limit, usedToday, remaining }` as numbers; `allTokensToday` (the calls of all the operation's
 * tokens today), the token's `description` and `availableConsumptionOptions` when Wolkvox sends them.
 * Wolkvox sends one row whose values are text.
 */
function toOutput(
	run: Run,
	_input: IDataObject,
	answers: WolkvoxAnswer[],
	itemIndex: number,
): IDataObject[] {
	const source = readSource(run, API, answers, itemIndex);
	const row = dataRow(source);
	const count = (field: string) => {
		const number = countOf(row[field]);
		if (number === undefined) throw badFieldError(source, field, row[field], 'a number');
		return number;
	};
	const limit = count('token_limit');
	const usedToday = count('token_use_today');
	const usage: IDataObject = { limit, usedToday, remaining: Math.max(0, limit - usedToday) };
	if (row.all_token_today !== undefined) usage.allTokensToday = count('all_token_today');
	if (row.description !== undefined) usage.description = row.description;
	const options = row.available_consumption_options;
	if (options !== undefined) usage.availableConsumptionOptions = countOf(options) ?? options;
	return [usage];
}

export const operation = plannedOperation<IDataObject>({
	description,
	prepare,
	// The call takes no input: every item shares one request, so it costs one call of the quota.
	plan: oneRequestPerDistinctRead(() => ({ method: 'GET', file: 'information', api: API })),
	toOutput,
});
