/**
 * An HTTP server that behaves like Wolkvox API v2 (`/api/v2/{file}.php?api={name}`), so that the node's
 * tests meet Wolkvox's rules: token header, one request per token at a time, daily quota, 10,000 records
 * per call, per-endpoint validation. Faults (HTML error pages, hangs, late successes) can be queued.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Refusal } from './checks';
import { Endpoint, endpoints } from './endpoints';
import { Answer, answers } from './responses';
import type { CodedInteraction, NewInteraction } from './reports';
import { ActivityCode, Store, codeKey } from './store';
import { CAMPAIGN_TYPES, CampaignInfo, CampaignType } from './campaigns';

export type CampaignSeed = Partial<CampaignInfo> & {
	campaign_id: string;
	type_campaign: CampaignType;
};

export type { ActivityCode } from './store';

/** Epoch milliseconds with sub-millisecond precision, so that benchmarks can time short cycles. */
const preciseNow = () => performance.timeOrigin + performance.now();

export const DEFAULT_TOKEN = 'sim-token-0123456789abcdef';
const DEFAULT_DAILY_QUOTA = 1_000_000;
const DEFAULT_DESCRIPTION = 'Wolkvox simulator';
const DEFAULT_HANG_MS = 2000;
const API_PREFIX = '/api/v2/';
const CONTROL_PREFIX = '/__simulator/';

export interface SimulatorOptions {
	port?: number;
	host?: string;
	/** Default: one token, DEFAULT_TOKEN. */
	tokens?: Array<{ token: string } & TokenOptions>;
	latencyMs?: number;
	simultaneousLimit?: number;
}

/**
 * `refuse`: a 406 content refusal whatever the body; `applyThenReset`: applied, then the connection is
 * cut without an answer while Wolkvox keeps working for `ms`; `trickle`: applied, headers sent, then the
 * body one byte a second for `ms`; `notFound`: a 404 "does not exist" whatever the body (how a Wolkvox
 * that refuses to remove what is not there would answer; this simulator's removals answer "0 deleted").
 */
export type FaultKind =
	| 'serverError'
	| 'nonJson'
	| 'emptyBody'
	| 'busy'
	| 'quota'
	| 'refuse'
	| 'notFound'
	| 'hang'
	| 'applyThenHang'
	| 'applyThenReset'
	| 'trickle';
const FAULT_KINDS: readonly FaultKind[] = [
	'serverError',
	'nonJson',
	'emptyBody',
	'busy',
	'quota',
	'refuse',
	'notFound',
	'hang',
	'applyThenHang',
	'applyThenReset',
	'trickle',
];
const APPLIED_FAULTS: readonly FaultKind[] = ['applyThenHang', 'applyThenReset', 'trickle'];

export interface Fault {
	kind: FaultKind;
	/** e.g. 'add_dnc'; default: any api. */
	api?: string;
	/** Default 1. */
	times?: number;
	/** For hang kinds: how long the answer is held. Default 2000. */
	ms?: number;
}

/** What wolkvox Manager holds about a token besides the token itself. */
export interface TokenOptions {
	dailyQuota?: number;
	/** The token's description in wolkvox Manager, which token_info lists. */
	description?: string;
}

export interface RecordedRequest {
	method: string;
	file: string;
	api: string;
	token?: string;
	/** The `wolkvox_server` header, which Wolkvox's examples send with the server code (not required). */
	server?: string;
	/** Query parameters other than `api`. */
	query: Record<string, string>;
	/** Parsed JSON, raw text if it was not JSON, undefined if empty. */
	body: unknown;
	contentType?: string;
	status: number;
	/** The answer body: a Wolkvox JSON object or raw text. */
	response: unknown;
	startedAt: number;
	endedAt: number;
}

interface TokenState {
	dailyQuota: number;
	description: string;
	used: number;
	usedDay: string;
	/** Requests being answered, refused ones included. */
	inFlight: number;
	/** Requests being answered that passed the concurrency check: the ones Wolkvox is working on. */
	admitted: number;
	maxInFlight: number;
}

type Arrival =
	| { answer: Answer; token?: TokenState }
	| { endpoint: Endpoint; token: TokenState; fault?: Fault };

export class WolkvoxSimulator {
	static async start(options: SimulatorOptions = {}): Promise<WolkvoxSimulator> {
		const simulator = new WolkvoxSimulator(options);
		await simulator.listen(options.port ?? 0, options.host ?? '127.0.0.1');
		return simulator;
	}

