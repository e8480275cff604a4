import type { INodeProperties } from 'n8n-workflow';

import { parseTelephones } from '../../helpers/phone';
import { inputError } from '../../run/errors';
import { readListParameter, readRequiredText } from '../../run/parameters';
import type { Run } from '../../run/run';
import { readCountryCode, telephonesProperty } from '../dnc/fields';

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

/** One number, normalised like DNC numbers (the Country Code option included). */
export function readOneTelephone(
	run: Run,
	itemIndex: number,
	name = 'telephone',
	field = 'Telephone',
): string {
	const countryCode = readCountryCode(run, itemIndex);
	const telephones = readListParameter(run, name, field, itemIndex, (value) =>
		parseTelephones(value, countryCode),
	);
	const [telephone] = telephones;
	if (telephone === undefined || telephones.length > 1)
		throw inputError(
			run,
			itemIndex,
			`"${field}" takes one number (Wolkvox takes one per call), got ${telephones.length}: ${telephones.join(', ')}`,
		);
	return telephone;
}
