import type { INodeProperties } from 'n8n-workflow';

import { parseNit } from '../../helpers/nit';
import { readList, readParameter } from '../../run/parameters';
import type { Run } from '../../run/run';
import { telephonesProperty } from '../dnc/fields';

// Campaign operations read one number too: the reader lives beside the Country Code it uses.
export { readOnePhone } from '../dnc/fields';

export const nitField: INodeProperties = {
	displayName: 'Company NIT',
	name: 'nit',
	type: 'string',
	required: true,
	default: '',
	placeholder: '900.123.456-8',
	description:
		"The company's NIT as validated in wolkvox Manager's Ley 2300 section (Configuration → Ley 2300). Dots, spaces and the check digit after a dash are accepted; a wrong check digit fails the item. Wolkvox receives the digits without the check digit.",
};

export const telephoneField: INodeProperties = {
	...telephonesProperty,
	displayName: 'Telephone',
	name: 'telephone',
	placeholder: '+57 300 123 4567',
	description:
		'One number. Spaces, dashes, dots, parentheses and a leading + are removed; it must then have 7 to 15 digits. With a Country Code, every spelling of the phone is sent (Wolkvox takes one per call).',
};

/** The NIT's digits without its check digit; a NIT that cannot be read, or a wrong check digit, fails the item. */
export function readNit(run: Run, itemIndex: number): string {
	return readList(run, readParameter(run, 'nit', itemIndex), 'Company NIT', itemIndex, (value) => [
		parseNit(value),
	])[0] as string;
}
