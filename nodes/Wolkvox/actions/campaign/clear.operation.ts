import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { oneRequestPerItem } from '../../run/operation';
import { optionsCollection, requireFixedValues } from '../../run/parameters';
import { plannedOperation } from '../../run/plan';
import type { Run } from '../../run/run';
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
			'Running this DELETES every record of the campaign (or every record with the chosen result). It cannot be undone. Campaign, type and result take fixed values only: no expression, and the operation is not offered to an AI Agent.',
		name: 'clearNotice',
		type: 'notice',
		default: '',
	},
	...campaignFields(true),
	optionsCollection([resultFilterField]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['campaign'], operation: ['clear'] } },
	properties,
);

export interface ClearInput extends CampaignTarget {
	result: string;
}

/**
 * Emptying a campaign is too big to follow data: its parameters must be fixed values (an
 * expression, `$fromAI` included, is refused before anything is sent); as an AI tool it is refused
 * before the run opens (run/tool.ts).
 */
function prepare(run: Run, itemIndex: number): ClearInput {
	requireFixedValues(
		run,
		itemIndex,
		{ campaign: 'Campaign', typeCampaign: 'Campaign Type', options: 'Options' },
		'Empty a Campaign takes fixed values only, chosen by a person, not by the input',
	);
	return { ...readCampaignTarget(run, itemIndex), result: readResultFilter(run, itemIndex) };
}

/** One clear_campaign per item (items naming the same campaign each send one: the first empties it). */
export const operation = plannedOperation<ClearInput>({
	description,
	prepare,
	plan: oneRequestPerItem((input) =>
		campaignCall('DELETE', 'clear_campaign', {
			...targetQuery(input),
			...(input.result ? { result: input.result } : {}),
		}),
	),
	toOutput: (_run, input, [answer]) => [
		{
			campaignId: input.campaignId,
			typeCampaign: input.typeCampaign,
			result: input.result || null,
			...answer,
		},
	],
});
