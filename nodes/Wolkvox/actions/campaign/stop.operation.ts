import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../run/parameters';
import { oneRequestPerItem } from '../../run/operation';
import { plannedOperation } from '../../run/plan';
import { campaignCall, campaignFields, readCampaignId } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['campaign'], operation: ['stop'] } },
	[...campaignFields(false), optionsCollection()],
);

/** One `stop` per item: the dialer stops calling the campaign's records. */
export const operation = plannedOperation<string>({
	description,
	prepare: readCampaignId,
	plan: oneRequestPerItem((campaignId) => campaignCall('PUT', 'stop', { campaign_id: campaignId })),
	toOutput: (_run, campaignId, [answer]) => [{ campaignId, ...answer }],
});
