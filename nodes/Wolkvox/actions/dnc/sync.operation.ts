import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { WolkvoxCall } from '../../transport/request';
import { optionsCollection, readOptions, readWholeNumber } from '../../run/parameters';
import type { ItemOutcome, PreparedItem, WolkvoxOperation } from '../../run/operation';
import { chunk, combinedAnswer, MAX_RECORDS_PER_CALL } from '../../run/operation';
import { readForAll } from '../../run/reads';
import type { Run } from '../../run/run';
import { sendPlan } from '../../run/send';
import { counted, decideRemovals } from '../../sync/diff';
import type { SyncSettings } from '../../sync/options';
import { inSyncTurn } from '../../sync/syncTurn';
import { removeFromOneList } from '../../sync/otherList';
import {
	attachSummary,
	guardFailure,
	named,
	readSyncSettings,
	removeUnlistedField,
	skippedRemovals,
	syncOptionFields,
} from '../../sync/options';
import type { Phone, WriteAs } from '../../helpers/phone';
import { phoneKey, shownSpelling, spellingsToWrite } from '../../helpers/phone';
import { addDncCall } from './add.operation';
import { telephoneRequest } from './batching';
import type { TypeCall } from './fields';
import {
	countryCodeOption,
	readCountryCode,
	readPhones,
	readTypeCall,
	readWriteAs,
	telephoneBatchOptionFields,
	telephoneSourceProperties,
	typeCallField,
	writeAsOption,
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
		writeAsOption,
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
	countryCode: string;
	writeAs: WriteAs;
}

function readSettings(run: Run, itemIndex: number): DncSyncSettings {
	const batchSize = readOptions(run, itemIndex).batchSize ?? MAX_RECORDS_PER_CALL;
	return {
		...readSyncSettings(run, itemIndex, DEFAULT_MAX_REMOVALS),
		typeCall: readTypeCall(run, itemIndex),
		batchSize: readWholeNumber(run, batchSize, 'Batch Size', itemIndex, [1, MAX_RECORDS_PER_CALL]),
		countryCode: readCountryCode(run, itemIndex),
		writeAs: readWriteAs(run, itemIndex),
	};
}

const otherList = (typeCall: TypeCall): TypeCall =>
	typeCall === 'inbound' ? 'outbound' : 'inbound';

/** get_dnc of one list; with Remove Unlisted each list is read apart, so each has Wolkvox's 60,000-record limit to itself. */
const readListCall = (type: TypeCall): WolkvoxCall => ({
	method: 'GET',
	file: 'information',
	api: 'get_dnc',
	qs: { type },
});

/** The numbers of a one-list read: every row belongs to the list read, whatever its `type` says (Wolkvox's example row has `"type": ""`). */
const numbersOf = (records: IDataObject[]) =>
	new Set(records.map((record) => String(record.phone_number)));

/** The listed spellings of each phone, by phone key (Wolkvox may list `+57 300…` for `300…`). */
function byPhone(listed: Set<string>, countryCode: string): Map<string, string[]> {
	const spellings = new Map<string, string[]>();
	for (const telephone of listed) {
		const key = phoneKey(telephone, countryCode);
		spellings.set(key, [...(spellings.get(key) ?? []), telephone]);
	}
	return spellings;
}

