import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listEntries } from '../../helpers/lists';
import type { WolkvoxCall } from '../../transport/request';
import { locatorProperty } from '../../helpers/locator';
import { optionsCollection, readListParameter, readRequiredText } from '../../run/parameters';
import { combinedAnswer } from '../../run/operation';
import { plannedOperation } from '../../run/plan';
import type { Run } from '../../run/run';
import { planRecordBatches } from './batching';
import type { TelephoneBatchInput } from './fields';
import { batchOptionFields, readBatchOptions } from './fields';

const properties: INodeProperties[] = [
	locatorProperty(
		{
			displayName: 'Campaign',
			name: 'campaignId',
			description:
				'The predictive campaign in wolkvox Manager: pick it from the list, or give its ID',
		},
		'searchCampaigns',
		'7224',
	),
	{
		displayName: 'Customer IDs',
		name: 'customerIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1000000001, 1000000002',
		description:
			"The campaign's customer IDs to mark as do-not-call: separated by commas, semicolons or new lines, or an expression that returns a list",
	},
	optionsCollection(batchOptionFields('customer IDs')),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['dnc'], operation: ['addToCampaign'] } },
	properties,
);

export type AddToCampaignInput = { campaignId: string; customerIds: string[] } & Omit<
	TelephoneBatchInput,
	'telephones'
>;

/** Wolkvox's spellings: `id_campaing`, `id_cliente`. */
function blockCustomersCall(campaignId: string, customerIds: string[]): WolkvoxCall {
	return {
		method: 'PUT',
		file: 'configuration',
		api: 'block_predictive_dnc',
		body: { id_campaing: campaignId, id_cliente: customerIds },
	};
}

function prepare(run: Run, itemIndex: number): AddToCampaignInput {
	const campaignId = readRequiredText(run, 'campaignId', 'Campaign', itemIndex);
	const customerIds = readListParameter(run, 'customerIds', 'Customer IDs', itemIndex, (value) => [
		...new Set(listEntries(value, 'customer ID')),
	]);
	return { campaignId, customerIds, ...readBatchOptions(run, itemIndex) };
}

/** The customer IDs of all items, combined per campaign, at most 10,000 per request. */
export const operation = plannedOperation<AddToCampaignInput>({
	description,
	prepare,
	plan: (items) =>
		planRecordBatches(
			items,
			(input) => input.customerIds,
			(input) => input.campaignId,
			(input, customerIds) => blockCustomersCall(input.campaignId, customerIds),
		),
	toOutput: (_run, input, answers, _itemIndex, shares): IDataObject[] => [
		{
			campaignId: input.campaignId,
			customerIds: input.customerIds,
			...combinedAnswer(answers, shares, {
				one: 'customer ID',
				many: 'customer IDs',
				done: 'added',
			}),
		},
	],
});
