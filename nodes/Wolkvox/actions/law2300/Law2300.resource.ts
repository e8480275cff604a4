import type { INodeProperties } from 'n8n-workflow';

import * as block from './block.operation';
import * as check from './check.operation';
import * as contactWindow from './contactWindow.operation';
import * as release from './release.operation';

export const law2300Operations = {
	block: block.operation,
	check: check.operation,
	contactWindow: contactWindow.operation,
	release: release.operation,
};

export const law2300Description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['law2300'] } },
		options: [
			{
				name: 'Block',
				value: 'block',
				description:
					"Put a number on the Ley 2300 'no contactables' list: the customer asked not to be contacted",
				action: 'Block a number from being contacted',
			},
			{
				name: 'Check',
				value: 'check',
				description:
					'Whether a number is protected under Ley 2300, since when and by which channel',
				action: 'Check whether a number is protected',
			},
			{
				name: 'Check Contact Window',
				value: 'contactWindow',
				description:
					"Whether Ley 2300 allows contacting a consumer now or at a given moment (Mon–Fri 07:00–19:00, Sat 08:00–15:00, never Sundays or Colombia's holidays) and when it next does. No Wolkvox call, no credential.",
				action: 'May I contact this customer now',
			},
			{
				name: 'Release',
				value: 'release',
				description:
					'Lift the Ley 2300 protection of a customer, by telephone or customer ID, on their own request',
				action: 'Release a protected customer',
			},
		],
		default: 'block',
	},
	...block.description,
	...check.description,
	...contactWindow.description,
	...release.description,
];
