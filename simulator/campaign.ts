/**
 * Campaign DNC: customers of a predictive campaign marked do-not-call (configuration.php's
 * block_predictive_dnc) and numbers blocked for some days (campaign.php's add_dnc), answering as
 * Wolkvox's examples do.
 */
import {
	Refusal,
	formatDate,
	onlyKnown,
	recordList,
	requireAll,
	requireJson,
	text,
} from './checks';
import type { Endpoint } from './endpoints';
import { answers, invalidValue, success } from './responses';

const DAY_MS = 86_400_000;
const MAX_DAYS_BLOCK = 3650; // inferred: Wolkvox does not publish a maximum

export class CampaignDnc {
	readonly byCampaign = new Map<string, Set<string>>();

	/** Returns how many customer IDs were sent. */
	add(campaignId: string, customerIds: Iterable<string>): number {
		let list = this.byCampaign.get(campaignId);
		if (!list) this.byCampaign.set(campaignId, (list = new Set()));
		let count = 0;
		for (const id of customerIds) {
			list.add(id);
			count++;
		}
		return count;
	}

	list(): Record<string, string[]> {
		return Object.fromEntries([...this.byCampaign].map(([campaign, ids]) => [campaign, [...ids]]));
	}

	clear(): void {
		this.byCampaign.clear();
	}
}

export interface TemporaryBlock {
	telephone: string;
	days_block: number;
	blocked_until: string;
}

export class TemporaryDnc {
	private readonly blocks = new Map<string, { days: number; until: number }>();

	/** Inferred: blocking a number again starts its days anew. */
	add(telephone: string, days: number, at = Date.now()): void {
		this.blocks.set(telephone, { days, until: at + days * DAY_MS });
	}

	/** The blocks not yet expired. */
	list(now = Date.now()): TemporaryBlock[] {
		return [...this.blocks]
			.filter(([, block]) => block.until > now)
			.map(([telephone, { days, until }]) => ({
				telephone,
				days_block: days,
				blocked_until: formatDate(until),
			}));
	}

	clear(): void {
		this.blocks.clear();
	}
}

const PREDICTIVE_FIELDS = ['id_campaing', 'id_cliente'];
const TEMPORARY_FIELDS = ['telephone', 'days_block'];

/** Wolkvox's spellings: `id_campaing`, `id_cliente`. */
export const blockPredictiveDnc: Endpoint = {
	method: 'PUT',
	handle({ body, store, contentType }) {
		requireJson(contentType);
		onlyKnown(Object.keys(body), PREDICTIVE_FIELDS);
		requireAll(body, PREDICTIVE_FIELDS);
		const campaignId = text(body.id_campaing, 'id_campaing');
		const ids = recordList(body.id_cliente, 'id_cliente').map((id) => {
			if (typeof id !== 'string' || id.trim() === '') throw new Refusal(invalidValue('id_cliente'));
			return id;
		});
		const count = store.campaignDnc.add(campaignId, ids);
		return success(
			'202',
			`${count} records were successfully marked as DO-NOT-CALL in campaign ${campaignId}`,
		);
	},
};

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A whole number of days as text, from 1 to MAX_DAYS_BLOCK; undefined for anything else. */
function daysOf(value: unknown): number | undefined {
	const days = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
	return days >= 1 && days <= MAX_DAYS_BLOCK ? days : undefined;
}

/**
 * A JSON list of `{telephone, days_block}`. A malformed entry refuses the request; an entry whose
 * values Wolkvox cannot use is counted in total_rejected (inferred from the answer's fields).
 */
export const addTemporaryDnc: Endpoint = {
	method: 'POST',
	listBody: true,
	handle({ list, store, contentType }) {
		requireJson(contentType);
		const entries = recordList(list, 'telephone');
		if (entries.length === 0) throw new Refusal(answers.missingParameters);
		let added = 0;
		for (const entry of entries) {
			if (!isRecord(entry)) throw new Refusal(invalidValue('telephone'));
			onlyKnown(Object.keys(entry), TEMPORARY_FIELDS);
			requireAll(entry, TEMPORARY_FIELDS);
			const days = daysOf(entry.days_block);
			const telephone =
				typeof entry.telephone === 'string' && /^\d+$/.test(entry.telephone)
					? entry.telephone
					: undefined;
			if (days === undefined || telephone === undefined) continue;
			store.temporaryDnc.add(telephone, days);
			added++;
		}
		const totals = {
			total_added: String(added),
			total_rejected: String(entries.length - added),
			total_sent: String(entries.length),
		};
		return success(201, `${added} telephones were added`, [totals]);
	},
};
