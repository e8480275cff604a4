/**
 * Once per queue-mode e2e run: n8n 2.41.1 in queue mode from nothing, as `npm run start:queue` runs
 * it: Postgres and Redis of our own, the package installed into a fresh user folder, credentials and
 * fixture workflows imported into Postgres, then n8n main and WORKER_COUNT workers. The test file
 * starts the simulator on QUEUE_PORTS.simulator, where the credentials point.
 */
import { chmodSync, mkdtempSync, rmSync } from 'fs';
import path from 'path';

import { stopChildProcesses, type Service } from '../../../scripts/runtime/children';
import { importSeed, n8nCli, type N8nSettings } from '../../../scripts/runtime/n8n-cli';
import { ensureN8n } from '../../../scripts/runtime/n8n-install';
import { startN8n } from '../../../scripts/runtime/n8n-process';
import { packAndInstall } from '../../../scripts/runtime/package-install';
import { CACHE_DIR } from '../../../scripts/runtime/paths';
import { findPostgresBinDir } from '../../../scripts/runtime/postgres';
import {
	encryptionKey,
	queueEnv,
	startQueueBackends,
	startWorker,
} from '../../../scripts/runtime/queue-mode';
import { findRedisServer } from '../../../scripts/runtime/redis';
import { missingQueueToolsMessage } from '../../../scripts/runtime/system-tools';
import { assertPortsUsable, cleanUpOnSignal, writeCredentials } from '../setup-support';
import { QUEUE_PORTS, QUEUE_USER_FOLDER_ENV, QUEUE_WORKFLOWS } from './queue-config';

const FIXTURES = ['queue-add-dnc.json', 'queue-activity-codes.json'].map((file) =>
	path.join(__dirname, '..', 'fixtures', file),
);

export interface QueueRun {
	services: Service[];
	/** Removed by the teardown: the user folder and the Postgres/Redis data. */
	folders: string[];
}

const KEY = '__wolkvoxQueueE2e';
export const queueRun = {
	set: (run: QueueRun) => ((globalThis as Record<string, unknown>)[KEY] = run),
	take: (): QueueRun | undefined => {
		const run = (globalThis as Record<string, unknown>)[KEY] as QueueRun | undefined;
		delete (globalThis as Record<string, unknown>)[KEY];
		return run;
	},
};

function flatPorts(): Record<string, number> {
	const { workers, ...single } = QUEUE_PORTS;
	const ports: Record<string, number> = { ...single };
	workers.forEach((worker, index) => {
		ports[`worker ${index + 1} task broker`] = worker.brokerPort;
		ports[`worker ${index + 1} health check`] = worker.healthPort;
	});
	return ports;
}

async function startQueueMode(run: QueueRun, userFolder: string, dataDir: string): Promise<void> {
	const install = await ensureN8n();
	await packAndInstall(userFolder);
	const backends = await startQueueBackends({
		postgresPort: QUEUE_PORTS.postgres,
		redisPort: QUEUE_PORTS.redis,
		dataDir,
	});
	run.services.push(backends.postgres, backends.redis);
	run.folders.push(backends.postgres.clusterDir);
	const settings: N8nSettings = {
		userFolder,
		port: QUEUE_PORTS.n8n,
		brokerPort: QUEUE_PORTS.broker,
		env: queueEnv(backends, encryptionKey(userFolder)),
	};
	await importSeed(n8nCli(install, { ...settings, brokerPort: QUEUE_PORTS.cliBroker }), {
		credentialsFile: writeCredentials(userFolder, QUEUE_PORTS.simulator),
		workflowFiles: FIXTURES,
		publishIds: QUEUE_WORKFLOWS,
	});
	run.services.push(await startN8n(install, settings));
	run.services.push(
		...(await Promise.all(
			QUEUE_PORTS.workers.map((ports, index) => startWorker(install, settings, ports, index + 1)),
		)),
	);
}

export default async function globalSetup(): Promise<void> {
	console.log('');
	await assertPortsUsable(flatPorts(), 'WOLKVOX_QUEUE_E2E_BASE_PORT');
	if (!findPostgresBinDir() || !findRedisServer()) throw new Error(missingQueueToolsMessage());
	const userFolder = mkdtempSync(path.join(CACHE_DIR, 'e2e-queue-user-'));
	const dataDir = mkdtempSync(path.join(CACHE_DIR, 'e2e-queue-data-'));
	chmodSync(dataDir, 0o755); // Postgres, run as the postgres user under root, keeps its cluster in there
	process.env[QUEUE_USER_FOLDER_ENV] = userFolder;
	const run: QueueRun = { services: [], folders: [userFolder, dataDir] };
	queueRun.set(run);
	cleanUpOnSignal(run.folders);
	try {
		await startQueueMode(run, userFolder, dataDir);
	} catch (error) {
		await stopChildProcesses();
		for (const folder of run.folders) rmSync(folder, { recursive: true, force: true });
		throw error;
	}
}
