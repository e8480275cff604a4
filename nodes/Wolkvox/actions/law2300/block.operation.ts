import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection, readParameter } from '../../run/parameters';
import { combinedAnswer, oneRequestPerItem } from '../../run/operation';
import { plannedOperation } from '../../run/plan';
import type { Run } from '../../run/run';
import { countryCodeOption } from '../dnc/fields';
import { nitField, readNit, readOneTelephone, telephoneField } from './fields';

const properties: INodeProperties[] = [
	nitField,
	telephoneField,
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		default: '',
		description:
			"The customer's identification number, if known: Wolkvox keeps it with the number, and Release can then find it by ID",
	},
	optionsCollection([countryCodeOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['law2300'], operation: ['block'] } },
	properties,
);

export interface BlockInput {
	nit: string;
	telephone: string;
	customerId?: string;
}

function prepare(run: Run, itemIndex: number): BlockInput {
	const nit = readNit(run, itemIndex);
	const telephone = readOneTelephone(run, itemIndex);
	const customerId = String(readParameter(run, 'customerId', itemIndex, '') ?? '').trim();
	return { nit, telephone, ...(customerId ? { customerId } : {}) };
}

/** One block_law2300 per item (Wolkvox takes one number per call): `{ nit, telephone, code, error, msg }`. */
export const operation = plannedOperation<BlockInput>({
	description,
	prepare,
	plan: oneRequestPerItem(({ nit, telephone, customerId }) => ({
		method: 'PUT',
		file: 'configuration',
		api: 'block_law2300',
		body: { nit, telephone, ...(customerId ? { customer_id: customerId } : {}) },
	})),
	toOutput: (_run, { nit, telephone }, answers): IDataObject[] => [
		{ nit, telephone, ...combinedAnswer(answers) },
	],
});
