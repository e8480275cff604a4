/** Stops the suite's n8n (whole process group), keeps its log in .cache/logs, removes the temp user folder. */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'fs';
import path from 'path';

import { stopChildProcesses } from '../../scripts/runtime/children';
import { CACHE_DIR } from '../../scripts/runtime/paths';
import { progress } from '../../scripts/runtime/progress';
import { takeRunningN8n } from './n8n-handle';

export default async function globalTeardown(): Promise<void> {
	const handle = takeRunningN8n();
	await handle?.n8n.stop();
	await stopChildProcesses();
	if (!handle) return;
	const keptLog = path.join(CACHE_DIR, 'logs', 'e2e-n8n.log');
	if (existsSync(handle.n8n.logFile)) {
		mkdirSync(path.dirname(keptLog), { recursive: true });
		copyFileSync(handle.n8n.logFile, keptLog);
	}
	rmSync(handle.userFolder, { recursive: true, force: true });
	progress(`e2e: n8n stopped; its log is kept in ${keptLog}`);
}
