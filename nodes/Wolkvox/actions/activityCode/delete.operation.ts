import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { listEntries } from '../../helpers/lists';
import type { WolkvoxAnswer } from '../../transport/answer';
import { optionsCollection, readChoice, readParameter } from '../common';
import type { PlannedRequest, PreparedItem, WolkvoxOperation } from '../operation';
import { combinedAnswer } from '../dnc/batching';
import { TYPE_CODES, typeCodeField } from './fields';

/** Wolkvox takes at most 10,000 records per call. */
const MAX_CODES_PER_REQUEST = 10_000;

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
	const typeCode = readChoice(this,
		readParameter(this, 'typeCode', itemIndex),
		TYPE_CODES,
		'Type Code',
		itemIndex,
	);
	try {
		return { typeCode, codAct: [...new Set(listEntries(readParameter(this, 'codAct', itemIndex), 'code'))] };
	} catch (error) {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: "Codes": ${(error as Error).message}`, {
			itemIndex,
			description: 'Nothing was sent for this item.',
		});
	}
}

function plan(items: Array<PreparedItem<DeleteInput>>): PlannedRequest[] {
	const requests: PlannedRequest[] = [];
	for (const { itemIndex, input } of items) {
		for (let start = 0; start < input.codAct.length; start += MAX_CODES_PER_REQUEST) {
			const codAct = input.codAct.slice(start, start + MAX_CODES_PER_REQUEST);
			requests.push({
				itemIndices: [itemIndex],
				call: { method: 'DELETE', file: 'configuration', api: 'remove_cod_act', body: { type_code: input.typeCode, cod_act: codAct } },
			});
		}
	}
	return requests;
}

/** Like Create: Wolkvox's answer with the codes it is about. */
function toOutput(input: DeleteInput, answers: WolkvoxAnswer[]): IDataObject[] {
	return [{ ...combinedAnswer(answers), typeCode: input.typeCode, codAct: input.codAct }];
}

export const operation: WolkvoxOperation<DeleteInput> = { description, prepare, plan, toOutput };
