/**
 * Reads report rows for a range of dates through the action node's transport (the same token line,
 * retries and answer mapping), split into ranges Wolkvox accepts.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { answerShapeError, asItemError, requestError } from '../Wolkvox/run/errors';
import type { WolkvoxAnswer } from '../Wolkvox/transport/answer';
import { rowsOf, saysNoRecords } from '../Wolkvox/transport/answer';
import type { RequestRun, RequestSettings } from '../Wolkvox/transport/request';
import { WolkvoxFailure, wolkvoxRequest } from '../Wolkvox/transport/request';
import { toWolkvoxDate } from './colombiaTime';
import type { DateRange, Dated } from './cursor';
import { SECOND_MS, splitRange } from './cursor';
import type { ReportRead, TriggerEvent } from './events';
import { rowDate, rowKey } from './events';

/** Wolkvox sends at most 60,000 records per call: a read that gets as many is read again in halves. */
const DOWNLOAD_LIMIT = 60_000;

export interface ReportRow extends Dated {
	json: IDataObject;
}

export interface ReportReader {
	node: INode;
	run: RequestRun;
	settings: RequestSettings;
}

async function ask(reader: ReportReader, read: ReportRead, range: DateRange) {
	const dates = { date_ini: toWolkvoxDate(range.from), date_end: toWolkvoxDate(range.to) };
	const call = { method: 'GET' as const, file: 'reports_manager' as const, api: read.api };
	try {
		return await wolkvoxRequest(
			reader.run,
			{ ...call, qs: { ...read.qs, ...dates } },
			reader.settings,
		);
	} catch (error) {
		if (!(error instanceof WolkvoxFailure)) throw asItemError({ node: reader.node }, error);
		if (saysNoRecords(error.failure.answer)) return { code: 200, error: null, msg: '', data: [] };
		throw requestError({ node: reader.node }, error, 0);
	}
}

function shapeError(reader: ReportReader, answer: WolkvoxAnswer, api: string, problem: string) {
	return answerShapeError({ node: reader.node }, answer, api, problem, 0);
}

/** The rows of one report for a range of at most 31 days (several calls if Wolkvox's download limit is met). */
async function readPart(
	reader: ReportReader,
	read: ReportRead,
	range: DateRange,
): Promise<Array<{ row: IDataObject; answer: WolkvoxAnswer }>> {
	const answer = await ask(reader, read, range);
	const rows = rowsOf(answer.data);
	if (!rows) throw shapeError(reader, answer, read.api, 'no list of records in "data"');
	const seconds = (range.to - range.from) / SECOND_MS;
	if (rows.length < DOWNLOAD_LIMIT || seconds < 2) return rows.map((row) => ({ row, answer }));
	const middle = range.from + Math.floor(seconds / 2) * SECOND_MS;
	return [
		...(await readPart(reader, read, { from: range.from, to: middle })),
		...(await readPart(reader, read, { from: middle, to: range.to })),
	];
}

/**
 * Every row the event's reports list for the range (ranges over 31 days are read in parts), each
 * with its key and date. A row without them fails the read: skipping it could lose an interaction.
 */
export async function readReportRows(
	reader: ReportReader,
	event: TriggerEvent,
	reads: ReportRead[],
	range: DateRange,
): Promise<ReportRow[]> {
	const rows: ReportRow[] = [];
	for (const read of reads) {
		for (const part of splitRange(range)) {
			for (const { row, answer } of await readPart(reader, read, part)) {
				const key = rowKey(event, row);
				const date = rowDate(row);
				if (key === undefined)
					throw shapeError(reader, answer, read.api, 'a record without "conn_id"');
				if (date === undefined)
					throw shapeError(reader, answer, read.api, `${JSON.stringify(row.date) ?? 'no'} "date"`);
				rows.push({ key, date, json: row });
			}
		}
	}
	return rows;
}
