import type { IDataObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { WolkvoxCall } from '../../transport/request';
import { optionsCollection } from '../../run/parameters';
import { inputError } from '../../run/errors';
import type {
	ItemOutcome,
	PlannedRequest,
	PreparedItem,
	WolkvoxOperation,
} from '../../run/operation';
import { chunk, combinedAnswer, MAX_RECORDS_PER_CALL } from '../../run/operation';
import { readForAll } from '../../run/reads';
import type { Run } from '../../run/run';
import { sendPlan } from '../../run/send';
import { counted, decideRemovals, diff } from '../../sync/diff';
import {
	attachSummary,
	guardFailure,
	named,
	readSyncSettings,
	removeUnlistedField,
	skippedRemovals,
	syncOptionFields,
} from '../../sync/options';
import { inSyncTurn } from '../../sync/syncTurn';
import {
	activityCodeFields,
	CHANNEL_FIELDS,
	channelOptionFields,
	readActivityCode,
} from './fields';

const DEFAULT_MAX_REMOVALS = 10;
/** The fields activity_codes reads back; a code differing in any of them (or in a channel flag the user set) is updated. */
const COMPARED = ['description_cod_act', 'hit', 'rpc', 'chat'] as const;
const CHANNELS = CHANNEL_FIELDS.map(([name]) => name);

export const description = updateDisplayOptions(
	{ show: { resource: ['activityCode'], operation: ['sync'] } },
	[
		...activityCodeFields,
		...removeUnlistedField(
			'Whether to also delete the codes of the group(s) present in the input that no input item holds. Codes of a group absent from the input are never touched.',
			'codes',
		),
		optionsCollection([...channelOptionFields, ...syncOptionFields('codes', DEFAULT_MAX_REMOVALS)]),
	],
);

type Result = 'created' | 'updated' | 'unchanged';
const codeKey = (typeCode: unknown, codAct: unknown) =>
	`${String(typeCode)}\u0000${String(codAct)}`;
const codeOf = (key: string) => {
	const [typeCode, codAct] = key.split('\u0000');
	return { typeCode, codAct };
};

/** The listed codes by key; Wolkvox's rows name the ID `cod_act` (its field table says `code_act`). */
function listedCodes(records: IDataObject[]): Map<string, IDataObject> {
	return new Map(
		records.map((record) => [codeKey(record.type_code, record.cod_act ?? record.code_act), record]),
	);
}

const same = (wanted: IDataObject, listed: IDataObject) =>
	[...COMPARED, ...CHANNELS.filter((field) => wanted[field] !== undefined)].every(
		(field) =>
			String(wanted[field] ?? '').toLowerCase() === String(listed[field] ?? '').toLowerCase(),
	);

/** The wanted codes by key; a code given by two items fails the later one. */
function wantedCodes(
	run: Run,
	items: Array<PreparedItem<IDataObject>>,
	invalid: number[],
	outcomes: Map<number, ItemOutcome>,
) {
	const wanted = new Map<string, PreparedItem<IDataObject>>();
	for (const item of items) {
		const key = codeKey(item.input.type_code, item.input.cod_act);
		const earlier = wanted.get(key);
		if (!earlier) {
			wanted.set(key, item);
			continue;
		}
		const error = inputError(
			run,
			item.itemIndex,
			`the code "${String(item.input.cod_act)}" of ${String(item.input.type_code)} is also given by item ${earlier.itemIndex}`,
		);
		if (!run.continueOnFail) throw error;
		outcomes.set(item.itemIndex, { error });
		invalid.push(item.itemIndex);
	}
	return wanted;
}

const writeCall = (api: 'create_cod_act' | 'edit_cod_act', body: IDataObject): WolkvoxCall => ({
	method: api === 'create_cod_act' ? 'POST' : 'PUT',
	file: 'configuration',
	api,
	body,
});

/** One remove_cod_act per group (and per 10,000 codes), on behalf of the item that carries the summary. */
function removalRequests(removed: string[], summaryItem: number): PlannedRequest[] {
	const byGroup = new Map<string, string[]>();
	for (const { typeCode = '', codAct = '' } of removed.map(codeOf))
		byGroup.set(typeCode, [...(byGroup.get(typeCode) ?? []), codAct]);
	return [...byGroup].flatMap(([typeCode, codes]) =>
		chunk(codes, MAX_RECORDS_PER_CALL).map((part) => ({
			itemIndices: [summaryItem],
			call: {
				method: 'DELETE',
				file: 'configuration',
				api: 'remove_cod_act',
				body: { type_code: typeCode, cod_act: part },
			} as WolkvoxCall,
			ifAlreadyDone: 'gone' as const,
		})),
	);
}

async function execute(
	run: Run,
	items: Array<PreparedItem<IDataObject>>,
	rejected: number[],
): Promise<Map<number, ItemOutcome>> {
	const [first] = items;
	if (!first) return new Map();
	const settings = readSyncSettings(run, first.itemIndex, DEFAULT_MAX_REMOVALS);
	const records = await readForAll(
		run,
		{ method: 'GET', file: 'information', api: 'activity_codes' },
		items,
		['cod_act', 'code_act'],
	);
	if ('failed' in records) return records.failed;
	const listed = listedCodes(records);

	const outcomes = new Map<number, ItemOutcome>();
	const invalid = [...rejected];
	const wanted = wantedCodes(run, items, invalid, outcomes);
	const groups = new Set([...wanted.values()].map(({ input }) => String(input.type_code)));
	const { missing, changed, unchanged } = diff(wanted, listed, ({ input }, code) =>
		same(input, code),
	);
	const { unlisted } = diff(
		wanted,
		new Map([...listed].filter(([, code]) => groups.has(String(code.type_code)))),
	);
	const decision = decideRemovals(
		{ ...settings, removals: unlisted.length, invalidItems: invalid, readRecords: records.length },
		'activity codes',
	);
	if ('fail' in decision) return guardFailure(run, items, decision.fail);
	const removed = decision.remove ? unlisted : [];

	const results = new Map<string, Result>([
		...missing.map((key): [string, Result] => [key, 'created']),
		...changed.map((key): [string, Result] => [key, 'updated']),
		...unchanged.map((key): [string, Result] => [key, 'unchanged']),
	]);
	const writes: PlannedRequest[] = [...wanted]
		.filter(([key]) => results.get(key) !== 'unchanged')
		.map(([key, { itemIndex, input }]) =>
			results.get(key) === 'created'
				? {
						itemIndices: [itemIndex],
						call: writeCall('create_cod_act', input),
						ifAlreadyDone: 'exists' as const,
					}
				: { itemIndices: [itemIndex], call: writeCall('edit_cod_act', input) },
		);
	const removeRequests = removalRequests(removed, first.itemIndex);
	const { dryRun } = settings;
	const sent = dryRun ? new Map() : await sendPlan(run, writes, items);
	const removal = dryRun ? new Map() : await sendPlan(run, removeRequests, items);

	const summary: IDataObject = {
		dryRun,
		[named(dryRun, 'created')]: counted('codes', missing.map(codeOf)),
		[named(dryRun, 'updated')]: counted('codes', changed.map(codeOf)),
		unchanged: counted('codes', unchanged.map(codeOf)),
		[named(dryRun, 'removed')]: counted('codes', removed.map(codeOf)),
		skipped: skippedRemovals(decision, unlisted.map(codeOf), 'codes'),
		requests: 1 + (settings.dryRun ? 0 : writes.length + removeRequests.length),
	};
	const removalAnswers = removal.get(first.itemIndex)?.answers ?? [];
	if (removalAnswers.length) summary.removalAnswer = combinedAnswer(removalAnswers);
	for (const { itemIndex, input } of items) {
		if (outcomes.has(itemIndex)) continue;
		const error = sent.get(itemIndex)?.error ?? removal.get(itemIndex)?.error;
		if (error) {
			outcomes.set(itemIndex, { error });
			continue;
		}
		const answers = sent.get(itemIndex)?.answers ?? [];
		const result = results.get(codeKey(input.type_code, input.cod_act)) ?? 'unchanged';
		const output: IDataObject = {
			typeCode: input.type_code,
			codAct: input.cod_act,
			result: result === 'unchanged' ? result : named(dryRun, result),
			...(dryRun ? { dryRun } : {}),
			...(answers.length ? combinedAnswer(answers) : {}),
		};
		outcomes.set(itemIndex, { json: [output] });
	}
	attachSummary(outcomes, items, summary);
	return outcomes;
}

/**
 * Makes the activity codes of the groups in the input equal to the input: one read, then
 * create_cod_act for absent codes, edit_cod_act for codes that differ, nothing for identical ones
 * and, with Remove Unlisted, remove_cod_act for the group's codes no item holds.
 */
export const operation: WolkvoxOperation<IDataObject> = {
	description,
	prepare: readActivityCode,
	execute: async (run, items, rejected) =>
		await inSyncTurn(run, 'activityCode', items, async () => await execute(run, items, rejected)),
};
