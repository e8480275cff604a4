import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../run/errors';
import { optionsCollection, readChoiceParameter, readRequiredText } from '../../run/parameters';
import { combinedAnswer, oneRequestPerItem } from '../../run/operation';
import { plannedOperation } from '../../run/plan';
import type { Run } from '../../run/run';
import { countryCodeOption } from '../dnc/fields';
import { nitField, readNit, readOneTelephone } from './fields';

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
	value: string;
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
	const value =
		releaseBy === 'telephone'
			? readOneTelephone(run, itemIndex, 'value', 'Value')
			: readRequiredText(run, 'value', 'Value', itemIndex);
	const agentId = readRequiredText(run, 'agentId', 'Agent ID', itemIndex);
	return { nit, releaseBy, value, agentId };
}

/** One free_law2300 per item: `{ nit, releaseBy, value, code, error, msg }`. */
export const operation = plannedOperation<ReleaseInput>({
	description,
	prepare,
	plan: oneRequestPerItem(({ nit, releaseBy, value, agentId }) => ({
		method: 'PUT',
		file: 'configuration',
		api: 'free_law2300',
		body: { nit, item: WOLKVOX_ITEM[releaseBy], value, agent_id: agentId },
	})),
	toOutput: (_run, { nit, releaseBy, value }, answers): IDataObject[] => [
		{ nit, releaseBy, value, ...combinedAnswer(answers) },
	],
});
