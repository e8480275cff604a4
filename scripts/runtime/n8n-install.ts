/**
 * n8n installs, one folder per version under the cache (`.cache/n8n-<version>`), each with
 * `npm i --ignore-scripts n8n@<version>` then `npm rebuild sqlite3` with Node ≥ 24 first on PATH and
 * npm_config_nodedir at its headers (the machine's npmrc may point node-gyp at another Node's). A marker
 * file, written only after a verified install, makes later calls return at once. A working install
 * without our marker (another checkout's, through WOLKVOX_INSTALL_DIR) is used as it is: nothing is
 * installed or written into it.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import path from 'path';

import { isProcessAlive, runCaptured, runLogged } from './children';
import { ensureNode, nodeEnv, type NodeRuntime } from './node';
import { INSTALL_DIR, shortPath } from './paths';
import { progress } from './progress';

/**
 * The n8n of start, bench and e2e without WOLKVOX_N8N_VERSION. The newest, 2.41.3, needs packages our
 * registry does not serve (@n8n/agents 0.26.2, @n8n/ai-node-sdk 0.31.2: 404, seen 2026-12-03): move
 * to it once it installs.
 */
export const DEFAULT_N8N_VERSION = '2.41.1';

export interface N8nInstall {
	version: string;
	dir: string;
	/** The `n8n` command (a JS file run by the `node` first on PATH). */
	bin: string;
	node: NodeRuntime;
}

export interface N8nInstallOptions {
	/** npm `overrides` for the install, e.g. `{ xlsx: '0.18.5' }` where a dependency's tarball is unreachable. */
	overrides?: Record<string, string>;
}

/** 1.x and 2.x differ in a few commands, settings and install needs. */
export function n8nMajor(version: string): number {
	return Number(version.split('.')[0]);
}

/**
 * 1.x's spreadsheet nodes depend on an `xlsx` tarball from cdn.sheetjs.com, which many networks cannot
 * reach (this one included); the registry's xlsx 0.18.5 stands in for it.
 */
function installOptionsFor(version: string): N8nInstallOptions {
	return n8nMajor(version) < 2 ? { overrides: { xlsx: '0.18.5' } } : {};
}

export function n8nInstallDir(version: string): string {
	return path.join(INSTALL_DIR, `n8n-${version}`);
}

/** Installs n8n `version` into .cache/n8n-<version> unless already there; returns the install. */
export async function ensureN8n(
	version: string = DEFAULT_N8N_VERSION,
	options: N8nInstallOptions = installOptionsFor(version),
): Promise<N8nInstall> {
	const node = await ensureNode();
	const dir = n8nInstallDir(version);
	const install: N8nInstall = {
		version,
		dir,
		bin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		node,
	};
	const marker = path.join(dir, `.installed-n8n-${version}`);
	if (existsSync(marker) && existsSync(install.bin)) return install;
	assertNoInstallRunning(dir);
	// An install made elsewhere (another checkout's cache, WOLKVOX_INSTALL_DIR shared between clones)
	// may carry no marker of ours: when it works, it is used as it is, never installed over.
	if (await isUsable(install)) {
		progress(`Using n8n ${version} in ${shortPath(dir)} as it is`);
		return install;
	}
	progress(
		`n8n ${version} not (completely) installed in ${shortPath(dir)}: installing (a few minutes the first time)…`,
	);
	await withInstallLock(dir, async () => {
		if (existsSync(marker) && existsSync(install.bin)) return; // finished while we waited
		await installN8n(install, options);
		writeFileSync(marker, `${new Date().toISOString()}\n`);
	});
	progress(`n8n ${version} ready`);
	return install;
}

/** The right n8n version, its command, and its sqlite3 loading under Node ≥ 24: read only, nothing written. */
async function isUsable(install: N8nInstall): Promise<boolean> {
	if (installedVersion(install.dir) !== install.version || !existsSync(install.bin)) return false;
	return await sqliteLoads(install.dir, nodeEnv(install.node));
}

