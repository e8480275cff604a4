/** Hands the `n8n start` of the global setup to the global teardown (both run in jest's main process). */
import type { RunningN8n } from '../../scripts/runtime/n8n-process';

interface Handle {
	n8n: RunningN8n;
	userFolder: string;
}

const KEY = '__wolkvoxE2eN8n';
type WithHandle = typeof globalThis & { [KEY]?: Handle };

export function setRunningN8n(n8n: RunningN8n, userFolder: string): void {
	(globalThis as WithHandle)[KEY] = { n8n, userFolder };
}

export function takeRunningN8n(): Handle | undefined {
	const handle = (globalThis as WithHandle)[KEY];
	delete (globalThis as WithHandle)[KEY];
	return handle;
}
