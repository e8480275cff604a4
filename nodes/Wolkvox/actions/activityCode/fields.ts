import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../../transport/answer';
import {
	readChoiceParameter,
	readOptions,
	readParameter,
	readRequiredText,
	readYesNo,
} from '../../run/parameters';
import type { Run } from '../../run/run';

/** The two groups of activity codes. */
export const TYPE_CODES = ['cod_act1', 'cod_act2'] as const;
export type TypeCode = (typeof TYPE_CODES)[number];

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
		{
			name: 'Main Group',
			value: 'cod_act1',
			description: 'Activity codes 1 (cod_act1 in Wolkvox)',
		},
		{
			name: 'Alternate Group',
			value: 'cod_act2',
			description: 'Activity codes 2 (cod_act2 in Wolkvox)',
		},
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
		displayName: 'Interactions',
		name: 'interactions',
		type: 'options',
		options: yesNo,
		default: 'no',
		description:
			'Whether the code is offered for digital interactions (Facebook, Instagram, e-mail…)',
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
export function readActivityCode(run: Run, itemIndex: number): IDataObject {
	const body: IDataObject = {
		type_code: readChoiceParameter(run, 'typeCode', TYPE_CODES, 'Type Code', itemIndex),
		cod_act: readRequiredText(run, 'codAct', 'Code', itemIndex),
		description_cod_act: readRequiredText(run, 'description', 'Description', itemIndex),
	};
	for (const [name, field] of FLAG_FIELDS)
		body[name] = readYesNo(run, readParameter(run, name, itemIndex), field, itemIndex);
	const options = readOptions(run, itemIndex);
	for (const [name, field] of CHANNEL_FIELDS) {
		if (options[name] !== undefined) body[name] = readYesNo(run, options[name], field, itemIndex);
	}
	return body;
}

const FLAG_FIELDS = [
	['hit', 'Hit'],
	['rpc', 'Right Party Contact'],
	['chat', 'Chat'],
] as const;
/** The channel flags, sent (and compared by Sync) only when set. */
export const CHANNEL_FIELDS = [
	['studio', 'Studio'],
	['voice', 'Voice'],
	['interactions', 'Interactions'],
] as const;

/** Create and Update answer alike: Wolkvox's answer with the code it is about. */
export function activityCodeOutput(
	_run: Run,
	body: IDataObject,
	[answer]: WolkvoxAnswer[],
): IDataObject[] {
	return [{ ...answer, typeCode: body.type_code, codAct: body.cod_act }];
}
