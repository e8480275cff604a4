import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../run/errors';
import { oneRequestPerItem } from '../../run/operation';
import {
	optionsCollection,
	readOptions,
	readParameter,
	readRequiredText,
} from '../../run/parameters';
import { plannedOperation } from '../../run/plan';
import type { Run } from '../../run/run';
import { countryCodeOption } from '../dnc/fields';
import { readOneTelephone } from '../dnc/fields';
import { campaignCall, campaignFields, customerIdField, readCampaignId } from './fields';
import { COLOMBIA_TIME_ZONE, isTimeZone, recallDateText } from './recallDate';

const properties: INodeProperties[] = [
	...campaignFields(false),
	customerIdField,
	{
		displayName: 'Recall Date',
		name: 'recallDate',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			"When the dialer calls back. A date without an offset is read in the workflow's time zone; it is sent in Colombia's time (or the Time Zone option's).",
	},
	{
		displayName: 'Recall Telephone',
		name: 'recallTelephone',
		type: 'string',
		required: true,
		default: '',
		placeholder: '3001234567',
		description: 'The number to call back (normalised like DNC numbers, Country Code included)',
	},
	optionsCollection([
		countryCodeOption,
		{
			displayName: 'Time Zone',
			name: 'timeZone',
			type: 'string',
			default: COLOMBIA_TIME_ZONE,
			placeholder: 'America/Mexico_City',
			description:
				"The time zone of the Wolkvox operation, in which the date is sent (IANA name). Default: Colombia's time.",
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['campaign'], operation: ['scheduleRecall'] } },
	properties,
);

export interface RecallInput {
	campaignId: string;
	body: { recall_date: string; recall_telephone: string; customer_id: string };
}

function prepare(run: Run, itemIndex: number): RecallInput {
	const timeZone = String(readOptions(run, itemIndex).timeZone ?? '').trim() || COLOMBIA_TIME_ZONE;
	if (!isTimeZone(timeZone))
		throw inputError(
			run,
			itemIndex,
			`"Time Zone" must be a time zone such as America/Bogota, not "${timeZone}"`,
		);
	const raw = readParameter(run, 'recallDate', itemIndex);
	const recallDate = recallDateText(raw, timeZone, run.context.getTimezone());
	if (!recallDate)
		throw inputError(
			run,
			itemIndex,
			`"Recall Date" must be a date and time, not ${JSON.stringify(raw) ?? 'nothing'}`,
		);
	return {
		campaignId: readCampaignId(run, itemIndex),
		body: {
			recall_date: recallDate,
			recall_telephone: readOneTelephone(run, itemIndex, 'recallTelephone', 'Recall Telephone'),
			customer_id: readRequiredText(run, 'customerId', 'Customer ID', itemIndex),
		},
	};
}

/** One recall per item. */
export const operation = plannedOperation<RecallInput>({
	description,
	prepare,
	plan: oneRequestPerItem((input) =>
		campaignCall('PUT', 'recall', { campaign_id: input.campaignId }, { ...input.body }),
	),
	toOutput: (_run, input, [answer]) => [
		{
			campaignId: input.campaignId,
			customerId: input.body.customer_id,
			recallDate: input.body.recall_date,
			recallTelephone: input.body.recall_telephone,
			...answer,
		},
	],
});
