import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listEntries } from '../../helpers/lists';
import type { WolkvoxAnswer } from '../../transport/answer';
import { optionsCollection, readChoice, readListParameter, readParameter } from '../common';
import type { PlannedRequest, PreparedItem, WolkvoxOperation } from '../operation';
import { chunk, combinedAnswer, MAX_RECORDS_PER_CALL } from '../operation';
import { TYPE_CODES, typeCodeField } from './fields';

const properties: INodeProperties[] = [
	{ ...typeCodeField, description: 'Which group of activity codes the codes belong to' },
	{
		displayName: 'Codes',
		name: 'codAct',
		type: 'string',
		required: true,
		default: '',
		placeholder: '100, 200',
		description:
			'One or more code IDs separated by commas, semicolons or new lines, or an expression that returns a list',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['activityCode'], operation: ['delete'] } },
	properties,
);

export interface DeleteInput {
	typeCode: string;
	codAct: string[];
}

function prepare(this: IExecuteFunctions, itemIndex: number): DeleteInput {
	const typeCode = readChoice(this, readParameter(this, 'typeCode', itemIndex), TYPE_CODES, 'Type Code', itemIndex);
	const codAct = readListParameter(this, 'codAct', 'Codes', itemIndex, (value) => [...new Set(listEntries(value, 'code'))]);
	return { typeCode, codAct };
}

function plan(items: Array<PreparedItem<DeleteInput>>): PlannedRequest[] {
	return items.flatMap(({ itemIndex, input }) =>
		chunk(input.codAct, MAX_RECORDS_PER_CALL).map((codAct) => ({
			itemIndices: [itemIndex],
			call: { method: 'DELETE', file: 'configuration', api: 'remove_cod_act', body: { type_code: input.typeCode, cod_act: codAct } },
		})),
	);
}

/** Like Create: Wolkvox's answer with the codes it is about. */
function toOutput(input: DeleteInput, answers: WolkvoxAnswer[]): IDataObject[] {
	return [{ ...combinedAnswer(answers), typeCode: input.typeCode, codAct: input.codAct }];
}

export const operation: WolkvoxOperation<DeleteInput> = { description, prepare, plan, toOutput };
