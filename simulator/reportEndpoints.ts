/**
 * reports_manager.php's act_3 (coded interactions) and cdr_11 (Ley 2300 releases): GET with
 * `date_ini` and `date_end` as `YYYYmmddHHiiss` in Colombia's time, a range of at most 31 days.
 */
import { Refusal, oneOf, onlyKnown, requireAll } from './checks';
import type { Endpoint, EndpointTable } from './endpoint';
import { answers, success } from './responses';
import type { Answer } from './responses';
import { parseQueryDate } from './reports';
import type { Store } from './store';

const MAX_RANGE_MS = 31 * 86_400_000;
const CODED_QUERY = ['api', 'cod_act', 'date_ini', 'date_end'];
const RELEASED_QUERY = ['api', 'date_ini', 'date_end'];
const GROUPS = ['cod_act1', 'cod_act2'] as const;

function dateRange(query: URLSearchParams): { from: number; to: number } {
	requireAll(Object.fromEntries(query), ['date_ini', 'date_end']);
	const from = parseQueryDate(query.get('date_ini'));
	const to = parseQueryDate(query.get('date_end'));
	if (from === undefined || to === undefined || to < from) throw new Refusal(answers.reportDates);
	if (to - from > MAX_RANGE_MS) throw new Refusal(answers.reportRangeTooLong);
	return { from, to };
}

/** The rows as Wolkvox's example answers them (code 200 as a number), at most the download limit. */
function rowsAnswer(rows: object[], store: Store): Answer {
	if (rows.length === 0) return answers.reportDates;
	const data = rows.slice(0, store.downloadLimit);
	return success(200, `${data.length} records were found`, data);
}

const act3: Endpoint = {
	method: 'GET',
	handle({ query, store }) {
		onlyKnown(query.keys(), CODED_QUERY);
		requireAll(Object.fromEntries(query), ['cod_act']);
		const group = oneOf(query.get('cod_act'), 'cod_act', GROUPS);
		const { from, to } = dateRange(query);
		return rowsAnswer(store.reports.coded(group, from, to), store);
	},
};

const cdr11: Endpoint = {
	method: 'GET',
	handle({ query, store }) {
		onlyKnown(query.keys(), RELEASED_QUERY);
		const { from, to } = dateRange(query);
		return rowsAnswer(store.reports.released(from, to), store);
	},
};

export const reportEndpoints: EndpointTable = {
	'reports_manager.php': { act_3: act3, cdr_11: cdr11 },
};
