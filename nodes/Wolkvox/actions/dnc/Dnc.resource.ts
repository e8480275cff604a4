import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';

export const dncOperations = { add: add.operation };

export const dncDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['dnc'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				description: 'Add telephones to the inbound or outbound Do-Not-Call list',
				action: 'Add telephones to a DNC list',
			},
		],
		default: 'add',
	},
	...add.description,
];
