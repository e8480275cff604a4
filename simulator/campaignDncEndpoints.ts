/**
 * Campaign DNC endpoints: configuration.php's block_predictive_dnc (customers of a predictive campaign
 * marked do-not-call) and campaign.php's add_dnc (numbers blocked for some days), as Wolkvox's examples answer.
 */
import { Refusal, onlyKnown, recordList, requireAll, requireJson, text } from './checks';
import type { Endpoint, EndpointTable } from './endpoint';
import { answers, invalidValue, success } from './responses';

const MAX_DAYS_BLOCK = 3650; // inferred: Wolkvox does not publish a maximum
const PREDICTIVE_FIELDS = ['id_campaing', 'id_cliente'];
const TEMPORARY_FIELDS = ['telephone', 'days_block'];

/** Wolkvox's spellings: `id_campaing`, `id_cliente`. */
const blockPredictiveDnc: Endpoint = {
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
const addTemporaryDnc: Endpoint = {
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

export const campaignDncEndpoints: EndpointTable = {
	'configuration.php': { block_predictive_dnc: blockPredictiveDnc },
	'campaign.php': { add_dnc: addTemporaryDnc },
};
