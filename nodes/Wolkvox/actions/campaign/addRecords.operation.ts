import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Phone } from '../../helpers/phone';
import { parsePhone, shownSpelling } from '../../helpers/phone';
import { inputError } from '../../run/errors';
import type {
	ItemOutcome,
	PlannedRequest,
	PreparedItem,
	WolkvoxOperation,
} from '../../run/operation';
import { chunk, combinedAnswer, MAX_RECORDS_PER_CALL } from '../../run/operation';
import {
	optionsCollection,
	readBoolean,
	readChoiceParameter,
	readOptions,
	readParameter,
} from '../../run/parameters';
import type { Run } from '../../run/run';
import { sendPlan } from '../../run/send';
import { telephoneRequest } from '../dnc/batching';
import { countryCodeOption, readCountryCode } from '../dnc/fields';
import type { Blocked, ScreenedInput } from './blocking';
import { blockedTelephones, readBlockLists } from './blocking';
import type { CampaignTarget } from './fields';
import { campaignCall, campaignFields, readCampaignTarget, targetQuery } from './fields';
import { COLOMBIA_TIME_ZONE, recallDateText } from './recallDate';
import { RECORD_FIELD_BY_ID, TELEPHONE_FIELDS } from '../../helpers/campaignRecord';

const properties: INodeProperties[] = [
	...campaignFields(true),
	{
		displayName: 'Campaign Status After Loading',
		name: 'campaignStatus',
		type: 'options',
		options: [
			{ name: 'Start', value: 'start', description: 'The dialer starts (or keeps) calling' },
			{ name: 'Stop', value: 'stop', description: 'The campaign is left stopped' },
		],
		default: 'start',
		description:
			"Wolkvox's campaign_status: a predictive campaign is started or stopped with the load",
		displayOptions: { show: { typeCampaign: ['predictive'] } },
	},
	{
		displayName: 'Columns',
		name: 'columns',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			resourceMapper: {
				resourceMapperMethod: 'getRecordColumns',
				mode: 'add',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: false,
				multiKeyMatch: false,
				supportAutoMap: true,
			},
		},
		description:
			"The record's fields, named as Wolkvox names them (customer_id, customer_name, tel1 … tel10, opt1 … opt12, email…)",
	},
	{
		displayName: 'Skip Blocked Numbers',
		name: 'skipBlocked',
		type: 'boolean',
		default: true,
		description:
			'Whether to drop telephones on the DNC lists (and, with a Company NIT, protected under Ley 2300) from each record before loading it; a record left with no telephone is not loaded. Costs 2 API calls per run (one read of each DNC list), plus one per distinct telephone with a NIT.',
	},
	{
		displayName:
			'Skip Blocked Numbers is off: numbers on the DNC lists or under Ley 2300 are loaded into the campaign as they are',
		name: 'skipBlockedNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { skipBlocked: [false] } },
	},
	{
		displayName: 'Company NIT (Ley 2300)',
		name: 'nit',
		type: 'string',
		default: '',
		placeholder: '900123456',
		description:
			"Also skip numbers protected under Colombia's Ley 2300 for this NIT. Costs one API call (law2300_info) of the daily quota per distinct telephone. Empty: Ley 2300 is not checked.",
		displayOptions: { show: { skipBlocked: [true] } },
	},
	optionsCollection([
		countryCodeOption,
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			// Adding the option is asking for a dry run: it starts on.
			default: true,
			description:
				'Whether to only check the records (and read the block lists) and output what would be loaded, loading nothing',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['campaign'], operation: ['addRecords'] } },
	properties,
);

export interface AddRecordsInput extends CampaignTarget, ScreenedInput {
	campaignStatus?: 'start' | 'stop';
	record: Record<string, string>;
	skipBlocked: boolean;
	dryRun: boolean;
}

const TELEPHONE_FIELD_SET: ReadonlySet<string> = new Set(TELEPHONE_FIELDS);
const DATE_TIME = /^\d{14}$/;

/** The mapped values: the item's own fields (Map Automatically) or the fields mapped one by one. */
function mappedValues(run: Run, itemIndex: number): IDataObject {
	const columns = (readParameter(run, 'columns', itemIndex, {}) ?? {}) as IDataObject;
	if (columns.mappingMode === 'autoMapInputData')
		return run.context.getInputData()[itemIndex]?.json ?? {};
	return (columns.value ?? {}) as IDataObject;
}

/** Every mapped Wolkvox field as text; a bad value fails the item, naming the field. */
function readRecord(run: Run, itemIndex: number, countryCode: string) {
	const record: Record<string, string> = {};
	const phones = new Map<string, Phone>();
	const fail = (field: string, problem: string) =>
		inputError(run, itemIndex, `Record field "${field}": ${problem}`);
	for (const [field, value] of Object.entries(mappedValues(run, itemIndex))) {
		const known = RECORD_FIELD_BY_ID.get(field);
		if (!known || value === null || value === undefined || value === '') continue;
		if (typeof value === 'object') throw fail(field, `expected text, got ${JSON.stringify(value)}`);
		let text = String(value).trim();
		if (known.maxLength !== undefined && text.length > known.maxLength)
			throw fail(field, `${text.length} characters; Wolkvox takes at most ${known.maxLength}`);
		if (TELEPHONE_FIELD_SET.has(field) || field === 'recall_telephone') {
			try {
				const phone = parsePhone(value, countryCode);
				text = shownSpelling(phone);
				if (field !== 'recall_telephone') phones.set(field, phone);
			} catch (error) {
				throw fail(field, (error as Error).message);
			}
		}
		if (field === 'recall_date' && !DATE_TIME.test(text)) {
			const date = recallDateText(value, COLOMBIA_TIME_ZONE, run.context.getTimezone());
			if (!date) throw fail(field, `"${text}" is not a date and time (YYYYmmddHHiiss)`);
			text = date;
		}
		record[field] = text;
	}
	if (!record.customer_id) throw fail('customer_id', 'required (remove, code and recall name it)');
	if (phones.size === 0)
		throw fail('tel1', 'a record needs at least one telephone (tel1 … tel10, tel_extra)');
	return { record, phones };
}

