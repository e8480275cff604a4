/** The operation's dialer campaigns and their records (the customers a campaign calls). */

export type CampaignType = 'predictive' | 'preview';
export const CAMPAIGN_TYPES: readonly CampaignType[] = ['predictive', 'preview'];

/** What Wolkvox lists about a campaign (information.php's `campaigns` rows). */
export interface CampaignInfo {
	campaign_id: string;
	campaign_name: string;
	campaign_description: string;
	type_campaign: CampaignType;
	status: string;
	speed: string;
	dial_mode: string;
	last_use: string;
	recycled: string;
	turbo_dial: string;
	skill_id: string;
}

/** A record as sent to add_record (all text), with what the dialer did with it. */
export interface CampaignRecord {
	fields: Record<string, string>;
	/** The call result (`answer`, `no-answer`…); inferred: none until the dialer calls it. */
	result?: string;
	coded?: { cod_act: string; cod_act_2?: string; comment?: string };
	recall?: { recall_date: string; recall_telephone: string };
}

export interface Campaign extends CampaignInfo {
	/** customer_id → record. Inferred: a record added again with the same customer_id replaces it. */
	records: Map<string, CampaignRecord>;
}

export class Campaigns {
	readonly byId = new Map<string, Campaign>();

	create(info: Partial<CampaignInfo> & { campaign_id: string; type_campaign: CampaignType }): void {
		this.byId.set(info.campaign_id, {
			campaign_name: `Campaign ${info.campaign_id}`,
			campaign_description: '',
			status: 'stop',
			speed: '1',
			dial_mode: info.type_campaign,
			last_use: '',
			recycled: '0',
			turbo_dial: 'no',
			skill_id: '',
			...info,
			records: new Map(),
		});
	}

	/** A `campaigns` row, its fields in the order of Wolkvox's example, `records` counted. */
	info(campaign: Campaign): CampaignInfo & { records: string } {
		return {
			campaign_id: campaign.campaign_id,
			campaign_name: campaign.campaign_name,
			campaign_description: campaign.campaign_description,
			type_campaign: campaign.type_campaign,
			status: campaign.status,
			records: String(campaign.records.size),
			speed: campaign.speed,
			dial_mode: campaign.dial_mode,
			last_use: campaign.last_use,
			recycled: campaign.recycled,
			turbo_dial: campaign.turbo_dial,
			skill_id: campaign.skill_id,
		};
	}

	/** The state page's view: each campaign with its records' fields and outcomes. */
	list(): object[] {
		return [...this.byId.values()].map((campaign) => ({
			...this.info(campaign),
			records: [...campaign.records.values()].map((record) => ({
				...record.fields,
				...(record.result ? { result: record.result } : {}),
				...(record.coded ? { coded: record.coded } : {}),
				...(record.recall ? { recall: record.recall } : {}),
			})),
		}));
	}

	clear(): void {
		this.byId.clear();
	}
}
