/**
 * Child processes: every one we start is tracked, so that a signal or an exit stops them all.
 *
 * Long-running services (n8n, workers, Postgres, Redis) lead process groups of their own: the terminal's
 * Ctrl-C never reaches them directly, and we stop them in order (n8n before its database) and with
 * whatever they spawned (n8n's task runner). Short commands share our group.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'child_process';
import { existsSync, mkdirSync, renameSync, writeFileSync, createWriteStream } from 'fs';
import path from 'path';

import { LOG_DIR, REPO_ROOT, shortPath } from './paths';
import { progress, tail } from './progress';

export interface CommandResult {
	exitCode: number | null;
	/** The signal that ended the command, when one did (exitCode is then null). */
	signal?: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

export interface CommandOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
}

type ChildScope = 'group' | 'process';

/**
 * Children still running. The map hangs on the core `spawn` function because jest gives each test file
 * its own copy of this module and of `process` (whose 'exit' never fires), while core modules are
 * shared: so the global setup's handlers also see the `n8n execute` processes that tests spawn.
 */
const registryHost = spawn as unknown as Record<symbol, Map<ChildProcess, ChildScope> | undefined>;
const REGISTRY_KEY = Symbol.for('n8n-nodes-wolkvox.runningChildren');
const runningChildren = (registryHost[REGISTRY_KEY] ??= new Map<ChildProcess, ChildScope>());
process.on('exit', () =>
	runningChildren.forEach((scope, child) => sendSignal(child, scope, 'SIGKILL')),
);

function track<T extends ChildProcess>(child: T, scope: ChildScope): T {
	runningChildren.set(child, scope);
	child.once('exit', () => runningChildren.delete(child));
	return child;
}

/** `spawn`, tracked; `detached` children lead their own process group and are signalled as a group. */
export function spawnTracked(command: string, args: string[], options: SpawnOptions): ChildProcess {
	return track(spawn(command, args, options), options.detached ? 'group' : 'process');
}

function sendSignal(child: ChildProcess, scope: ChildScope, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(scope === 'group' ? -child.pid : child.pid, signal);
	} catch {
		// already gone
	}
}

/** SIGTERM, then SIGKILL after `graceMs`; for a group, SIGKILL whatever is left once its leader exited. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
	const scope = runningChildren.get(child) ?? 'process';
	if (child.exitCode === null && child.signalCode === null) {
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		sendSignal(child, scope, 'SIGTERM');
		const timer = setTimeout(() => sendSignal(child, scope, 'SIGKILL'), graceMs);
		await exited;
		clearTimeout(timer);
	}
	if (scope === 'group') sendSignal(child, scope, 'SIGKILL');
}

/** Services that others depend on (databases, queues): stopped after everything else. */
const stoppedLast = new WeakSet<ChildProcess>();

/**
 * Stops every process this one started that still runs (n8n, workers, n8n CLI commands, npm), e.g. on
 * Ctrl-C; then the services started with `stopLast` (Postgres, Redis), so that n8n never loses them first.
 */
export async function stopChildProcesses(): Promise<void> {
	const children = [...runningChildren.keys()];
	await Promise.all(
		children.filter((child) => !stoppedLast.has(child)).map((child) => stopChild(child)),
	);
	await Promise.all(
		children.filter((child) => stoppedLast.has(child)).map((child) => stopChild(child)),
	);
}

export const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let signalPromise: Promise<NodeJS.Signals> | undefined;

/**
 * Resolves on the first SIGINT, SIGTERM or SIGHUP. The handlers stay installed: a second signal (tsx
 * re-sends one to its child when unsure it arrived, a user presses Ctrl-C twice) must not kill this
 * process before it stopped its children.
 */
export function signalReceived(): Promise<NodeJS.Signals> {
	signalPromise ??= new Promise((resolve) => {
		for (const signal of STOP_SIGNALS) process.on(signal, () => resolve(signal));
	});
	return signalPromise;
}

export function isProcessAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Resolves when this process's parent exits (we are re-parented): `npm start` dies of a SIGHUP it does
 * not handle, and of a SIGTERM after passing it to a shell that dies of it, leaving its script running.
 */
export function parentExited(pollMs = 500): Promise<void> {
	const parent = process.ppid;
	return new Promise((resolve) => {
		const timer = setInterval(() => {
			if (process.ppid !== parent) {
				clearInterval(timer);
				resolve();
			}
		}, pollMs);
		timer.unref();
	});
}

/** Runs a command to completion and captures its output; never throws on a non-zero exit. */
export function runCaptured(
	command: string,
	args: string[],
	options: CommandOptions = {},
): Promise<CommandResult> {
	return new Promise((resolve, reject) => {
		const child = spawnTracked(command, args, {
			cwd: options.cwd ?? REPO_ROOT,
			env: options.env ?? process.env,
		});
		let stdout = '';
		let stderr = '';
		child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('close', (exitCode, signal) => resolve({ exitCode, signal, stdout, stderr }));
	});
}