async function installN8n(install: N8nInstall, options: N8nInstallOptions): Promise<void> {
	const env = {
		...nodeEnv(install.node),
		...(install.node.headersDir ? { npm_config_nodedir: install.node.headersDir } : {}),
	};
	const packageJson = {
		name: `n8n-${install.version}-runtime`,
		private: true,
		...(options.overrides ? { overrides: options.overrides } : {}),
	};
	writeFileSync(
		path.join(install.dir, 'package.json'),
		JSON.stringify(packageJson, null, 2) + '\n',
	);
	const label = `install n8n ${install.version}`;
	const npmArgs = [
		'install',
		'--ignore-scripts',
		'--save-exact',
		'--no-audit',
		'--no-fund',
		`n8n@${install.version}`,
	];
	await withRetriesOnStaleRegistry(() =>
		runLogged(label, 'npm', npmArgs, { cwd: install.dir, env }),
	);
	if (!(await sqliteLoads(install.dir, env))) {
		// Explicit: `npm run` passes the repo's ignore-scripts=true (.npmrc) on to nested npm commands.
		await runLogged(
			`rebuild sqlite3 for n8n ${install.version}`,
			'npm',
			['rebuild', 'sqlite3', '--ignore-scripts=false'],
			{ cwd: install.dir, env },
		);
	}
	const found = installedVersion(install.dir);
	if (found !== install.version)
		throw new Error(
			`Expected n8n ${install.version} in ${install.dir}, found ${found ?? 'nothing'}`,
		);
	if (!(await sqliteLoads(install.dir, env)))
		throw new Error(
			`sqlite3 still does not load under Node ${install.node.version} after \`npm rebuild sqlite3\``,
		);
}

/**
 * n8n pins few of its dependencies, so an install resolves versions published minutes ago; the registry
 * sometimes answers a range with a list that lacks them yet (npm's ETARGET "No matching version found",
 * seen for @aws-sdk/client-s3 and @posthog/types on the day each was published). A later try finds them.
 */
async function withRetriesOnStaleRegistry(install: () => Promise<void>, tries = 4): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await install();
		} catch (error) {
			const stale = /ETARGET|No matching version found/.test(String(error));
			if (!stale || attempt >= tries) throw error;
			progress(
				`npm found no matching version (registry not up to date yet): try ${attempt + 1} of ${tries} in 20 s`,
			);
			await new Promise((resolve) => setTimeout(resolve, 20_000));
		}
	}
}

function installedVersion(dir: string): string | undefined {
	const packageJson = path.join(dir, 'node_modules', 'n8n', 'package.json');
	return existsSync(packageJson)
		? (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version
		: undefined;
}

async function sqliteLoads(dir: string, env: NodeJS.ProcessEnv): Promise<boolean> {
	const { exitCode } = await runCaptured('node', ['-e', "require('sqlite3')"], { cwd: dir, env });
	return exitCode === 0;
}

const lockDirOf = (dir: string) => path.join(dir, '.install-lock');

/**
 * Fails while another process installs into `dir` (a half-done install must not be taken for a usable
 * one, nor installed over). A lock younger than a minute whose pid is not written yet counts as held.
 */
function assertNoInstallRunning(dir: string): void {
	const lockDir = lockDirOf(dir);
	if (!existsSync(lockDir)) return;
	const pidFile = path.join(lockDir, 'pid');
	const holder = Number(existsSync(pidFile) ? readFileSync(pidFile, 'utf8') : NaN);
	const justTaken = !existsSync(pidFile) && Date.now() - statSync(lockDir).mtimeMs < 60_000;
	if (justTaken || (Number.isInteger(holder) && isProcessAlive(holder))) {
		throw new Error(
			`Another n8n install into ${dir} is running (pid ${Number.isInteger(holder) ? holder : 'not written yet'}); wait for it to finish.`,
		);
	}
}

/** Guards against two installs into one folder at once (e.g. `npm start` and `npm run test:e2e`). */
async function withInstallLock<T>(dir: string, action: () => Promise<T>): Promise<T> {
	const lockDir = lockDirOf(dir);
	const pidFile = path.join(lockDir, 'pid');
	mkdirSync(dir, { recursive: true });
	if (!tryCreateDir(lockDir)) {
		assertNoInstallRunning(dir);
		progress('Removing a stale n8n install lock');
		rmSync(lockDir, { recursive: true, force: true });
		mkdirSync(lockDir);
	}
	writeFileSync(pidFile, String(process.pid));
	try {
		return await action();
	} finally {
		rmSync(lockDir, { recursive: true, force: true });
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
