import type { INodeProperties } from 'n8n-workflow';

import { inputError } from '../run/errors';
import { readParameter } from '../run/parameters';
import type { Run } from '../run/run';

/**
 * "Pick, don't type": a resource locator whose From List mode is searched through `searchMethod`
 * (methods/listSearch.ts) and whose By ID mode takes the ID as text.
 */
export function locatorProperty(
	base: Pick<INodeProperties, 'displayName' | 'name' | 'description'> & { required?: boolean },
	searchMethod: string,
	idPlaceholder: string,
): INodeProperties {
	return {
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: base.required ?? true,
		...base,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: searchMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: idPlaceholder,
			},
		],
	};
}

export const campaignLocator = locatorProperty(
	{
		displayName: 'Campaign',
		name: 'campaign',
		description: 'The campaign in wolkvox Manager: pick it from the list, or give its ID',
	},
	'searchCampaigns',
	'7224',
);

/** A locator's value (`{ __rl, mode, value }`), or the plain value of a parameter saved as text. */
export function locatorValue(value: unknown): unknown {
	if (typeof value === 'object' && value !== null && 'value' in value)
		return (value as { value: unknown }).value;
	return value;
}

/** A required resource locator's ID, trimmed; numbers from expressions become text. */
export function readLocator(run: Run, name: string, field: string, itemIndex: number): string {
	const value = locatorValue(readParameter(run, name, itemIndex));
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (text === '')
		throw inputError(run, itemIndex, `"${field}" is required: pick one or give its ID`);
	return text;
}
