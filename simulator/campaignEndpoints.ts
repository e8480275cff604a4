/**
 * Campaign records (campaign.php's add_record, find_record, remove_record, codify, recall,
 * clear_campaign, start, stop) and information.php's `campaigns`, answering as Wolkvox's examples do.
 * Where Wolkvox publishes no answer (recall, clear_campaign, start, stop, a missing campaign or
 * record), the answer here is inferred and says so.
 */
import {
	Refusal,
	isBlank,
	onlyKnown,
	oneOf,
	recordList,
	requireAll,
	requireJson,
	text,
} from './checks';
import type { Endpoint, EndpointContext, EndpointTable } from './endpoint';
import { CAMPAIGN_TYPES, Campaign, CampaignRecord } from './campaigns';
import { Answer, answers, invalidValue, success } from './responses';

/** Every field of add_record's example record; all text. */
export const RECORD_FIELDS: readonly string[] = [
	'customer_name',
	'customer_last_name',
	'id_type',
	'customer_id',
	'age',
	'gender',
	'country',
	'state',
	'city',
	'zone',
	'address',
	...Array.from({ length: 12 }, (_, index) => `opt${index + 1}`),
	...Array.from({ length: 10 }, (_, index) => `tel${index + 1}`),
	'tel_extra',
	'email',
	'recall_date',
	'recall_telephone',
];
const TELEPHONE_FIELDS = RECORD_FIELDS.filter((field) => /^tel(\d+|_extra)$/.test(field));
/** opt1–opt6 take at most 100 characters, opt7–opt12 at most 200. */
const optLimit = (field: string) => (Number(field.slice(3)) <= 6 ? 100 : 200);
const RESULTS = [
	'no-answer',
	'answer-machine',
	'abandon',
	'busy',
	'congestion',
	'unknown',
	'failed',
	'do-not-call',
	'chanunavail',
	'answer',
] as const;
const DATE_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

// Inferred: Wolkvox's wording for a campaign or record that does not exist is not published.
const campaignMissing = (): Answer => ({
	...answers.recordMissing,
	body: { code: 404, error: 'NOT FOUND', msg: 'THE CAMPAIGN DOES NOT EXIST' },
});

function checkQuery(query: URLSearchParams, allowed: string[], required: string[]): void {
	onlyKnown(query.keys(), ['api', ...allowed]);
	requireAll(Object.fromEntries(query), required);
}

/** The campaign a request names; `type_campaign`, when the endpoint takes it, must be the campaign's. */
function campaignOf({ query, store }: EndpointContext, typed: boolean): Campaign {
	const type = typed ? oneOf(query.get('type_campaign'), 'type_campaign', CAMPAIGN_TYPES) : null;
	const campaign = store.campaigns.byId.get(query.get('campaign_id') ?? '');
	if (!campaign) throw new Refusal(campaignMissing());
	if (type !== null && campaign.type_campaign !== type)
		throw new Refusal(invalidValue('type_campaign'));
	return campaign;
}

