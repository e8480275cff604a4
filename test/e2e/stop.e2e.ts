/** Stopping an execution in n8n while Wolkvox works on its request must not let another execution overlap it. */
import { CREDENTIALS, WORKFLOWS } from './e2e-config';
import { ownerSession, runningExecutions } from './rest';
import { postActivityCodeWebhook, useSimulator } from './support';
import { until } from '../harness/until';

const fx = useSimulator();

it('an execution stopped while Wolkvox works on its request keeps the token until Wolkvox answers; the next execution then succeeds', async () => {
	const session = await ownerSession();
	fx.simulator.injectFault({ kind: 'applyThenHang', api: 'create_cod_act', ms: 3_000 });
	const stoppedCall = postActivityCodeWebhook({ code: '901', description: 'Stopped' }).catch(
		() => undefined,
	);
	await until(() => fx.simulator.requests.length === 1);
	const [executionId] = await until(async () => {
		const running = await runningExecutions(session, WORKFLOWS.crmWebhook);
		return running.length ? running : undefined;
	});

	await session.post(`/executions/${executionId}/stop`);
	const next = await postActivityCodeWebhook({ code: '902', description: 'After the stop' });
	await stoppedCall;

	expect(next.status).toBe(200);
	expect(Number(next.body.code)).toBe(201);
	expect(fx.simulator.maxInFlight(CREDENTIALS.simulator.token)).toBe(1);
	const [stopped, after] = fx.simulator.requests;
	expect(after!.startedAt).toBeGreaterThanOrEqual(stopped!.endedAt);
	expect([...fx.simulator.activityCodes.keys()].sort()).toEqual(['cod_act1:901', 'cod_act1:902']);
});