/** Like runCaptured, but throws with the output's last lines on a non-zero exit. */
export async function runOrThrow(
	command: string,
	args: string[],
	options: CommandOptions = {},
): Promise<CommandResult> {
	const result = await runCaptured(command, args, options);
	if (result.exitCode !== 0) {
		throw new Error(
			`${path.basename(command)} ${args.join(' ')} failed (exit code ${result.exitCode}):\n${tail(result.stdout + result.stderr, 30)}`,
		);
	}
	return result;
}

/**
 * Runs a long command with its output in `.cache/logs/<name>.log`, printing a heartbeat line every
 * 30 s. Throws with the log's last lines when it fails.
 */
export async function runLogged(
	label: string,
	command: string,
	args: string[],
	options: CommandOptions = {},
): Promise<void> {
	mkdirSync(LOG_DIR, { recursive: true });
	const logFile = path.join(
		LOG_DIR,
		`${label
			.replace(/[^a-z0-9.]+/gi, '-')
			.replace(/^-|-$/g, '')
			.toLowerCase()}.log`,
	);
	progress(`${label}: ${command} ${args.join(' ')} (log: ${shortPath(logFile)})`);
	const heartbeat = setInterval(() => progress(`${label}: still running…`), 30_000);
	try {
		const result = await runCaptured(command, args, options);
		writeFileSync(logFile, `$ ${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`);
		if (result.exitCode !== 0) {
			throw new Error(
				`${label} failed (exit code ${result.exitCode}). Last lines of ${logFile}:\n` +
					tail(`${result.stdout}\n${result.stderr}`, 30),
			);
		}
		progress(`${label}: done`);
	} finally {
		clearInterval(heartbeat);
	}
}

export interface Service {
	name: string;
	process: ChildProcess;
	logFile: string;
	/** Everything the service printed so far (the last 200 kB). */
	output(): string;
	/** Stops the service's whole process group; resolves once it exited. */
	stop(): Promise<void>;
}

export interface ServiceOptions extends CommandOptions {
	name: string;
	command: string;
	args: string[];
	/** Rotated at start: the previous run's log is kept as `<logFile>.1`. */
	logFile: string;
	/** True once the output shows the service is ready. */
	isReady(output: string): boolean;
	readyTimeoutMs?: number;
	/** Stopped by stopChildProcesses() only after all other children (databases, queues). */
	stopLast?: boolean;
}

type ServiceSpawnListener = (name: string, child: ChildProcess, command: string) => void;
const serviceSpawnListeners: ServiceSpawnListener[] = [];

/** Calls `listener` each time a service process is spawned (before it is ready). */
export function onServiceSpawn(listener: ServiceSpawnListener): void {
	serviceSpawnListeners.push(listener);
}

function rotate(logFile: string): void {
	mkdirSync(path.dirname(logFile), { recursive: true });
	if (existsSync(logFile)) renameSync(logFile, `${logFile}.1`);
}

/** Starts a long-running process in its own process group and resolves once its output says it is ready. */
export async function startService(options: ServiceOptions): Promise<Service> {
	rotate(options.logFile);
	const log = createWriteStream(options.logFile);
	const child = spawnTracked(options.command, options.args, {
		env: options.env,
		cwd: options.cwd,
		detached: true,
	});
	if (options.stopLast) stoppedLast.add(child);
	for (const listener of serviceSpawnListeners) listener(options.name, child, options.command);
	let output = '';
	const onOutput = (chunk: Buffer) => {
		output = (output + chunk.toString()).slice(-200_000);
		log.write(chunk);
	};
	child.stdout?.on('data', onOutput);
	child.stderr?.on('data', onOutput);
	const service: Service = {
		name: options.name,
		process: child,
		logFile: options.logFile,
		output: () => output,
		stop: async () => {
			await stopChild(child);
			await new Promise<void>((resolve) => log.end(resolve));
		},
	};
	try {
		await waitForReady(service, options);
	} catch (error) {
		await service.stop();
		throw error;
	}
	return service;
}

function waitForReady(service: Service, options: ServiceOptions): Promise<void> {
	const timeoutMs = options.readyTimeoutMs ?? 120_000;
	return new Promise((resolve, reject) => {
		const poll = setInterval(() => {
			if (options.isReady(service.output())) finish();
		}, 200);
		const timer = setTimeout(
			() => finish(new Error(`${service.name} was not ready after ${timeoutMs / 1000} s`)),
			timeoutMs,
		);
		const onExit = (code: number | null) =>
			finish(new Error(`${service.name} exited during startup (exit code ${code})`));
		const onError = (error: Error) =>
			finish(new Error(`${service.name} could not start: ${error.message}`));
		service.process.once('exit', onExit);
		service.process.once('error', onError);
		function finish(error?: Error): void {
			clearInterval(poll);
			clearTimeout(timer);
			service.process.off('exit', onExit);
			service.process.off('error', onError);
			if (error)
				reject(
					new Error(
						`${error.message}. Last lines of ${service.logFile}:\n${tail(service.output(), 30)}`,
					),
				);
			else resolve();
		}
	});
}
