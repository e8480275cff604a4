import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../run/parameters';
import { oneRequestPerItem } from '../../run/operation';
import { plannedOperation } from '../../run/plan';
import { campaignCall, campaignFields, readCampaignId } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['campaign'], operation: ['start'] } },
	[...campaignFields(false), optionsCollection()],
);

/** One `start` per item: the dialer starts calling the campaign's records. */
export const operation = plannedOperation<string>({
	description,
	prepare: readCampaignId,
	plan: oneRequestPerItem((campaignId) =>
		campaignCall('PUT', 'start', { campaign_id: campaignId }),
	),
	toOutput: (_run, campaignId, [answer]) => [{ campaignId, ...answer }],
});
