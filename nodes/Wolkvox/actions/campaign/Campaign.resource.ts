import type { INodeProperties } from 'n8n-workflow';

import * as addRecords from './addRecords.operation';
import * as clear from './clear.operation';
import * as codifyRecord from './codifyRecord.operation';
import * as findRecords from './findRecords.operation';
import * as getMany from './getMany.operation';
import * as removeRecords from './removeRecords.operation';
import * as scheduleRecall from './scheduleRecall.operation';
import * as start from './start.operation';
import * as stop from './stop.operation';

export const campaignOperations = {
	addRecords: addRecords.operation,
	clear: clear.operation,
	codifyRecord: codifyRecord.operation,
	findRecords: findRecords.operation,
	getAll: getMany.operation,
	removeRecords: removeRecords.operation,
	scheduleRecall: scheduleRecall.operation,
	start: start.operation,
	stop: stop.operation,
};

export const campaignDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['campaign'] } },
		options: [
			{
				name: 'Add Records',
				value: 'addRecords',
				description:
					"Load customers into a campaign, skipping blocked numbers. Costs one API call per 10,000 records, plus Skip Blocked Numbers' reads.",
				action: 'Add records to a campaign',
			},
			{
				name: 'Code a Record',
				value: 'codifyRecord',
				description: 'Give a record an activity code so the dialer stops calling it',
				action: 'Code a campaign record',
			},
			{
				name: 'Empty a Campaign',
				value: 'clear',
				description: 'Delete every record of a campaign, or those with one result',
				action: 'Empty a campaign',
			},
			{
				name: 'Find Records',
				value: 'findRecords',
				description: 'Find records of a campaign by telephone or customer ID',
				action: 'Find campaign records',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: "List the operation's campaigns. Costs one API call.",
				action: 'Get many campaigns',
			},
			{
				name: 'Remove Records',
				value: 'removeRecords',
				description: 'Remove records from a campaign by customer ID (cannot be undone)',
				action: 'Remove records from a campaign',
			},
			{
				name: 'Schedule a Callback',
				value: 'scheduleRecall',
				description: 'Have the dialer call a record back at a date and time',
				action: 'Schedule a callback',
			},
			{
				name: 'Start',
				value: 'start',
				description: 'Start dialing a campaign',
				action: 'Start a campaign',
			},
			{
				name: 'Stop',
				value: 'stop',
				description: 'Stop dialing a campaign',
				action: 'Stop a campaign',
			},
		],
		default: 'addRecords',
	},
	...addRecords.description,
	...clear.description,
	...codifyRecord.description,
	...findRecords.description,
	...getMany.description,
	...removeRecords.description,
	...scheduleRecall.description,
	...start.description,
	...stop.description,
];
