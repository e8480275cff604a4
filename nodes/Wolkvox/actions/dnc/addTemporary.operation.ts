import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../../transport/answer';
import type { WolkvoxCall } from '../../transport/request';
import { optionsCollection, readParameter, readWholeNumber } from '../../run/parameters';
import { combinedAnswer } from '../../run/operation';
import { plannedOperation } from '../../run/plan';
import type { Run } from '../../run/run';
import { planTelephoneBatches } from './batching';
import type { TelephoneBatchInput } from './fields';
import {
	readTelephoneBatch,
	telephoneBatchOptionFields,
	countryCodeOption,
	telephoneSourceProperties,
	writeAsOption,
} from './fields';

const MAX_DAYS = 3650;
const TOTALS = ['total_added', 'total_rejected', 'total_sent'] as const;

const properties: INodeProperties[] = [
	...telephoneSourceProperties(),
	{
		displayName: 'Days Blocked',
		name: 'daysBlock',
		type: 'number',
		required: true,
		typeOptions: { minValue: 1, maxValue: MAX_DAYS },
		default: 30,
		description: 'For how many days the numbers are not dialled (1 to 3,650)',
	},
	optionsCollection([...telephoneBatchOptionFields, countryCodeOption, writeAsOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['dnc'], operation: ['addTemporary'] } },
	properties,
);

export type AddTemporaryInput = { daysBlock: number } & TelephoneBatchInput;

/** campaign.php's add_dnc takes a list: one entry per number, each with its days (as text). */
function temporaryBlockCall(daysBlock: number, telephones: string[]): WolkvoxCall {
	const days = String(daysBlock);
	return {
		method: 'POST',
		file: 'campaign',
		api: 'add_dnc',
		body: telephones.map((telephone) => ({ telephone, days_block: days })),
	};
}

function prepare(run: Run, itemIndex: number): AddTemporaryInput {
	const daysBlock = readWholeNumber(
		run,
		readParameter(run, 'daysBlock', itemIndex),
		'Days Blocked',
		itemIndex,
		[1, MAX_DAYS],
	);
	return { daysBlock, ...readTelephoneBatch(run, itemIndex) };
}

/**
 * Wolkvox's counts of the requests that carried the item, summed (text in Wolkvox's answer, numbers
 * here); null when an answer did not give one as a number.
 */
function totals(answers: WolkvoxAnswer[]): IDataObject {
	const rows = answers.map((answer) =>
		Array.isArray(answer.data) ? (answer.data[0] as IDataObject | undefined) : undefined,
	);
	const sum = (field: string) => {
		const counts = rows.map((row) => {
			const value = row?.[field];
			return typeof value === 'number' || (typeof value === 'string' && value.trim() !== '')
				? Number(value)
				: NaN;
		});
		return counts.every(Number.isFinite) ? counts.reduce((total, count) => total + count, 0) : null;
	};
	return Object.fromEntries(TOTALS.map((field) => [field, sum(field)]));
}

/** Telephones combined like Add, per number of days: `{ telephones, daysBlock, code, error, msg, total_added, total_rejected, total_sent }`. */
export const operation = plannedOperation<AddTemporaryInput>({
	description,
	prepare,
	plan: (items) =>
		planTelephoneBatches(
			items,
			(input) => String(input.daysBlock),
			(input, telephones) => temporaryBlockCall(input.daysBlock, telephones),
		),
	toOutput: (_run: Run, input, answers): IDataObject[] => [
		{
			telephones: input.telephones,
			daysBlock: input.daysBlock,
			...combinedAnswer(answers),
			...totals(answers),
		},
	],
});
