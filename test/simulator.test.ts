import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { DEFAULT_TOKEN, WolkvoxSimulator } from '../simulator/server';

const TOKEN = DEFAULT_TOKEN;

interface CallOptions {
	file?: string;
	method?: string;
	body?: unknown;
	rawBody?: string;
	token?: string | null;
	query?: Record<string, string>;
	contentType?: string;
	headers?: Record<string, string>;
	signal?: AbortSignal;
}

interface Reply {
	status: number;
	contentType: string | null;
	text: string;
	json: any;
}

let sim: WolkvoxSimulator;

beforeAll(async () => {
	sim = await WolkvoxSimulator.start({
		tokens: [{ token: TOKEN }, { token: 'small-quota-token', dailyQuota: 3 }],
	});
});
afterAll(() => sim.stop());
beforeEach(() => {
	sim.reset();
	sim.latencyMs = 0;
	sim.simultaneousLimit = 1;
});

function defaultFile(api: string): string {
	return ['get_dnc', 'activity_codes', 'token_info'].includes(api)
		? 'information.php'
		: 'configuration.php';
}

function defaultMethod(api: string): string {
	const methods: Record<string, string> = {
		edit_cod_act: 'PUT',
		remove_cod_act: 'DELETE',
		remove_dnc: 'DELETE',
	};
	return (
		(Object.hasOwn(methods, api) ? methods[api] : undefined) ??
		(defaultFile(api) === 'information.php' ? 'GET' : 'POST')
	);
}

async function call(
	api: string,
	options: CallOptions = {},
	target: WolkvoxSimulator = sim,
): Promise<Reply> {
	const url = new URL(`${target.baseUrl}/api/v2/${options.file ?? defaultFile(api)}`);
	url.searchParams.set('api', api);
	for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
	const headers: Record<string, string> = {
		'content-type': options.contentType ?? 'application/json',
		...options.headers,
	};
	const token = options.token === undefined ? TOKEN : options.token;
	if (token !== null) headers['wolkvox-token'] = token;
	const method = options.method ?? defaultMethod(api);
	const body =
		options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
	const response = await fetch(url, {
		method,
		headers,
		body: method === 'GET' ? undefined : body,
		signal: options.signal,
	});
	const text = await response.text();
	let json: any;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, contentType: response.headers.get('content-type'), text, json };
}

const addDnc = (telephones: unknown[], type_call = 'inbound') =>
	call('add_dnc', { body: { type_call, telephones } });
const code = (cod_act: string, extra: Record<string, unknown> = {}) => ({
	type_code: 'cod_act1',
	cod_act,
	description_cod_act: `Code ${cod_act}`,
	...extra,
});

