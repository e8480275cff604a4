/**
 * How long a request may keep the token's turn when the connection misbehaves. These specs wait out
 * the call limit for real (the simulator's, TEST_CALL_LIMIT_MS, which the node is set to as it is to
 * Wolkvox's 60 s), so both run at once (one token each) in a single test.
 */
import { runWolkvox, startWolkvox } from './harness/run-node';
import { TEST_CALL_LIMIT_MS, TOKEN, useSimulator } from './harness/simulator-fixture';
import { until } from './harness/until';

const fx = useSimulator();
const TRICKLE_TOKEN = '7r1ckle70ken0000aaaa';

beforeAll(() => fx.sim.addToken(TRICKLE_TOKEN));

const createCode = (code: string) => ({
	parameters: {
		resource: 'activityCode',
		operation: 'create',
		typeCode: 'cod_act1',
		codAct: code,
		description: 'Turn limits',
		options: { maxRetries: 0 },
	},
});

const requestsOf = (token: string) => fx.sim.requests.filter((request) => request.token === token);

/** Starts `first`, waits until its request reached the simulator, then runs `second` on the same token. */
async function secondBehindFirst(token: string, first: string, second: string) {
	const credentials = fx.credentials({ token });
	const started = startWolkvox({ ...createCode(first), credentials, continueOnFail: true });
	await until(() => requestsOf(token).length === 1);
	const next = await runWolkvox({ ...createCode(second), credentials });
	return { first: await started.result, next };
}

test('a connection cut after the request left keeps the turn while Wolkvox may still work on it; an answer that trickles in ends the turn when the call limit has passed since sending', async () => {
	fx.sim.injectFault({ kind: 'applyThenReset', api: 'create_cod_act', ms: TEST_CALL_LIMIT_MS / 2 });
	const cut = secondBehindFirst(TOKEN, 'CUT-1', 'CUT-2');
	await until(() => requestsOf(TOKEN).length === 1);
	fx.sim.injectFault({ kind: 'trickle', api: 'create_cod_act', ms: TEST_CALL_LIMIT_MS + 3_000 });
	const trickled = secondBehindFirst(TRICKLE_TOKEN, 'TRICKLE-1', 'TRICKLE-2');

	const [afterCut, afterTrickle] = await Promise.all([cut, trickled]);

	// The cut request: reported as cut, applied by Wolkvox, and nobody used the token meanwhile.
	expect(afterCut.first.output[0]?.json.error).toBe(
		'Could not reach Wolkvox: the connection was cut (gave up after 1 attempt)',
	);
	expect(afterCut.next.output[0]?.json.code).toBe(201);
	expect(fx.sim.maxInFlight(TOKEN)).toBe(1);
	const [cutRequest, afterCutRequest] = requestsOf(TOKEN);
	expect(afterCutRequest!.startedAt).toBeGreaterThanOrEqual(cutRequest!.endedAt);

	// The trickling answer: the next request left before that answer ended, and not before the call limit.
	expect(afterTrickle.next.output[0]?.json.code).toBe(201);
	const [trickleRequest, afterTrickleRequest] = requestsOf(TRICKLE_TOKEN);
	expect(afterTrickleRequest!.startedAt).toBeLessThan(trickleRequest!.endedAt);
	expect(afterTrickleRequest!.startedAt - trickleRequest!.startedAt).toBeGreaterThanOrEqual(
		TEST_CALL_LIMIT_MS,
	);
	expect([...fx.sim.activityCodes.keys()].sort()).toEqual([
		'cod_act1:CUT-1',
		'cod_act1:CUT-2',
		'cod_act1:TRICKLE-1',
		'cod_act1:TRICKLE-2',
	]);
});
