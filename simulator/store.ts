/** The data a Wolkvox operation holds: its two DNC lists, its activity codes, Ley 2300, campaign DNC and campaigns. */
import { CampaignDnc, TemporaryDnc } from './campaignDnc';
import { Campaigns } from './campaigns';
import { formatDate } from './checks';
import { Law2300List } from './law2300';
import { Reports } from './reports';

export type DncType = 'inbound' | 'outbound';
export type YesNo = 'yes' | 'no';
export type CodeType = 'cod_act1' | 'cod_act2';

export interface ActivityCode {
	type_code: CodeType;
	cod_act: string;
	description_cod_act: string;
	hit: YesNo;
	rpc: YesNo;
	chat: YesNo;
	studio: YesNo;
	voice: YesNo;
	interactions: YesNo;
}

export interface DncEntry {
	phone_number: string;
	type: DncType;
	date_delete: string;
}

/**
 * Inferred from Wolkvox's documented limit of 60,000 records downloaded per call: whether get_dnc pages
 * or stops there is not documented, so the simulator stops there (the first records in its order).
 */
export const DOWNLOAD_LIMIT = 60_000;
const DNC_DAYS = 365; // inferred: how long a DNC entry lasts before date_delete
const DAY_MS = 86_400_000;

export function codeKey(typeCode: string, codAct: string): string {
	return `${typeCode}:${codAct}`;
}

export class Store {
	readonly dnc = { inbound: new Set<string>(), outbound: new Set<string>() };
	readonly activityCodes = new Map<string, ActivityCode>();
	readonly law2300 = new Law2300List();
	readonly campaignDnc = new CampaignDnc();
	readonly temporaryDnc = new TemporaryDnc();
	readonly campaigns = new Campaigns();
	/** Coded interactions and Ley 2300 releases, as Wolkvox's reports list them. */
	readonly reports = new Reports();
	private readonly addedAt = {
		inbound: new Map<string, number>(),
		outbound: new Map<string, number>(),
	};
	/** Most records a read answers with; a bench may lift it to measure lists Wolkvox could not download. */
	downloadLimit = DOWNLOAD_LIMIT;
	/** A Wolkvox that ignores remove_dnc's `type` and takes listed numbers off both lists (for specs). */
	removeIgnoresType = false;

	addDnc(type: DncType, phones: Iterable<string>): void {
		const now = Date.now();
		const list = this.dnc[type];
		const dates = this.addedAt[type];
		for (const phone of phones) {
			list.add(phone);
			dates.set(phone, now); // inferred: adding again renews the block
		}
	}

	/** Removes each phone, exactly as stored, from the lists given; returns how many phones were in at least one. */
	removeDnc(phones: Iterable<string>, types: DncType[] = ['inbound', 'outbound']): number {
		let removed = 0;
		for (const phone of phones) {
			const deleted = types.map((type) => this.deleteDnc(type, phone));
			if (deleted.includes(true)) removed++;
		}
		return removed;
	}

	/** Fills a list fast with `count` consecutive 10-digit numbers from `first`, for specs, e2e and the bench. */
	seedDnc(type: DncType, count: number, first = 3_000_000_000): void {
		if (!Number.isSafeInteger(count) || count < 0 || !Number.isSafeInteger(first) || first < 0) {
			throw new Error('Seed needs a whole count and first number of at least 0');
		}
		const phones: string[] = [];
		for (let index = 0; index < count; index++) phones.push(String(first + index));
		this.addDnc(type, phones);
	}

	clearDnc(type: DncType): number {
		const count = this.dnc[type].size;
		this.dnc[type].clear();
		this.addedAt[type].clear();
		return count;
	}

	listDnc(types: DncType[]): DncEntry[] {
		const now = Date.now();
		const entries: DncEntry[] = [];
		// Seeded lists share one add time: each date is formatted once (100,000 entries per read in the bench).
		const dates = new Map<number, string>();
		const dateDelete = (added: number) => {
			let text = dates.get(added);
			if (text === undefined) dates.set(added, (text = formatDate(added + DNC_DAYS * DAY_MS)));
			return text;
		};
		for (const type of types) {
			const addedAt = this.addedAt[type];
			for (const phone of this.dnc[type]) {
				// Tests may seed the Set directly, without a date.
				entries.push({
					phone_number: phone,
					type,
					date_delete: dateDelete(addedAt.get(phone) ?? now),
				});
			}
		}
		entries.sort((a, b) =>
			a.phone_number < b.phone_number
				? -1
				: a.phone_number > b.phone_number
					? 1
					: a.type < b.type
						? -1
						: 1,
		);
		return entries.slice(0, this.downloadLimit);
	}

	clear(): void {
		this.downloadLimit = DOWNLOAD_LIMIT;
		this.removeIgnoresType = false;
		this.clearDnc('inbound');
		this.clearDnc('outbound');
		this.activityCodes.clear();
		this.law2300.clear();
		this.campaignDnc.clear();
		this.temporaryDnc.clear();
		this.campaigns.clear();
		this.reports.clear();
	}

	private deleteDnc(type: DncType, phone: string): boolean {
		this.addedAt[type].delete(phone);
		return this.dnc[type].delete(phone);
	}
}
