import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../../transport/answer';
import { requestOptionFields } from '../common';
import type { WolkvoxOperation } from '../operation';
import { oneRequestPerItem } from '../operation';
import { activityCodeFields, channelOptionFields, readActivityCode } from './fields';

const properties: INodeProperties[] = [
	...activityCodeFields.map((field) =>
		field.name === 'codAct'
			? {
					...field,
					description:
						'ID of the code to change. An ID cannot be renamed: to change it, delete the code and create it again.',
				}
			: field,
	),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...channelOptionFields, ...requestOptionFields],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['activityCode'], operation: ['update'] } },
	properties,
);

function prepare(this: IExecuteFunctions, itemIndex: number): IDataObject {
	return readActivityCode.call(this, itemIndex);
}

/** Like Create: Wolkvox's answer with the code it is about. */
function toOutput(body: IDataObject, answers: WolkvoxAnswer[]): IDataObject[] {
	const [answer] = answers;
	return [{ ...answer, typeCode: body.type_code, codAct: body.cod_act }];
}

export const operation: WolkvoxOperation<IDataObject> = {
	description,
	prepare,
	plan: oneRequestPerItem((body) => ({ method: 'PUT', file: 'configuration', api: 'edit_cod_act', body })),
	toOutput,
};
