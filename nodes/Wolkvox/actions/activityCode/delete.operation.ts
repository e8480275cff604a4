import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listEntries } from '../../helpers/lists';
import type { WolkvoxAnswer } from '../../transport/answer';
import { locatorProperty, locatorValue } from '../../helpers/locator';
import {
	optionsCollection,
	readChoiceParameter,
	readList,
	readParameter,
} from '../../run/parameters';
import type { PlannedRequest, PreparedItem } from '../../run/operation';
import { chunk, combinedAnswer, MAX_RECORDS_PER_CALL } from '../../run/operation';
import { plannedOperation } from '../../run/plan';
import type { Run } from '../../run/run';
import { TYPE_CODES, typeCodeField } from './fields';

const properties: INodeProperties[] = [
	{ ...typeCodeField, description: 'Which group of activity codes the codes belong to' },
	locatorProperty(
		{
			displayName: 'Codes',
			name: 'codAct',
			description:
				'The code to delete, picked from its group; or By ID, one or more code IDs separated by commas, semicolons or new lines, or an expression that returns a list',
		},
		'searchActivityCodes',
		'100, 200',
	),
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
	const codAct = readList(
		run,
		locatorValue(readParameter(run, 'codAct', itemIndex)),
		'Codes',
		itemIndex,
		(value) => [...new Set(listEntries(value, 'code'))],
	);
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
