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
	/** The caller's token: its daily quota, this call already counted, and the calls of all tokens today. */
	token: { description: string; limit: number; used: number; allTokensToday: number };
}

export interface Endpoint {
	method: HttpMethod;
	/** The body is a JSON list rather than an object (campaign.php's add_dnc). */
	listBody?: boolean;
	handle(context: EndpointContext): Answer;
}

const BOTH: DncType[] = ['inbound', 'outbound'];
/** The lists a type names: `all` and `inbound/outbound` mean both (Wolkvox's page spells outbound `outboud` once). */
const DNC_TYPES: ReadonlyMap<string, DncType[]> = new Map([
	['inbound', ['inbound']],
	['outbound', ['outbound']],
	['outboud', ['outbound']],
	['inbound/outbound', BOTH],
	['all', BOTH],
]);
const CODE_TYPES: readonly CodeType[] = ['cod_act1', 'cod_act2'];
const YES_NO: readonly YesNo[] = ['yes', 'no'];
/** Digits, in the forms Wolkvox may store them: a leading + and spaces are kept as sent. */
const TELEPHONE = /^\+?\d[\d ]*$/;

function dncTypes(value: unknown, field: string): DncType[] {
	const types = typeof value === 'string' ? DNC_TYPES.get(value.toLowerCase()) : undefined;
	if (!types) throw new Refusal(invalidValue(field));
	return types;
}

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
		if (typeof phone !== 'string' || !TELEPHONE.test(phone))
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
		// Inferred defaults: a code is a voice code unless told otherwise, as codes were before channels.
		studio: optionalYesNo(body, 'studio') ?? 'no',
		voice: optionalYesNo(body, 'voice') ?? 'yes',
		interactions: optionalYesNo(body, 'interactions') ?? 'no',
	};
	return code;
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
		// Inferred: an edit replaces the whole code, so omitted flags fall back to their defaults as on create.
		const code = activityCodeFrom(body);
		const key = codeKey(code.type_code, code.cod_act);
		if (!store.activityCodes.has(key)) throw new Refusal(answers.codeMissing);
		store.activityCodes.set(key, code);
		return success('201', 'Successfully updated code');
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
		for (const id of ids) store.activityCodes.delete(codeKey(type, id));
		return success('201', 'Removed successfully');
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

/** Rows as in Wolkvox's example answer: the ID is `cod_act`, every flag is listed. */
const listCodes: Endpoint = {
	method: 'GET',
	handle({ query, store }) {
		const only = query.get('cod_act');
		const data = Array.from(store.activityCodes.values())
			.filter((code) => isBlank(only) || code.cod_act === only)
			.map((code) => ({
				cod_act: code.cod_act,
				description_cod_act: code.description_cod_act,
				hit: code.hit,
				rpc: code.rpc,
				chat: code.chat,
				studio: code.studio,
				voice: code.voice,
				type_code: code.type_code,
				interactions: code.interactions,
			}));
		return success('0', ` ${data.length} records were found`, data);
	},
};

/** One row of text values, as in Wolkvox's example answer. */
const tokenInfo: Endpoint = {
	method: 'GET',
	handle({ token }) {
		const row = {
			description: token.description,
			token_limit: String(token.limit),
			token_use_today: String(token.used),
			all_token_today: String(token.allTokensToday),
			available_consumption_options: String(Math.max(0, token.limit - token.used)),
		};
		return success('200', ' 1 records were found', [row]);
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
