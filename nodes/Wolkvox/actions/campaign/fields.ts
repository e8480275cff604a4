import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { locatorProperty } from '../../helpers/locator';
import {
	readChoice,
	readChoiceParameter,
	readOptions,
	readRequiredText,
} from '../../run/parameters';
import type { Run } from '../../run/run';
import type { WolkvoxCall } from '../../transport/request';

export const CAMPAIGN_TYPES = ['predictive', 'preview'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

export const campaignLocator = locatorProperty(
	{
		displayName: 'Campaign',
		name: 'campaign',
		description: 'The campaign in wolkvox Manager: pick it from the list, or give its ID',
	},
	'searchCampaigns',
	'7224',
);

export const campaignTypeField: INodeProperties = {
	displayName: 'Campaign Type',
	name: 'typeCampaign',
	type: 'options',
	options: [
		{ name: 'Predictive', value: 'predictive', description: 'The dialer calls the records itself' },
		{ name: 'Preview', value: 'preview', description: 'An agent sees each record before calling' },
	],
	default: 'predictive',
	description: "The campaign's type in wolkvox Manager (Wolkvox's type_campaign)",
};

/** The campaign of an operation: the picker, and the type when Wolkvox's call takes it. */
export function campaignFields(typed: boolean): INodeProperties[] {
	return typed ? [campaignLocator, campaignTypeField] : [campaignLocator];
}

export interface CampaignTarget {
	campaignId: string;
	typeCampaign: CampaignType;
}

export function readCampaignId(run: Run, itemIndex: number): string {
	return readRequiredText(run, 'campaign', 'Campaign', itemIndex);
}

export function readCampaignTarget(run: Run, itemIndex: number): CampaignTarget {
	return {
		campaignId: readCampaignId(run, itemIndex),
		typeCampaign: readChoiceParameter(
			run,
			'typeCampaign',
			CAMPAIGN_TYPES,
			'Campaign Type',
			itemIndex,
		),
	};
}

/** A campaign.php call; `qs` holds the campaign (and the type where the api takes it). */
export function campaignCall(
	method: WolkvoxCall['method'],
	api: string,
	qs: IDataObject,
	body?: IDataObject,
): WolkvoxCall {
	return { method, file: 'campaign', api, qs, ...(body ? { body } : {}) };
}

export const targetQuery = ({ campaignId, typeCampaign }: CampaignTarget): IDataObject => ({
	type_campaign: typeCampaign,
	campaign_id: campaignId,
});

/** The call results `result` filters by (remove_record, clear_campaign). */
export const CALL_RESULTS = [
	'answer',
	'abandon',
	'answer-machine',
	'busy',
	'chanunavail',
	'congestion',
	'do-not-call',
	'failed',
	'no-answer',
	'unknown',
] as const;

export const resultFilterField: INodeProperties = {
	displayName: 'Only Records With Result',
	name: 'result',
	type: 'options',
	options: [
		{ name: 'Any Result', value: '' },
		...CALL_RESULTS.map((result) => ({ name: result, value: result })),
	],
	default: '',
	description: "Only the records whose last call had this result (Wolkvox's result)",
};

/** The Only Records With Result option: '' for any result. */
export function readResultFilter(run: Run, itemIndex: number): string {
	const value = readOptions(run, itemIndex).result ?? '';
	return readChoice(run, value, ['', ...CALL_RESULTS], 'Only Records With Result', itemIndex);
}

/** The one record an operation acts on (Code a Record, Schedule a Callback). */
export const customerIdField: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customerId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '1000000001',
	description: "The record's customer ID in the campaign",
};
