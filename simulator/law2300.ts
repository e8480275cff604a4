/**
 * Ley 2300 (Colombia): the operation's "no contactables" list, keyed by company NIT + telephone, and
 * its three endpoints (block_law2300, free_law2300, law2300_info), answering as Wolkvox's examples do.
 */
import { digits, formatDate, onlyKnown, oneOf, requireAll, requireJson, text } from './checks';
import type { Endpoint } from './endpoints';
import { success } from './responses';

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

const BLOCK_FIELDS = ['nit', 'telephone', 'customer_id'];
const FREE_FIELDS = ['nit', 'item', 'value', 'agent_id'];
const INFO_QUERY = ['api', 'nit', 'phone'];

export const blockLaw2300: Endpoint = {
	method: 'PUT',
	handle({ body, store, contentType }) {
		requireJson(contentType);
		onlyKnown(Object.keys(body), BLOCK_FIELDS);
		requireAll(body, ['nit', 'telephone']);
		const customerId =
			body.customer_id === undefined ? undefined : text(body.customer_id, 'customer_id');
		store.law2300.block(text(body.nit, 'nit'), digits(body.telephone, 'telephone'), customerId);
		return success('200', 'The number has been blocked successfully');
	},
};

export const freeLaw2300: Endpoint = {
	method: 'PUT',
	handle({ body, store, contentType }) {
		requireJson(contentType);
		onlyKnown(Object.keys(body), FREE_FIELDS);
		requireAll(body, FREE_FIELDS);
		text(body.agent_id, 'agent_id');
		const by = oneOf(body.item, 'item', ['telephone', 'customer_id'] as const);
		const value = by === 'telephone' ? digits(body.value, 'value') : text(body.value, 'value');
		// Inferred: the answer when nothing was protected is not published; Wolkvox's example answer is sent.
		store.law2300.release(text(body.nit, 'nit'), by, value);
		return success('201', 'Removed successfully');
	},
};

export const law2300Info: Endpoint = {
	method: 'GET',
	handle({ query, store }) {
		onlyKnown(query.keys(), INFO_QUERY);
		requireAll(Object.fromEntries(query), ['nit', 'phone']);
		const entry = store.law2300.find(query.get('nit') ?? '', digits(query.get('phone'), 'phone'));
		const data = entry
			? [
					{
						phone_number: entry.phone_number,
						last_day: entry.last_day,
						last_channel: entry.last_channel,
					},
				]
			: [];
		return success('200', `${data.length} records were found`, data);
	},
};
