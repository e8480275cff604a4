/**
 * Queue mode under sustained contention: 3 workers, each with its own token line, share one credential.
 * Wolkvox works on at most 2 requests per token at once (its documented limit; the simulator is set to
 * the same) and answers the others "busy", which means it did nothing: every item must still arrive
 * exactly once, however long the workers keep meeting each other.
 */
import { readFileSync, readdirSync } from 'fs';
import path from 'path';

import type { WolkvoxSimulator } from '../../../simulator/server';
import { startSimulator } from '../../../scripts/runtime/simulator';
import { CREDENTIALS } from '../e2e-config';
import { QUEUE_PORTS, QUEUE_USER_FOLDER_ENV, QUEUE_WEBHOOKS, WORKER_COUNT } from './queue-config';

const TOKEN = CREDENTIALS.simulator.token;
/** Wolkvox documents 2 simultaneous requests per token. */
const WOLKVOX_SIMULTANEOUS_LIMIT = 2;
/** Long enough per request that the 3 workers send at once for many seconds. */
const LATENCY_MS = 200;
const CODE_CALLS = 45;
const CODES_PER_CALL = 6;
const DNC_CALLS = 30;
const NUMBERS_PER_CALL = 10;

let simulator: WolkvoxSimulator;

beforeAll(async () => {
	simulator = await startSimulator({
		port: QUEUE_PORTS.simulator,
		tokens: [{ token: TOKEN }],
		latencyMs: LATENCY_MS,
		simultaneousLimit: WOLKVOX_SIMULTANEOUS_LIMIT,
	});
});
afterAll(async () => await simulator?.stop());

