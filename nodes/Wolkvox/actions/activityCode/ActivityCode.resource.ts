import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as getMany from './getMany.operation';
import * as sync from './sync.operation';
import * as update from './update.operation';

export const activityCodeOperations = {
	create: create.operation,
	delete: del.operation,
	getAll: getMany.operation,
	sync: sync.operation,
	update: update.operation,
};

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
				description:
					'Create an activity (typification) code. Costs one API call of the daily quota.',
				action: 'Create an activity code',
			},
			{
				name: 'Delete',
				value: 'delete',
				description:
					'Delete one or more activity codes of a group. Costs one API call of the daily quota.',
				action: 'Delete activity codes',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many activity codes. Costs one API call of the daily quota.',
				action: 'Get many activity codes',
			},
			{
				name: 'Sync',
				value: 'sync',
				description:
					'Make the activity codes of a group equal to the input items: create, update, and optionally delete. Costs one API call of the daily quota to read the codes, then one per code changed.',
				action: 'Sync activity codes',
			},
			{
				name: 'Update',
				value: 'update',
				description:
					"Replace an activity code's description and flags. Costs one API call of the daily quota.",
				action: 'Update an activity code',
			},
		],
		default: 'create',
	},
	...create.description,
	...update.description,
	...del.description,
	...getMany.description,
	...sync.description,
];
