/** Ley 2300 (Colombia): the operation's "no contactables" list, keyed by company NIT + telephone. */
import { formatDate } from './checks';

export type Law2300Channel = 'voice' | 'chat' | 'whatsapp';

export interface Law2300Entry {
	nit: string;
	phone_number: string;
	customer_id?: string;
	/** When the number was blocked. */
	last_day: string;
	last_channel: Law2300Channel;
}

const key = (nit: string, phone: string) => `${nit}:${phone}`;

export class Law2300List {
	private readonly entries = new Map<string, Law2300Entry>();

	/**
	 * Inferred: a block through the API records the channel "voice" (Wolkvox's published channels are
	 * voice, chat and whatsapp; which one an API block records is not).
	 */
	block(
		nit: string,
		phone: string,
		customerId?: string,
		channel: Law2300Channel = 'voice',
		at = Date.now(),
	): void {
		const entry: Law2300Entry = {
			nit,
			phone_number: phone,
			last_day: formatDate(at),
			last_channel: channel,
		};
		if (customerId) entry.customer_id = customerId;
		this.entries.set(key(nit, phone), entry);
	}

	find(nit: string, phone: string): Law2300Entry | undefined {
		return this.entries.get(key(nit, phone));
	}

	/** Releases the entries of this NIT whose telephone (or customer ID) is `value`; returns how many. */
	release(nit: string, by: 'telephone' | 'customer_id', value: string): number {
		let released = 0;
		for (const [entryKey, entry] of this.entries) {
			const matches =
				by === 'telephone' ? entry.phone_number === value : entry.customer_id === value;
			if (entry.nit === nit && matches && this.entries.delete(entryKey)) released++;
		}
		return released;
	}

	list(): Law2300Entry[] {
		return [...this.entries.values()];
	}

	clear(): void {
		this.entries.clear();
	}
}