function prepare(run: Run, itemIndex: number): AddRecordsInput {
	const target = readCampaignTarget(run, itemIndex);
	const countryCode = readCountryCode(run, itemIndex);
	const skipBlocked = readBoolean(
		run,
		readParameter(run, 'skipBlocked', itemIndex, true),
		'Skip Blocked Numbers',
		itemIndex,
	);
	const nit = skipBlocked ? String(readParameter(run, 'nit', itemIndex, '') ?? '').trim() : '';
	const options = readOptions(run, itemIndex);
	return {
		...target,
		...(target.typeCampaign === 'predictive'
			? {
					campaignStatus: readChoiceParameter(
						run,
						'campaignStatus',
						['start', 'stop'] as const,
						'Campaign Status After Loading',
						itemIndex,
						'start',
					),
				}
			: {}),
		...readRecord(run, itemIndex, countryCode),
		countryCode,
		nit,
		skipBlocked,
		dryRun: readBoolean(run, options.dryRun ?? false, 'Dry Run', itemIndex),
	};
}

/** The record without its blocked telephones. */
function withoutBlocked(
	record: Record<string, string>,
	blocked: Blocked[],
): Record<string, string> {
	const kept = { ...record };
	for (const { field } of blocked) delete kept[field];
	return kept;
}

const hasTelephone = (record: Record<string, string>) =>
	TELEPHONE_FIELDS.some((field) => record[field] !== undefined);

/** Records of one campaign (and status) combined, at most 10,000 per request, split by record if refused. */
function planAdds(
	loads: Array<PreparedItem<AddRecordsInput>>,
	records: Map<number, Record<string, string>>,
): PlannedRequest[] {
	const groups = new Map<string, Array<PreparedItem<AddRecordsInput>>>();
	for (const item of loads) {
		const { campaignId, typeCampaign, campaignStatus } = item.input;
		const key = JSON.stringify([campaignId, typeCampaign, campaignStatus]);
		const group = groups.get(key);
		if (group) group.push(item);
		else groups.set(key, [item]);
	}
	return [...groups.values()].flatMap((group) => {
		const first = group[0]?.input;
		if (!first) return [];
		const qs = {
			...targetQuery(first),
			...(first.campaignStatus ? { campaign_status: first.campaignStatus } : {}),
		};
		return chunk(group, MAX_RECORDS_PER_CALL).map((part) =>
			telephoneRequest(
				new Map(part.map(({ itemIndex }) => [String(itemIndex), [itemIndex]])),
				(keys) => ({
					...campaignCall('POST', 'add_record', qs),
					body: keys.map((key) => records.get(Number(key)) ?? {}),
				}),
			),
		);
	});
}

/**
 * Reads the block lists once for the items that skip blocked numbers, drops blocked telephones, then
 * loads the records of all items combined per campaign. One output item per input item: added,
 * skipped ("blocked"), or what a dry run would load.
 */
async function execute(
	run: Run,
	items: Array<PreparedItem<AddRecordsInput>>,
): Promise<Map<number, ItemOutcome>> {
	const { lists, failed } = await readBlockLists(
		run,
		items.filter(({ input }) => input.skipBlocked),
	);
	const outcomes = new Map<number, ItemOutcome>(failed);
	const records = new Map<number, Record<string, string>>();
	const blockedOf = new Map<number, Blocked[]>();
	const loads: Array<PreparedItem<AddRecordsInput>> = [];
	for (const item of items) {
		const { itemIndex, input } = item;
		if (outcomes.has(itemIndex)) continue;
		const blocked = input.skipBlocked ? blockedTelephones(lists, input) : [];
		const record = withoutBlocked(input.record, blocked);
		const about = {
			campaignId: input.campaignId,
			typeCampaign: input.typeCampaign,
			customerId: input.record.customer_id,
		};
		const blockedPart = blocked.length ? { blocked } : {};
		if (!hasTelephone(record)) {
			outcomes.set(itemIndex, {
				json: [
					{ ...about, added: false, skipped: 'blocked', ...blockedPart, record: input.record },
				],
			});
		} else if (input.dryRun) {
			outcomes.set(itemIndex, {
				json: [{ ...about, dryRun: true, wouldAdd: record, ...blockedPart }],
			});
		} else {
			records.set(itemIndex, record);
			blockedOf.set(itemIndex, blocked);
			loads.push(item);
		}
	}
	const requests = planAdds(loads, records);
	const progress = await sendPlan(run, requests, loads);
	for (const { itemIndex, input } of loads) {
		const item = progress.get(itemIndex);
		if (item?.error) {
			outcomes.set(itemIndex, { error: item.error });
			continue;
		}
		const blocked = blockedOf.get(itemIndex) ?? [];
		outcomes.set(itemIndex, {
			json: [
				{
					campaignId: input.campaignId,
					typeCampaign: input.typeCampaign,
					customerId: input.record.customer_id,
					added: true,
					record: records.get(itemIndex) ?? {},
					...(blocked.length ? { blocked } : {}),
					...combinedAnswer(item?.answers ?? [], item?.shares ?? [], {
						one: 'record',
						many: 'records',
						done: 'added',
					}),
				},
			],
		});
	}
	return outcomes;
}

export const operation: WolkvoxOperation<AddRecordsInput> = { description, prepare, execute };