	baseUrl = '';
	latencyMs: number;
	simultaneousLimit: number;
	readonly requests: RecordedRequest[] = [];
	/** Telephones this Wolkvox refuses (406): a write carrying any of them changes nothing. */
	readonly refusedTelephones = new Set<string>();

	private readonly store = new Store();
	private readonly tokens = new Map<string, TokenState>();
	private faults: Fault[] = [];
	private readonly delays = new Map<NodeJS.Timeout, () => void>();
	private readonly sockets = new Set<Socket>();
	private readonly server: http.Server;
	private stopped = false;

	private constructor(options: SimulatorOptions) {
		this.latencyMs = options.latencyMs ?? 0;
		this.simultaneousLimit = options.simultaneousLimit ?? 1;
		for (const { token, ...tokenOptions } of options.tokens ?? [{ token: DEFAULT_TOKEN }]) {
			this.addToken(token, tokenOptions);
		}
		// Idle keep-alive sockets stay open longer than clients' agents keep them, as behind nginx.
		this.server = http.createServer(
			{ keepAliveTimeout: 65_000, headersTimeout: 66_000 },
			(req, res) => this.onRequest(req, res),
		);
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.once('close', () => this.sockets.delete(socket));
		});
	}

	get dnc(): { inbound: Set<string>; outbound: Set<string> } {
		return this.store.dnc;
	}

	get activityCodes(): Map<string, ActivityCode> {
		return this.store.activityCodes;
	}

	/** Ley 2300's "no contactables" list, campaign DNC per campaign, and numbers blocked for some days. */
	get law2300(): Store['law2300'] {
		return this.store.law2300;
	}

	get campaignDnc(): Store['campaignDnc'] {
		return this.store.campaignDnc;
	}

	get temporaryDnc(): Store['temporaryDnc'] {
		return this.store.temporaryDnc;
	}

	/** The dialer's campaigns and their records. */
	get campaigns(): Store['campaigns'] {
		return this.store.campaigns;
	}

	/** Creates (or replaces) a campaign, as wolkvox Manager would; its records start empty. */
	addCampaign(campaign: CampaignSeed): void {
		this.store.campaigns.create(campaign);
	}

	/** Coded interactions (act_3) and Ley 2300 releases (cdr_11). */
	get reports(): Store['reports'] {
		return this.store.reports;
	}

	/** A coded interaction, as if an agent had just coded a call (descriptions from the activity codes). */
	addInteraction(input: NewInteraction = {}): CodedInteraction {
		return this.store.reports.addInteraction(
			input,
			(group, code) => this.activityCodes.get(codeKey(group, code))?.description_cod_act,
		);
	}

	/** Most records get_dnc answers with (Wolkvox's 60,000 by default; reset restores it). */
	get downloadLimit(): number {
		return this.store.downloadLimit;
	}

	set downloadLimit(limit: number) {
		this.store.downloadLimit = limit;
	}

	/** Whether remove_dnc ignores its `type` and takes listed numbers off both lists (reset restores false). */
	get removeIgnoresType(): boolean {
		return this.store.removeIgnoresType;
	}

	set removeIgnoresType(ignores: boolean) {
		this.store.removeIgnoresType = ignores;
	}

	/** Fills a DNC list with `count` consecutive numbers from `first` (default 3000000000). */
	seedDnc(type: 'inbound' | 'outbound', count: number, first?: number): void {
		this.store.seedDnc(type, count, first);
	}

	addToken(token: string, options: TokenOptions = {}): void {
		const dailyQuota = options.dailyQuota ?? DEFAULT_DAILY_QUOTA;
		const description = options.description ?? DEFAULT_DESCRIPTION;
		const existing = this.tokens.get(token);
		if (existing) Object.assign(existing, { dailyQuota, description });
		else
			this.tokens.set(token, {
				dailyQuota,
				description,
				used: 0,
				usedDay: today(),
				inFlight: 0,
				admitted: 0,
				maxInFlight: 0,
			});
	}

	injectFault(fault: Fault): void {
		if (!FAULT_KINDS.includes(fault?.kind))
			throw new Error(`Unknown fault kind: ${String(fault?.kind)}`);
		const times = fault.times ?? 1;
		if (!Number.isInteger(times) || times < 1)
			throw new Error('Fault times must be a positive integer');
		this.faults.push({ kind: fault.kind, api: fault.api, times, ms: fault.ms ?? DEFAULT_HANG_MS });
	}

	requestsFor(api: string): RecordedRequest[] {
		return this.requests.filter((request) => request.api === api);
	}

	maxInFlight(token: string): number {
		return this.tokens.get(token)?.maxInFlight ?? 0;
	}

	usedToday(token: string): number {
		const state = this.tokens.get(token);
		return state ? this.rollDay(state).used : 0;
	}

	reset(): void {
		this.store.clear();
		this.requests.length = 0;
		this.refusedTelephones.clear();
		this.faults = [];
		for (const state of this.tokens.values()) {
			state.used = 0;
			state.maxInFlight = 0;
		}
	}

	/** Closes the server, destroys every socket (hanging requests included) and releases pending timers. */
	async stop(): Promise<void> {
		if (this.stopped) return;
		this.stopped = true;
		const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
		for (const socket of this.sockets) socket.destroy();
		for (const [timer, release] of this.delays) {
			clearTimeout(timer);
			release();
		}
		this.delays.clear();
		await closed;
	}

	private listen(port: number, host: string): Promise<void> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, host, () => {
				this.server.off('error', reject);
				const address = this.server.address() as AddressInfo;
				const shownHost =
					host === '0.0.0.0' || host === '::'
						? '127.0.0.1'
						: host.includes(':')
							? `[${host}]`
							: host;
				this.baseUrl = `http://${shownHost}:${address.port}`;
				resolve();
			});
		});
	}

	private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
		res.on('error', () => undefined); // the client went away; nothing to do
		const url = new URL(req.url ?? '/', 'http://simulator');
		if (url.pathname.startsWith(CONTROL_PREFIX)) void this.serveControl(req, res, url);
		else void this.serveApi(req, res, url);
	}

	private async serveApi(
		req: http.IncomingMessage,
		res: http.ServerResponse,
		url: URL,
	): Promise<void> {
		const query = Object.fromEntries(url.searchParams);
		const api = query.api ?? '';
		delete query.api;
		const header = req.headers['wolkvox-token'];
		const server = req.headers.wolkvox_server;
		const record: RecordedRequest = {
			method: req.method ?? 'GET',
			file: url.pathname.startsWith(API_PREFIX)
				? url.pathname.slice(API_PREFIX.length)
				: url.pathname,
			api,
			token: (Array.isArray(header) ? header[0] : header) || undefined,
			server: (Array.isArray(server) ? server[0] : server) || undefined,
			query,
			body: undefined,
			contentType: req.headers['content-type'],
			status: 0,
			response: undefined,
			startedAt: preciseNow(),
			endedAt: 0,
		};
		this.requests.push(record);

		// Checks 1–5 run on arrival, synchronously, so that concurrent arrivals are judged in order.
		const arrival = this.arrive(record);
		const token = arrival.token;
		if (token) {
			token.inFlight++;
			token.maxInFlight = Math.max(token.maxInFlight, token.inFlight);
		}
		const admitted = 'endpoint' in arrival;
		if (admitted) arrival.token.admitted++;
		try {
			record.body = parseBody(await readBody(req));
			let answer: Answer;
			let delayMs = this.latencyMs;
			if (!admitted) answer = arrival.answer;
			else if (arrival.fault?.kind === 'hang') {
				answer = answers.gatewayTimeoutPage;
				delayMs = arrival.fault.ms ?? DEFAULT_HANG_MS;
			} else if (arrival.fault && !APPLIED_FAULTS.includes(arrival.fault.kind)) {
				answer = FAULT_ANSWERS[arrival.fault.kind as keyof typeof FAULT_ANSWERS];
			} else {
				answer = this.apply(arrival.endpoint, record, url.searchParams, arrival.token);
				if (arrival.fault) delayMs = arrival.fault.ms ?? DEFAULT_HANG_MS;
			}
			record.status = answer.status;
			record.response = answer.body;
			const fault = admitted ? arrival.fault : undefined;
			if (fault?.kind === 'applyThenReset') {
				res.socket?.destroy();
			} else if (fault?.kind === 'trickle') {
				await this.trickle(res, answer, delayMs);
				return;
			}
			await this.delay(delayMs); // hung requests stay in flight even if the client left, as PHP keeps working
			await this.send(res, answer);
		} catch {
			// The client aborted while sending its body: nothing to answer.
		} finally {
			record.endedAt = preciseNow();
			if (token) token.inFlight--;
			if (admitted) arrival.token.admitted--;
		}
	}

	private arrive(record: RecordedRequest): Arrival {
		const endpointsOfFile = endpoints.get(record.file);
		if (!endpointsOfFile) return { answer: answers.pathNotFound };
		const endpoint = endpointsOfFile.get(record.api);
		if (!endpoint) return { answer: answers.unknownApi };
		if (!record.token) return { answer: answers.noToken };
		const token = this.tokens.get(record.token);
		if (!token) return { answer: answers.invalidToken };
		if (token.admitted >= this.simultaneousLimit) return { answer: answers.busy, token };
		if (this.rollDay(token).used >= token.dailyQuota)
			return { answer: answers.quotaExceeded, token };
		token.used++;
		return { endpoint, token, fault: this.takeFault(record.api) };
	}

	private apply(
		endpoint: Endpoint,
		record: RecordedRequest,
		query: URLSearchParams,
		token: TokenState,
	): Answer {
		if (record.method !== endpoint.method) return answers.methodNotAllowed;
		let body: Record<string, unknown> = {};
		let list: unknown[] = [];
		if (endpoint.listBody) {
			if (!Array.isArray(record.body)) return answers.missingParameters;
			list = record.body;
		} else if (endpoint.noBody) {
			if (isObject(record.body)) body = record.body; // its keys are refused by the endpoint
		} else if (endpoint.method !== 'GET') {
			if (!isObject(record.body)) return answers.missingParameters;
			body = record.body;
		}
		const telephones = Array.isArray(body.telephones) ? body.telephones : [];
		if (telephones.some((telephone) => this.refusedTelephones.has(String(telephone))))
			return answers.refusedContent;
		try {
			return endpoint.handle({
				body,
				list,
				contentType: record.contentType,
				query,
				store: this.store,
				token: {
					description: token.description,
					limit: token.dailyQuota,
					used: token.used,
					allTokensToday: this.allTokensToday(),
				},
			});
		} catch (error) {
			if (error instanceof Refusal) return error.answer;
			throw error;
		}
	}

	/** token_info's all_token_today: the calls of every token today (inferred: the simulator's tokens are one operation's). */
	private allTokensToday(): number {
		let calls = 0;
		for (const state of this.tokens.values()) calls += this.rollDay(state).used;
		return calls;
	}

	private takeFault(api: string): Fault | undefined {
		const index = this.faults.findIndex((fault) => fault.api === undefined || fault.api === api);
		if (index < 0) return undefined;
		const fault = this.faults[index];
		fault.times = (fault.times ?? 1) - 1;
		if (fault.times <= 0) this.faults.splice(index, 1);
		return fault;
	}

	private rollDay(token: TokenState): TokenState {
		const day = today();
		if (token.usedDay !== day) {
			token.usedDay = day;
			token.used = 0;
		}
		return token;
	}

	/** A timer that stop() can release, so no handler is left waiting and no timer outlives the server. */
	private delay(ms: number): Promise<void> {
		if (ms <= 0 || this.stopped) return Promise.resolve();
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.delays.delete(timer);
				resolve();
			}, ms);
			this.delays.set(timer, resolve);
		});
	}

	/** Sends the headers and the first byte at once, then one more byte a second until `ms` has passed. */
	private async trickle(res: http.ServerResponse, answer: Answer, ms: number): Promise<void> {
		const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
		const padded = text.padEnd(text.length + Math.ceil(ms / 1000), ' ');
		res.writeHead(answer.status, {
			'content-type': answer.contentType,
			'content-length': Buffer.byteLength(padded),
		});
		for (const char of padded) {
			if (this.stopped || res.destroyed) return;
			res.write(char);
			if (char === ' ') await this.delay(1000);
		}
		res.end();
	}

	/** Resolves once the answer is fully handed to the socket, or at once if the client is gone. */
	private send(res: http.ServerResponse, answer: Answer): Promise<void> {
		if (this.stopped || res.destroyed) return Promise.resolve();
		const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
		return new Promise((resolve) => {
			res.once('finish', resolve);
			res.once('close', resolve);
			res.writeHead(answer.status, {
				'content-type': answer.contentType,
				'content-length': Buffer.byteLength(text),
			});
			res.end(text);
		});
	}

	private async serveControl(
		req: http.IncomingMessage,
		res: http.ServerResponse,
		url: URL,
	): Promise<void> {
		let status = 200;
		let result: unknown = { ok: true };
		try {
			const raw = await readBody(req);
			const route = `${req.method} ${url.pathname.slice(CONTROL_PREFIX.length)}`;
			if (route === 'GET state') result = this.snapshot();
			else if (route === 'POST reset') this.reset();
			else if (route === 'POST fault') this.injectFault(JSON.parse(raw) as Fault);
			else if (route === 'POST seed') seed(this, JSON.parse(raw) as SeedRequest);
			else if (route === 'POST campaign') this.addCampaign(campaignSeed(JSON.parse(raw)));
			else if (route === 'POST interactions') result = this.addInteractions(JSON.parse(raw));
			else if (route === 'POST latency') {
				const ms = (JSON.parse(raw) as { ms?: unknown }).ms;
				if (typeof ms !== 'number' || !(ms >= 0))
					throw new Error('Body must be {"ms": <number >= 0>}');
				this.latencyMs = ms;
			} else {
				status = 404;
				result = { error: `Unknown simulator endpoint: ${route}` };
			}
		} catch (error) {
			status = 400;
			result = { error: error instanceof Error ? error.message : String(error) };
		}
		await this.send(res, { status, body: JSON.stringify(result), contentType: 'application/json' });
	}

	/** `POST /__simulator/interactions`: one interaction or a list (fields of act_3's rows, `at` for the date). */
	private addInteractions(body: unknown): CodedInteraction[] {
		const inputs = Array.isArray(body) ? body : [body ?? {}];
		if (!inputs.every(isObject)) throw new Error('Body must be an interaction or a list of them');
		return inputs.map((input) => this.addInteraction(input as NewInteraction));
	}

	/** The state for humans and out-of-process tests; tokens are shown by their first 6 characters only. */
	private snapshot(): object {
		const requestsByApi = new Map<string, number>();
		for (const { api } of this.requests) requestsByApi.set(api, (requestsByApi.get(api) ?? 0) + 1);
		const perToken = (value: (state: TokenState) => number) =>
			Object.fromEntries(
				Array.from(this.tokens, ([token, state]) => [`${token.slice(0, 6)}…`, value(state)]),
			);
		return {
			dnc: { inbound: [...this.dnc.inbound], outbound: [...this.dnc.outbound] },
			activityCodes: [...this.activityCodes.values()],
			law2300: this.store.law2300.list(),
			campaignDnc: this.store.campaignDnc.list(),
			temporaryDnc: this.store.temporaryDnc.list(),
			campaigns: this.store.campaigns.list(),
			reports: this.store.reports.list(),
			requests: this.requests.length,
			requestsByApi: Object.fromEntries(requestsByApi),
			maxInFlight: perToken((state) => state.maxInFlight),
			usedToday: perToken((state) => this.rollDay(state).used),
			latencyMs: this.latencyMs,
		};
	}
}

