import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { activityCodeDescription } from './actions/activityCode/ActivityCode.resource';
import { campaignDescription } from './actions/campaign/Campaign.resource';
import { dncDescription } from './actions/dnc/Dnc.resource';
import { law2300Description } from './actions/law2300/Law2300.resource';
import { router } from './actions/router';
import { tokenDescription } from './actions/token/Token.resource';
import { methods } from './methods';

export class Wolkvox implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wolkvox',
		name: 'wolkvox',
		icon: { light: 'file:wolkvox.svg', dark: 'file:wolkvox.dark.svg' },
		group: ['output'],
		version: 1,
		// The canvas line under the node's name, as a user would say it: "Add DNC", "Create Activity Code"…
		subtitle:
			"={{ {'dnc:add':'Add DNC','dnc:remove':'Remove DNC','dnc:getAll':'Get Many DNC','dnc:sync':'Sync DNC List','dnc:addToCampaign':'Add Campaign DNC','dnc:addTemporary':'Add DNC for Some Days','law2300:block':'Block Under Ley 2300','law2300:check':'Check Ley 2300','law2300:contactWindow':'Check Contact Window','law2300:release':'Release From Ley 2300','activityCode:create':'Create Activity Code','activityCode:update':'Update Activity Code','activityCode:delete':'Delete Activity Codes','activityCode:getAll':'Get Many Activity Codes','activityCode:sync':'Sync Activity Codes','token:getUsage':'Get Token Usage','campaign:addRecords':'Add Campaign Records','campaign:findRecords':'Find Campaign Records','campaign:removeRecords':'Remove Campaign Records','campaign:codifyRecord':'Code a Campaign Record','campaign:scheduleRecall':'Schedule a Callback','campaign:clear':'Empty a Campaign','campaign:start':'Start Campaign','campaign:stop':'Stop Campaign','campaign:getAll':'Get Many Campaigns'}[$parameter.resource + ':' + $parameter.operation] }}",
		description:
			"Manage Wolkvox Do-Not-Call lists (also per campaign and for some days), Colombia's Ley 2300 opt-outs, activity codes and campaign records (load customers into the dialer, skipping blocked numbers), and check token usage. Every Wolkvox API call counts against the token's daily quota (licences × 1,000 calls a day).",
		defaults: { name: 'Wolkvox' },
		// As an AI Agent's tool ("Wolkvox Tool"): the text a manual Tool Description starts from.
		usableAsTool: {
			replacements: {
				description:
					"Wolkvox contact centre. DNC: Add puts the given telephone numbers on the outbound (never dial them) or inbound (block calls from them) Do-Not-Call list; Remove takes numbers off; Get Many lists them; Sync makes a list equal to the given numbers and answers with a summary; Add to Campaign and Add for Some Days block customers of a campaign or numbers for some days. Ley 2300 (Colombia): Block records a consumer's opt-out, Check tells whether a number is protected; Check Contact Window tells whether Ley 2300 allows contacting a customer now (or at a given moment) and when it next does, without any Wolkvox call; Release must come from the workflow, not from an agent. Activity codes (tipificaciones): create, update, delete, list, sync. Campaign: Add Records loads customers into a dialer campaign and drops numbers on the DNC lists; Find, Code a Record, Schedule a Callback, Remove, Start, Stop; Empty a Campaign is never done by an agent. Every call uses the token's daily Wolkvox quota (licences × 1,000 calls a day): call once per request, and do not retry a number Wolkvox refused.",
			},
		},
		builderHint: {
			searchHint:
				'Wolkvox contact centre: put telephone numbers on a do-not-call (DNC, no llamar) list when a customer opts out or unsubscribes, remove them, list them, or keep a DNC list in sync with a sheet or CRM; record Colombian Ley 2300 opt-outs (no contactables, dejen de fregar); check whether the Ley 2300 contact hours (horario de contacto, festivos de Colombia) allow calling or messaging a customer now, without any credential; manage activity codes (tipificación, call dispositions). As an AI Agent tool, Add DNC takes the numbers in Telephones and the list (inbound/outbound) in Type of Call.',
		},
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'wolkvoxApi',
				required: true,
				// Check Contact Window calls no Wolkvox API: no credential is asked for or read.
				displayOptions: { hide: { operation: ['contactWindow'] } },
			},
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Activity Code', value: 'activityCode' },
					{ name: 'Campaign', value: 'campaign' },
					{ name: 'DNC', value: 'dnc' },
					{ name: 'Ley 2300 (Colombia)', value: 'law2300' },
					{ name: 'Token', value: 'token' },
				],
				default: 'dnc',
			},
			...dncDescription,
			...law2300Description,
			...activityCodeDescription,
			...tokenDescription,
			...campaignDescription,
		],
	};

	methods = methods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
