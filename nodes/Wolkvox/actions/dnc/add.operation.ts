import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../../transport/answer';
import type { WolkvoxCall } from '../../transport/request';
import { optionsCollection, readChoice, readParameter } from '../common';
import type { PlannedRequest, PreparedItem, WolkvoxOperation } from '../operation';
import type { TelephoneBatchInput } from './batching';
import {
	combinedAnswer,
	planTelephoneBatches,
	readTelephoneBatch,
	telephoneBatchOptionFields,
	telephonesProperty,
	TYPE_CALLS,
} from './batching';

const properties: INodeProperties[] = [
	{
		displayName: 'Type of Call',
		name: 'typeCall',
		type: 'options',
		options: [
			{ name: 'Inbound', value: 'inbound', description: 'Block calls coming from these numbers' },
			{ name: 'Outbound', value: 'outbound', description: 'Never dial these numbers' },
		],
		default: 'outbound',
		description: 'Which DNC list the numbers go to',
	},
	telephonesProperty,
	optionsCollection(telephoneBatchOptionFields),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['dnc'], operation: ['add'] } },
	properties,
);

export type AddInput = { typeCall: string } & TelephoneBatchInput;

function prepare(this: IExecuteFunctions, itemIndex: number): AddInput {
	const typeCall = readChoice(this,
		readParameter(this, 'typeCall', itemIndex),
		TYPE_CALLS,
		'Type of Call',
		itemIndex,
	);
	return { typeCall, ...readTelephoneBatch.call(this, itemIndex) };
}

function addDncCall(typeCall: string, telephones: string[]): WolkvoxCall {
	return { method: 'POST', file: 'configuration', api: 'add_dnc', body: { type_call: typeCall, telephones } };
}

function plan(items: Array<PreparedItem<AddInput>>): PlannedRequest[] {
	return planTelephoneBatches(
		items,
		(input) => input.typeCall,
		(input, telephones) => addDncCall(input.typeCall, telephones),
	);
}

function toOutput(input: AddInput, answers: WolkvoxAnswer[]): IDataObject[] {
	return [{ typeCall: input.typeCall, telephones: input.telephones, ...combinedAnswer(answers) }];
}

export const operation: WolkvoxOperation<AddInput> = { description, prepare, plan, toOutput };
