import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection, readParameter } from '../../run/parameters';
import { spellingsToWrite } from '../../helpers/phone';
import type { PlannedRequest, PreparedItem } from '../../run/operation';
import { combinedAnswer } from '../../run/operation';
import { plannedOperation } from '../../run/plan';
import type { Run } from '../../run/run';
import { countryCodeOption, readWriteAs, writeAsOption } from '../dnc/fields';
import { nitField, readNit, readOnePhone, telephoneField } from './fields';

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
	optionsCollection([countryCodeOption, writeAsOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['law2300'], operation: ['block'] } },
	properties,
);

export interface BlockInput {
	nit: string;
	/** The phone's spellings to write (Write As): one block_law2300 each. */
	telephones: string[];
	customerId?: string;
}

function prepare(run: Run, itemIndex: number): BlockInput {
	const nit = readNit(run, itemIndex);
	const telephones = spellingsToWrite(readOnePhone(run, itemIndex), readWriteAs(run, itemIndex));
	const customerId = String(readParameter(run, 'customerId', itemIndex, '') ?? '').trim();
	return { nit, telephones, ...(customerId ? { customerId } : {}) };
}

/** Wolkvox takes one number per call: one block_law2300 per spelling of the item's phone. */
function plan(items: Array<PreparedItem<BlockInput>>): PlannedRequest[] {
	return items.flatMap(({ itemIndex, input: { nit, telephones, customerId } }) =>
		telephones.map((telephone) => ({
			itemIndices: [itemIndex],
			call: {
				method: 'PUT' as const,
				file: 'configuration',
				api: 'block_law2300',
				body: { nit, telephone, ...(customerId ? { customer_id: customerId } : {}) },
			},
		})),
	);
}

/** `{ nit, telephone, telephones, code, error, msg }`: `telephone` is the phone as first written, `telephones` every spelling blocked. */
export const operation = plannedOperation<BlockInput>({
	description,
	prepare,
	plan,
	toOutput: (_run, { nit, telephones }, answers): IDataObject[] => [
		{ nit, telephone: telephones[0], telephones, ...combinedAnswer(answers) },
	],
});
