/** Activity codes: configuration.php's create_cod_act, edit_cod_act and remove_cod_act, information.php's activity_codes. */
import { Refusal, isBlank, oneOf, recordList, requireAll, text } from './checks';
import type { Endpoint, EndpointTable } from './endpoint';
import { answers, invalidValue, success } from './responses';
import { ActivityCode, CodeType, YesNo, codeKey } from './store';

const CODE_TYPES: readonly CodeType[] = ['cod_act1', 'cod_act2'];
const YES_NO: readonly YesNo[] = ['yes', 'no'];

function optionalYesNo(body: Record<string, unknown>, field: string): YesNo | undefined {
	const value = body[field];
	return isBlank(value) ? undefined : oneOf(value, field, YES_NO);
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

export const activityCodeEndpoints: EndpointTable = {
	'configuration.php': {
		create_cod_act: createCode,
		edit_cod_act: editCode,
		remove_cod_act: removeCodes,
	},
	'information.php': { activity_codes: listCodes },
};
