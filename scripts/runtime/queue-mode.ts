/**
 * n8n's queue mode on one machine: Postgres and Redis of our own, then n8n main and workers sharing one
 * user folder (the community package, the encryption key). The environment follows n8n's docs: every
 * process gets the same N8N_ENCRYPTION_KEY, EXECUTIONS_MODE=queue, QUEUE_BULL_REDIS_* and DB_POSTGRESDB_*.
 */
import { randomBytes } from 'crypto';
import { existsSync, readFileSync } from 'fs';
import path from 'path';

import { startService, type Service } from './children';
import { n8nEnv, type N8nSettings } from './n8n-cli';
import type { N8nInstall } from './n8n-install';
import { startPostgres, type RunningPostgres } from './postgres';
import { progress } from './progress';
import { startRedis, type RunningRedis } from './redis';

export interface QueueBackends {
	postgres: RunningPostgres;
	redis: RunningRedis;
}

export interface QueueBackendOptions {
	postgresPort: number;
	redisPort: number;
	/** Postgres cluster in <dataDir>/postgres; Redis works in <dataDir>/redis; logs beside them. */
	dataDir: string;
}

/** Postgres first, then Redis; if Redis fails, Postgres is stopped again. */
export async function startQueueBackends(options: QueueBackendOptions): Promise<QueueBackends> {
	const postgres = await startPostgres({
		port: options.postgresPort,
		dataDir: path.join(options.dataDir, 'postgres'),
		logFile: path.join(options.dataDir, 'postgres.log'),
	});
	try {
		const redis = await startRedis({
			port: options.redisPort,
			dataDir: options.dataDir,
			logFile: path.join(options.dataDir, 'redis.log'),
		});
		return { postgres, redis };
	} catch (error) {
		await postgres.stop();
		throw error;
	}
}

/** The key n8n keeps in <userFolder>/.n8n/config, or a new one (which n8n then writes there). */
export function encryptionKey(userFolder: string): string {
	const configFile = path.join(userFolder, '.n8n', 'config');
	if (existsSync(configFile)) {
		const key = (JSON.parse(readFileSync(configFile, 'utf8')) as { encryptionKey?: string })
			.encryptionKey;
		if (key) return key;
	}
	return randomBytes(24).toString('base64url');
}

/** What every process of one queue-mode n8n shares (main, workers, CLI commands). */
export function queueEnv(backends: QueueBackends, key: string): NodeJS.ProcessEnv {
	return {
		N8N_ENCRYPTION_KEY: key,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(backends.redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(backends.postgres.port),
		DB_POSTGRESDB_DATABASE: backends.postgres.database,
		DB_POSTGRESDB_USER: backends.postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		// n8n's crash journal in a shared user folder makes every later process pause 10 s in production
		NODE_ENV: undefined,
	};
}

export interface WorkerPorts {
	/** The worker's own task broker (each n8n process starts one). */
	brokerPort: number;
	/** The worker's health-check server (/healthz); without it a worker opens no port. */
	healthPort: number;
}

export interface RunningWorker extends Service {
	healthUrl: string;
}

/** `n8n worker` sharing `settings.userFolder` with main; resolves once it takes jobs. */
export async function startWorker(
	install: N8nInstall,
	settings: N8nSettings,
	ports: WorkerPorts,
	index: number,
	concurrency = 10,
): Promise<RunningWorker> {
	const name = `worker ${index}`;
	const env = n8nEnv(install, {
		...settings,
		brokerPort: ports.brokerPort,
		env: {
			...settings.env,
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(ports.healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		},
	});
	const logFile = path.join(settings.userFolder, `n8n-worker-${index}.log`);
	progress(
		`Starting n8n ${name} (health http://127.0.0.1:${ports.healthPort}/healthz, log: ${logFile})`,
	);
	const service = await startService({
		name: `n8n ${name}`,
		command: install.bin,
		args: ['worker', `--concurrency=${concurrency}`],
		env,
		cwd: settings.userFolder,
		logFile,
		isReady: (output) => output.includes('n8n worker is now ready'),
	});
	return { ...service, healthUrl: `http://127.0.0.1:${ports.healthPort}/healthz` };
}
