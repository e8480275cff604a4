/**
 * What Wolkvox's reports list (reports_manager.php): coded interactions (act_3) and Ley 2300 releases
 * (cdr_11). Tests and `npm start` create interactions (POST /__simulator/interactions); every
 * free_law2300 the simulator applies is recorded as a release.
 *
 * Dates are Colombia's wall clock (UTC−5, no daylight saving), as Wolkvox's reports give them
 * (inferred: neither the queries nor the rows carry an offset). Rows are written `YYYY-MM-DD HH:mm:ss`
 * (inferred: Wolkvox does not publish the format of a row's `date`).
 */

/** A row of act_3, with the fields of Wolkvox's published example; every value is text. */
export interface CodedInteraction {
	conn_id: string;
	agent_id: string;
	agent_name: string;
	agent_dni: string;
	skill_id: string;
	date: string;
	cod_act: string;
	description_cod_act: string;
	cod_act_2: string;
	description_cod_act_2: string;
	comments: string;
	type_interaction: string;
	telephone: string;
	destiny: string;
	time: string;
	hang_up: string;
	customer_id: string;
	campaign_id: string;
}

/** A row of cdr_11: a customer released from Ley 2300 protection. */
export interface Law2300Release {
	protected_nit: string;
	agent_id: string;
	name_agent: string;
	operation: string;
	date: string;
	item: string;
	value: string;
}

/** What a test or `npm start` gives to create an interaction; `at` is its date (default now). */
export type NewInteraction = Partial<Omit<CodedInteraction, 'date'>> & { at?: number | string };

const COLOMBIA_OFFSET_MS = -5 * 3_600_000;
const FIRST_CONN_ID = 1_000_001;

/** `YYYY-MM-DD HH:mm:ss` in Colombia's time. */
export function colombiaDate(epochMs: number): string {
	return new Date(epochMs + COLOMBIA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

const QUERY_DATE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** A query's `YYYYmmddHHiiss` (Colombia's time) as epoch milliseconds; undefined when it is not a date. */
export function parseQueryDate(text: string | null): number | undefined {
	const parts = QUERY_DATE.exec(text ?? '')
		?.slice(1)
		.map(Number);
	if (!parts) return undefined;
	const [year, month, day, hour, minute, second] = parts;
	const utc = Date.UTC(year, month - 1, day, hour, minute, second);
	const back = new Date(utc);
	if (back.getUTCDate() !== day || back.getUTCMonth() !== month - 1 || hour > 23 || minute > 59)
		return undefined;
	return utc - COLOMBIA_OFFSET_MS;
}

function epochOf(at: number | string | undefined, now: number): number {
	if (at === undefined) return now;
	const ms = typeof at === 'number' ? at : (parseQueryDate(at) ?? Date.parse(at));
	if (!Number.isFinite(ms)) throw new Error(`"at" must be epoch milliseconds or a date, not ${at}`);
	return ms;
}

const text = (value: unknown, fallback = '') =>
	value === undefined || value === null ? fallback : String(value);

interface Dated<Row> {
	at: number;
	row: Row;
}

export class Reports {
	private readonly interactions: Array<Dated<CodedInteraction>> = [];
	private readonly releases: Array<Dated<Law2300Release>> = [];
	private nextConnId = FIRST_CONN_ID;

	/**
	 * Records a coded interaction; unset fields get plausible values. `describe` gives a code's
	 * description from the operation's activity codes (group 1 or 2).
	 */
	addInteraction(
		input: NewInteraction,
		describe: (group: 'cod_act1' | 'cod_act2', code: string) => string | undefined = () =>
			undefined,
		now = Date.now(),
	): CodedInteraction {
		const at = epochOf(input.at, now);
		const codAct = text(input.cod_act, '001');
		const codAct2 = text(input.cod_act_2);
		const telephone = text(input.telephone, '3001234567');
		const row: CodedInteraction = {
			conn_id: text(input.conn_id, String(this.nextConnId++)),
			agent_id: text(input.agent_id, '1001'),
			agent_name: text(input.agent_name, 'Agente Simulado'),
			agent_dni: text(input.agent_dni, '1020304050'),
			skill_id: text(input.skill_id, '1'),
			date: colombiaDate(at),
			cod_act: codAct,
			description_cod_act: text(input.description_cod_act, describe('cod_act1', codAct) ?? ''),
			cod_act_2: codAct2,
			description_cod_act_2: text(
				input.description_cod_act_2,
				codAct2 ? (describe('cod_act2', codAct2) ?? '') : '',
			),
			comments: text(input.comments),
			type_interaction: text(input.type_interaction, 'outbound'),
			telephone,
			destiny: text(input.destiny, telephone),
			time: text(input.time, '00:02:10'),
			hang_up: text(input.hang_up, 'agent'),
			customer_id: text(input.customer_id),
			campaign_id: text(input.campaign_id),
		};
		this.interactions.push({ at, row });
		return row;
	}

	/** Records a release from Ley 2300 protection (what free_law2300 did). */
	recordRelease(
		release: { nit: string; agentId: string; item: string; value: string },
		at = Date.now(),
	): Law2300Release {
		const row: Law2300Release = {
			protected_nit: release.nit,
			agent_id: release.agentId,
			// Inferred: Wolkvox's example does not show how the agent's name or the operation read.
			name_agent: `Agent ${release.agentId}`,
			operation: 'release',
			date: colombiaDate(at),
			item: release.item,
			value: release.value,
		};
		this.releases.push({ at, row });
		return row;
	}

	/** act_3: the interactions with a code of `group`, dated from `from` to `to` (both included). */
	coded(group: 'cod_act1' | 'cod_act2', from: number, to: number): CodedInteraction[] {
		const hasCode = (row: CodedInteraction) =>
			group === 'cod_act1' ? row.cod_act !== '' : row.cod_act_2 !== '';
		return between(this.interactions, from, to).filter(hasCode);
	}

	/** cdr_11: the releases dated from `from` to `to` (both included). */
	released(from: number, to: number): Law2300Release[] {
		return between(this.releases, from, to);
	}

	list(): { interactions: CodedInteraction[]; releases: Law2300Release[] } {
		return {
			interactions: this.interactions.map(({ row }) => row),
			releases: this.releases.map(({ row }) => row),
		};
	}

	clear(): void {
		this.interactions.length = 0;
		this.releases.length = 0;
		this.nextConnId = FIRST_CONN_ID;
	}
}

/** Rows dated within the range, in date order (as a report lists them). */
function between<Row>(rows: Array<Dated<Row>>, from: number, to: number): Row[] {
	return rows
		.filter(({ at }) => Math.floor(at / 1000) * 1000 >= from && at < to + 1000)
		.sort((a, b) => a.at - b.at)
		.map(({ row }) => row);
}
