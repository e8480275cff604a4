import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { activityCodeDescription } from './actions/activityCode/ActivityCode.resource';
import { dncDescription } from './actions/dnc/Dnc.resource';
import { law2300Description } from './actions/law2300/Law2300.resource';
import { router } from './actions/router';
import { tokenDescription } from './actions/token/Token.resource';

export class Wolkvox implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wolkvox',
		name: 'wolkvox',
		icon: { light: 'file:wolkvox.svg', dark: 'file:wolkvox.dark.svg' },
		group: ['output'],
		version: 1,
		// The canvas line under the node's name, as a user would say it: "Add DNC", "Create Activity Code"…
		subtitle:
			"={{ {'dnc:add':'Add DNC','dnc:remove':'Remove DNC','dnc:getAll':'Get Many DNC','dnc:sync':'Sync DNC List','dnc:addToCampaign':'Add Campaign DNC','dnc:addTemporary':'Add DNC for Some Days','law2300:block':'Block Under Ley 2300','law2300:check':'Check Ley 2300','law2300:release':'Release From Ley 2300','activityCode:create':'Create Activity Code','activityCode:update':'Update Activity Code','activityCode:delete':'Delete Activity Codes','activityCode:getAll':'Get Many Activity Codes','activityCode:sync':'Sync Activity Codes','token:getUsage':'Get Token Usage'}[$parameter.resource + ':' + $parameter.operation] }}",
		description: 'Manage Wolkvox Do-Not-Call lists and activity codes, and check token usage',
		defaults: { name: 'Wolkvox' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wolkvoxApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Activity Code', value: 'activityCode' },
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
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
