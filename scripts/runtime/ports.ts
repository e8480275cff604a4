/** Port checks: done before anything slow, so that a busy port fails a start at once. */
import net from 'net';

const RESERVED_TEST_PORTS = new Set([5678, 5679]);

/** Throws a clear error if `port` cannot be bound on loopback. */
export async function assertPortFree(port: number, purpose: string): Promise<void> {
	const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
		const server = net.createServer();
		server.once('error', resolve);
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(undefined)));
	});
	if (error) {
		throw new Error(
			`Port ${port} (${purpose}) is not free on 127.0.0.1 (${error.code}). Stop whatever listens there or choose another port.`,
		);
	}
}

/** Checks every port of a `{ purpose: port }` map. */
export async function assertPortsFree(ports: Record<string, number>): Promise<void> {
	for (const [purpose, port] of Object.entries(ports)) await assertPortFree(port, purpose);
}

/** Test ports must not collide with a developer's running n8n (5678) or its task broker (5679). */
export function assertTestPort(port: number, purpose: string): void {
	if (RESERVED_TEST_PORTS.has(port))
		throw new Error(
			`Port ${port} is reserved for a developer's n8n; pick another port for ${purpose}`,
		);
}

export function portFromEnv(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 1 || port > 65535)
		throw new Error(`${name}=${raw} is not a valid port`);
	return port;
}
