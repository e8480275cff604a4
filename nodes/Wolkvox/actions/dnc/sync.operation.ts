import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { WolkvoxCall } from '../../transport/request';
import { optionsCollection, readOptions, readWholeNumber } from '../../run/parameters';
import type { ItemOutcome, PreparedItem, WolkvoxOperation } from '../../run/operation';
import { chunk, combinedAnswer, MAX_RECORDS_PER_CALL } from '../../run/operation';
import { readForAll } from '../../run/reads';
import type { Run } from '../../run/run';
import { sendPlan } from '../../run/send';
import { counted, decideRemovals, diff } from '../../sync/diff';
import type { SyncSettings } from '../../sync/options';
import { inSyncTurn } from '../../sync/syncTurn';
import { removeKeepingOtherList } from '../../sync/otherList';
import {
	attachSummary,
	guardFailure,
	named,
	readSyncSettings,
	removeUnlistedField,
	skippedRemovals,
	syncOptionFields,
} from '../../sync/options';
import { comparableTelephone } from '../../helpers/phone';
import { addDncCall } from './add.operation';
import { telephoneRequest } from './batching';
import type { TypeCall } from './fields';
import {
	countryCodeOption,
	readCountryCode,
	readTelephones,
	readTypeCall,
	telephoneBatchOptionFields,
	telephoneSourceProperties,
	typeCallField,
} from './fields';
import { removeDncCall } from './remove.operation';

const DEFAULT_MAX_REMOVALS = 100;

const properties: INodeProperties[] = [
	{
		...typeCallField(
			'The one DNC list this sync makes equal to the input',
			'Numbers whose calls are blocked',
			'Numbers never dialled',
		),
		noDataExpression: true,
	},
	...telephoneSourceProperties(),
	...removeUnlistedField(
		'Whether to also remove the numbers the list holds and the input does not. Off: the sync only adds. Removed numbers can be called again, so removals are guarded (see Max Removals).',
		'numbers',
	),
	optionsCollection([
		...telephoneBatchOptionFields.filter((field) => field.name === 'batchSize'),
		countryCodeOption,
		...syncOptionFields('numbers', DEFAULT_MAX_REMOVALS),
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['dnc'], operation: ['sync'] } },
	properties,
);

/** What the whole run does, read once from the first item. */
interface DncSyncSettings extends SyncSettings {
	typeCall: TypeCall;
	batchSize: number;
}

function readSettings(run: Run, itemIndex: number): DncSyncSettings {
	const batchSize = readOptions(run, itemIndex).batchSize ?? MAX_RECORDS_PER_CALL;
	return {
		...readSyncSettings(run, itemIndex, DEFAULT_MAX_REMOVALS),
		typeCall: readTypeCall(run, itemIndex),
		batchSize: readWholeNumber(run, batchSize, 'Batch Size', itemIndex, [1, MAX_RECORDS_PER_CALL]),
	};
}

const otherList = (typeCall: TypeCall): TypeCall =>
	typeCall === 'inbound' ? 'outbound' : 'inbound';

/** The numbers of each list, as read. */
function listsOf(records: IDataObject[]): Record<TypeCall, Set<string>> {
	const lists = { inbound: new Set<string>(), outbound: new Set<string>() };
	for (const record of records) {
		if (record.type === 'inbound' || record.type === 'outbound')
			lists[record.type].add(String(record.phone_number));
	}
	return lists;
}

/**
 * The listed numbers by the form the node writes them in (Wolkvox may list `+57 300…` for `300…`),
 * each with the forms Wolkvox holds it in, which are what a removal must send.
 */
function byComparableForm(listed: Set<string>, countryCode: string): Map<string, string[]> {
	const forms = new Map<string, string[]>();
	for (const telephone of listed) {
		const key = comparableTelephone(telephone, countryCode);
		forms.set(key, [...(forms.get(key) ?? []), telephone]);
	}
	return forms;
}

/** get_dnc of one list; with Remove Unlisted each list is read apart, so each has Wolkvox's 60,000-record limit to itself. */
const readListCall = (type: TypeCall): WolkvoxCall => ({
	method: 'GET',
	file: 'information',
	api: 'get_dnc',
	qs: { type },
});

/** Which items want each number, in the order first wanted. */
function wantedBy(items: Array<PreparedItem<string[]>>): Map<string, number[]> {
	const owners = new Map<string, number[]>();
	for (const { itemIndex, input } of items) {
		for (const telephone of input) {
			const holders = owners.get(telephone);
			if (holders) holders.push(itemIndex);
			else owners.set(telephone, [itemIndex]);
		}
	}
	return owners;
}

