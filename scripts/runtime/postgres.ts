/**
 * PostgreSQL for n8n's queue mode: the machine's binaries (Debian: /usr/lib/postgresql/<v>/bin), a
 * cluster of our own (initdb into a folder under the cache), run as our child on 127.0.0.1:<port> with
 * trust authentication and no Unix socket. Postgres refuses to run as root: then initdb and postgres run
 * as the `postgres` user (created by the Debian package) through `runuser`, with a data folder it owns.
 */
import { createHash } from 'crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, realpathSync } from 'fs';
import os from 'os';
import path from 'path';

import { runCaptured, runOrThrow, startService, type Service } from './children';
import { progress } from './progress';
import { findExecutable, missingQueueToolsMessage, subfolders } from './system-tools';

const SUPERUSER = 'postgres';
export const N8N_DATABASE = 'n8n';

export interface RunningPostgres extends Service {
	port: number;
	/** The cluster's folder: the one asked for, or one in the temp folder when the postgres user cannot reach that. */
	clusterDir: string;
	database: string;
	user: string;
}

const SERVER_PROGRAMS = ['initdb', 'postgres', 'psql', 'createdb'];

/** The folder holding initdb, postgres, psql and createdb: PATH (links resolved), Debian's versioned folders, Homebrew's kegs. */
export function findPostgresBinDir(): string | undefined {
	const onPath = findExecutable('initdb');
	const candidates = [
		...(onPath ? [path.dirname(realpathSync(onPath))] : []),
		...subfolders('/usr/lib/postgresql')
			.reverse()
			.map((version) => path.join('/usr/lib/postgresql', version, 'bin')),
		...['/opt/homebrew/opt', '/usr/local/opt'].flatMap((dir) =>
			subfolders(dir)
				.reverse()
				.filter((name) => name.startsWith('postgresql'))
				.map((name) => path.join(dir, name, 'bin')),
		),
	];
	return candidates.find((dir) =>
		SERVER_PROGRAMS.every((program) => existsSync(path.join(dir, program))),
	);
}

/** How to run a Postgres server command: as ourselves, or as the `postgres` user when we are root. */
interface RunAs {
	wrap(command: string, args: string[]): [string, string[]];
	/** Makes `dir` belong to whoever runs the server. */
	own(dir: string): void;
}

function runAs(): RunAs {
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot) return { wrap: (command, args) => [command, args], own: () => undefined };
	const runuser = findExecutable('runuser', ['/usr/sbin', '/sbin']);
	const ids = userIds(SUPERUSER);
	if (!runuser || !ids) {
		throw new Error(
			`Postgres refuses to run as root, and there is no \`${SUPERUSER}\` user (or no runuser) to run it as. Run as an ordinary user, or install Debian's postgresql package, which creates one.`,
		);
	}
	return {
		wrap: (command, args) => [runuser, ['-u', SUPERUSER, '--', command, ...args]],
		own: (dir) => chownSync(dir, ids.uid, ids.gid),
	};
}

function userIds(name: string): { uid: number; gid: number } | undefined {
	const line = readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((entry) => entry.startsWith(`${name}:`));
	if (!line) return undefined;
	const [, , uid, gid] = line.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

/** Whether the `postgres` user can reach `dir` (a clone under /root cannot be reached by others). */
async function reachable(as: RunAs, dir: string): Promise<boolean> {
	const [command, args] = as.wrap('test', ['-x', dir]);
	return (await runCaptured(command, args)).exitCode === 0;
}

/** The cluster folder: `dataDir`, unless the server's user cannot reach it; then one in the system's temp folder. */
async function clusterDir(as: RunAs, dataDir: string): Promise<string> {
	mkdirSync(path.dirname(dataDir), { recursive: true });
	if (await reachable(as, path.dirname(dataDir))) return dataDir;
	const fallback = path.join(
		os.tmpdir(),
		`wolkvox-postgres-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`,
	);
	progress(
		`The ${SUPERUSER} user cannot reach ${path.dirname(dataDir)}: keeping the Postgres cluster in ${fallback}`,
	);
	return fallback;
}

async function initCluster(binDir: string, as: RunAs, dir: string): Promise<void> {
	if (existsSync(path.join(dir, 'PG_VERSION'))) return;
	progress(`Creating a Postgres cluster in ${dir}`);
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	as.own(dir);
	const [command, args] = as.wrap(path.join(binDir, 'initdb'), [
		'-D',
		dir,
		'-U',
		SUPERUSER,
		'--auth=trust',
		'--encoding=UTF8',
		'--no-instructions',
	]);
	await runOrThrow(command, args, { cwd: '/' });
}

async function createDatabase(binDir: string, port: number): Promise<void> {
	const connection = ['-h', '127.0.0.1', '-p', String(port), '-U', SUPERUSER];
	const exists = await runOrThrow(path.join(binDir, 'psql'), [
		...connection,
		'-d',
		'postgres',
		'-tAc',
		`SELECT 1 FROM pg_database WHERE datname = '${N8N_DATABASE}'`,
	]);
	if (exists.stdout.trim() !== '1')
		await runOrThrow(path.join(binDir, 'createdb'), [...connection, N8N_DATABASE]);
}

/** Starts Postgres on 127.0.0.1:`port` with its cluster in `dataDir` (created on first use) and a database `n8n`. */
export async function startPostgres(options: {
	port: number;
	dataDir: string;
	logFile: string;
}): Promise<RunningPostgres> {
	const binDir = findPostgresBinDir();
	if (!binDir) throw new Error(missingQueueToolsMessage());
	const as = runAs();
	const dir = await clusterDir(as, options.dataDir);
	await initCluster(binDir, as, dir);
	progress(`Starting Postgres on 127.0.0.1:${options.port} (log: ${options.logFile})`);
	const serverArgs = [
		'-D',
		dir,
		'-p',
		String(options.port),
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		'unix_socket_directories=',
		'-c',
		'max_connections=200',
	];
	const [command, args] = as.wrap(path.join(binDir, 'postgres'), serverArgs);
	const service = await startService({
		name: 'postgres',
		command,
		args,
		cwd: '/',
		logFile: options.logFile,
		isReady: (output) => output.includes('database system is ready to accept connections'),
		readyTimeoutMs: 60_000,
		stopLast: true,
	});
	try {
		await createDatabase(binDir, options.port);
	} catch (error) {
		await service.stop();
		throw error;
	}
	return {
		...service,
		port: options.port,
		clusterDir: dir,
		database: N8N_DATABASE,
		user: SUPERUSER,
	};
}
