import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../run/errors';
import { oneRequestPerItem } from '../../run/operation';
import { optionsCollection } from '../../run/parameters';
import { plannedOperation } from '../../run/plan';
import type { Run } from '../../run/run';
import { runsAsTool } from '../../run/tool';
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

const FIXED = ['campaign', 'typeCampaign', 'options'];

const holdsExpression = (value: unknown): boolean =>
	typeof value === 'string'
		? value.startsWith('=')
		: typeof value === 'object' && value !== null && Object.values(value).some(holdsExpression);

export interface ClearInput extends CampaignTarget {
	result: string;
}

/**
 * Emptying a campaign is too big to follow data: its parameters must be fixed values (an
 * expression, `$fromAI` included, is refused before anything is sent), and never an AI tool's.
 */
function prepare(run: Run, itemIndex: number): ClearInput {
	if (runsAsTool(run.node))
		throw inputError(run, itemIndex, 'Empty a Campaign is not offered as an AI Agent tool');
	for (const name of FIXED) {
		const raw = run.context.getNodeParameter(name, itemIndex, undefined, { rawExpressions: true });
		if (holdsExpression(raw))
			throw inputError(
				run,
				itemIndex,
				`Empty a Campaign takes fixed values only: "${name}" holds an expression`,
			);
	}
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
