/**
 * The environment of our n8n processes and the n8n CLI commands we run before and beside them:
 * import credentials and workflows, publish (activate) webhook workflows, execute a workflow.
 */
import { createHash } from 'crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';

import { runCaptured, type CommandResult } from './children';
import { n8nMajor, type N8nInstall } from './n8n-install';
import { nodeEnv } from './node';
import { shortPath } from './paths';
import { progress, tail } from './progress';

export interface N8nSettings {
	userFolder: string;
	port: number;
	brokerPort: number;
	listenAddress?: string;
	/** Added last; a value of `undefined` removes the variable. */
	env?: NodeJS.ProcessEnv;
}

/** An n8n install with the environment its commands run in. */
export interface N8nCli {
	install: N8nInstall;
	env: NodeJS.ProcessEnv;
}

/** The environment every n8n process of ours runs with. */
export function n8nEnv(install: N8nInstall, settings: N8nSettings): NodeJS.ProcessEnv {
	return nodeEnv(install.node, {
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
		// 2.x's MCP registry module polls api.n8n.io at startup (nothing else does with the flags above);
		// 1.x has no such module and refuses to start when told to disable an unknown one
		...(n8nMajor(install.version) >= 2 ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {}),
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		...settings.env,
	});
}

export function n8nCli(install: N8nInstall, settings: N8nSettings): N8nCli {
	return { install, env: n8nEnv(install, settings) };
}

/** Runs `n8n <args>`; never throws on a non-zero exit. */
export async function runN8nCli(cli: N8nCli, args: string[]): Promise<CommandResult> {
	return await runCaptured(cli.install.bin, args, { env: cli.env, cwd: cli.env.N8N_USER_FOLDER });
}

async function runN8nCliOrThrow(cli: N8nCli, args: string[]): Promise<CommandResult> {
	const result = await runN8nCli(cli, args);
	if (result.exitCode !== 0) {
		throw new Error(
			`n8n ${args.join(' ')} failed (exit code ${result.exitCode}):\n${tail(result.stdout + result.stderr, 30)}`,
		);
	}
	return result;
}

function readJson<T>(file: string): T {
	return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** `n8n import:credentials`: 2.41 encrypts a plain `data` object itself, so files hold decrypted data. */
export async function importCredentials(cli: N8nCli, file: string): Promise<void> {
	progress(`Importing credentials from ${shortPath(file)}`);
	await runN8nCliOrThrow(cli, ['import:credentials', `--input=${file}`]);
}

/**
 * `n8n import:workflow` of several files in one CLI start (each start costs ~2 s): they are merged
 * into one array file. Upserts by id; 2.41 leaves every imported workflow unpublished.
 */
export async function importWorkflows(cli: N8nCli, files: string[]): Promise<void> {
	progress(`Importing workflows ${files.map(shortPath).join(', ')}`);
	const workflows = files.flatMap((file) => readJson<object | object[]>(file));
	const tempDir = mkdtempSync(path.join(os.tmpdir(), 'wolkvox-workflows-'));
	const merged = path.join(tempDir, 'workflows.json');
	try {
		writeFileSync(merged, JSON.stringify(workflows));
		await runN8nCliOrThrow(cli, ['import:workflow', `--input=${merged}`]);
	} finally {
		rmSync(tempDir, { recursive: true, force: true });
	}
}

/** Activates a workflow (webhooks) from the next `n8n start` on: `publish:workflow` (2.x), `update:workflow --active=true` (1.x). */
export async function publishWorkflow(cli: N8nCli, id: string): Promise<void> {
	progress(`Publishing workflow ${id}`);
	await runN8nCliOrThrow(
		cli,
		n8nMajor(cli.install.version) >= 2
			? ['publish:workflow', `--id=${id}`]
			: ['update:workflow', `--id=${id}`, '--active=true'],
	);
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
			runData: Record<
				string,
				Array<{
					executionStatus?: string;
					data?: { main: Array<Array<{ json: Record<string, unknown> }>> };
					error?: unknown;
				}>
			>;
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

/**
 * `n8n execute --id … --rawOutput`. n8n 1.123.81's `execute` sometimes dies by SIGSEGV while
 * shutting down, after it printed the whole finished run (seen in about 1 run in 6, never in 2.x):
 * the run it printed is the result, and the exit code is the one that run would have given.
 */
export async function executeWorkflow(cli: N8nCli, id: string): Promise<ExecuteResult> {
	const result = await runN8nCli(cli, ['execute', `--id=${id}`, '--rawOutput']);
	const run = parseExecuteOutput(result.stdout);
	if (!result.signal) return { ...result, run };
	progress(
		`n8n execute --id=${id} was ended by ${result.signal}${run ? ` after printing its finished run (${run.status})` : ''}`,
	);
	return run ? { ...result, run, exitCode: run.status === 'success' ? 0 : 1 } : { ...result, run };
}

/** The output items (json only) of `nodeName`'s last run. */
export function nodeOutput(run: ExecutionRun, nodeName: string): Array<Record<string, unknown>> {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs?.length)
		throw new Error(
			`Node "${nodeName}" did not run; ran: ${Object.keys(run.data.resultData.runData).join(', ')}`,
		);
	return (runs[runs.length - 1].data?.main[0] ?? []).map((item) => item.json);
}

export interface SeedFiles {
	credentialsFile: string;
	workflowFiles: string[];
	/** Workflows to publish (webhook workflows) after import. */
	publishIds: string[];
}

function seedFingerprint(seed: SeedFiles): string {
	const hash = createHash('sha256');
	for (const file of [seed.credentialsFile, ...seed.workflowFiles])
		hash.update(file).update(readFileSync(file));
	return hash.update(seed.publishIds.join(',')).digest('hex');
}

/** Imports credentials and workflows (upserting by id) and publishes webhook workflows. */
export async function importSeed(cli: N8nCli, seed: SeedFiles): Promise<void> {
	await importCredentials(cli, seed.credentialsFile);
	await importWorkflows(cli, seed.workflowFiles);
	for (const id of seed.publishIds) await publishWorkflow(cli, id);
}

/**
 * importSeed, unless the same files were already imported into the user folder's SQLite database (a
 * marker in the user folder remembers them; for another database, call importSeed).
 */
export async function seedN8n(cli: N8nCli, seed: SeedFiles): Promise<void> {
	const markerFile = path.join(cli.env.N8N_USER_FOLDER ?? '', '.n8n', 'wolkvox-seed.sha256');
	const fingerprint = seedFingerprint(seed);
	if (existsSync(markerFile) && readFileSync(markerFile, 'utf8') === fingerprint) {
		progress('Credentials and example workflows already imported (unchanged): skipping import');
		return;
	}
	await importSeed(cli, seed);
	writeFileSync(markerFile, fingerprint);
}
