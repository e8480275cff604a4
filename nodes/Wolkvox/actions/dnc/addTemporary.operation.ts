import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../../transport/answer';
import type { WolkvoxCall } from '../../transport/request';
import { optionsCollection, readParameter, readWholeNumber } from '../../run/parameters';
import type { RequestShare } from '../../run/operation';
import { combinedAnswer, isCombined } from '../../run/operation';
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
type Total = (typeof TOTALS)[number];

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

/** A count in Wolkvox's answer (text there), NaN when it is not given as a number. */
function countIn(row: IDataObject | undefined, field: string): number {
	const value = row?.[field];
	return typeof value === 'number' || (typeof value === 'string' && value.trim() !== '')
		? Number(value)
		: NaN;
}

/**
 * The item's counts in one request. Wolkvox counts the whole request: for a request that carried
 * several items, the item's own numbers are its telephones sent, all added when the request rejected
 * none, unknown (NaN) otherwise.
 */
function countsOf(answer: WolkvoxAnswer, share: RequestShare | undefined): Record<Total, number> {
	const row = Array.isArray(answer.data) ? (answer.data[0] as IDataObject | undefined) : undefined;
	if (!share || !isCombined(share))
		return {
			total_added: countIn(row, 'total_added'),
			total_rejected: countIn(row, 'total_rejected'),
			total_sent: countIn(row, 'total_sent'),
		};
	const noneRejected = countIn(row, 'total_rejected') === 0;
	return {
		total_added: noneRejected ? share.own : NaN,
		total_rejected: noneRejected ? 0 : NaN,
		total_sent: share.own,
	};
}

/**
 * The item's counts over the requests that carried it, summed (text in Wolkvox's answer, numbers
 * here); null when a count is not known as a number.
 */
function totals(answers: WolkvoxAnswer[], shares: RequestShare[]): IDataObject {
	const counts = answers.map((answer, index) => countsOf(answer, shares[index]));
	const sum = (field: Total) => {
		const total = counts.reduce((sum, count) => sum + count[field], 0);
		return Number.isFinite(total) ? total : null;
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
	toOutput: (_run: Run, input, answers, _itemIndex, shares): IDataObject[] => [
		{
			telephones: input.telephones,
			daysBlock: input.daysBlock,
			...combinedAnswer(answers, shares, { one: 'telephone', many: 'telephones', done: 'sent' }),
			...totals(answers, shares),
		},
	],
});
