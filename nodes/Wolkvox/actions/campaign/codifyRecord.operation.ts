import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { locatorProperty } from '../../helpers/locator';
import { oneRequestPerItem } from '../../run/operation';
import { optionsCollection, readOptions, readRequiredText } from '../../run/parameters';
import { plannedOperation } from '../../run/plan';
import type { Run } from '../../run/run';
import type { CampaignTarget } from './fields';
import {
	campaignCall,
	campaignFields,
	customerIdField,
	readCampaignTarget,
	targetQuery,
} from './fields';

const properties: INodeProperties[] = [
	...campaignFields(true),
	customerIdField,
	locatorProperty(
		{
			displayName: 'Activity Code',
			name: 'activityCode',
			description:
				'The activity code (main group) the record gets, so the dialer stops calling a customer reached by another channel',
		},
		'searchMainActivityCodes',
		'002',
	),
	optionsCollection([
		{
			displayName: 'Alternate Activity Code',
			name: 'alternateCode',
			type: 'string',
			default: '',
			placeholder: 'A01',
			description: "A code of the alternate group (Wolkvox's cod_act_2)",
		},
		{
			displayName: 'Comment',
			name: 'comment',
			type: 'string',
			default: '',
			description: 'A comment stored with the code',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['campaign'], operation: ['codifyRecord'] } },
	properties,
);

export interface CodifyInput extends CampaignTarget {
	body: { cod_act: string; customer_id: string; cod_act_2?: string; comment?: string };
}

function prepare(run: Run, itemIndex: number): CodifyInput {
	const options = readOptions(run, itemIndex);
	const alternate = String(options.alternateCode ?? '').trim();
	const comment = String(options.comment ?? '');
	return {
		...readCampaignTarget(run, itemIndex),
		body: {
			cod_act: readRequiredText(run, 'activityCode', 'Activity Code', itemIndex),
			...(alternate ? { cod_act_2: alternate } : {}),
			...(comment ? { comment } : {}),
			customer_id: readRequiredText(run, 'customerId', 'Customer ID', itemIndex),
		},
	};
}

/** One codify per item: the record is coded from outside the dialer. */
export const operation = plannedOperation<CodifyInput>({
	description,
	prepare,
	plan: oneRequestPerItem((input) =>
		campaignCall('PUT', 'codify', targetQuery(input), { ...input.body }),
	),
	toOutput: (_run, input, [answer]) => [
		{
			campaignId: input.campaignId,
			customerId: input.body.customer_id,
			codAct: input.body.cod_act,
			...answer,
		},
	],
});
