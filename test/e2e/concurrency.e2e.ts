/** Wolkvox refuses a token used by two requests at once: parallel executions must take turns. */
import { CREDENTIALS } from './e2e-config';
import { n8nLog, postActivityCodeWebhook, useSimulator } from './support';

const PARALLEL_EXECUTIONS = 10;
const LATENCY_MS = 150;

const fx = useSimulator(LATENCY_MS);

it(`${PARALLEL_EXECUTIONS} parallel webhook executions sharing one credential never overlap on the token`, async () => {
	const codes = Array.from({ length: PARALLEL_EXECUTIONS }, (_, index) => String(600 + index));

	const responses = await Promise.all(
		codes.map((code) => postActivityCodeWebhook({ code, description: `Parallel ${code}` })),
	);

	expect(responses.map((response) => response.status)).toEqual(codes.map(() => 200));
	expect(responses.map((response) => Number(response.body.code))).toEqual(codes.map(() => 201));
	expect([...fx.simulator.activityCodes.keys()].sort()).toEqual(
		codes.map((code) => `cod_act1:${code}`),
	);
	expect(fx.simulator.maxInFlight(CREDENTIALS.simulator.token)).toBe(1);
	expect(fx.simulator.requests.every((request) => request.status === 201)).toBe(true);
	const log = n8nLog();
	expect(log).toContain('Editor is now accessible via');
	expect(log).not.toContain(CREDENTIALS.simulator.token);
});
