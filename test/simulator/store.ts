/** The data a Wolkvox operation holds: its two DNC lists and its activity codes. */

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
	studio?: YesNo;
	voice?: YesNo;
}

export interface DncEntry {
	phone_number: string;
	type: DncType;
	date_delete: string;
}

const DNC_DAYS = 365; // inferred: how long a DNC entry lasts before date_delete
const DAY_MS = 86_400_000;

export function codeKey(typeCode: string, codAct: string): string {
	return `${typeCode}:${codAct}`;
}

/** `YYYY-MM-DD HH:mm:ss` in UTC (inferred format). */
function formatDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export class Store {
	readonly dnc = { inbound: new Set<string>(), outbound: new Set<string>() };
	readonly activityCodes = new Map<string, ActivityCode>();
	private readonly addedAt = { inbound: new Map<string, number>(), outbound: new Map<string, number>() };

	addDnc(type: DncType, phones: Iterable<string>): void {
		const now = Date.now();
		const list = this.dnc[type];
		const dates = this.addedAt[type];
		for (const phone of phones) {
			list.add(phone);
			dates.set(phone, now); // inferred: adding again renews the block
		}
	}

	/** Removes each phone from both lists; returns how many phones were in at least one. */
	removeDnc(phones: Iterable<string>): number {
		let removed = 0;
		for (const phone of phones) {
			const inbound = this.deleteDnc('inbound', phone);
			const outbound = this.deleteDnc('outbound', phone);
			if (inbound || outbound) removed++;
		}
		return removed;
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
		for (const type of types) {
			const dates = this.addedAt[type];
			for (const phone of this.dnc[type]) {
				// Tests may seed the Set directly, without a date.
				const added = dates.get(phone) ?? now;
				entries.push({ phone_number: phone, type, date_delete: formatDate(added + DNC_DAYS * DAY_MS) });
			}
		}
		return entries.sort((a, b) =>
			a.phone_number < b.phone_number ? -1 : a.phone_number > b.phone_number ? 1 : a.type < b.type ? -1 : 1,
		);
	}

	clear(): void {
		this.clearDnc('inbound');
		this.clearDnc('outbound');
		this.activityCodes.clear();
	}

	private deleteDnc(type: DncType, phone: string): boolean {
		this.addedAt[type].delete(phone);
		return this.dnc[type].delete(phone);
	}
}
