import type { INodeProperties } from 'n8n-workflow';

import { readRequiredText } from '../../run/parameters';
import type { Run } from '../../run/run';
import { telephonesProperty } from '../dnc/fields';

// Campaign operations read one number too: the reader lives beside the Country Code it uses.
export { readOneTelephone } from '../dnc/fields';

export const nitField: INodeProperties = {
	displayName: 'Company NIT',
	name: 'nit',
	type: 'string',
	required: true,
	default: '',
	placeholder: '900123456',
	description:
		"The company's NIT as validated in wolkvox Manager's Ley 2300 section (Configuration → Ley 2300)",
};

export const telephoneField: INodeProperties = {
	...telephonesProperty,
	displayName: 'Telephone',
	name: 'telephone',
	placeholder: '+57 300 123 4567',
	description:
		'One number (Wolkvox takes one per call). Spaces, dashes, dots, parentheses and a leading + are removed; it must then have 7 to 15 digits.',
};

export function readNit(run: Run, itemIndex: number): string {
	return readRequiredText(run, 'nit', 'Company NIT', itemIndex);
}
