/** Ley 2300's three endpoints (block_law2300, free_law2300, law2300_info), answering as Wolkvox's examples do. */
import { digits, onlyKnown, oneOf, requireAll, requireJson, text } from './checks';
import type { Endpoint, EndpointTable } from './endpoint';
import { success } from './responses';

const BLOCK_FIELDS = ['nit', 'telephone', 'customer_id'];
const FREE_FIELDS = ['nit', 'item', 'value', 'agent_id'];
const INFO_QUERY = ['api', 'nit', 'phone'];

const blockLaw2300: Endpoint = {
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

const freeLaw2300: Endpoint = {
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
		store.reports.recordRelease({
			nit: String(body.nit),
			agentId: String(body.agent_id),
			item: by,
			value,
		});
		return success('201', 'Removed successfully');
	},
};

const law2300Info: Endpoint = {
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

export const law2300Endpoints: EndpointTable = {
	'configuration.php': { block_law2300: blockLaw2300, free_law2300: freeLaw2300 },
	'information.php': { law2300_info: law2300Info },
};
