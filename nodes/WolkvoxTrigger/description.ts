/** The Wolkvox Trigger's parameters, and reading them in a poll. */
import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requestOptionFields } from '../Wolkvox/run/parameters';
import type { RequestSettings } from '../Wolkvox/transport/request';
import {
	DEFAULT_BUSY_WAIT_MS,
	DEFAULT_MAX_RETRIES,
	DEFAULT_TIMEOUT_MS,
	WOLKVOX_CALL_LIMIT_MS,
} from '../Wolkvox/transport/request';
import { parseWolkvoxDate } from './colombiaTime';
import { MINUTE_MS } from './cursor';
import type { CodeGroup, RowFilter, TriggerEvent } from './events';
import { CODE_GROUPS, EVENTS } from './events';

export const DEFAULT_OVERLAP_MINUTES = 60;
export const DEFAULT_MIN_INTERVAL_MINUTES = 5;

const callCodedOnly = { show: { event: ['callCoded'] } };

const triggerOptions: INodeProperties[] = [
	{
		displayName: 'Minimum Minutes Between Reads',
		name: 'minInterval',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: DEFAULT_MIN_INTERVAL_MINUTES,
		description:
			"Polls sooner than this after the last read of Wolkvox do nothing and cost nothing. n8n's Poll Times default to every minute; Wolkvox asks integrations to read no more often than every 5 minutes, and every read costs calls of the token's daily quota. 0: read at every poll.",
	},
	{
		displayName: 'Overlap (Minutes)',
		name: 'overlap',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: DEFAULT_OVERLAP_MINUTES,
		description:
			'Each read starts this long before the end of the previous one, so that interactions Wolkvox lists late (coded after a long call) are still caught; those read twice are emitted once. Costs no extra call.',
	},
	{
		displayName: 'Start From',
		name: 'startFrom',
		type: 'dateTime',
		default: '',
		description:
			"For a backfill: on its first activation (or after the Event changes) the trigger emits everything from this date (Colombia's time unless the date names its zone) instead of starting from now. Ranges over 31 days cost one call per 31 days.",
	},
];

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Call Coded',
				value: 'callCoded',
				description:
					'An agent coded an interaction with an activity code (report act_3): one item per interaction',
			},
			{
				name: 'Ley 2300 Release',
				value: 'law2300Release',
				description:
					'A consumer was released from Ley 2300 protection (report cdr_11): one item per release',
			},
		],
		default: 'callCoded',
	},
	{
		displayName: 'Activity Code Group',
		name: 'codeGroup',
		type: 'options',
		noDataExpression: true,
		displayOptions: callCodedOnly,
		options: [
			{ name: 'Group 1 (Cod_act1)', value: 'cod_act1' },
			{ name: 'Group 2 (Cod_act2)', value: 'cod_act2' },
			{
				name: 'Both Groups',
				value: 'both',
				description: 'Two reads per poll: two calls of the daily quota',
			},
		],
		default: 'cod_act1',
		description: "Whose codes' report to read: each group is one call per poll",
	},
	{
		displayName: 'Activity Codes Names or IDs',
		name: 'activityCodes',
		type: 'multiOptions',
		displayOptions: callCodedOnly,
		typeOptions: { loadOptionsMethod: 'activityCodeOptions' },
		default: [],
		description:
			'Only interactions coded with one of these (empty: every code). An expression may give code IDs ("099", or "cod_act1:099" for one group) or descriptions ("No volver a llamar"). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Campaign IDs',
		name: 'campaignIds',
		type: 'string',
		displayOptions: callCodedOnly,
		default: '',
		placeholder: '7224, 7225',
		description: 'Only interactions of these campaigns, comma-separated (empty: every campaign)',
	},
	{
		displayName:
			"Each read costs one call of the token's daily quota (licences × 1,000 a day) per group and per 31 days read; polls within the Minimum Minutes Between Reads (default 5) cost nothing. Every 5 minutes: 288 calls a day per group.",
		name: 'costNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...triggerOptions, ...requestOptionFields].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
];

export interface TriggerSettings {
	event: TriggerEvent;
	groups: CodeGroup[];
	filter: RowFilter;
	overlapMs: number;
	minIntervalMs: number;
	/** The backfill date, when set. */
	startFrom?: number;
	request: RequestSettings;
}

function parameterError(context: IPollFunctions, message: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), message, {
		description: 'Nothing was read from Wolkvox.',
	});
}

function wholeNumber(
	context: IPollFunctions,
	value: unknown,
	field: string,
	[min, max]: [number, number],
): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number === 'number' && Number.isFinite(number) && number >= min && number <= max)
		return number;
	throw parameterError(context, `"${field}" must be a number from ${min} to ${max}`);
}

/** A list parameter: a list from the picker, or text from an expression (comma-separated). */
function textList(value: unknown): string[] {
	const entries = Array.isArray(value) ? value : String(value ?? '').split(',');
	return entries.map((entry) => String(entry).trim()).filter(Boolean);
}

function oneOf<Choice extends string>(
	context: IPollFunctions,
	value: unknown,
	allowed: readonly Choice[],
	field: string,
): Choice {
	if (allowed.includes(value as Choice)) return value as Choice;
	throw parameterError(context, `"${field}" must be one of ${allowed.join(', ')}`);
}

export function readTriggerSettings(context: IPollFunctions): TriggerSettings {
	const event = oneOf(context, context.getNodeParameter('event', 'callCoded'), EVENTS, 'Event');
	const isCallCoded = event === 'callCoded';
	const group = isCallCoded
		? oneOf(
				context,
				context.getNodeParameter('codeGroup', 'cod_act1'),
				[...CODE_GROUPS, 'both'],
				'Activity Code Group',
			)
		: 'cod_act1';
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const startText = String(options.startFrom ?? '').trim();
	const startFrom = startText ? parseWolkvoxDate(startText) : undefined;
	if (startText && startFrom === undefined)
		throw parameterError(context, `"Start From" is not a date: ${startText}`);
	return {
		event,
		groups: group === 'both' ? [...CODE_GROUPS] : [group],
		filter: {
			activityCodes: isCallCoded ? textList(context.getNodeParameter('activityCodes', [])) : [],
			campaignIds: isCallCoded ? textList(context.getNodeParameter('campaignIds', '')) : [],
		},
		overlapMs:
			wholeNumber(context, options.overlap ?? DEFAULT_OVERLAP_MINUTES, 'Overlap (Minutes)', [
				0,
				7 * 24 * 60,
			]) * MINUTE_MS,
		minIntervalMs:
			wholeNumber(
				context,
				options.minInterval ?? DEFAULT_MIN_INTERVAL_MINUTES,
				'Minimum Minutes Between Reads',
				[0, 24 * 60],
			) * MINUTE_MS,
		...(startFrom === undefined ? {} : { startFrom }),
		request: {
			timeout: wholeNumber(context, options.timeout ?? DEFAULT_TIMEOUT_MS, 'Timeout', [
				1,
				WOLKVOX_CALL_LIMIT_MS,
			]),
			maxRetries: wholeNumber(
				context,
				options.maxRetries ?? DEFAULT_MAX_RETRIES,
				'Max Retries',
				[0, 10],
			),
			busyWait: wholeNumber(
				context,
				options.busyWaitTimeout ?? DEFAULT_BUSY_WAIT_MS,
				'Busy Token Wait',
				[0, 3_600_000],
			),
		},
	};
}
