import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../../transport/answer';
import { optionsCollection, readChoiceParameter } from '../../run/parameters';
import { plannedOperation } from '../../run/plan';
import {
	badFieldError,
	dataList,
	readSource,
	oneRequestPerDistinctRead,
	readLimit,
	returnAllAndLimit,
} from '../../run/reads';
import type { Run } from '../../run/run';

const API = 'get_dnc';
const LIST_TYPES = ['all', 'inbound', 'outbound'] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Type of Call',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'All', value: 'all', description: 'Numbers of both lists' },
			{ name: 'Inbound', value: 'inbound', description: 'Numbers whose calls are blocked' },
			{ name: 'Outbound', value: 'outbound', description: 'Numbers never dialled' },
		],
		default: 'all',
		description: 'Which DNC list to read',
	},
	...returnAllAndLimit,
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['dnc'], operation: ['getAll'] } },
	properties,
);

export interface GetManyDncInput {
	type: (typeof LIST_TYPES)[number];
	limit: number;
}

function prepare(run: Run, itemIndex: number): GetManyDncInput {
	const type = readChoiceParameter(run, 'type', LIST_TYPES, 'Type of Call', itemIndex);
	return { type, limit: readLimit(run, itemIndex) };
}

/** One output item per number: `{ telephone, typeCall, dateDelete }`. */
function toOutput(
	run: Run,
	input: GetManyDncInput,
	answers: WolkvoxAnswer[],
	itemIndex: number,
): IDataObject[] {
	const source = readSource(run, API, answers, itemIndex);
	return dataList(source)
		.slice(0, input.limit)
		.map((entry) => {
			if (entry.phone_number === undefined || entry.phone_number === null) {
				throw badFieldError(source, 'phone_number', entry.phone_number);
			}
			return {
				telephone: String(entry.phone_number),
				typeCall: entry.type,
				dateDelete: entry.date_delete,
			};
		});
}

export const operation = plannedOperation<GetManyDncInput>({
	description,
	prepare,
	plan: oneRequestPerDistinctRead((input) => ({
		method: 'GET',
		file: 'information',
		api: API,
		qs: { type: input.type },
	})),
	toOutput,
});
