/** The operation's permanent DNC lists: configuration.php's add_dnc and remove_dnc, information.php's get_dnc. */
import { Refusal, isBlank, recordList, requireAll } from './checks';
import type { Endpoint, EndpointTable } from './endpoint';
import { answers, invalidValue, success } from './responses';
import type { DncType } from './store';

const BOTH: DncType[] = ['inbound', 'outbound'];
/** The lists a type names: `all` and `inbound/outbound` mean both (Wolkvox's page spells outbound `outboud` once). */
const DNC_TYPES: ReadonlyMap<string, DncType[]> = new Map([
	['inbound', ['inbound']],
	['outbound', ['outbound']],
	['outboud', ['outbound']],
	['inbound/outbound', BOTH],
	['all', BOTH],
]);
/** Digits, in the forms Wolkvox may store them: a leading + and spaces are kept as sent. */
const TELEPHONE = /^\+?\d[\d ]*$/;

/** Distinct telephones; JSON numbers are accepted as their digits. */
function telephones(value: unknown): Set<string> {
	const phones = new Set<string>();
	for (const item of recordList(value, 'telephones')) {
		const phone =
			typeof item === 'number' && Number.isSafeInteger(item) && item >= 0 ? String(item) : item;
		if (typeof phone !== 'string' || !TELEPHONE.test(phone))
			throw new Refusal(invalidValue('telephones'));
		phones.add(phone);
	}
	return phones;
}

function dncTypes(value: unknown, field: string): DncType[] {
	const types = typeof value === 'string' ? DNC_TYPES.get(value.toLowerCase()) : undefined;
	if (!types) throw new Refusal(invalidValue(field));
	return types;
}

const addDnc: Endpoint = {
	method: 'POST',
	handle({ body, store }) {
		requireAll(body, ['type_call', 'telephones']);
		const types = dncTypes(body.type_call, 'type_call');
		const phones = telephones(body.telephones);
		for (const type of types) store.addDnc(type, phones);
		return success(201, `${phones.size} telephones were added`);
	},
};

const removeDnc: Endpoint = {
	method: 'DELETE',
	handle({ body, store }) {
		requireAll(body, ['telephones']);
		if (typeof body.telephones === 'string' && body.telephones.toLowerCase() === 'all') {
			requireAll(body, ['type']);
			const removed = dncTypes(body.type, 'type').reduce(
				(count, type) => count + store.clearDnc(type),
				0,
			);
			return success(202, `${removed} telephones were deleted`);
		}
		// Inferred: listed numbers leave the lists `type` names, both when it is absent.
		const types = isBlank(body.type) ? BOTH : dncTypes(body.type, 'type');
		if (store.removeIgnoresType)
			return success(
				202,
				`${store.removeDnc(telephones(body.telephones))} telephones were deleted`,
			);
		const removed = store.removeDnc(telephones(body.telephones), types);
		return success(202, `${removed} telephones were deleted`);
	},
};

const getDnc: Endpoint = {
	method: 'GET',
	handle({ query, store }) {
		const type = query.get('type');
		if (isBlank(type)) throw new Refusal(answers.missingParameters);
		const entries = store.listDnc(dncTypes(type, 'type'));
		return success('200', `${entries.length} records were found`, entries);
	},
};

export const dncEndpoints: EndpointTable = {
	'configuration.php': { add_dnc: addDnc, remove_dnc: removeDnc },
	'information.php': { get_dnc: getDnc },
};
