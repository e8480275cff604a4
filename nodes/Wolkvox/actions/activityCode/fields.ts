import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { WolkvoxCall } from '../../transport/request';
import { optionsCollection, readChoice, readParameter, readRequiredText, readYesNo } from '../common';
import type { WolkvoxOperation } from '../operation';
import { oneRequestPerItem } from '../operation';

/** The two groups of activity codes. */
export const TYPE_CODES = ['cod_act1', 'cod_act2'] as const;

const yesNo = [
	{ name: 'Yes', value: 'yes' },
	{ name: 'No', value: 'no' },
];

/** The group of a code, shared by Create, Update and Delete. */
export const typeCodeField: INodeProperties = {
	displayName: 'Type Code',
	name: 'typeCode',
	type: 'options',
	options: [
		{ name: 'Main Group (Cod_act1)', value: 'cod_act1' },
		{ name: 'Alternate Group (Cod_act2)', value: 'cod_act2' },
	],
	default: 'cod_act1',
	description: 'Which group of activity codes the code belongs to',
};

/** The fields of an activity code, shared by Create and Update. */
export const activityCodeFields: INodeProperties[] = [
	typeCodeField,
	{
		displayName: 'Code',
		name: 'codAct',
		type: 'string',
		required: true,
		default: '',
		placeholder: '100',
		description: "The code's ID as agents and reports see it. It cannot be renamed later.",
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Sale closed',
		description: 'What the code means',
	},
	{
		displayName: 'Hit',
		name: 'hit',
		type: 'options',
		options: yesNo,
		default: 'no',
		description: 'Whether an interaction with this code counts as a success (contact made)',
	},
	{
		displayName: 'Right Party Contact',
		name: 'rpc',
		type: 'options',
		options: yesNo,
		default: 'no',
		description: 'Whether this code means the intended person answered (RPC)',
	},
	{
		displayName: 'Chat',
		name: 'chat',
		type: 'options',
		options: yesNo,
		default: 'no',
		description: 'Whether the code is also offered for chat interactions',
	},
];

/** Optional channel flags, sent only when set. */
export const channelOptionFields: INodeProperties[] = [
	{
		displayName: 'Studio',
		name: 'studio',
		type: 'options',
		options: yesNo,
		default: 'no',
		description: 'Whether the code is also offered in wolkvox Studio',
	},
	{
		displayName: 'Voice',
		name: 'voice',
		type: 'options',
		options: yesNo,
		default: 'yes',
		description: 'Whether the code is offered for voice interactions',
	},
];

/** Reads and checks the fields into Wolkvox's body (`type_code`, `cod_act`, `description_cod_act`, …). */
export function readActivityCode(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const typeCode = readParameter(this, 'typeCode', itemIndex);
	const body: IDataObject = {
		type_code: readChoice(this, typeCode, TYPE_CODES, 'Type Code', itemIndex),
		cod_act: readRequiredText.call(this, 'codAct', 'Code', itemIndex),
		description_cod_act: readRequiredText.call(this, 'description', 'Description', itemIndex),
	};
	for (const [name, field] of [['hit', 'Hit'], ['rpc', 'Right Party Contact'], ['chat', 'Chat']]) {
		body[name] = readYesNo(this, readParameter(this, name, itemIndex), field, itemIndex);
	}
	const options = readParameter(this, 'options', itemIndex, {}) as IDataObject;
	for (const [name, field] of [['studio', 'Studio'], ['voice', 'Voice']]) {
		if (options[name] !== undefined) body[name] = readYesNo(this, options[name], field, itemIndex);
	}
	return body;
}

/**
 * Create and Update send the same fields, one request per item, and answer alike:
 * `{ code, error, msg, typeCode, codAct }`.
 */
export function activityCodeWrite(
	operation: 'create' | 'update',
	call: Pick<WolkvoxCall, 'method' | 'api'>,
	fields: INodeProperties[],
): WolkvoxOperation<IDataObject> {
	return {
		description: updateDisplayOptions({ show: { resource: ['activityCode'], operation: [operation] } }, [
			...fields,
			optionsCollection(channelOptionFields),
		]),
		prepare(itemIndex) {
			return readActivityCode.call(this, itemIndex);
		},
		plan: oneRequestPerItem((body) => ({ ...call, file: 'configuration', body })),
		toOutput: (body, [answer]) => [{ ...answer, typeCode: body.type_code, codAct: body.cod_act }],
	};
}
