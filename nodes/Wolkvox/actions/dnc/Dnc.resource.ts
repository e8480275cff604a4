import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';
import * as getMany from './getMany.operation';
import * as remove from './remove.operation';

export const dncOperations = { add: add.operation, getAll: getMany.operation, remove: remove.operation };

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
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many numbers of the Do-Not-Call lists',
				action: 'Get many DNC numbers',
			},
			{
				name: 'Remove',
				value: 'remove',
				description: 'Remove telephones from the Do-Not-Call lists, or empty one list',
				action: 'Remove telephones from the DNC lists',
			},
		],
		default: 'add',
	},
	...add.description,
	...getMany.description,
	...remove.description,
];
