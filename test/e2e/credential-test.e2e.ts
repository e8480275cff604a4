/** The credential test as the editor runs it (REST), against the simulator: Wolkvox's own words on refusal. */
import { CREDENTIALS } from './e2e-config';
import type { RestSession } from './rest';
import { ownerSession } from './rest';
import { useSimulator } from './support';

useSimulator();

async function testCredential(
	session: RestSession,
	id: string,
): Promise<{ status: string; message: string }> {
	const credential = (await session.get(`/credentials/${id}?includeData=true`)) as Record<
		string,
		unknown
	>;
	return (await session.post('/credentials/test', { credentials: credential })) as {
		status: string;
		message: string;
	};
}

it("passes with the simulator token, and with a wrong token fails with Wolkvox's message", async () => {
	const session = await ownerSession();

	const good = await testCredential(session, CREDENTIALS.simulator.id);
	const wrong = await testCredential(session, CREDENTIALS.wrongToken.id);

	expect(good).toEqual({ status: 'OK', message: 'Connection successful!' });
	expect(wrong.status).toBe('Error');
	expect(wrong.message).toContain('Wolkvox says: PLEASE VALIDATE TOKEN.');
});
