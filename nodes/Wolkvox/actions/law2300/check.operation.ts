import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../../transport/answer';
import { optionsCollection } from '../../run/parameters';
import { plannedOperation } from '../../run/plan';
import type { PlannedRequest, PreparedItem } from '../../run/operation';
import { dataList, readSource } from '../../run/reads';
import type { Run } from '../../run/run';
import { countryCodeOption } from '../dnc/fields';
import { nitField, readNit, readOnePhone, telephoneField } from './fields';

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
	/** Every spelling of the phone: asked one by one. */
	telephones: string[];
}

function prepare(run: Run, itemIndex: number): CheckInput {
	return { nit: readNit(run, itemIndex), telephones: readOnePhone(run, itemIndex).spellings };
}

/**
 * `{ nit, telephone, telephones, protected, protectedAs, lastDay, lastChannel }`: protected when
 * Wolkvox lists any spelling of the phone. A number Wolkvox does not list (no records) is not
 * protected: that is an answer, not an error.
 */
function toOutput(
	run: Run,
	{ nit, telephones }: CheckInput,
	answers: WolkvoxAnswer[],
	itemIndex: number,
): IDataObject[] {
	// Inferred: Wolkvox's answer for a number it does not list is not published; no data counts as none.
	const records = answers.flatMap((answer) => {
		const source = readSource(run, API, [answer], itemIndex);
		return source.answer.data == null ? [] : dataList(source);
	});
	const [record] = records;
	return [
		{
			nit,
			telephone: telephones[0],
			telephones,
			protected: record !== undefined,
			protectedAs: records.map((found) => found.phone_number),
			lastDay: record?.last_day ?? null,
			lastChannel: record?.last_channel ?? null,
		},
	];
}

/** One law2300_info per NIT and spelling: items asking about the same phone share its calls. */
function plan(items: Array<PreparedItem<CheckInput>>): PlannedRequest[] {
	const requests = new Map<string, PlannedRequest>();
	for (const { itemIndex, input } of items) {
		for (const phone of input.telephones) {
			const key = JSON.stringify([input.nit, phone]);
			const planned = requests.get(key);
			if (planned) planned.itemIndices.push(itemIndex);
			else
				requests.set(key, {
					itemIndices: [itemIndex],
					call: { method: 'GET', file: 'information', api: API, qs: { nit: input.nit, phone } },
				});
		}
	}
	return [...requests.values()];
}

export const operation = plannedOperation<CheckInput>({ description, prepare, plan, toOutput });
