import type { WolkvoxCall } from '../../transport/request';
import type { PlannedRequest, PreparedItem } from '../../run/operation';
import { chunk, MAX_RECORDS_PER_CALL } from '../../run/operation';
import type { TelephoneBatchInput } from './fields';

type ToCall = (records: string[]) => WolkvoxCall;

/** How items may be combined: Combine Items and Batch Size. */
type BatchOptions = Pick<TelephoneBatchInput, 'combineItems' | 'batchSize'>;
type RecordsOf<Input> = (input: Input) => string[];

/** A request carrying these records (telephones, customer IDs) for these items; it can be split by record if refused. */
export function telephoneRequest(owners: Map<string, number[]>, callFor: ToCall): PlannedRequest {
	const itemIndices = [...new Set([...owners.values()].flat())];
	return { itemIndices, call: callFor([...owners.keys()]), records: { owners, callFor } };
}

function ownedBy(itemIndex: number, records: string[]): Map<string, number[]> {
	return new Map(records.map((record) => [record, [itemIndex]]));
}

/**
 * Packs whole items into requests of at most `batchSize` distinct records. An item that alone
 * has more than that is split over requests of its own.
 */
function packItems<Input>(
	items: Array<PreparedItem<Input>>,
	recordsOf: RecordsOf<Input>,
	batchSize: number,
	callFor: ToCall,
): PlannedRequest[] {
	const requests: PlannedRequest[] = [];
	let owners = new Map<string, number[]>();
	const flush = () => {
		if (owners.size > 0) requests.push(telephoneRequest(owners, callFor));
		owners = new Map();
	};
	for (const { itemIndex, input } of items) {
		const records = recordsOf(input);
		if (records.length > batchSize) {
			flush();
			for (const part of chunk(records, batchSize))
				requests.push(telephoneRequest(ownedBy(itemIndex, part), callFor));
			continue;
		}
		const fresh = records.filter((record) => !owners.has(record));
		if (owners.size + fresh.length > batchSize) flush();
		for (const record of records) {
			const holders = owners.get(record);
			if (holders) holders.push(itemIndex);
			else owners.set(record, [itemIndex]);
		}
	}
	flush();
	return requests;
}

/**
 * The plan of a combined write of records (customer IDs…). Items with Combine Items off are sent on
 * their own (split at Wolkvox's 10,000 records per call); the others are packed together, per
 * `groupKey` (what else must be equal for two items to share a request, e.g. the type of call) and
 * batch size.
 */
export function planRecordBatches<Input extends BatchOptions>(
	items: Array<PreparedItem<Input>>,
	recordsOf: RecordsOf<Input>,
	groupKey: (input: Input) => string,
	toCall: (input: Input, records: string[]) => WolkvoxCall,
): PlannedRequest[] {
	const groups = new Map<string, Array<PreparedItem<Input>>>();
	const requests: PlannedRequest[] = [];
	for (const item of items) {
		const { combineItems, batchSize } = item.input;
		if (!combineItems) {
			const callFor = (part: string[]) => toCall(item.input, part);
			for (const part of chunk(recordsOf(item.input), MAX_RECORDS_PER_CALL))
				requests.push(telephoneRequest(ownedBy(item.itemIndex, part), callFor));
			continue;
		}
		const key = `${groupKey(item.input)}/${batchSize}`;
		const group = groups.get(key);
		if (group) group.push(item);
		else groups.set(key, [item]);
	}
	for (const group of groups.values()) {
		const [first] = group;
		if (first)
			requests.push(
				...packItems(group, recordsOf, first.input.batchSize, (part) => toCall(first.input, part)),
			);
	}
	return requests;
}

/** The plan of a DNC write: its records are the items' telephones (see planRecordBatches). */
export function planTelephoneBatches<Input extends TelephoneBatchInput>(
	items: Array<PreparedItem<Input>>,
	groupKey: (input: Input) => string,
	toCall: (input: Input, telephones: string[]) => WolkvoxCall,
): PlannedRequest[] {
	return planRecordBatches(items, (input) => input.telephones, groupKey, toCall);
}
