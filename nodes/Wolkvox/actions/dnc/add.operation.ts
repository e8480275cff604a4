import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { WolkvoxCall } from '../../transport/request';
import { optionsCollection } from '../../run/parameters';
import { combinedAnswer } from '../../run/operation';
import { plannedOperation } from '../../run/plan';
import type { Run } from '../../run/run';
import { planTelephoneBatches } from './batching';
import type { AddTypeCall, TelephoneBatchInput } from './fields';
import {
	ADD_TYPE_CALLS,
	countryCodeOption,
	readTelephoneBatch,
	readTypeCall,
	telephoneBatchOptionFields,
	telephoneSourceProperties,
	typeCallField,
	writeAsOption,
} from './fields';

const properties: INodeProperties[] = [
	typeCallField(
		'Which DNC list the numbers go to',
		'Block calls coming from these numbers',
		'Never dial these numbers',
		'Both lists: block calls from these numbers and never dial them',
	),
	...telephoneSourceProperties(),
	optionsCollection([...telephoneBatchOptionFields, countryCodeOption, writeAsOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['dnc'], operation: ['add'] } },
	properties,
);

export type AddInput = { typeCall: AddTypeCall } & TelephoneBatchInput;

export function addDncCall(typeCall: AddTypeCall, telephones: string[]): WolkvoxCall {
	return {
		method: 'POST',
		file: 'configuration',
		api: 'add_dnc',
		body: { type_call: typeCall === 'both' ? 'all' : typeCall, telephones },
	};
}

function prepare(run: Run, itemIndex: number): AddInput {
	return {
		typeCall: readTypeCall(run, itemIndex, ADD_TYPE_CALLS),
		...readTelephoneBatch(run, itemIndex),
	};
}

export const operation = plannedOperation<AddInput>({
	description,
	prepare,
	plan: (items) =>
		planTelephoneBatches(
			items,
			(input) => input.typeCall,
			(input, telephones) => addDncCall(input.typeCall, telephones),
		),
	toOutput: (_run, input, answers, _itemIndex, shares): IDataObject[] => [
		{
			typeCall: input.typeCall,
			telephones: input.telephones,
			...combinedAnswer(answers, shares, { one: 'telephone', many: 'telephones', done: 'added' }),
		},
	],
});
