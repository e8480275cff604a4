import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../../transport/answer';
import type { WolkvoxCall } from '../../transport/request';
import { optionsCollection } from '../common';
import type { PlannedRequest, PreparedItem, WolkvoxOperation } from '../operation';
import { combinedAnswer } from '../operation';
import type { TelephoneBatchInput } from './batching';
import {
	planTelephoneBatches,
	readTelephoneBatch,
	readTypeCall,
	telephoneBatchOptionFields,
	telephonesProperty,
	typeCallField,
} from './batching';

const properties: INodeProperties[] = [
	typeCallField('Which DNC list the numbers go to', 'Block calls coming from these numbers', 'Never dial these numbers'),
	telephonesProperty,
	optionsCollection(telephoneBatchOptionFields),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['dnc'], operation: ['add'] } },
	properties,
);

export type AddInput = { typeCall: string } & TelephoneBatchInput;

function prepare(this: IExecuteFunctions, itemIndex: number): AddInput {
	return { typeCall: readTypeCall(this, itemIndex), ...readTelephoneBatch.call(this, itemIndex) };
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
