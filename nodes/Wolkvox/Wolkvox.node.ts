import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { activityCodeDescription } from './actions/activityCode/ActivityCode.resource';
import { dncDescription } from './actions/dnc/Dnc.resource';
import { router } from './actions/router';
import { tokenDescription } from './actions/token/Token.resource';

export class Wolkvox implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wolkvox',
		name: 'wolkvox',
		icon: { light: 'file:wolkvox.svg', dark: 'file:wolkvox.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
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
					{ name: 'Token', value: 'token' },
				],
				default: 'dnc',
			},
			...dncDescription,
			...activityCodeDescription,
			...tokenDescription,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
