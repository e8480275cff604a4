/**
 * The trigger's events: which report each reads, what identifies one of its rows, and which rows the
 * filters let through. Pure: the reading itself is in read.ts.
 */
import type { IDataObject } from 'n8n-workflow';

import { parseWolkvoxDate } from './colombiaTime';

export const EVENTS = ['callCoded', 'law2300Release'] as const;
export type TriggerEvent = (typeof EVENTS)[number];

export const CODE_GROUPS = ['cod_act1', 'cod_act2'] as const;
export type CodeGroup = (typeof CODE_GROUPS)[number];

/** One read of a report (a call of the token's daily quota for each range of at most 31 days). */
export interface ReportRead {
	api: 'act_3' | 'cdr_11';
	/** Query parameters besides the dates. */
	qs: IDataObject;
}

/** The reads of one poll: Call Coded reads act_3 once per group, Ley 2300 Release reads cdr_11. */
export function readsOf(event: TriggerEvent, groups: CodeGroup[]): ReportRead[] {
	if (event === 'law2300Release') return [{ api: 'cdr_11', qs: {} }];
	return groups.map((group) => ({ api: 'act_3', qs: { cod_act: group } }));
}

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

/**
 * What identifies a row: a coded interaction by its `conn_id` (one call is one interaction, whichever
 * group's report lists it); a release, which has no ID, by everything it says. Undefined when a coded
 * interaction has no `conn_id`.
 */
export function rowKey(event: TriggerEvent, row: IDataObject): string | undefined {
	if (event === 'callCoded') return text(row.conn_id) || undefined;
	const { protected_nit, agent_id, operation, date, item, value } = row;
	return JSON.stringify([date, protected_nit, item, value, agent_id, operation].map(text));
}

/** A row's date (Colombia's time), or undefined when it has none that reads as a date. */
export function rowDate(row: IDataObject): number | undefined {
	return parseWolkvoxDate(row.date);
}

/**
 * An activity code filter entry: `cod_act1:099` (as the list gives it) is code 099 of group 1; a
 * bare `099` is code 099 of either group; text matching a code's description (any case) counts too,
 * so an expression may name "No volver a llamar".
 */
function matchesCode(entry: string, row: IDataObject): boolean {
	const [, group, code] = /^(cod_act[12]):(.+)$/.exec(entry) ?? [undefined, undefined, entry];
	const wanted = code.trim().toLowerCase();
	const sides = [
		{ group: 'cod_act1', id: row.cod_act, description: row.description_cod_act },
		{ group: 'cod_act2', id: row.cod_act_2, description: row.description_cod_act_2 },
	];
	return sides.some(
		(side) =>
			(group === undefined || group === side.group) &&
			wanted !== '' &&
			(text(side.id).toLowerCase() === wanted || text(side.description).toLowerCase() === wanted),
	);
}

export interface RowFilter {
	/** Activity code entries; empty: every code. */
	activityCodes: string[];
	/** Campaign IDs; empty: every campaign. */
	campaignIds: string[];
}

/** Whether a coded interaction passes the filters (a release always does: they do not apply to it). */
export function passesFilter(event: TriggerEvent, filter: RowFilter, row: IDataObject): boolean {
	if (event !== 'callCoded') return true;
	const codeOk =
		filter.activityCodes.length === 0 ||
		filter.activityCodes.some((entry) => matchesCode(entry, row));
	const campaignOk =
		filter.campaignIds.length === 0 || filter.campaignIds.includes(text(row.campaign_id));
	return codeOk && campaignOk;
}
