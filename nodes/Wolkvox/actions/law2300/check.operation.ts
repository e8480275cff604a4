import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../../transport/answer';
import { optionsCollection } from '../../run/parameters';
import { plannedOperation } from '../../run/plan';
import { dataList, oneRequestPerDistinctRead, readSource } from '../../run/reads';
import type { Run } from '../../run/run';
import { countryCodeOption } from '../dnc/fields';
import { nitField, readNit, readOneTelephone, telephoneField } from './fields';

const API = 'law2300_info';

const properties: INodeProperties[] = [
	nitField,
	telephoneField,
	optionsCollection([countryCodeOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['law2300'], operation: ['check'] } },
	properties,
);

export interface CheckInput {
	nit: string;
	telephone: string;
}

function prepare(run: Run, itemIndex: number): CheckInput {
	return { nit: readNit(run, itemIndex), telephone: readOneTelephone(run, itemIndex) };
}

/**
 * `{ nit, telephone, protected, lastDay, lastChannel }`. A number Wolkvox does not list (no records)
 * is not protected: that is an answer, not an error.
 */
function toOutput(
	run: Run,
	{ nit, telephone }: CheckInput,
	answers: WolkvoxAnswer[],
	itemIndex: number,
): IDataObject[] {
	const source = readSource(run, API, answers, itemIndex);
	// Inferred: Wolkvox's answer for a number it does not list is not published; no data counts as none.
	const [record] = source.answer.data == null ? [] : dataList(source);
	return [
		{
			nit,
			telephone,
			protected: record !== undefined,
			lastDay: record?.last_day ?? null,
			lastChannel: record?.last_channel ?? null,
		},
	];
}

/** Items asking about the same NIT and number share one call (cached for the execution). */
export const operation = plannedOperation<CheckInput>({
	description,
	prepare,
	plan: oneRequestPerDistinctRead(({ nit, telephone }) => ({
		method: 'GET',
		file: 'information',
		api: API,
		qs: { nit, phone: telephone },
	})),
	toOutput,
});
