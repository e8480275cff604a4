import type { JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../transport/answer';
import type { WolkvoxFailure } from '../transport/request';
import type { Run } from './run';
import { runsAsTool } from './tool';

/** The one place the node's errors are built; each error belongs to one item. */
export type ItemError = NodeApiError | NodeOperationError;

/**
 * Whether `error` is one of n8n's node errors. By name, not `instanceof`: inside n8n the node may see
 * another copy of n8n-workflow's classes than the one that built the error.
 */
export function isItemError(error: unknown): error is ItemError {
	return (
		error instanceof Error && (error.name === 'NodeApiError' || error.name === 'NodeOperationError')
	);
}

/** Any error met while handling an item, as an item error (unexpected ones wrapped). */
export function asItemError(run: Pick<Run, 'node'>, error: unknown): ItemError {
	return isItemError(error) ? error : new NodeOperationError(run.node, error as Error);
}

/** Input that cannot be sent: names the item and the field; nothing was sent for it. */
export function inputError(run: Run, itemIndex: number, message: string): NodeOperationError {
	return new NodeOperationError(run.node, `Item ${itemIndex}: ${message}`, {
		itemIndex,
		description: 'Nothing was sent for this item.',
	});
}

/** A problem with the credential found before anything was sent. */
export function credentialError(
	run: Pick<Run, 'node'>,
	message: string,
	itemIndex: number,
): NodeOperationError {
	return new NodeOperationError(run.node, message, {
		itemIndex,
		description: 'Nothing was sent to Wolkvox.',
	});
}

/** What else an item's error says when its request was combined or split. */
export interface ErrorDetails {
	/** Telephones (or codes) of this item that Wolkvox refused. */
	refused?: string[];
	/** Telephones (or codes) of this item that Wolkvox accepted before the failure. */
	written?: string[];
	/** Records Wolkvox accepted in the whole run before this failure. */
	writtenInRun?: number;
}

/** A list for a message: at most 20 entries, then how many more. */
function listed(records: string[]): string {
	const shown = records.slice(0, 20).join(', ');
	return records.length > 20 ? `${shown} and ${records.length - 20} more` : shown;
}

function detailsText({ refused, written, writtenInRun }: ErrorDetails): string {
	const parts: string[] = [];
	if (refused?.length) parts.push(`Refused: ${listed(refused)}.`);
	if (written?.length) parts.push(`Already written for this item: ${listed(written)}.`);
	if (writtenInRun) parts.push(`${writtenInRun} record(s) were written in this execution before.`);
	return parts.join(' ');
}

/** A request of this item that did not succeed (Wolkvox's answer, no answer, or not sent). */
export function requestError(
	run: Pick<Run, 'node'>,
	{ failure, attempts }: WolkvoxFailure,
	itemIndex: number,
	details: ErrorDetails = {},
): ItemError {
	let message = failure.message;
	if (details.refused?.length) message += ` (item ${itemIndex}: ${listed(details.refused)})`;
	if (failure.outcome === 'retry' || failure.outcome === 'busy')
		message += ` (gave up after ${attempts} attempt${attempts === 1 ? '' : 's'})`;
	const description = [failure.description, detailsText(details)].filter(Boolean).join(' ');
	if (failure.outcome === 'halt' && failure.answer === undefined) {
		return new NodeOperationError(run.node, message, { itemIndex, description });
	}
	const response = (failure.answer ?? {
		message,
		httpCode: failure.httpCode ?? null,
	}) as JsonObject;
	return new NodeApiError(run.node, response, {
		message,
		description,
		httpCode: failure.httpCode,
		itemIndex,
	});
}

/** An item whose request was never sent because the run stopped sending. */
export function notSentError(
	run: Run,
	itemIndex: number,
	reason: string,
	written: string[] = [],
): NodeOperationError {
	const sent = written.length
		? detailsText({ written })
		: 'Nothing was sent to Wolkvox for this item.';
	return new NodeOperationError(run.node, `Item ${itemIndex}: not sent: ${reason}`, {
		itemIndex,
		description: `${sent} Run it again once the cause is fixed.`,
	});
}

/** A read whose answer does not have the shape the output needs. */
export function answerShapeError(
	run: Pick<Run, 'node'>,
	answer: WolkvoxAnswer,
	api: string,
	problem: string,
	itemIndex: number,
): NodeApiError {
	return new NodeApiError(run.node, answer as JsonObject, {
		message: `Wolkvox answered ${api} with ${problem}`,
		description: `Wolkvox said: ${answer.msg || 'no message'} (code ${answer.code}). The answer's shape may have changed; nothing was output for this item.`,
		itemIndex,
	});
}

/** A whole-run refusal (e.g. a guard) that every item shares: one error per item. */
export function runError(
	run: Run,
	itemIndex: number,
	message: string,
	description: string,
): NodeOperationError {
	return new NodeOperationError(run.node, message, { itemIndex, description });
}

/** Numbers whose state is unknown after a failed DNC removal, by list, and what was added back. */
export interface StateUnknown {
	byList: Record<string, string[]>;
	/** The list removed numbers are added back to. */
	otherList: string;
	restored: string[];
}

/**
 * A removal (or the re-add after it) that failed after Wolkvox may have applied it: its error names
 * every number whose state is unknown, by list (the message shows the first 20, the description all;
 * for an AI agent, whose record keeps only the message, the message names all), and the numbers
 * that were added back.
 */
export function withStateUnknown(
	error: ItemError,
	{ byList, otherList, restored }: StateUnknown,
): ItemError {
	const lists = Object.entries(byList).filter(([, telephones]) => telephones.length);
	const said = (show: (telephones: string[]) => string) =>
		lists.map(
			([list, telephones]) =>
				`Whether ${telephones.length === 1 ? 'this number is' : `these ${telephones.length} numbers are`} on the ${list} list is unknown: ${show(telephones)}.`,
		);
	const all = (telephones: string[]) => telephones.join(', ');
	const inMessage = error.node && runsAsTool(error.node) ? all : listed;
	if (lists.length) error.message = `${error.message}. ${said(inMessage).join(' ')}`;
	const advice = lists.map(([list]) =>
		list === otherList
			? `Add back with DNC → Add those missing from the ${list} list: a later sync cannot know they were there.`
			: `Running the sync again finishes the removals from the ${list} list.`,
	);
	const back = restored.length
		? [`Added back to the ${otherList} list: ${restored.join(', ')}.`]
		: [];
	error.description = [error.description, ...said(all), ...back, ...advice]
		.filter(Boolean)
		.join(' ');
	return error;
}
