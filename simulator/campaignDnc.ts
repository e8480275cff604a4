/** Campaign DNC: customers of a predictive campaign marked do-not-call, and numbers blocked for some days. */
import { formatDate } from './checks';

const DAY_MS = 86_400_000;

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
