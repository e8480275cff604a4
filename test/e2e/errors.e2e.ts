/** What a user sees in n8n when Wolkvox refuses the token, or when a row holds no telephone number. */
import { nodeOutput } from '../../scripts/runtime/n8n-cli';
import { CREDENTIALS, WORKFLOWS } from './e2e-config';
import { execute, output, telephonesSent, useSimulator } from './support';

const fx = useSimulator();

describe('a wrong token', () => {
	it("fails the execution with Wolkvox's message, without retrying and without showing the token", async () => {
		const result = await execute(WORKFLOWS.wrongToken);

		expect(result.exitCode).not.toBe(0);
		expect(result.run?.data.resultData.error?.message).toMatch(/PLEASE VALIDATE TOKEN/);
		expect(output(result)).toContain('PLEASE VALIDATE TOKEN');
		expect(output(result)).not.toContain(CREDENTIALS.wrongToken.token);
		const requests = fx.simulator.requestsFor('add_dnc');
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ token: CREDENTIALS.wrongToken.token, status: 403 });
	});
});

describe('an unparseable telephone (12ab) in item 1', () => {
	it('fails the execution naming the item and the value, and never sends 12ab', async () => {
		const result = await execute(WORKFLOWS.badPhone);

		expect(result.exitCode).not.toBe(0);
		const message = result.run?.data.resultData.error?.message ?? '';
		expect(message).toMatch(/item 1/i);
		expect(message).toContain('12ab');
		expect(telephonesSent(fx.simulator)).not.toContain('12ab');
		expect(telephonesSent(fx.simulator)).not.toContain('12');
	});

	it('with "On Error: Continue", returns an error item for item 1 and still adds item 0', async () => {
		const result = await execute(WORKFLOWS.badPhoneContinue);

		expect(result.exitCode).toBe(0);
		const [first, second] = nodeOutput(result.run!, 'Add to DNC');
		expect(first).toMatchObject({ typeCall: 'outbound', telephones: ['3001112233'], error: null });
		expect(String(second.error)).toContain('12ab');
		expect(telephonesSent(fx.simulator)).toEqual(['3001112233']);
		expect([...fx.simulator.dnc.outbound]).toEqual(['3001112233']);
	});
});