function recordOf(campaign: Campaign, customerId: string): CampaignRecord {
	const record = campaign.records.get(customerId);
	if (!record) throw new Refusal(answers.recordMissing);
	return record;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One record of add_record: known fields only, all text, opt lengths, a customer ID and a telephone. */
function recordFields(entry: unknown): Record<string, string> {
	if (!isObject(entry)) throw new Refusal(invalidValue('records'));
	onlyKnown(Object.keys(entry), RECORD_FIELDS);
	for (const [field, value] of Object.entries(entry)) {
		text(value, field);
		if (field.startsWith('opt') && (value as string).length > optLimit(field))
			throw new Refusal(invalidValue(field));
	}
	// Inferred: a record needs its customer ID (removal, codify and recall name it) and a telephone to dial.
	requireAll(entry, ['customer_id']);
	if (TELEPHONE_FIELDS.every((field) => isBlank(entry[field])))
		throw new Refusal(answers.missingParameters);
	return entry as Record<string, string>;
}

const addRecord: Endpoint = {
	method: 'POST',
	listBody: true,
	handle(context) {
		const { query, list, contentType } = context;
		requireJson(contentType);
		requireAll(Object.fromEntries(query), ['type_campaign', 'campaign_id']);
		const predictive =
			oneOf(query.get('type_campaign'), 'type_campaign', CAMPAIGN_TYPES) === 'predictive';
		checkQuery(
			query,
			['type_campaign', 'campaign_id', ...(predictive ? ['campaign_status'] : [])],
			['type_campaign', 'campaign_id', ...(predictive ? ['campaign_status'] : [])],
		);
		const campaign = campaignOf(context, true);
		const status = predictive
			? oneOf(query.get('campaign_status'), 'campaign_status', ['start', 'stop'] as const)
			: undefined;
		const entries = recordList(list, 'records');
		if (entries.length === 0) throw new Refusal(answers.missingParameters);
		const records = entries.map(recordFields); // a bad record refuses the whole request
		for (const fields of records) campaign.records.set(fields.customer_id ?? '', { fields });
		if (status) campaign.status = status;
		return success('201', 'All records has been added successfully', [
			{ total_registers: String(records.length) },
		]);
	},
};

/** Rows as in Wolkvox's example: the record's fields. */
const findRecord: Endpoint = {
	method: 'GET',
	handle({ query, store }) {
		checkQuery(query, ['campaign_id', 'customer_phone', 'customer_id'], []);
		const [campaignId, phone, customerId] = ['campaign_id', 'customer_phone', 'customer_id'].map(
			(name) => query.get(name) ?? '',
		);
		if (!campaignId && !phone && !customerId) throw new Refusal(answers.missingParameters);
		const campaigns = campaignId
			? [store.campaigns.byId.get(campaignId)].filter((campaign) => campaign !== undefined)
			: [...store.campaigns.byId.values()];
		const data = campaigns
			.flatMap((campaign) => [...campaign.records.values()])
			.filter(({ fields }) => !customerId || fields.customer_id === customerId)
			.filter(({ fields }) => !phone || TELEPHONE_FIELDS.some((field) => fields[field] === phone))
			.map(({ fields }) => fields);
		return success('200', `${data.length} records were found`, data);
	},
};

const removeRecord: Endpoint = {
	method: 'DELETE',
	handle(context) {
		const { query, body, contentType } = context;
		requireJson(contentType);
		checkQuery(query, ['type_campaign', 'campaign_id', 'result'], ['type_campaign', 'campaign_id']);
		onlyKnown(Object.keys(body), ['customer_id']);
		requireAll(body, ['customer_id']);
		const campaign = campaignOf(context, true);
		const result = isBlank(query.get('result'))
			? undefined
			: oneOf(query.get('result'), 'result', RESULTS);
		const ids = text(body.customer_id, 'customer_id')
			.split(',')
			.map((id) => id.trim());
		recordList(ids, 'customer_id'); // at most 10,000
		if (ids.some((id) => id === '')) throw new Refusal(invalidValue('customer_id'));
		for (const id of ids) {
			const record = campaign.records.get(id);
			if (record && (!result || record.result === result)) campaign.records.delete(id);
		}
		return success(202, `customer_id ${ids.join(',')} has been deleted successfully`);
	},
};

const codify: Endpoint = {
	method: 'PUT',
	handle(context) {
		const { query, body, store, contentType } = context;
		requireJson(contentType);
		checkQuery(query, ['type_campaign', 'campaign_id'], ['type_campaign', 'campaign_id']);
		onlyKnown(Object.keys(body), ['cod_act', 'cod_act_2', 'comment', 'customer_id']);
		requireAll(body, ['cod_act', 'customer_id']);
		const campaign = campaignOf(context, true);
		const customerId = text(body.customer_id, 'customer_id');
		const codAct = text(body.cod_act, 'cod_act');
		// Inferred: a code must exist in its group (cod_act in group 1, cod_act_2 in group 2).
		if (!store.activityCodes.has(`cod_act1:${codAct}`)) throw new Refusal(invalidValue('cod_act'));
		const codAct2 = isBlank(body.cod_act_2) ? undefined : text(body.cod_act_2, 'cod_act_2');
		if (codAct2 !== undefined && !store.activityCodes.has(`cod_act2:${codAct2}`))
			throw new Refusal(invalidValue('cod_act_2'));
		const comment = isBlank(body.comment) ? undefined : text(body.comment, 'comment');
		recordOf(campaign, customerId).coded = {
			cod_act: codAct,
			...(codAct2 !== undefined ? { cod_act_2: codAct2 } : {}),
			...(comment !== undefined ? { comment } : {}),
		};
		return success(202, `customer_id ${customerId} has been coded`);
	},
};

function validDateTime(value: string): boolean {
	const parts = DATE_TIME.exec(value)?.slice(1).map(Number);
	if (!parts) return false;
	const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts;
	const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
	return (
		date.getUTCFullYear() === year &&
		date.getUTCMonth() === month - 1 &&
		date.getUTCDate() === day &&
		date.getUTCHours() === hour &&
		date.getUTCMinutes() === minute &&
		date.getUTCSeconds() === second
	);
}

/** Inferred answer: Wolkvox's example shows only code/error/msg. */
const recall: Endpoint = {
	method: 'PUT',
	handle(context) {
		const { query, body, contentType } = context;
		requireJson(contentType);
		checkQuery(query, ['campaign_id'], ['campaign_id']);
		onlyKnown(Object.keys(body), ['recall_date', 'recall_telephone', 'customer_id']);
		requireAll(body, ['recall_date', 'recall_telephone', 'customer_id']);
		const campaign = campaignOf(context, false);
		const recallDate = text(body.recall_date, 'recall_date');
		if (!validDateTime(recallDate)) throw new Refusal(invalidValue('recall_date'));
		const telephone = text(body.recall_telephone, 'recall_telephone');
		if (!/^\d+$/.test(telephone)) throw new Refusal(invalidValue('recall_telephone'));
		const customerId = text(body.customer_id, 'customer_id');
		recordOf(campaign, customerId).recall = {
			recall_date: recallDate,
			recall_telephone: telephone,
		};
		return success(202, `customer_id ${customerId} recall has been scheduled`);
	},
};

/** Inferred answer: Wolkvox's example shows only code/error/msg. */
const clearCampaign: Endpoint = {
	method: 'DELETE',
	noBody: true,
	handle(context) {
		const { query, body } = context;
		onlyKnown(Object.keys(body), []);
		checkQuery(query, ['type_campaign', 'campaign_id', 'result'], ['type_campaign', 'campaign_id']);
		const campaign = campaignOf(context, true);
		const result = isBlank(query.get('result'))
			? undefined
			: oneOf(query.get('result'), 'result', RESULTS);
		let deleted = 0;
		for (const [id, record] of campaign.records) {
			if (result && record.result !== result) continue;
			campaign.records.delete(id);
			deleted++;
		}
		return success(
			202,
			`${deleted} records have been deleted from campaign ${campaign.campaign_id}`,
		);
	},
};

/** Inferred answers: Wolkvox's examples show only code/error/msg. */
function switchTo(status: 'start' | 'stop'): Endpoint {
	return {
		method: 'PUT',
		noBody: true,
		handle(context) {
			onlyKnown(Object.keys(context.body), []);
			checkQuery(context.query, ['campaign_id'], ['campaign_id']);
			const campaign = campaignOf(context, false);
			campaign.status = status;
			return success(
				200,
				`The campaign ${campaign.campaign_id} has been ${status === 'start' ? 'started' : 'stopped'}`,
			);
		},
	};
}

/** Wolkvox's example answers code "" with every campaign's row. */
const listCampaigns: Endpoint = {
	method: 'GET',
	handle({ query, store }) {
		checkQuery(query, [], []);
		const data = [...store.campaigns.byId.values()].map((campaign) =>
			store.campaigns.info(campaign),
		);
		return success('', `${data.length} records were found`, data);
	},
};

export const campaignEndpoints: EndpointTable = {
	'campaign.php': {
		add_record: addRecord,
		find_record: findRecord,
		remove_record: removeRecord,
		codify,
		recall,
		clear_campaign: clearCampaign,
		start: switchTo('start'),
		stop: switchTo('stop'),
	},
	'information.php': { campaigns: listCampaigns },
};
