import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { RECORD_FIELDS } from '../helpers/campaignRecord';

/**
 * The columns of Add Records: Wolkvox's record fields, whose IDs are Wolkvox's own names. They are
 * the same for every campaign, so showing them costs no API call.
 */
export async function getRecordColumns(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return {
		fields: RECORD_FIELDS.map((field) => ({
			id: field.id,
			displayName: field.maxLength
				? `${field.displayName} (${field.id}, max ${field.maxLength})`
				: `${field.displayName} (${field.id})`,
			required: field.required ?? false,
			defaultMatch: false,
			display: true,
			type: 'string',
			canBeUsedToMatch: false,
		})),
	};
}
