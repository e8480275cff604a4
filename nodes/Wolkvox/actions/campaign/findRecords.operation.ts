import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../../transport/answer';
import { optionsCollection, readParameter } from '../../run/parameters';
import { plannedOperation } from '../../run/plan';
import { dataList, oneRequestPerDistinctRead, readSource } from '../../run/reads';
import type { Run } from '../../run/run';
import { readOneTelephone } from '../dnc/fields';
import { countryCodeOption } from '../dnc/fields';
import { campaignCall, campaignFields, readCampaignId } from './fields';

const API = 'find_record';

const properties: INodeProperties[] = [
	...campaignFields(false),
	{
		displayName: 'Customer Phone',
		name: 'customerPhone',
		type: 'string',
		default: '',
		placeholder: '3001234567',
		description:
			'Only the records with this telephone (normalised like DNC numbers, Country Code included). Empty: any.',
	},
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		default: '',
		placeholder: '1000000001',
		description: 'Only the record with this customer ID. Empty: any.',
	},
	optionsCollection([countryCodeOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['campaign'], operation: ['findRecords'] } },
	properties,
);

export interface FindInput {
	campaignId: string;
	customerPhone?: string;
	customerId?: string;
}

function prepare(run: Run, itemIndex: number): FindInput {
	const input: FindInput = { campaignId: readCampaignId(run, itemIndex) };
	const phone = readParameter(run, 'customerPhone', itemIndex, '');
	if (phone !== '' && phone !== null && phone !== undefined)
		input.customerPhone = readOneTelephone(run, itemIndex, 'customerPhone', 'Customer Phone');
	const customerId = String(readParameter(run, 'customerId', itemIndex, '') ?? '').trim();
	if (customerId) input.customerId = customerId;
	return input;
}

/** One output item per record found, with Wolkvox's fields and the campaign searched. */
function toOutput(
	run: Run,
	input: FindInput,
	answers: WolkvoxAnswer[],
	itemIndex: number,
): IDataObject[] {
	return dataList(readSource(run, API, answers, itemIndex)).map((record) => ({
		campaignId: input.campaignId,
		...record,
	}));
}

/** Items asking the same question share one find_record. */
export const operation = plannedOperation<FindInput>({
	description,
	prepare,
	plan: oneRequestPerDistinctRead(({ campaignId, customerPhone, customerId }) =>
		campaignCall('GET', API, {
			campaign_id: campaignId,
			...(customerPhone ? { customer_phone: customerPhone } : {}),
			...(customerId ? { customer_id: customerId } : {}),
		}),
	),
	toOutput,
});
