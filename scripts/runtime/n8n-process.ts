/** Long-running n8n processes: `n8n start` (the editor, webhooks; the main process in queue mode). */
import path from 'path';

import { startService, type Service } from './children';
import { n8nEnv, type N8nSettings } from './n8n-cli';
import type { N8nInstall } from './n8n-install';
import { assertPortFree } from './ports';
import { progress } from './progress';

export interface RunningN8n extends Service {
	url: string;
}

export interface StartN8nOptions extends N8nSettings {
	/** Default: <userFolder>/n8n.log (the previous one is kept as n8n.log.1). */
	logFile?: string;
	readyTimeoutMs?: number;
}

const READY_LINE = 'Editor is now accessible via';

/** Starts `n8n start` in its own process group and resolves once the editor and webhooks are up. */
export async function startN8n(install: N8nInstall, options: StartN8nOptions): Promise<RunningN8n> {
	await assertPortFree(options.port, 'n8n, N8N_PORT');
	await assertPortFree(options.brokerPort, 'n8n task broker, N8N_RUNNERS_BROKER_PORT');
	const logFile = options.logFile ?? path.join(options.userFolder, 'n8n.log');
	progress(`Starting n8n ${install.version} on http://localhost:${options.port} (log: ${logFile})`);
	const service = await startService({
		name: 'n8n',
		command: install.bin,
		args: ['start'],
		env: n8nEnv(install, options),
		cwd: options.userFolder,
		logFile,
		isReady: (output) => output.includes(READY_LINE),
		readyTimeoutMs: options.readyTimeoutMs,
	});
	progress('n8n is ready');
	return { ...service, url: `http://localhost:${options.port}` };
}

/**
 * n8n 2.x prints its ready line before it has registered the webhooks of published workflows (about
 * 3 s later on a loaded box). Resolves true once `webhookPath` is registered: n8n then answers a CORS
 * preflight for it, and 404 before. False if it is not within `timeoutMs`, or n8n exits.
 */
export async function webhookRegistered(
	n8n: RunningN8n,
	webhookPath: string,
	timeoutMs = 60_000,
): Promise<boolean> {
	const url = `http://127.0.0.1:${new URL(n8n.url).port}/webhook/${webhookPath}`;
	const deadline = Date.now() + timeoutMs;
	const running = () => n8n.process.exitCode === null && n8n.process.signalCode === null;
	// n8n 2.41.1 was seen answering a POST 404 just after a preflight succeeded: wait for three in a row.
	let registeredInARow = 0;
	while (Date.now() < deadline && running()) {
		const response = await fetch(url, {
			method: 'OPTIONS',
			headers: { origin: n8n.url, 'access-control-request-method': 'POST' },
		}).catch(() => undefined);
		registeredInARow = response && response.status !== 404 ? registeredInARow + 1 : 0;
		if (registeredInARow === 3) return true;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	return false;
}
