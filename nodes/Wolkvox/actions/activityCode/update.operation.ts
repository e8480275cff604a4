import type { IDataObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../run/parameters';
import { oneRequestPerItem } from '../../run/operation';
import { plannedOperation } from '../../run/plan';
import {
	activityCodeFields,
	activityCodeOutput,
	channelOptionFields,
	readActivityCode,
} from './fields';

const fields = activityCodeFields.map((field) =>
	field.name === 'codAct'
		? {
				...field,
				description:
					'ID of the code to change. An ID cannot be renamed: to change it, delete the code and create it again.',
			}
		: field,
);

export const description = updateDisplayOptions(
	{ show: { resource: ['activityCode'], operation: ['update'] } },
	[...fields, optionsCollection(channelOptionFields)],
);

/** One edit_cod_act per item, with every field (Wolkvox replaces the code's description and flags). */
export const operation = plannedOperation<IDataObject>({
	description,
	prepare: readActivityCode,
	plan: oneRequestPerItem((body) => ({
		method: 'PUT',
		file: 'configuration',
		api: 'edit_cod_act',
		body,
	})),
	toOutput: activityCodeOutput,
});
