import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../../transport/answer';
import { optionsCollection, readChoice, readParameter } from '../../run/parameters';
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
import { TYPE_CODES, typeCodeField } from './fields';

const API = 'activity_codes';
const FILTERS = ['all', ...TYPE_CODES] as const;

const properties: INodeProperties[] = [
	{
		...typeCodeField,
		options: [
			{ name: 'All', value: 'all', description: 'Codes of both groups' },
			...(typeCodeField.options ?? []),
		],
		default: 'all',
		description: 'Which group of activity codes to return',
	},
	...returnAllAndLimit,
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['activityCode'], operation: ['getAll'] } },
	properties,
);

export interface GetManyCodesInput {
	typeCode: (typeof FILTERS)[number];
	limit: number;
}

function prepare(run: Run, itemIndex: number): GetManyCodesInput {
	const typeCode = readChoice(
		run,
		readParameter(run, 'typeCode', itemIndex),
		FILTERS,
		'Type Code',
		itemIndex,
	);
	return { typeCode, limit: readLimit(run, itemIndex) };
}

/** Present only the flags Wolkvox sent; `studio` and `voice` are listed by newer versions only. */
const FLAGS = ['hit', 'rpc', 'chat', 'studio', 'voice'];

/**
 * One output item per code, named as the node's parameters are:
 * `{ typeCode, codAct, description, hit, rpc, chat }`. Wolkvox reads the ID as `code_act`.
 */
function toOutput(
	run: Run,
	input: GetManyCodesInput,
	answers: WolkvoxAnswer[],
	itemIndex: number,
): IDataObject[] {
	const source = readSource(run, API, answers, itemIndex);
	const codes = dataList(source).filter(
		(entry) => input.typeCode === 'all' || entry.type_code === input.typeCode,
	);
	return codes.slice(0, input.limit).map((entry) => {
		const codAct = entry.code_act ?? entry.cod_act;
		if (codAct === undefined || codAct === null) throw badFieldError(source, 'code_act', codAct);
		const code: IDataObject = {
			typeCode: entry.type_code,
			codAct: String(codAct),
			description: entry.description_cod_act,
		};
		for (const flag of FLAGS) if (entry[flag] !== undefined) code[flag] = entry[flag];
		return code;
	});
}

export const operation = plannedOperation<GetManyCodesInput>({
	description,
	prepare,
	plan: oneRequestPerDistinctRead(() => ({ method: 'GET', file: 'information', api: API })),
	toOutput,
});
