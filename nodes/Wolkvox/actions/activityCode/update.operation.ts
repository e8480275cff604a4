import type { IDataObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { locatorProperty } from '../../helpers/locator';
import { optionsCollection } from '../../run/parameters';
import { oneRequestPerItem } from '../../run/operation';
import { plannedOperation } from '../../run/plan';
import {
	activityCodeFields,
	activityCodeOutput,
	channelOptionFields,
	readActivityCode,
} from './fields';

/** The code to change is picked from the list of its group (or given by ID). */
const fields = activityCodeFields.map((field) =>
	field.name === 'codAct'
		? locatorProperty(
				{
					displayName: 'Code',
					name: 'codAct',
					description:
						'The code to change: pick it from its group, or give its ID. An ID cannot be renamed: to change it, delete the code and create it again.',
				},
				'searchActivityCodes',
				'100',
			)
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
