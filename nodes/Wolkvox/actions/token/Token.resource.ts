import type { INodeProperties } from 'n8n-workflow';

import * as getUsage from './getUsage.operation';

export const tokenOperations = { getUsage: getUsage.operation };

export const tokenDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['token'] } },
		options: [
			{
				name: 'Get Usage',
				value: 'getUsage',
				description:
					"Get the token's daily call limit, the calls it and all the operation's tokens made today, and its description. Wolkvox counts this call itself against the daily quota.",
				action: 'Get token usage',
			},
		],
		default: 'getUsage',
	},
	...getUsage.description,
];
