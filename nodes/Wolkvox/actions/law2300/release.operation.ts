import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../run/errors';
import { optionsCollection, readChoiceParameter, readRequiredText } from '../../run/parameters';
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
const PARAMETERS = ['nit', 'releaseBy', 'value', 'agentId'];

const properties: INodeProperties[] = [
	{
		displayName:
			"Releasing lifts a legal protection: the customer asked not to be contacted, and after this they can be contacted again. Release only on the customer's own request, and keep a record of it. The values must come from the input item: an AI agent cannot fill them.",
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
			'The telephone (normalised like DNC numbers) or the customer ID to release, usually an expression reading the input item',
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

/** A release must not run on an AI agent's guess: a parameter filled by `$fromAI` fails the item. */
function refuseModelValues(run: Run, itemIndex: number): void {
	for (const name of PARAMETERS) {
		const raw = run.context.getNodeParameter(name, itemIndex, '', { rawExpressions: true });
		if (typeof raw === 'string' && /\$fromAI\s*\(/i.test(raw))
			throw inputError(
				run,
				itemIndex,
				`"${name}" is filled by an AI agent ($fromAI); a release must take its values from the input item`,
			);
	}
}

function prepare(run: Run, itemIndex: number): ReleaseInput {
	refuseModelValues(run, itemIndex);
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
