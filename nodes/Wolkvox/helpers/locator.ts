import type { INodeProperties } from 'n8n-workflow';

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

/** A locator's value (read by run/parameters.ts readRequiredText) (`{ __rl, mode, value }`), or the plain value of a parameter saved as text. */
export function locatorValue(value: unknown): unknown {
	if (typeof value === 'object' && value !== null && 'value' in value)
		return (value as { value: unknown }).value;
	return value;
}
