/**
 * The transport (transport/request.ts) with failures the simulator cannot produce: errors n8n's
 * request helper throws before anything reaches a server. The context stands in for n8n's: its
 * httpRequestWithAuthentication throws what n8n's would (the error wrapped in a NodeApiError, the
 * network error as its cause), and the cancel signal is the test's.
 */
import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { RequestRun } from '../nodes/Wolkvox/transport/request';
import { callLimit, WolkvoxFailure, wolkvoxRequest } from '../nodes/Wolkvox/transport/request';
import { busyTokenCount } from '../nodes/Wolkvox/transport/tokenQueue';
import { until } from './harness/until';

// A turn held for a cut connection is held 100 ms here instead of 62 s.
const wolkvoxCallLimit = { ...callLimit };
beforeAll(() => Object.assign(callLimit, { ms: 50, marginMs: 50 }));
afterAll(() => Object.assign(callLimit, wolkvoxCallLimit));

const NODE: INode = {
	id: 'n',
	name: 'Wolkvox',
	type: 'n8n-nodes-wolkvox.wolkvox',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** A network error as Node reports it, wrapped as n8n's httpRequestWithAuthentication throws it. */
function networkError(code: string, syscall: string): NodeApiError {
	const cause = Object.assign(new Error(`${syscall} ${code} 127.0.0.1:9`), { code, syscall });
	return new NodeApiError(NODE, cause as never);
}

function runThrowing(thrown: () => unknown, cancel = new AbortController()) {
	const calls = { count: 0 };
	const context = {
		getNode: () => NODE,
		getExecutionCancelSignal: () => cancel.signal,
		helpers: {
			httpRequestWithAuthentication: async () => {
				calls.count++;
				throw thrown();
			},
		},
	} as unknown as IExecuteFunctions;
	const run: RequestRun = {
		context,
		connection: {
			baseUrl: 'http://127.0.0.1:9',
			queueKey: `token-${Math.random()}`,
			token: 'token',
			credential: { id: 'c', name: 'c', type: 'wolkvoxApi', data: {} },
		},
		cancelSignal: cancel.signal,
		stopReason: () => (cancel.signal.aborted ? 'the execution was stopped' : undefined),
	};
	return { run, calls, cancel };
}

const call = { method: 'POST', file: 'configuration', api: 'create_cod_act' } as const;
const settings = (maxRetries: number) => ({ timeout: 5_000, maxRetries, busyWait: 1_000 });

async function failureOf(promise: Promise<unknown>): Promise<WolkvoxFailure> {
	const error = await promise.then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	if (!(error instanceof WolkvoxFailure)) throw new Error(`Expected a WolkvoxFailure: ${error}`);
	return error;
}

describe('a request that never reached Wolkvox is not "maybe applied"', () => {
	test.each([
		['a refused connection', 'ECONNREFUSED', 'the connection was refused'],
		['a connect timeout', 'ETIMEDOUT', 'the request failed'],
	])('%s', async (_case, code, problem) => {
		const { run, calls } = runThrowing(() => networkError(code, 'connect'));

		const failure = await failureOf(wolkvoxRequest(run, call, settings(1)));

		expect(calls.count).toBe(2);
		expect(failure.message).toBe(`Could not reach Wolkvox: ${problem}`);
		expect(failure.failure.description).toMatch(new RegExp(`^${code}\\.`));
		expect(failure.mayHaveApplied).toBe(false);
	});

	test('a run stopped while waiting to retry a refused connection says nothing was applied', async () => {
		const { run, calls, cancel } = runThrowing(() => networkError('ECONNREFUSED', 'connect'));

		const failing = failureOf(wolkvoxRequest(run, call, settings(3)));
		await until(() => calls.count === 1);
		cancel.abort();
		const failure = await failing;

		expect(failure.message).toBe('Stopped, not applied: the execution was stopped');
		expect(failure.failure.description).toBe(
			'No attempt of this request reached Wolkvox or was taken by it.',
		);
		expect(failure.mayHaveApplied).toBe(false);
	});

	test('a connection cut after sending is still "maybe applied"', async () => {
		const { run } = runThrowing(() => networkError('ECONNRESET', 'read'));

		const failure = await failureOf(wolkvoxRequest(run, call, settings(0)));

		expect(failure.mayHaveApplied).toBe(true);
	});
});

test("a turn is released even when sending throws something the transport does not expect: the token's line is free again", async () => {
	const hostile = () => ({
		get code(): string {
			throw new Error('a getter that throws');
		},
	});
	const { run } = runThrowing(hostile);

	const outcome = await wolkvoxRequest(run, call, settings(0)).then(
		() => 'answered',
		() => 'failed',
	);
	await until(() => busyTokenCount() === 0);

	expect(outcome).toBe('failed');
});
