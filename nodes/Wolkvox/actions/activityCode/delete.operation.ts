import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listEntries } from '../../helpers/lists';
import type { WolkvoxAnswer } from '../../transport/answer';
import { optionsCollection, readChoiceParameter, readListParameter } from '../../run/parameters';
import type { PlannedRequest, PreparedItem } from '../../run/operation';
import { chunk, combinedAnswer, MAX_RECORDS_PER_CALL } from '../../run/operation';
import { plannedOperation } from '../../run/plan';
import type { Run } from '../../run/run';
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

function prepare(run: Run, itemIndex: number): DeleteInput {
	const typeCode = readChoiceParameter(run, 'typeCode', TYPE_CODES, 'Type Code', itemIndex);
	const codAct = readListParameter(run, 'codAct', 'Codes', itemIndex, (value) => [
		...new Set(listEntries(value, 'code')),
	]);
	return { typeCode, codAct };
}

function plan(items: Array<PreparedItem<DeleteInput>>): PlannedRequest[] {
	return items.flatMap(({ itemIndex, input }) =>
		chunk(input.codAct, MAX_RECORDS_PER_CALL).map((codAct) => ({
			itemIndices: [itemIndex],
			call: {
				method: 'DELETE',
				file: 'configuration',
				api: 'remove_cod_act',
				body: { type_code: input.typeCode, cod_act: codAct },
			},
			// A retry's "not found" after an attempt Wolkvox may have applied: the codes are gone.
			ifAlreadyDone: 'gone' as const,
		})),
	);
}

/** Like Create: Wolkvox's answer with the codes it is about. */
function toOutput(_run: Run, input: DeleteInput, answers: WolkvoxAnswer[]): IDataObject[] {
	return [{ ...combinedAnswer(answers), typeCode: input.typeCode, codAct: input.codAct }];
}

export const operation = plannedOperation<DeleteInput>({ description, prepare, plan, toOutput });
