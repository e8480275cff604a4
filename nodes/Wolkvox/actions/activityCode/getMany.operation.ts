import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../../transport/answer';
import { optionsCollection, readChoiceParameter, readParameter } from '../../run/parameters';
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
	{
		displayName: 'Code',
		name: 'codAct',
		type: 'string',
		default: '',
		placeholder: '100',
		description:
			'The ID of one code to return (Wolkvox is asked for that code only). Empty: every code.',
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
	/** One code's ID, or '' for every code. */
	codAct: string;
	limit: number;
}

function prepare(run: Run, itemIndex: number): GetManyCodesInput {
	const typeCode = readChoiceParameter(run, 'typeCode', FILTERS, 'Type Code', itemIndex);
	const codAct = readParameter(run, 'codAct', itemIndex, '');
	return {
		typeCode,
		codAct: typeof codAct === 'string' || typeof codAct === 'number' ? String(codAct).trim() : '',
		limit: readLimit(run, itemIndex),
	};
}

/** The flags Wolkvox lists, each output when sent. */
const FLAGS = ['hit', 'rpc', 'chat', 'studio', 'voice', 'interactions'];

/**
 * One output item per code, named as the node's parameters are:
 * `{ typeCode, codAct, description, hit, rpc, chat, studio, voice, interactions }`. Wolkvox's rows
 * name the ID `cod_act` (its field table says `code_act`: both are read).
 */
function toOutput(
	run: Run,
	input: GetManyCodesInput,
	answers: WolkvoxAnswer[],
	itemIndex: number,
): IDataObject[] {
	const source = readSource(run, API, answers, itemIndex);
	const codes = dataList(source).map((entry) => {
		const codAct = entry.cod_act ?? entry.code_act;
		if (codAct === undefined || codAct === null) throw badFieldError(source, 'cod_act', codAct);
		const code: IDataObject = {
			typeCode: entry.type_code,
			codAct: String(codAct),
			description: entry.description_cod_act,
		};
		for (const flag of FLAGS) if (entry[flag] !== undefined) code[flag] = entry[flag];
		return code;
	});
	const wanted = (code: IDataObject) =>
		(input.typeCode === 'all' || code.typeCode === input.typeCode) &&
		(input.codAct === '' || code.codAct === input.codAct);
	return codes.filter(wanted).slice(0, input.limit);
}

export const operation = plannedOperation<GetManyCodesInput>({
	description,
	prepare,
	plan: oneRequestPerDistinctRead(({ codAct }) => ({
		method: 'GET',
		file: 'information',
		api: API,
		...(codAct ? { qs: { cod_act: codAct } } : {}),
	})),
	toOutput,
});
