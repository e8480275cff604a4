import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';

export const activityCodeOperations = { create: create.operation };

export const activityCodeDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['activityCode'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create an activity (typification) code',
				action: 'Create an activity code',
			},
		],
		default: 'create',
	},
	...create.description,
];
