import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';
import * as addTemporary from './addTemporary.operation';
import * as addToCampaign from './addToCampaign.operation';
import * as getMany from './getMany.operation';
import * as remove from './remove.operation';
import * as sync from './sync.operation';

export const dncOperations = {
	add: add.operation,
	addTemporary: addTemporary.operation,
	addToCampaign: addToCampaign.operation,
	getAll: getMany.operation,
	remove: remove.operation,
	sync: sync.operation,
};

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
				description:
					'Add telephones to the inbound or outbound Do-Not-Call list, or both. Costs one API call of the daily quota per 10,000 numbers.',
				action: 'Add telephones to a DNC list',
			},
			{
				name: 'Add for Some Days',
				value: 'addTemporary',
				description: 'Block telephones from being dialled for a number of days',
				action: 'Add telephones to the DNC list for some days',
			},
			{
				name: 'Add to Campaign',
				value: 'addToCampaign',
				description: 'Mark customers of a predictive campaign as do-not-call',
				action: 'Add customers to a campaign DNC list',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'Get many numbers of the Do-Not-Call lists. Costs one API call of the daily quota.',
				action: 'Get many DNC numbers',
			},
			{
				name: 'Remove',
				value: 'remove',
				description:
					'Remove telephones from the Do-Not-Call lists, or empty one list. Costs one API call of the daily quota per 10,000 numbers.',
				action: 'Remove telephones from the DNC lists',
			},
			{
				name: 'Sync',
				value: 'sync',
				description:
					'Make one Do-Not-Call list equal to the telephones of the input items. Costs one API call of the daily quota to read the list, then one per write (usually one).',
				action: 'Sync a DNC list',
			},
		],
		default: 'add',
	},
	...add.description,
	...addTemporary.description,
	...addToCampaign.description,
	...getMany.description,
	...remove.description,
	...sync.description,
];
