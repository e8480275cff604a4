import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listEntries } from '../../helpers/lists';
import { combinedAnswer, MAX_RECORDS_PER_CALL } from '../../run/operation';
import { optionsCollection, readListParameter } from '../../run/parameters';
import { plannedOperation } from '../../run/plan';
import type { Run } from '../../run/run';
import { planRecordBatches } from '../dnc/batching';
import type { CampaignTarget } from './fields';
import {
	campaignCall,
	campaignFields,
	readCampaignTarget,
	readResultFilter,
	resultFilterField,
	targetQuery,
} from './fields';

const properties: INodeProperties[] = [
	{
		displayName:
			"Removing a record cannot be undone, and it also erases the record's call attempts from Wolkvox's reports (unless a call was answered)",
		name: 'removeNotice',
		type: 'notice',
		default: '',
	},
	...campaignFields(true),
	{
		displayName: 'Customer IDs',
		name: 'customerIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1000000001, 1000000002',
		description:
			"The campaign's customer IDs to remove: separated by commas, semicolons or new lines, or an expression that returns a list. The IDs of all items are combined per campaign, at most 10,000 per request.",
	},
	optionsCollection([resultFilterField]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['campaign'], operation: ['removeRecords'] } },
	properties,
);

export interface RemoveInput extends CampaignTarget {
	customerIds: string[];
	result: string;
	combineItems: true;
	batchSize: number;
}

function prepare(run: Run, itemIndex: number): RemoveInput {
	const customerIds = readListParameter(run, 'customerIds', 'Customer IDs', itemIndex, (value) => [
		...new Set(listEntries(value, 'customer ID')),
	]);
	const result = readResultFilter(run, itemIndex);
	return {
		...readCampaignTarget(run, itemIndex),
		customerIds,
		result,
		combineItems: true,
		batchSize: MAX_RECORDS_PER_CALL,
	};
}

/** The customer IDs of all items, combined per campaign (and result filter), at most 10,000 per request. */
export const operation = plannedOperation<RemoveInput>({
	description,
	prepare,
	plan: (items) =>
		planRecordBatches(
			items,
			(input) => input.customerIds,
			(input) => JSON.stringify([input.campaignId, input.typeCampaign, input.result]),
			(input, ids) =>
				campaignCall(
					'DELETE',
					'remove_record',
					{ ...targetQuery(input), ...(input.result ? { result: input.result } : {}) },
					{ customer_id: ids.join(',') },
				),
		),
	toOutput: (_run, input, answers, _itemIndex, shares): IDataObject[] => [
		{
			campaignId: input.campaignId,
			typeCampaign: input.typeCampaign,
			customerIds: input.customerIds,
			...combinedAnswer(answers, shares, {
				one: 'customer ID',
				many: 'customer IDs',
				done: 'sent for removal',
			}),
		},
	],
});
