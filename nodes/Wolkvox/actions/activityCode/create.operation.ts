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

export const description = updateDisplayOptions(
	{ show: { resource: ['activityCode'], operation: ['create'] } },
	[...activityCodeFields, optionsCollection(channelOptionFields)],
);

/**
 * One create_cod_act per item: `{ code, error, msg, typeCode, codAct }`. A retry's "already exists"
 * after an attempt Wolkvox may have applied is a success, marked `alreadyExisted` with the reason.
 */
export const operation = plannedOperation<IDataObject>({
	description,
	prepare: readActivityCode,
	plan: oneRequestPerItem(
		(body) => ({ method: 'POST', file: 'configuration', api: 'create_cod_act', body }),
		'exists',
	),
	toOutput: activityCodeOutput,
});
