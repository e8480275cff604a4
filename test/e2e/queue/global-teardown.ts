/** Stops main and workers, then Redis and Postgres; keeps their logs in .cache/logs/e2e-queue-*.log; removes the temporary folders. */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'fs';
import path from 'path';

import { stopChildProcesses } from '../../../scripts/runtime/children';
import { LOG_DIR } from '../../../scripts/runtime/paths';
import { progress } from '../../../scripts/runtime/progress';
import { queueRun } from './global-setup';

export default async function globalTeardown(): Promise<void> {
	const run = queueRun.take();
	await stopChildProcesses();
	if (!run) return;
	mkdirSync(LOG_DIR, { recursive: true });
	for (const service of run.services) {
		const kept = path.join(LOG_DIR, `e2e-queue-${service.name.replace(/\W+/g, '-')}.log`);
		if (existsSync(service.logFile)) copyFileSync(service.logFile, kept);
	}
	for (const folder of run.folders) rmSync(folder, { recursive: true, force: true });
	progress(`e2e-queue: everything stopped; logs kept in ${LOG_DIR}/e2e-queue-*.log`);
}
