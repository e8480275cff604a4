/** The Wolkvox APIs the simulator serves: method, body validation and effect on the store. */
import { Refusal, isBlank, oneOf, recordList, requireAll, text } from './checks';
import { addTemporaryDnc, blockPredictiveDnc } from './campaign';
import { blockLaw2300, freeLaw2300, law2300Info } from './law2300';
import { Answer, answers, invalidValue, success } from './responses';
import { ActivityCode, CodeType, DncType, Store, YesNo, codeKey } from './store';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface EndpointContext {
	/** The parsed JSON object; `{}` for GET, whose body is ignored. */
	body: Record<string, unknown>;
	/** The parsed JSON list, for an endpoint that takes one (`listBody`); `[]` otherwise. */
	list: unknown[];
	/** The request's Content-Type header. */
	contentType?: string;
	query: URLSearchParams;
	store: Store;
	/** The caller's daily quota, this call already counted. */
	quota: { limit: number; used: number };
}

export interface Endpoint {
	method: HttpMethod;
	/** The body is a JSON list rather than an object (campaign.php's add_dnc). */
	listBody?: boolean;
	handle(context: EndpointContext): Answer;
}

const DNC_TYPES: readonly DncType[] = ['inbound', 'outbound'];
/** add_dnc's `type_call` values that put the numbers on both lists. */
const BOTH_LISTS: readonly string[] = ['all', 'inbound/outbound'];
const CODE_TYPES: readonly CodeType[] = ['cod_act1', 'cod_act2'];
const YES_NO: readonly YesNo[] = ['yes', 'no'];
const DIGITS = /^\d+$/;

function optionalYesNo(body: Record<string, unknown>, field: string): YesNo | undefined {
	const value = body[field];
	return isBlank(value) ? undefined : oneOf(value, field, YES_NO);
}

/** Distinct telephones; JSON numbers are accepted as their digits. */
function telephones(value: unknown): Set<string> {
	const phones = new Set<string>();
	for (const item of recordList(value, 'telephones')) {
		const phone =
			typeof item === 'number' && Number.isSafeInteger(item) && item >= 0 ? String(item) : item;
		if (typeof phone !== 'string' || !DIGITS.test(phone))
			throw new Refusal(invalidValue('telephones'));
		phones.add(phone);
	}
	return phones;
}

function activityCodeFrom(body: Record<string, unknown>): ActivityCode {
	requireAll(body, ['type_code', 'cod_act', 'description_cod_act']);
	const code: ActivityCode = {
		type_code: oneOf(body.type_code, 'type_code', CODE_TYPES),
		cod_act: text(body.cod_act, 'cod_act'),
		description_cod_act: text(body.description_cod_act, 'description_cod_act'),
		hit: optionalYesNo(body, 'hit') ?? 'no',
		rpc: optionalYesNo(body, 'rpc') ?? 'no',
		chat: optionalYesNo(body, 'chat') ?? 'no',
	};
	const studio = optionalYesNo(body, 'studio');
	const voice = optionalYesNo(body, 'voice');
	if (studio) code.studio = studio;
	if (voice) code.voice = voice;
	return code;
}

const addDnc: Endpoint = {
	method: 'POST',
	handle({ body, store }) {
		requireAll(body, ['type_call', 'telephones']);
		const type = oneOf(body.type_call, 'type_call', [...DNC_TYPES, ...BOTH_LISTS]);
		const phones = telephones(body.telephones);
		for (const list of BOTH_LISTS.includes(type) ? DNC_TYPES : [type as DncType])
			store.addDnc(list, phones);
		return success(201, `${phones.size} telephones were added`);
	},
};

const removeDnc: Endpoint = {
	method: 'DELETE',
	handle({ body, store }) {
		requireAll(body, ['telephones']);
		if (body.telephones === 'all') {
			requireAll(body, ['type']);
			const removed = store.clearDnc(oneOf(body.type, 'type', DNC_TYPES));
			return success(202, `${removed} telephones were deleted`);
		}
		const removed = store.removeDnc(telephones(body.telephones));
		return success(202, `${removed} telephones were deleted`);
	},
};

const createCode: Endpoint = {
	method: 'POST',
	handle({ body, store }) {
		const code = activityCodeFrom(body);
		const key = codeKey(code.type_code, code.cod_act);
		if (store.activityCodes.has(key)) throw new Refusal(answers.codeExists);
		store.activityCodes.set(key, code);
		return success(201, 'Code successfully created');
	},
};

const editCode: Endpoint = {
	method: 'PUT',
	handle({ body, store }) {
		// Inferred: an edit replaces the whole code, so omitted hit/rpc/chat fall back to "no" as on create.
		const code = activityCodeFrom(body);
		const key = codeKey(code.type_code, code.cod_act);
		if (!store.activityCodes.has(key)) throw new Refusal(answers.codeMissing);
		store.activityCodes.set(key, code);
		return success(202, 'Code successfully updated');
	},
};

const removeCodes: Endpoint = {
	method: 'DELETE',
	handle({ body, store }) {
		requireAll(body, ['type_code', 'cod_act']);
		const type = oneOf(body.type_code, 'type_code', CODE_TYPES);
		const ids = recordList(body.cod_act, 'cod_act').map((id) => {
			if (typeof id !== 'string' || id.trim() === '') throw new Refusal(invalidValue('cod_act'));
			return id;
		});
		let deleted = 0;
		for (const id of ids) if (store.activityCodes.delete(codeKey(type, id))) deleted++;
		return success('202', `${deleted} codes were deleted`); // Wolkvox sends this code as a string
	},
};

const getDnc: Endpoint = {
	method: 'GET',
	handle({ query, store }) {
		const type = query.get('type');
		if (isBlank(type)) throw new Refusal(answers.missingParameters);
		const wanted = oneOf(type, 'type', ['inbound', 'outbound', 'all'] as const);
		return success(200, 'OK', store.listDnc(wanted === 'all' ? ['inbound', 'outbound'] : [wanted]));
	},
};

const listCodes: Endpoint = {
	method: 'GET',
	handle({ store }) {
		const data = Array.from(store.activityCodes.values(), (code) => ({
			code_act: code.cod_act, // the read key is spelled code_act, as documented
			description_cod_act: code.description_cod_act,
			hit: code.hit,
			rpc: code.rpc,
			chat: code.chat,
			type_code: code.type_code,
		}));
		return success(200, 'OK', data);
	},
};

const tokenInfo: Endpoint = {
	method: 'GET',
	handle({ quota }) {
		return success(200, 'OK', {
			token_limit: quota.limit,
			token_use_today: quota.used,
			available_consumption_options: Math.max(0, quota.limit - quota.used),
		});
	},
};

/** file → api → endpoint. Maps, so that `api=constructor` is not found on a prototype. */
export const endpoints: ReadonlyMap<string, ReadonlyMap<string, Endpoint>> = new Map([
	[
		'configuration.php',
		new Map([
			['add_dnc', addDnc],
			['remove_dnc', removeDnc],
			['create_cod_act', createCode],
			['edit_cod_act', editCode],
			['remove_cod_act', removeCodes],
			['block_law2300', blockLaw2300],
			['free_law2300', freeLaw2300],
			['block_predictive_dnc', blockPredictiveDnc],
		]),
	],
	[
		'information.php',
		new Map([
			['get_dnc', getDnc],
			['activity_codes', listCodes],
			['token_info', tokenInfo],
			['law2300_info', law2300Info],
		]),
	],
	['campaign.php', new Map([['add_dnc', addTemporaryDnc]])],
]);
