/**
 * Skip Blocked Numbers: which telephones of a record are on the operation's DNC lists or protected
 * under Ley 2300. The lists are read once per run, Ley 2300 once per distinct phone (and NIT).
 */
import type { IDataObject } from 'n8n-workflow';

import type { Phone } from '../../helpers/phone';
import { phoneKey, shownSpelling } from '../../helpers/phone';
import type { ItemOutcome, PlannedRequest, PreparedItem } from '../../run/operation';
import type { FailedItems } from '../../run/reads';
import { readForAll } from '../../run/reads';
import type { Run } from '../../run/run';
import { sendPlan } from '../../run/send';

export const DNC_LISTS = ['inbound', 'outbound'] as const;
export type DncList = (typeof DNC_LISTS)[number];

export interface ScreenedInput {
	countryCode: string;
	nit: string;
	/** The record's telephones: field → phone. */
	phones: Map<string, Phone>;
}

export interface Blocked {
	field: string;
	telephone: string;
	reason: string;
}

/** What the reads found: the listed phones' keys per list and country code, and Ley 2300's answers. */
export interface BlockLists {
	listed: Record<DncList, string[]>;
	keys: Map<string, Record<DncList, Set<string>>>;
	/** `nit:phone` → the Ley 2300 row (last_day, last_channel), for protected phones. */
	law2300: Map<string, IDataObject>;
}

const law2300Key = (nit: string, telephone: string) => `${nit}:${telephone}`;

/** Reads each DNC list once for every screened item. */
async function readDncLists<Input extends ScreenedInput>(
	run: Run,
	items: Array<PreparedItem<Input>>,
): Promise<Record<DncList, string[]> | FailedItems> {
	const listed = { inbound: [] as string[], outbound: [] as string[] };
	for (const type of DNC_LISTS) {
		const rows = await readForAll(
			run,
			{ method: 'GET', file: 'information', api: 'get_dnc', qs: { type } },
			items,
			['phone_number'],
		);
		if ('failed' in rows) return rows;
		listed[type] = rows.map((row) => String(row.phone_number));
	}
	return listed;
}

/** One law2300_info per distinct NIT and phone; returns the items whose read failed. */
async function readLaw2300<Input extends ScreenedInput>(
	run: Run,
	items: Array<PreparedItem<Input>>,
	found: Map<string, IDataObject>,
): Promise<Map<number, ItemOutcome>> {
	const requests = new Map<string, PlannedRequest & { key: string }>();
	for (const { itemIndex, input } of items) {
		if (!input.nit) continue;
		for (const phone of new Set([...input.phones.values()].map(shownSpelling))) {
			const key = law2300Key(input.nit, phone);
			const request = requests.get(key);
			if (request) request.itemIndices.push(itemIndex);
			else
				requests.set(key, {
					key,
					itemIndices: [itemIndex],
					call: {
						method: 'GET',
						file: 'information',
						api: 'law2300_info',
						qs: { nit: input.nit, phone },
					},
				});
		}
	}
	const planned = [...requests.values()];
	const progress = await sendPlan(run, planned, items);
	const failed = new Map<number, ItemOutcome>();
	const cursor = new Map<number, number>();
	for (const request of planned) {
		for (const itemIndex of request.itemIndices) {
			const item = progress.get(itemIndex);
			if (item?.error) {
				failed.set(itemIndex, { error: item.error });
				continue;
			}
			const position = cursor.get(itemIndex) ?? 0;
			cursor.set(itemIndex, position + 1);
			const data = item?.answers[position]?.data;
			const [row] = Array.isArray(data) ? (data as IDataObject[]) : [];
			if (row) found.set(request.key, row);
		}
	}
	return failed;
}

/** Reads what Skip Blocked Numbers needs; items whose reads failed come back in `failed`. */
export async function readBlockLists<Input extends ScreenedInput>(
	run: Run,
	items: Array<PreparedItem<Input>>,
): Promise<{ lists: BlockLists; failed: Map<number, ItemOutcome> }> {
	const lists: BlockLists = {
		listed: { inbound: [], outbound: [] },
		keys: new Map(),
		law2300: new Map(),
	};
	if (items.length === 0) return { lists, failed: new Map() };
	const listed = await readDncLists(run, items);
	if ('failed' in listed) return { lists, failed: listed.failed };
	lists.listed = listed;
	const failed = await readLaw2300(run, items, lists.law2300);
	return { lists, failed };
}

function keysFor(lists: BlockLists, countryCode: string): Record<DncList, Set<string>> {
	let keys = lists.keys.get(countryCode);
	if (!keys) {
		const of = (type: DncList) =>
			new Set(lists.listed[type].map((listed) => phoneKey(listed, countryCode)));
		keys = { inbound: of('inbound'), outbound: of('outbound') };
		lists.keys.set(countryCode, keys);
	}
	return keys;
}

/** The record's blocked telephones, each with why: a phone is blocked when any spelling of it is listed. */
export function blockedTelephones(lists: BlockLists, input: ScreenedInput): Blocked[] {
	const keys = keysFor(lists, input.countryCode);
	const blocked: Blocked[] = [];
	for (const [field, phone] of input.phones) {
		const telephone = shownSpelling(phone);
		const reasons = DNC_LISTS.filter((type) => keys[type].has(phone.key)).map(
			(type) => `on the ${type} DNC list`,
		);
		const protectedRow = input.nit
			? lists.law2300.get(law2300Key(input.nit, telephone))
			: undefined;
		if (protectedRow)
			reasons.push(
				`protected under Ley 2300 for NIT ${input.nit} since ${String(protectedRow.last_day ?? '?')} (${String(protectedRow.last_channel ?? '?')})`,
			);
		if (reasons.length) blocked.push({ field, telephone, reason: reasons.join('; ') });
	}
	return blocked;
}
