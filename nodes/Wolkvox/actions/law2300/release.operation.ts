import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	optionsCollection,
	readChoiceParameter,
	readRequiredText,
	requireFixedValues,
} from '../../run/parameters';
import type { PlannedRequest, PreparedItem } from '../../run/operation';
import { combinedAnswer } from '../../run/operation';
import { plannedOperation } from '../../run/plan';
import type { Run } from '../../run/run';
import { countryCodeOption } from '../dnc/fields';
import { nitField, readNit, readOnePhone } from './fields';

const RELEASE_BY = ['telephone', 'customerId'] as const;
type ReleaseBy = (typeof RELEASE_BY)[number];
/** Wolkvox's `item` values (the customer ID one is inferred: Wolkvox's example shows only `telephone`). */
const WOLKVOX_ITEM: Record<ReleaseBy, string> = {
	telephone: 'telephone',
	customerId: 'customer_id',
};
/** Every parameter of a release, by the name the editor shows: none may be an expression. */
const TYPED_FIELDS = {
	nit: 'Company NIT',
	releaseBy: 'Release By',
	value: 'Value',
	agentId: 'Agent ID',
	options: 'Options',
};

const properties: INodeProperties[] = [
	{
		displayName:
			"Release lifts a customer's Ley 2300 protection: after it, they can be called and written to again. Use it only when the customer asks to be contacted again, and keep a record of their request. Type every value yourself: this operation takes no expressions and does not run as an AI Agent tool, so each release is one a person chose.",
		name: 'releaseNotice',
		type: 'notice',
		default: '',
	},
	nitField,
	{
		displayName: 'Release By',
		name: 'releaseBy',
		type: 'options',
		options: [
			{ name: 'Telephone', value: 'telephone', description: 'The number Wolkvox holds' },
			{
				name: 'Customer ID',
				value: 'customerId',
				description: "The customer's identification number given when the number was blocked",
			},
		],
		default: 'telephone',
		description: 'How Wolkvox finds the protected customer',
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		required: true,
		default: '',
		placeholder: '3001234567',
		description:
			'The telephone (normalised like DNC numbers) or the customer ID to release, typed as it is (expressions are refused)',
	},
	{
		displayName: 'Agent ID',
		name: 'agentId',
		type: 'string',
		required: true,
		default: '',
		description: 'The wolkvox agent on whose authority the protection is lifted (kept by Wolkvox)',
	},
	optionsCollection([countryCodeOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['law2300'], operation: ['release'] } },
	properties,
);

export interface ReleaseInput {
	nit: string;
	releaseBy: ReleaseBy;
	/** The customer ID, or every spelling of the telephone. */
	values: string[];
	agentId: string;
}

function prepare(run: Run, itemIndex: number): ReleaseInput {
	requireFixedValues(
		run,
		itemIndex,
		TYPED_FIELDS,
		'lifting a protection is decided by a person, not by the input or an AI agent',
	);
	const nit = readNit(run, itemIndex);
	const releaseBy = readChoiceParameter(
		run,
		'releaseBy',
		RELEASE_BY,
		'Release By',
		itemIndex,
		'telephone',
	);
	// Every spelling of the phone is released: a protection left on one spelling is not a release.
	const values =
		releaseBy === 'telephone'
			? readOnePhone(run, itemIndex, 'value', 'Value').spellings
			: [readRequiredText(run, 'value', 'Value', itemIndex)];
	const agentId = readRequiredText(run, 'agentId', 'Agent ID', itemIndex);
	return { nit, releaseBy, values, agentId };
}

/** One free_law2300 per value (each spelling of a telephone). */
function plan(items: Array<PreparedItem<ReleaseInput>>): PlannedRequest[] {
	return items.flatMap(({ itemIndex, input: { nit, releaseBy, values, agentId } }) =>
		values.map((value) => ({
			itemIndices: [itemIndex],
			call: {
				method: 'PUT' as const,
				file: 'configuration',
				api: 'free_law2300',
				body: { nit, item: WOLKVOX_ITEM[releaseBy], value, agent_id: agentId },
			},
		})),
	);
}

/** `{ nit, releaseBy, value, values, code, error, msg }`: `values` are every spelling released. */
export const operation = plannedOperation<ReleaseInput>({
	description,
	prepare,
	plan,
	toOutput: (_run, { nit, releaseBy, values }, answers): IDataObject[] => [
		{ nit, releaseBy, value: values[0], values, ...combinedAnswer(answers) },
	],
});
