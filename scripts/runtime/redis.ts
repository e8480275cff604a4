/** Redis for n8n's queue mode: the machine's `redis-server`, as our child, on a port of ours. */
import path from 'path';

import { startService, type Service } from './children';
import { findExecutable, missingQueueToolsMessage } from './system-tools';
import { progress } from './progress';

export interface RunningRedis extends Service {
	port: number;
}

export function findRedisServer(): string | undefined {
	return findExecutable('redis-server', ['/usr/bin', '/usr/local/bin', '/opt/homebrew/bin']);
}

/** `redis-server` on 127.0.0.1:`port`, nothing persisted (n8n's queue only lives while n8n runs). */
export async function startRedis(options: {
	port: number;
	dataDir: string;
	logFile: string;
}): Promise<RunningRedis> {
	const redisServer = findRedisServer();
	if (!redisServer) throw new Error(missingQueueToolsMessage());
	progress(`Starting Redis on 127.0.0.1:${options.port} (log: ${options.logFile})`);
	const args = [
		'--port',
		String(options.port),
		'--bind',
		'127.0.0.1',
		'--save',
		'',
		'--appendonly',
		'no',
		'--dir',
		options.dataDir,
	];
	const service = await startService({
		name: 'redis',
		command: redisServer,
		args,
		cwd: path.dirname(options.logFile),
		logFile: options.logFile,
		isReady: (output) => output.includes('Ready to accept connections'),
		readyTimeoutMs: 30_000,
		stopLast: true,
	});
	return { ...service, port: options.port };
}
