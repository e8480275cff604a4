import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { activityCodeOptions } from '../Wolkvox/methods/activityCodeOptions';
import { openRequestRun } from '../Wolkvox/transport/request';
import { toColombiaIso } from './colombiaTime';
import type { Cursor, DateRange } from './cursor';
import { DAY_MS, isReadDue, pollRange, startCursor, storedCursor, takeNewRows } from './cursor';
import type { TriggerSettings } from './description';
import { readTriggerSettings, triggerProperties } from './description';
import { passesFilter, readsOf } from './events';
import type { ReportRow } from './read';
import { readReportRows } from './read';

/** How many interactions "Fetch Test Event" shows: the most recent of the last day. */
const TEST_EVENT_ITEMS = 10;

/**
 * Polls of this process still reading, by workflow and node: a poll that starts while the previous
 * one still reads (a long busy wait, a slow answer) does nothing, so both never emit the same rows.
 */
const pollsInFlight = new Set<string>();

function itemOf({ json, date }: ReportRow): INodeExecutionData {
	return { json: { ...json, date_iso: toColombiaIso(date) } };
}

async function readRows(
	context: IPollFunctions,
	settings: TriggerSettings,
	range: DateRange,
): Promise<ReportRow[]> {
	const run = await openRequestRun(context);
	if ('problem' in run)
		throw new NodeOperationError(context.getNode(), run.problem, {
			description: 'Nothing was sent to Wolkvox.',
		});
	const reader = { node: context.getNode(), run, settings: settings.request };
	return await readReportRows(
		reader,
		settings.event,
		readsOf(settings.event, settings.groups),
		range,
	);
}

/** "Fetch Test Event" in the editor: the most recent interactions of the last day; the cursor is not touched. */
async function testEvent(
	context: IPollFunctions,
	settings: TriggerSettings,
	now: number,
): Promise<INodeExecutionData[][]> {
	const range = pollRange(startCursor(settings.event, now - DAY_MS), now);
	const rows = (await readRows(context, settings, range))
		.filter((row) => passesFilter(settings.event, settings.filter, row.json))
		.sort((a, b) => a.date - b.date);
	const unique = [...new Map(rows.map((row) => [row.key, row])).values()];
	if (unique.length === 0) {
		throw new NodeOperationError(
			context.getNode(),
			'Nothing in Wolkvox matches in the last 24 hours',
			{
				description:
					settings.event === 'callCoded'
						? 'No interaction coded in the last 24 hours passes the Activity Codes and Campaign filters. Code a call in Wolkvox, or widen the filters.'
						: 'No consumer was released from Ley 2300 protection in the last 24 hours.',
			},
		);
	}
	return [unique.slice(-TEST_EVENT_ITEMS).map(itemOf)];
}

/**
 * A poll of the active workflow: reads from the cursor to now and emits each new row once. The cursor
 * is written only after every read succeeded: a failed or refused poll emits nothing and keeps it.
 */
async function activePoll(
	context: IPollFunctions,
	settings: TriggerSettings,
	now: number,
): Promise<INodeExecutionData[][] | null> {
	const staticData = context.getWorkflowStaticData('node');
	let cursor: Cursor | undefined = storedCursor(staticData.cursor, settings.event);
	if (!cursor) {
		cursor = startCursor(settings.event, now, settings.startFrom);
		staticData.cursor = cursor as unknown as IDataObject;
		if (settings.startFrom === undefined) return null;
	}
	if (!isReadDue(cursor, now, settings.minIntervalMs)) return null;
	const range = pollRange(cursor, now);
	const rows = await readRows(context, settings, range);
	const { fresh, next } = takeNewRows(cursor, range, rows, settings.overlapMs);
	staticData.cursor = { ...next, readAt: now } as unknown as IDataObject;
	const items = fresh
		.filter((row) => passesFilter(settings.event, settings.filter, row.json))
		.map(itemOf);
	return items.length ? [items] : null;
}

export class WolkvoxTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wolkvox Trigger',
		name: 'wolkvoxTrigger',
		icon: { light: 'file:../Wolkvox/wolkvox.svg', dark: 'file:../Wolkvox/wolkvox.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			"={{ {'callCoded':'Call Coded','law2300Release':'Ley 2300 Release'}[$parameter.event] }}",
		description:
			"Starts the workflow when an agent codes an interaction in Wolkvox (activity codes) or a consumer is released from Ley 2300 protection. Polls Wolkvox's reports: each read costs calls of the token's daily quota.",
		defaults: { name: 'Wolkvox Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wolkvoxApi', required: true }],
		properties: triggerProperties,
	};

	methods = { loadOptions: { activityCodeOptions } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = readTriggerSettings(this);
		const now = Date.now();
		if (this.getMode() === 'manual') return await testEvent(this, settings, now);
		const pollKey = `${this.getWorkflow().id}:${this.getNode().id}`;
		if (pollsInFlight.has(pollKey)) return null;
		pollsInFlight.add(pollKey);
		try {
			return await activePoll(this, settings, now);
		} finally {
			pollsInFlight.delete(pollKey);
		}
	}
}