function expectAnswer(reply: Reply, code: number, error: string | null, msg: string): void {
	expect(reply.status).toBe(code);
	expect(reply.json).toEqual({ code, error, msg });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('routing and auth', () => {
	test('unknown file or path → 404 NOT FOUND', async () => {
		expectAnswer(
			await call('add_dnc', { file: 'campaigns.php' }),
			404,
			'NOT FOUND',
			'THE API YOU WANT TO CONSULT DOES NOT EXIST',
		);
		const reply = await fetch(`${sim.baseUrl}/somewhere`);
		expect(reply.status).toBe(404);
		expect(((await reply.json()) as { msg: string }).msg).toBe(
			'THE API YOU WANT TO CONSULT DOES NOT EXIST',
		);
	});

	test('unknown api on a known file → 400, checked before the token', async () => {
		expectAnswer(
			await call('add_everything', { token: null }),
			400,
			'BAD REQUEST',
			'THE API YOU WANT TO CONSULT DOES NOT EXIST',
		);
		expectAnswer(
			await call('constructor'),
			400,
			'BAD REQUEST',
			'THE API YOU WANT TO CONSULT DOES NOT EXIST',
		);
		expectAnswer(
			await call('get_dnc', { file: 'configuration.php' }),
			400,
			'BAD REQUEST',
			'THE API YOU WANT TO CONSULT DOES NOT EXIST',
		);
	});

	test('no token → 401; unknown token → 403 PLEASE VALIDATE TOKEN', async () => {
		expectAnswer(
			await call('token_info', { token: null }),
			401,
			'UNAUTHORIZED',
			'PLEASE ENTER THE WOLKVOX-TOKEN',
		);
		expectAnswer(
			await call('token_info', { token: 'nope' }),
			403,
			'FORBIDDEN',
			'PLEASE VALIDATE TOKEN',
		);
		expect(sim.usedToday(TOKEN)).toBe(0);
	});

	test('wrong method → 405', async () => {
		expectAnswer(
			await call('add_dnc', { method: 'PUT', body: { type_call: 'inbound', telephones: ['1'] } }),
			405,
			'METHOD NOT ALLOWED',
			'THE METHOD IS NOT ALLOWED FOR THIS API',
		);
		expectAnswer(
			await call('get_dnc', { method: 'POST', query: { type: 'all' } }),
			405,
			'METHOD NOT ALLOWED',
			'THE METHOD IS NOT ALLOWED FOR THIS API',
		);
		expect(sim.dnc.inbound.size).toBe(0);
	});

	test("tokens added later are accepted; token_info's all_token_today counts every token's calls", async () => {
		sim.addToken('late-token', { dailyQuota: 5, description: 'Late' });
		await addDnc(['3001234567']);
		const reply = await call('token_info', { token: 'late-token' });
		expect(reply.json.data).toEqual([
			{
				description: 'Late',
				token_limit: '5',
				token_use_today: '1',
				all_token_today: '2',
				available_consumption_options: '4',
			},
		]);
	});

	test('the wolkvox_server header is recorded as sent, and not required', async () => {
		await call('token_info', { headers: { wolkvox_server: '0002' } });
		await call('token_info');
		expect(sim.requests.map((request) => [request.status, request.server])).toEqual([
			[200, '0002'],
			[200, undefined],
		]);
	});
});

describe('body validation', () => {
	test('invalid JSON or a non-object body → 400 SOME PARAMETERS ARE REQUIRED', async () => {
		const required = [400, 'BAD REQUEST', 'SOME PARAMETERS ARE REQUIRED'] as const;
		expectAnswer(await call('add_dnc', { rawBody: '{"type_call": "inbound",' }), ...required);
		expectAnswer(await call('add_dnc', { rawBody: '' }), ...required);
		expectAnswer(await call('add_dnc', { body: ['1'] }), ...required);
	});

	test('missing or empty required fields → 400', async () => {
		const required = [400, 'BAD REQUEST', 'SOME PARAMETERS ARE REQUIRED'] as const;
		expectAnswer(await call('add_dnc', { body: { telephones: ['1'] } }), ...required);
		expectAnswer(
			await call('add_dnc', { body: { type_call: 'inbound', telephones: [] } }),
			...required,
		);
		expectAnswer(await call('add_dnc', { body: { type_call: 'both' } }), ...required); // missing beats invalid
		expectAnswer(
			await call('create_cod_act', {
				body: { type_code: 'cod_act1', cod_act: '', description_cod_act: 'x' },
			}),
			...required,
		);
		expectAnswer(await call('remove_dnc', { body: { telephones: 'all' } }), ...required);
		expectAnswer(await call('get_dnc'), ...required);
	});

	test('invalid values → 406 INVALID VALUE FOR <field>', async () => {
		const invalid = (field: string) =>
			[406, 'NOT ACCEPTABLE', `INVALID VALUE FOR ${field}`] as const;
		expectAnswer(await addDnc(['1'], 'both'), ...invalid('type_call'));
		expectAnswer(await addDnc(['300-123'], 'inbound'), ...invalid('telephones'));
		expectAnswer(await addDnc(['phone']), ...invalid('telephones'));
		expectAnswer(await addDnc(['57+3001234567']), ...invalid('telephones'));
		expectAnswer(await addDnc(['']), ...invalid('telephones'));
		expectAnswer(
			await call('add_dnc', { body: { type_call: 'inbound', telephones: '3001234567' } }),
			...invalid('telephones'),
		);
		expectAnswer(
			await call('create_cod_act', { body: code('1', { hit: 'maybe' }) }),
			...invalid('hit'),
		);
		expectAnswer(
			await call('create_cod_act', { body: code('1', { type_code: 'x' }) }),
			...invalid('type_code'),
		);
		expectAnswer(
			await call('create_cod_act', { body: code('1', { voice: 'si' }) }),
			...invalid('voice'),
		);
		expectAnswer(
			await call('create_cod_act', { body: code('1', { interactions: 'x' }) }),
			...invalid('interactions'),
		);
		expectAnswer(
			await call('remove_dnc', { body: { telephones: 'all', type: 'both' } }),
			...invalid('type'),
		);
		expectAnswer(await call('get_dnc', { query: { type: 'x' } }), ...invalid('type'));
		expect(sim.dnc.inbound.size + sim.activityCodes.size).toBe(0);
	});

	test('Content-Type with or without charset is accepted', async () => {
		expect(
			(
				await call('add_dnc', {
					body: { type_call: 'inbound', telephones: ['1'] },
					contentType: 'application/json; charset=utf-8',
				})
			).status,
		).toBe(201);
		expect(
			(
				await call('add_dnc', {
					body: { type_call: 'inbound', telephones: ['2'] },
					contentType: 'application/json',
				})
			).status,
		).toBe(201);
	});
});

describe('DNC', () => {
	test('add_dnc adds distinct telephones; JSON numbers count as their digits', async () => {
		expectAnswer(
			await addDnc(['3001234567', 3001234567, '3007654321']),
			201,
			null,
			'2 telephones were added',
		);
		expectAnswer(await addDnc(['3001234567'], 'outbound'), 201, null, '1 telephones were added');
		expect([...sim.dnc.inbound].sort()).toEqual(['3001234567', '3007654321']);
		expect([...sim.dnc.outbound]).toEqual(['3001234567']);
	});

	test('add_dnc with type_call "all" or "inbound/outbound" puts the numbers on both lists', async () => {
		expectAnswer(await addDnc(['3001111111'], 'all'), 201, null, '1 telephones were added');
		expectAnswer(
			await addDnc(['3002222222'], 'inbound/outbound'),
			201,
			null,
			'1 telephones were added',
		);
		expect([...sim.dnc.inbound].sort()).toEqual(['3001111111', '3002222222']);
		expect([...sim.dnc.outbound].sort()).toEqual(['3001111111', '3002222222']);
	});

	test('numbers are kept as sent, with a + or spaces as Wolkvox may store them, and removed only as listed', async () => {
		await addDnc(['+57 300 123 4567', '3001234567'], 'outbound');
		expect([...sim.dnc.outbound].sort()).toEqual(['+57 300 123 4567', '3001234567']);
		expectAnswer(
			await call('remove_dnc', { body: { telephones: ['+57 300 123 4567'], type: 'all' } }),
			202,
			null,
			'1 telephones were deleted',
		);
		expect([...sim.dnc.outbound]).toEqual(['3001234567']);
	});

	test('10,000 telephones in one call are accepted; 10,001 are refused', async () => {
		const phones = Array.from({ length: 10_001 }, (_, i) => String(3_000_000_000 + i));
		expectAnswer(await addDnc(phones.slice(0, 10_000)), 201, null, '10000 telephones were added');
		expectAnswer(
			await addDnc(phones),
			400,
			'BAD REQUEST',
			'THE MAXIMUM NUMBER OF RECORDS PER CALL IS 10000',
		);
		expect(sim.dnc.inbound.size).toBe(10_000);
	});

	test('get_dnc lists entries sorted by phone with date_delete one year after the add', async () => {
		await addDnc(['300', '100'], 'inbound');
		await addDnc(['200', '100'], 'outbound');
		const all = await call('get_dnc', { query: { type: 'all' } });
		expect(all.status).toBe(200);
		expect(all.json.code).toBe('200');
		expect(all.json.msg).toBe('4 records were found');
		expect(all.json.data.map((e: any) => `${e.phone_number}/${e.type}`)).toEqual([
			'100/inbound',
			'100/outbound',
			'200/outbound',
			'300/inbound',
		]);
		const deleteAt = new Date(`${all.json.data[0].date_delete.replace(' ', 'T')}Z`).getTime();
		expect(all.json.data[0].date_delete).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
		expect(Math.abs(deleteAt - (Date.now() + 365 * 86_400_000))).toBeLessThan(5_000);
		const outbound = await call('get_dnc', { query: { type: 'outbound' } });
		expect(outbound.json.data.map((e: any) => e.phone_number)).toEqual(['100', '200']);
	});

	test("get_dnc answers at most 60,000 records per call (Wolkvox's download limit); POST seed fills a list fast", async () => {
		const seed = (body: unknown) =>
			fetch(`${sim.baseUrl}/__simulator/seed`, { method: 'POST', body: JSON.stringify(body) });
		expect((await seed({ type: 'outbound', count: 60_001, first: 3_000_000_000 })).status).toBe(
			200,
		);
		expect(sim.dnc.outbound.size).toBe(60_001);
		const read = await call('get_dnc', { query: { type: 'outbound' } });
		expect(read.json.data).toHaveLength(60_000);
		expect(read.json.data[0].phone_number).toBe('3000000000');
		expect((await seed({ downloadLimit: 100_000 })).status).toBe(200);
		expect((await call('get_dnc', { query: { type: 'outbound' } })).json.data).toHaveLength(60_001);
		expect((await seed({ type: 'sideways', count: 1 })).status).toBe(400);
		sim.reset();
		expect(sim.downloadLimit).toBe(60_000);
	});

	test('remove_dnc removes listed telephones from both lists with type "all" (or none), or a whole list with "all"', async () => {
		await addDnc(['1', '2', '3', '5'], 'inbound');
		await addDnc(['1', '4', '5'], 'outbound');
		expectAnswer(
			await call('remove_dnc', { body: { telephones: ['1', '2', '9'], type: 'all' } }),
			202,
			null,
			'2 telephones were deleted',
		);
		expect([...sim.dnc.inbound]).toEqual(['3', '5']);
		expect([...sim.dnc.outbound]).toEqual(['4', '5']);
		expectAnswer(
			await call('remove_dnc', { body: { telephones: ['5'] } }),
			202,
			null,
			'1 telephones were deleted',
		);
		expectAnswer(
			await call('remove_dnc', { body: { telephones: 'all', type: 'outboud' } }),
			202,
			null,
			'1 telephones were deleted',
		);
		expect(sim.dnc.outbound.size).toBe(0);
		expect([...sim.dnc.inbound]).toEqual(['3']);
		expectAnswer(
			await call('remove_dnc', { body: { telephones: 'All', type: 'all' } }),
			202,
			null,
			'1 telephones were deleted',
		);
		expect(sim.dnc.inbound.size).toBe(0);
	});
});

describe('activity codes', () => {
	test('create applies defaults, ignores unknown fields; activity_codes lists rows under cod_act with code "0"', async () => {
		expectAnswer(
			await call('create_cod_act', {
				body: code('100', { hit: 'yes', studio: 'yes', colour: 'red' }),
			}),
			201,
			null,
			'Code successfully created',
		);
		expect(sim.activityCodes.get('cod_act1:100')).toEqual({
			type_code: 'cod_act1',
			cod_act: '100',
			description_cod_act: 'Code 100',
			hit: 'yes',
			rpc: 'no',
			chat: 'no',
			studio: 'yes',
			voice: 'yes',
			interactions: 'no',
		});
		await call('create_cod_act', { body: code('200', { interactions: 'yes', voice: 'no' }) });
		const list = await call('activity_codes');
		expect(list.status).toBe(200);
		expect(list.json).toEqual({
			code: '0',
			error: null,
			msg: ' 2 records were found',
			data: [
				{
					cod_act: '100',
					description_cod_act: 'Code 100',
					hit: 'yes',
					rpc: 'no',
					chat: 'no',
					studio: 'yes',
					voice: 'yes',
					type_code: 'cod_act1',
					interactions: 'no',
				},
				expect.objectContaining({ cod_act: '200', voice: 'no', interactions: 'yes' }),
			],
		});
		const one = await call('activity_codes', { query: { cod_act: '200' } });
		expect(one.json.msg).toBe(' 1 records were found');
		expect(one.json.data.map((row: any) => row.cod_act)).toEqual(['200']);
	});

	test('creating an existing code → 409; the same id in the other group is a different code', async () => {
		await call('create_cod_act', { body: code('100') });
		expectAnswer(
			await call('create_cod_act', { body: code('100') }),
			409,
			'CONFLICT',
			'THE ACTIVITY CODE ALREADY EXISTS',
		);
		expect(
			(await call('create_cod_act', { body: code('100', { type_code: 'cod_act2' }) })).status,
		).toBe(201);
	});

	test('edit_cod_act updates an existing code (code "201" as a string) and 404s an unknown one', async () => {
		await call('create_cod_act', { body: code('100', { rpc: 'yes' }) });
		const edited = await call('edit_cod_act', {
			body: code('100', { description_cod_act: 'New', hit: 'yes' }),
		});
		expect([edited.status, edited.json]).toEqual([
			201,
			{ code: '201', error: null, msg: 'Successfully updated code' },
		]);
		expect(sim.activityCodes.get('cod_act1:100')).toMatchObject({
			description_cod_act: 'New',
			hit: 'yes',
			rpc: 'no',
		});
		expectAnswer(
			await call('edit_cod_act', { body: code('999') }),
			404,
			'NOT FOUND',
			'THE ACTIVITY CODE DOES NOT EXIST',
		);
	});

	test('remove_cod_act answers code "201" as a string: Removed successfully', async () => {
		await call('create_cod_act', { body: code('100') });
		await call('create_cod_act', { body: code('200') });
		const reply = await call('remove_cod_act', {
			body: { type_code: 'cod_act1', cod_act: ['100', '200', '300', '100'] },
		});
		expect(reply.status).toBe(201);
		expect(reply.json).toEqual({ code: '201', error: null, msg: 'Removed successfully' });
		expect(sim.activityCodes.size).toBe(0);
	});
});

describe('quota', () => {
	test('token_info counts itself; past the daily quota → 403 TOKEN LIMIT EXCEEDED', async () => {
		const token = 'small-quota-token';
		expect((await call('token_info', { token })).json).toEqual({
			code: '200',
			error: null,
			msg: ' 1 records were found',
			data: [
				{
					description: 'Wolkvox simulator',
					token_limit: '3',
					token_use_today: '1',
					all_token_today: '1',
					available_consumption_options: '2',
				},
			],
		});
		expect((await addDnc(['1'])).status).toBe(201); // other token: not counted here
		await call('activity_codes', { token });
		await call('get_dnc', { token, query: { type: 'all' } });
		expect(sim.usedToday(token)).toBe(3);
		expectAnswer(await call('token_info', { token }), 403, 'FORBIDDEN', 'TOKEN LIMIT EXCEEDED');
		expect(sim.usedToday(token)).toBe(3);
		expect(sim.usedToday(TOKEN)).toBe(1);
	});
});

describe('simultaneous requests per token', () => {
	test('two at once: one succeeds, the other is refused busy; maxInFlight 2', async () => {
		sim.latencyMs = 200;
		const replies = await Promise.all([addDnc(['1']), addDnc(['2'])]);
		expect(replies.map((r) => r.status).sort()).toEqual([201, 403]);
		const busy = replies.find((r) => r.status === 403)!;
		expect(busy.json).toEqual({
			code: 403,
			error: 'FORBIDDEN',
			msg: 'EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2)',
		});
		expect(sim.maxInFlight(TOKEN)).toBe(2);
		expect(sim.dnc.inbound.size).toBe(1);
	});

	test('sequential requests: maxInFlight 1', async () => {
		sim.latencyMs = 20;
		for (const phone of ['1', '2', '3']) expect((await addDnc([phone])).status).toBe(201);
		expect(sim.maxInFlight(TOKEN)).toBe(1);
	});

	test('simultaneousLimit 2 lets two through', async () => {
		sim.latencyMs = 100;
		sim.simultaneousLimit = 2;
		const replies = await Promise.all([addDnc(['1']), addDnc(['2'])]);
		expect(replies.map((r) => r.status)).toEqual([201, 201]);
	});

	test('keep-alive connections are reused', async () => {
		const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
		const reused: boolean[] = [];
		for (let i = 0; i < 3; i++) {
			await new Promise<void>((resolve, reject) => {
				const req = http.request(
					`${sim.baseUrl}/api/v2/information.php?api=token_info`,
					{ agent, headers: { 'wolkvox-token': TOKEN } },
					(res) => {
						res.resume();
						res.on('end', resolve);
					},
				);
				req.on('error', reject);
				req.end();
				reused.push(req.reusedSocket);
			});
		}
		agent.destroy();
		expect(reused).toEqual([false, true, true]);
	});
});

describe('faults', () => {
	test('serverError → 500 HTML; nonJson → 200 maintenance page; emptyBody → 200 empty', async () => {
		sim.injectFault({ kind: 'serverError' });
		sim.injectFault({ kind: 'nonJson' });
		sim.injectFault({ kind: 'emptyBody' });
		const error = await addDnc(['1']);
		expect(error.status).toBe(500);
		expect(error.text).toContain('Fatal error');
		const maintenance = await addDnc(['1']);
		expect(maintenance.status).toBe(200);
		expect(maintenance.contentType).toContain('text/html');
		expect(maintenance.text).toMatch(/^<html>.*Maintenance.*<\/html>$/);
		const empty = await addDnc(['1']);
		expect([empty.status, empty.text]).toEqual([200, '']);
		expect(sim.dnc.inbound.size).toBe(0);
		expect((await addDnc(['1'])).status).toBe(201);
	});

	test('busy and quota faults give those answers without applying', async () => {
		sim.injectFault({ kind: 'busy', times: 2 });
		sim.injectFault({ kind: 'quota' });
		expect((await addDnc(['1'])).json.msg).toBe(
			'EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2)',
		);
		expect((await addDnc(['1'])).json.msg).toBe(
			'EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2)',
		);
		expectAnswer(await addDnc(['1']), 403, 'FORBIDDEN', 'TOKEN LIMIT EXCEEDED');
		expect(sim.dnc.inbound.size).toBe(0);
	});

	test('a fault for one api waits for that api; requests refused before step 5 do not consume it', async () => {
		sim.injectFault({ kind: 'serverError', api: 'add_dnc' });
		expect((await call('token_info')).status).toBe(200);
		expect((await call('add_dnc', { token: null })).status).toBe(401);
		expect((await addDnc(['1'])).status).toBe(500);
		expect((await addDnc(['2'])).status).toBe(201);
		expect(sim.requestsFor('add_dnc').map((r) => r.status)).toEqual([401, 500, 201]);
	});

	test('hang holds the answer, then 504 HTML without applying; the request stays in flight', async () => {
		sim.injectFault({ kind: 'hang', ms: 300 });
		const hung = addDnc(['1']);
		await sleep(50);
		expect((await addDnc(['2'])).json.msg).toBe(
			'EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2)',
		);
		const reply = await hung;
		expect(reply.status).toBe(504);
		expect(reply.text).toContain('504 Gateway Time-out');
		expect(sim.dnc.inbound.size).toBe(0);
		expect(sim.maxInFlight(TOKEN)).toBe(2);
	});

	test('applyThenHang applies at once but answers late, even after the client gave up', async () => {
		sim.injectFault({ kind: 'applyThenHang', ms: 400 });
		const started = Date.now();
		const outcome = await call('add_dnc', {
			body: { type_call: 'inbound', telephones: ['5'] },
			signal: AbortSignal.timeout(100),
		}).catch((e) => e.name);
		expect(outcome).toBe('TimeoutError');
		expect(sim.dnc.inbound.has('5')).toBe(true);
		// Still in flight after the client left: Wolkvox refuses the retry as busy.
		expect((await addDnc(['6'])).json.msg).toBe(
			'EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2)',
		);
		await sleep(400 - (Date.now() - started) + 50);
		expect((await addDnc(['6'])).status).toBe(201);
		const late = sim.requestsFor('add_dnc')[0];
		expect(late.status).toBe(201);
		expect(late.endedAt - late.startedAt).toBeGreaterThanOrEqual(390);
	});

	test('stop() while a hang is in progress ends the hung request instead of waiting it out', async () => {
		const other = await WolkvoxSimulator.start();
		other.injectFault({ kind: 'hang', ms: 30_000 });
		const hung = call('token_info', {}, other).catch((e) => e);
		while (other.requests.length === 0) await sleep(5);
		await other.stop();
		expect(await hung).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
	});
});

describe('recording and state endpoints', () => {
	test('requests are recorded in arrival order with body, status and answer', async () => {
		await addDnc(['1']);
		await call('get_dnc', { query: { type: 'inbound' } });
		await call('token_info', { token: 'bad' });
		expect(sim.requests.map((r) => [r.file, r.api, r.method, r.status])).toEqual([
			['configuration.php', 'add_dnc', 'POST', 201],
			['information.php', 'get_dnc', 'GET', 200],
			['information.php', 'token_info', 'GET', 403],
		]);
		const [add, get] = sim.requests;
		expect(add).toMatchObject({
			token: TOKEN,
			body: { type_call: 'inbound', telephones: ['1'] },
			response: { code: 201, error: null, msg: '1 telephones were added' },
		});
		expect(get.query).toEqual({ type: 'inbound' });
		expect(add.endedAt).toBeGreaterThanOrEqual(add.startedAt);
	});

	test('GET /__simulator/state shows lists, codes and counts with tokens masked', async () => {
		await addDnc(['1']);
		await call('create_cod_act', { body: code('100') });
		const state = await (await fetch(`${sim.baseUrl}/__simulator/state`)).json();
		expect(state).toMatchObject({
			dnc: { inbound: ['1'], outbound: [] },
			activityCodes: [expect.objectContaining({ cod_act: '100' })],
			requests: 2,
			requestsByApi: { add_dnc: 1, create_cod_act: 1 },
			maxInFlight: { 'sim-to…': 1 },
		});
		expect(JSON.stringify(state)).not.toContain(TOKEN);
		expect(sim.requests).toHaveLength(2); // the state request itself is not an API request
	});

	test('POST fault, latency and reset over HTTP', async () => {
		const post = (what: string, body?: unknown) =>
			fetch(`${sim.baseUrl}/__simulator/${what}`, {
				method: 'POST',
				body: body === undefined ? undefined : JSON.stringify(body),
			});
		expect((await post('fault', { kind: 'emptyBody', api: 'add_dnc' })).status).toBe(200);
		expect((await addDnc(['1'])).text).toBe('');
		expect((await post('fault', { kind: 'explode' })).status).toBe(400);
		expect((await post('latency', { ms: 150 })).status).toBe(200);
		const started = Date.now();
		await addDnc(['2']);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		expect((await post('reset')).status).toBe(200);
		expect(sim.requests).toHaveLength(0);
		expect(sim.dnc.inbound.size).toBe(0);
		expect(sim.usedToday(TOKEN)).toBe(0);
	});
});

describe('CLI', () => {
	test('starts on a free port, answers, and stops on SIGTERM', async () => {
		const root = path.resolve(__dirname, '..');
		const child = spawn(
			process.execPath,
			[
				require.resolve('tsx/cli', { paths: [root] }),
				'simulator/cli.ts',
				'--port',
				'0',
				'--token',
				'cli-secret-token',
			],
			{
				cwd: root,
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		try {
			let output = '';
			const baseUrl = await new Promise<string>((resolve, reject) => {
				child.stdout.on('data', (chunk) => {
					output += chunk;
					const match = /Wolkvox simulator listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(output);
					if (match) resolve(match[1]);
				});
				child.once('exit', (code) => reject(new Error(`cli exited with ${code}: ${output}`)));
			});
			const reply = await fetch(`${baseUrl}/api/v2/information.php?api=token_info`, {
				headers: { 'wolkvox-token': 'cli-secret-token' },
			});
			expect(reply.status).toBe(200);
			expect(output).not.toContain('cli-secret-token');
			const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			expect(await exited).toBe(0);
		} finally {
			if (child.exitCode === null) child.kill('SIGKILL');
		}
	});
});