async function post(webhookPath: string, body: object): Promise<{ status: number; text: string }> {
	const response = await fetch(`http://127.0.0.1:${QUEUE_PORTS.n8n}/webhook/${webhookPath}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return { status: response.status, text: await response.text() };
}

function codeBatch(call: number): Array<{ code: string; description: string }> {
	return Array.from({ length: CODES_PER_CALL }, (_, index) => {
		const code = String(1000 + call * CODES_PER_CALL + index);
		return { code, description: `Queue code ${code}` };
	});
}

function numberBatch(call: number): string[] {
	return Array.from({ length: NUMBERS_PER_CALL }, (_, index) =>
		String(3_000_000_000 + call * NUMBERS_PER_CALL + index),
	);
}

/** A webhook's answer: the output items of the workflow's last node (the Wolkvox node). */
function outputItems(response: { text: string }): unknown {
	try {
		return JSON.parse(response.text) as unknown;
	} catch {
		return response.text.slice(0, 200);
	}
}

/** How many successful requests carried each value. */
function successesPer(values: string[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
	return counts;
}

function logs(): { main: string; workers: string[] } {
	const folder = process.env[QUEUE_USER_FOLDER_ENV];
	if (!folder)
		throw new Error(`${QUEUE_USER_FOLDER_ENV} is not set: run with jest.queue.config.js`);
	const workerLogs = readdirSync(folder).filter((file) => /^n8n-worker-\d+\.log$/.test(file));
	return {
		main: readFileSync(path.join(folder, 'n8n.log'), 'utf8'),
		workers: workerLogs.map((file) => readFileSync(path.join(folder, file), 'utf8')),
	};
}

const executionIds = (log: string, pattern: RegExp) =>
	[...log.matchAll(pattern)].map((match) => match[1]);

it(`${CODE_CALLS} × ${CODES_PER_CALL} per-item activity codes and ${DNC_CALLS} combined DNC adds on ${WORKER_COUNT} workers: every item exactly once`, async () => {
	const codeCalls = Array.from({ length: CODE_CALLS }, (_, call) => codeBatch(call));
	const dncCalls = Array.from({ length: DNC_CALLS }, (_, call) => numberBatch(call));
	const startedAt = Date.now();

	const responses = await Promise.all([
		...codeCalls.map((codes) => post(QUEUE_WEBHOOKS.activityCodes, { codes })),
		...dncCalls.map((telephones) => post(QUEUE_WEBHOOKS.addDnc, { telephones })),
	]);

	const wallSeconds = (Date.now() - startedAt) / 1000;
	const requests = simulator.requests.filter((request) => request.token === TOKEN);
	const busy = requests.filter((request) => /SIMULTANEOUS/.test(JSON.stringify(request.response)));
	const failed = responses.filter((response) => response.status !== 200);
	const allCodes = codeCalls.flat().map(({ code }) => `cod_act1:${code}`);
	const allNumbers = dncCalls.flat();
	const createdOnce = successesPer(
		simulator
			.requestsFor('create_cod_act')
			.filter((request) => request.status === 201)
			.map((request) => `cod_act1:${(request.body as { cod_act: string }).cod_act}`),
	);
	const addedOnce = successesPer(
		simulator
			.requestsFor('add_dnc')
			.filter((request) => request.status === 201)
			.flatMap((request) => (request.body as { telephones: string[] }).telephones),
	);
	console.log(
		[
			`queue mode, ${WORKER_COUNT} workers, simulator latency ${LATENCY_MS} ms, ${WOLKVOX_SIMULTANEOUS_LIMIT} simultaneous requests per token:`,
			`  webhook calls: ${responses.length} (${responses.length - failed.length} answered 200, ${failed.length} failed)`,
			`  codes created: ${simulator.activityCodes.size}/${allCodes.length}; numbers on the DNC list: ${simulator.dnc.outbound.size}/${allNumbers.length}`,
			`  requests to Wolkvox: ${requests.length}, busy answers: ${busy.length}, max in flight: ${simulator.maxInFlight(TOKEN)}`,
			`  wall time: ${wallSeconds.toFixed(1)} s`,
		].join('\n'),
	);

	expect(failed.map((response) => `${response.status} ${response.text.slice(0, 200)}`)).toEqual([]);
	// Every webhook answers with one Wolkvox output item per input item, each saying it succeeded.
	expect(responses.slice(0, CODE_CALLS).map(outputItems)).toEqual(
		codeCalls.map((codes) =>
			codes.map(({ code }) => ({
				code: 201,
				error: null,
				msg: 'Code successfully created',
				typeCode: 'cod_act1',
				codAct: code,
			})),
		),
	);
	// Each row tells its own number; Wolkvox's answer about the call's ten is kept once, on the first.
	expect(responses.slice(CODE_CALLS).map(outputItems)).toEqual(
		dncCalls.map((telephones) =>
			telephones.map((telephone, index) => ({
				typeCall: 'outbound',
				telephones: [telephone],
				code: 201,
				error: null,
				msg: '1 telephone added',
				...(index === 0
					? {
							combinedRequests: [
								{ code: 201, msg: '10 telephones were added', items: 10, records: 10 },
							],
						}
					: {}),
			})),
		),
	);
	expect([...simulator.activityCodes.keys()].sort()).toEqual([...allCodes].sort());
	expect(allCodes.filter((code) => createdOnce.get(code) !== 1)).toEqual([]);
	expect([...simulator.dnc.outbound].sort()).toEqual([...allNumbers].sort());
	expect(allNumbers.filter((number) => addedOnce.get(number) !== 1)).toEqual([]);
	expect(simulator.maxInFlight(TOKEN)).toBeLessThanOrEqual(WORKER_COUNT);
	// The load really made the workers meet on the token (else this test would prove nothing).
	expect(busy.length).toBeGreaterThan(0);

	const { main, workers } = logs();
	const enqueued = executionIds(main, /Enqueued execution (\d+)/g);
	const startedOnWorkers = workers.flatMap((log) =>
		executionIds(log, /Worker started execution (\d+)/g),
	);
	expect(enqueued).toHaveLength(CODE_CALLS + DNC_CALLS);
	expect([...startedOnWorkers].sort()).toEqual([...enqueued].sort());
	expect(executionIds(main, /Worker started execution (\d+)/g)).toEqual([]);
	expect(workers.filter((log) => /Worker started execution/.test(log))).toHaveLength(WORKER_COUNT);
});