function requestsFor(
	telephones: string[],
	owners: (telephone: string) => number[],
	batchSize: number,
	callFor: (part: string[]) => WolkvoxCall,
) {
	return chunk(telephones, batchSize).map((part) =>
		telephoneRequest(new Map(part.map((telephone) => [telephone, owners(telephone)])), callFor),
	);
}

async function execute(
	run: Run,
	items: Array<PreparedItem<string[]>>,
	rejected: number[],
): Promise<Map<number, ItemOutcome>> {
	const [first] = items;
	if (!first) return new Map();
	const settings = readSettings(run, first.itemIndex);
	const { typeCall } = settings;
	// Removals need the other list too, to keep it intact.
	const readTypes = settings.removeUnlisted ? [typeCall, otherList(typeCall)] : [typeCall];
	const reads: IDataObject[][] = [];
	for (const type of readTypes) {
		const records = await readForAll(run, readListCall(type), items, ['phone_number']);
		if ('failed' in records) return records.failed;
		reads.push(records);
	}
	const lists = listsOf(reads.flat());
	const listedForms = byComparableForm(lists[typeCall], readCountryCode(run, first.itemIndex));

	const owners = wantedBy(items);
	const { missing, unlisted: unlistedKeys } = diff(owners, listedForms);
	const unlisted = unlistedKeys.flatMap((key) => listedForms.get(key) ?? []);
	const readRecords = Math.max(...reads.map((records) => records.length));
	const decision = decideRemovals(
		{ ...settings, removals: unlisted.length, invalidItems: rejected, readRecords },
		'numbers',
	);
	if ('fail' in decision) return guardFailure(run, items, decision.fail);
	const removed = decision.remove ? unlisted : [];
	const other = otherList(typeCall);
	const restored = removed.filter((telephone) => lists[other].has(telephone));

	const addRequests = requestsFor(
		missing,
		(telephone) => owners.get(telephone) ?? [],
		settings.batchSize,
		(part) => addDncCall(typeCall, part),
	);
	const { dryRun } = settings;
	const added = dryRun ? new Map() : await sendPlan(run, addRequests, items);
	const removal = dryRun
		? undefined
		: await removeKeepingOtherList(run, items, {
				removed,
				list: typeCall,
				otherList: other,
				otherHolds: lists[other],
				batchSize: settings.batchSize,
				summaryItem: first.itemIndex,
				removeCall: (telephones) => removeDncCall({ telephones }),
				restoreCall: (telephones) => addDncCall(other, telephones),
			});
	if (removal?.error && !run.continueOnFail) throw removal.error;

	const summary: IDataObject = {
		dryRun,
		typeCall,
		wanted: owners.size,
		listed: lists[typeCall].size,
		[named(dryRun, 'added')]: counted('telephones', missing),
		[named(dryRun, 'removed')]: counted('telephones', removal?.removed ?? removed),
		[named(dryRun, 'restoredToOtherList')]: {
			typeCall: other,
			...counted('telephones', removal?.restored ?? restored),
		},
		skipped: skippedRemovals(decision, unlisted, 'telephones'),
		requests: reads.length + (dryRun ? 0 : addRequests.length + (removal?.requests ?? 0)),
	};
	if (removal?.answers.length) summary.removalAnswer = combinedAnswer(removal.answers);
	if (removal?.error) summary.stateUnknown = removal.stateUnknown;
	const missingSet = new Set(missing);
	const outcomes = new Map<number, ItemOutcome>();
	for (const { itemIndex, input } of items) {
		const summaryError = itemIndex === first.itemIndex ? removal?.error : undefined;
		const error = summaryError ?? added.get(itemIndex)?.error;
		if (error) {
			outcomes.set(itemIndex, { error });
			continue;
		}
		const answers = added.get(itemIndex)?.answers ?? [];
		const output: IDataObject = {
			typeCall,
			telephones: input,
			[named(dryRun, 'added')]: input.filter((telephone) => missingSet.has(telephone)),
			alreadyListed: input.filter((telephone) => !missingSet.has(telephone)),
			...(dryRun ? { dryRun } : {}),
			...(answers.length ? combinedAnswer(answers) : {}),
		};
		outcomes.set(itemIndex, { json: [output] });
	}
	attachSummary(outcomes, items, summary);
	return outcomes;
}

/**
 * Makes one DNC list equal to the telephones of all input items: one read, then add_dnc for the
 * missing numbers and, with Remove Unlisted, remove_dnc for the numbers no item wants.
 */
export const operation: WolkvoxOperation<string[]> = {
	description,
	prepare: readTelephones,
	execute: async (run, items, rejected) =>
		await inSyncTurn(run, 'dnc', items, async () => await execute(run, items, rejected)),
};