/** Each wanted phone (by key) with the items that want it, in the order first wanted. */
function wantedBy(
	items: Array<PreparedItem<Phone[]>>,
): Map<string, { phone: Phone; owners: number[] }> {
	const wanted = new Map<string, { phone: Phone; owners: number[] }>();
	for (const { itemIndex, input } of items) {
		for (const phone of input) {
			const entry = wanted.get(phone.key);
			if (entry) entry.owners.push(itemIndex);
			else wanted.set(phone.key, { phone, owners: [itemIndex] });
		}
	}
	return wanted;
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
	items: Array<PreparedItem<Phone[]>>,
	rejected: number[],
): Promise<Map<number, ItemOutcome>> {
	const [first] = items;
	if (!first) return new Map();
	const settings = readSettings(run, first.itemIndex);
	const { typeCall, countryCode, writeAs } = settings;
	const other = otherList(typeCall);
	// Removals need the other list too, to keep it intact.
	const readTypes = settings.removeUnlisted ? [typeCall, other] : [typeCall];
	const lists = { inbound: new Set<string>(), outbound: new Set<string>() };
	let readRecords = 0;
	for (const type of readTypes) {
		const records = await readForAll(run, readListCall(type), items, ['phone_number']);
		if ('failed' in records) return records.failed;
		lists[type] = numbersOf(records);
		readRecords = Math.max(readRecords, records.length);
	}
	const listed = lists[typeCall];
	const listedSpellings = byPhone(listed, countryCode);

	// Phones, not spellings, are compared: a wanted phone gets the spellings it lacks, a listed
	// spelling of a wanted phone is never removed, and only phones nobody wants are removed.
	const wanted = wantedBy(items);
	const toWrite = new Map<string, string[]>();
	const addOwners = new Map<string, number[]>();
	for (const [key, { phone, owners }] of wanted) {
		toWrite.set(key, spellingsToWrite(phone, writeAs));
		for (const spelling of toWrite.get(key) ?? [])
			if (!listed.has(spelling)) addOwners.set(spelling, owners);
	}
	const missing = [...addOwners.keys()];
	const unlisted = [...listedSpellings]
		.filter(([key]) => !wanted.has(key))
		.flatMap(([, spellings]) => spellings);
	const decision = decideRemovals(
		{ ...settings, removals: unlisted.length, invalidItems: rejected, readRecords },
		'numbers',
	);
	if ('fail' in decision) return guardFailure(run, items, decision.fail);
	const removed = decision.remove ? unlisted : [];

	const addRequests = requestsFor(
		missing,
		(telephone) => addOwners.get(telephone) ?? [],
		settings.batchSize,
		(part) => addDncCall(typeCall, part),
	);
	const { dryRun } = settings;
	const added = dryRun ? new Map() : await sendPlan(run, addRequests, items);
	const removal = dryRun
		? undefined
		: await removeFromOneList(run, items, {
				removed,
				list: typeCall,
				otherList: other,
				otherHolds: lists[other],
				batchSize: settings.batchSize,
				summaryItem: first.itemIndex,
				removeCall: (telephones) => removeDncCall({ telephones, type: typeCall }),
				readOtherCall: readListCall(other),
				restoreCall: (telephones) => addDncCall(other, telephones),
			});
	if (removal?.error && !run.continueOnFail) throw removal.error;

	const summary: IDataObject = {
		dryRun,
		typeCall,
		wanted: wanted.size,
		listed: listed.size,
		[named(dryRun, 'added')]: counted('telephones', missing),
		[named(dryRun, 'removed')]: counted('telephones', removal?.removed ?? removed),
		...(removal
			? { otherListRestored: { typeCall: other, ...counted('telephones', removal.restored) } }
			: {}),
		skipped: skippedRemovals(decision, unlisted, 'telephones'),
		requests: readTypes.length + (dryRun ? 0 : addRequests.length + (removal?.requests ?? 0)),
	};
	if (removal?.answers.length) summary.removalAnswer = combinedAnswer(removal.answers);
	if (removal?.error) summary.stateUnknown = removal.stateUnknown;
	const outcomes = new Map<number, ItemOutcome>();
	for (const { itemIndex, input } of items) {
		const summaryError = itemIndex === first.itemIndex ? removal?.error : undefined;
		const error = summaryError ?? added.get(itemIndex)?.error;
		if (error) {
			outcomes.set(itemIndex, { error });
			continue;
		}
		const { answers = [], shares = [] } = added.get(itemIndex) ?? {};
		const spellings = input.flatMap((phone) => toWrite.get(phone.key) ?? []);
		const listedAs: IDataObject = {};
		for (const phone of input) {
			const written = new Set(toWrite.get(phone.key));
			const others = (listedSpellings.get(phone.key) ?? []).filter((one) => !written.has(one));
			if (others.length) listedAs[shownSpelling(phone)] = others;
		}
		const output: IDataObject = {
			typeCall,
			telephones: spellings,
			[named(dryRun, 'added')]: spellings.filter((telephone) => addOwners.has(telephone)),
			alreadyListed: spellings.filter((telephone) => !addOwners.has(telephone)),
			...(Object.keys(listedAs).length ? { listedAs } : {}),
			...(dryRun ? { dryRun } : {}),
			...(answers.length
				? combinedAnswer(answers, shares, { one: 'telephone', many: 'telephones', done: 'added' })
				: {}),
		};
		outcomes.set(itemIndex, { json: [output] });
	}
	attachSummary(outcomes, items, summary);
	return outcomes;
}

/**
 * Makes one DNC list equal to the phones of all input items: one read, then add_dnc for the missing
 * spellings and, with Remove Unlisted, remove_dnc (of this list only) for the phones no item wants.
 */
export const operation: WolkvoxOperation<Phone[]> = {
	description,
	prepare: readPhones,
	execute: async (run, items, rejected) =>
		await inSyncTurn(run, 'dnc', items, async () => await execute(run, items, rejected)),
};
