import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../../transport/answer';
import type { WolkvoxCall } from '../../transport/request';
import { optionsCollection, readChoiceParameter, requireFixedValues } from '../../run/parameters';
import type { PlannedRequest, PreparedItem, RequestShare } from '../../run/operation';
import { combinedAnswer } from '../../run/operation';
import { plannedOperation } from '../../run/plan';
import type { Run } from '../../run/run';
import { planTelephoneBatches } from './batching';
import type { AddTypeCall, TelephoneBatchInput, TypeCall } from './fields';
import {
	ADD_TYPE_CALLS,
	countryCodeOption,
	readTelephoneBatch,
	readTypeCall,
	telephoneBatchOptionFields,
	telephoneSourceProperties,
	typeCallField,
} from './fields';

const REMOVE_MODES = ['listed', 'allOfType'] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Remove',
		name: 'removeMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Listed Numbers',
				value: 'listed',
				description:
					'Remove the telephones given below (every spelling of each phone) from the list(s) chosen in Type of Call',
			},
			{
				name: 'Every Number of One List',
				value: 'allOfType',
				description: 'Empty the whole inbound or outbound DNC list',
			},
		],
		default: 'listed',
		description: 'Which numbers to take off the Do-Not-Call lists',
	},
	...telephoneSourceProperties({ removeMode: ['listed'] }),
	{
		...typeCallField(
			'Which DNC list the numbers leave',
			'Only the list of numbers whose calls are blocked',
			'Only the list of numbers never dialled',
			'Both lists (the numbers leave whichever list holds them)',
		),
		default: 'both',
		displayOptions: { show: { removeMode: ['listed'] } },
	},
	{
		displayName:
			'This removes EVERY number of the chosen list (one call per execution, whatever the input items contain). Wolkvox keeps no copy: to undo it, add the numbers again. Its parameters take fixed values only (no expressions), and it does not run as an AI Agent tool.',
		name: 'allOfTypeNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { removeMode: ['allOfType'] } },
	},
	{
		...typeCallField(
			'Which DNC list to empty',
			'Empty the list of numbers whose calls are blocked',
			'Empty the list of numbers never dialled',
		),
		displayOptions: { show: { removeMode: ['allOfType'] } },
	},
	optionsCollection(
		[...telephoneBatchOptionFields, countryCodeOption].map((field) => ({
			...field,
			displayOptions: { show: { '/removeMode': ['listed'] } },
		})),
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['dnc'], operation: ['remove'] } },
	properties,
);

type ListedInput = { removeMode: 'listed'; typeCall: AddTypeCall } & TelephoneBatchInput;
export type RemoveInput = ListedInput | { removeMode: 'allOfType'; typeCall: TypeCall };

function prepare(run: Run, itemIndex: number): RemoveInput {
	const removeMode = readChoiceParameter(run, 'removeMode', REMOVE_MODES, 'Remove', itemIndex);
	if (removeMode === 'listed')
		return {
			removeMode,
			typeCall: readTypeCall(run, itemIndex, ADD_TYPE_CALLS, 'both'),
			...readTelephoneBatch(run, itemIndex, 'every'),
		};
	requireFixedValues(
		run,
		itemIndex,
		{ removeMode: 'Remove', typeCall: 'Type of Call', options: 'Options' },
		'emptying a whole list is chosen by a person, not by the input',
	);
	return { removeMode: 'allOfType', typeCall: readTypeCall(run, itemIndex) };
}

/** Without a `type`, `"all"` as in Wolkvox's example: the numbers leave whichever list holds them. */
export function removeDncCall(body: IDataObject): WolkvoxCall {
	return {
		method: 'DELETE',
		file: 'configuration',
		api: 'remove_dnc',
		body: { type: 'all', ...body },
	};
}

/** remove_dnc's `type`: one list, or `all` for both. */
export const wolkvoxType = (typeCall: AddTypeCall): string =>
	typeCall === 'both' ? 'all' : typeCall;

function plan(items: Array<PreparedItem<RemoveInput>>): PlannedRequest[] {
	const listed: Array<PreparedItem<ListedInput>> = [];
	const emptied = new Map<string, number[]>();
	for (const { itemIndex, input, settings } of items) {
		if (input.removeMode === 'listed') listed.push({ itemIndex, input, settings });
		else if (emptied.has(input.typeCall)) emptied.get(input.typeCall)?.push(itemIndex);
		else emptied.set(input.typeCall, [itemIndex]);
	}
	const listedRequests = planTelephoneBatches(
		listed,
		(input) => input.typeCall,
		(input, telephones) => removeDncCall({ telephones, type: wolkvoxType(input.typeCall) }),
	);
	// Emptying a list twice does nothing more, so each list is emptied once and every item asking for it gets the answer.
	const emptyRequests = [...emptied].map(([typeCall, itemIndices]) => ({
		itemIndices,
		call: removeDncCall({ telephones: 'all', type: typeCall }),
	}));
	// A retry's "not found" after an attempt Wolkvox may have applied: the numbers are gone.
	return [...listedRequests, ...emptyRequests].map((request) => ({
		...request,
		ifAlreadyDone: 'gone' as const,
	}));
}

function toOutput(
	_run: Run,
	input: RemoveInput,
	answers: WolkvoxAnswer[],
	_itemIndex: number,
	shares: RequestShare[],
): IDataObject[] {
	const answer = combinedAnswer(answers, shares, {
		one: 'telephone',
		many: 'telephones',
		done: 'no longer listed',
	});
	if (input.removeMode === 'allOfType')
		return [{ typeCall: input.typeCall, telephones: 'all', ...answer }];
	return [{ typeCall: input.typeCall, telephones: input.telephones, ...answer }];
}

export const operation = plannedOperation<RemoveInput>({ description, prepare, plan, toOutput });