const FAULT_ANSWERS: Record<
	Exclude<FaultKind, 'hang' | 'applyThenHang' | 'applyThenReset' | 'trickle'>,
	Answer
> = {
	serverError: answers.serverErrorPage,
	nonJson: answers.maintenancePage,
	emptyBody: answers.emptyBody,
	busy: answers.busy,
	quota: answers.quotaExceeded,
	refuse: answers.refusedContent,
	notFound: answers.recordMissing,
};

/** `POST /__simulator/seed`: `{"type": "outbound", "count": 100000, "first": 3000000000, "downloadLimit": 60000}`. */
interface SeedRequest {
	type?: unknown;
	count?: unknown;
	first?: unknown;
	downloadLimit?: unknown;
}

function seed(
	simulator: WolkvoxSimulator,
	{ type, count, first, downloadLimit }: SeedRequest,
): void {
	if (downloadLimit !== undefined) {
		if (typeof downloadLimit !== 'number' || !(downloadLimit >= 0))
			throw new Error('downloadLimit must be a number >= 0');
		simulator.downloadLimit = downloadLimit;
	}
	if (type === undefined && count === undefined) return;
	if (type !== 'inbound' && type !== 'outbound')
		throw new Error('type must be "inbound" or "outbound"');
	simulator.seedDnc(type, Number(count), first === undefined ? undefined : Number(first));
}

/** `POST /__simulator/campaign`: `{"campaign_id": "7224", "type_campaign": "predictive", "campaign_name": "…"}`. */
function campaignSeed(body: unknown): CampaignSeed {
	if (!isObject(body) || typeof body.campaign_id !== 'string' || body.campaign_id === '')
		throw new Error('campaign_id must be text');
	if (!CAMPAIGN_TYPES.includes(body.type_campaign as CampaignType))
		throw new Error('type_campaign must be "predictive" or "preview"');
	for (const [key, value] of Object.entries(body))
		if (typeof value !== 'string') throw new Error(`${key} must be text`);
	return body as CampaignSeed;
}

function today(): string {
	return new Date().toISOString().slice(0, 10);
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseBody(raw: string): unknown {
	if (raw === '') return undefined;
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

function readBody(req: http.IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
		req.on('close', () => reject(new Error('request aborted'))); // no effect once 'end' resolved
	});
}
