/**
 * The package as a user gets it: `npm run build`, `npm pack`, then the tarball installed into a user
 * folder the way n8n's Community Nodes screen does.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';

import { runCaptured, runLogged } from './children';
import { PACKAGE_NAME, REPO_ROOT } from './paths';
import { progress, tail } from './progress';

const PEER_PACKAGES = ['n8n-workflow', 'n8n-core', 'n8n'];

interface PackageJson {
	name: string;
	version: string;
	dependencies?: Record<string, string>;
	devDependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
}

function readJson<T>(file: string): T {
	return JSON.parse(readFileSync(file, 'utf8')) as T;
}

async function buildPackage(): Promise<void> {
	try {
		await runLogged('build the package', 'npm', ['run', 'build']);
	} catch (error) {
		throw new Error(
			`The package does not build, so it cannot be loaded into n8n.\n${(error as Error).message}`,
		);
	}
	for (const file of [
		'dist/nodes/Wolkvox/Wolkvox.node.js',
		'dist/credentials/WolkvoxApi.credentials.js',
	]) {
		if (!existsSync(path.join(REPO_ROOT, file)))
			throw new Error(`npm run build succeeded but ${file} is missing`);
	}
}

async function packPackage(destination: string): Promise<string> {
	// --ignore-scripts: `prepack` would build a second time what buildPackage() just built
	const result = await runCaptured('npm', [
		'pack',
		'--ignore-scripts',
		'--json',
		'--pack-destination',
		destination,
	]);
	if (result.exitCode !== 0) throw new Error(`npm pack failed:\n${tail(result.stderr, 20)}`);
	const [{ filename }] = JSON.parse(result.stdout) as Array<{ filename: string }>;
	return path.join(destination, path.basename(filename));
}

/** Drops the dependency kinds n8n drops before its `npm install` (peer n8n-workflow comes from n8n itself). */
function stripNonRuntimeDependencies(packageJsonFile: string): PackageJson {
	const packageJson = readJson<PackageJson>(packageJsonFile);
	for (const kind of ['devDependencies', 'peerDependencies', 'optionalDependencies'] as const)
		delete packageJson[kind];
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
	const moduleDirs = [
		path.join(nodesDir, 'node_modules'),
		path.join(nodesDir, 'node_modules', PACKAGE_NAME, 'node_modules'),
	];
	for (const moduleDir of moduleDirs) {
		for (const peer of PEER_PACKAGES) {
			if (existsSync(path.join(moduleDir, peer))) {
				throw new Error(
					`${path.join(moduleDir, peer)} exists: ${peer} must come from n8n itself, not from the package install`,
				);
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
	const untar = await runCaptured('tar', [
		'-xzf',
		tarball,
		'-C',
		packageDir,
		'--strip-components=1',
	]);
	if (untar.exitCode !== 0) throw new Error(`Could not unpack ${tarball}: ${untar.stderr}`);
	const { name, version } = stripNonRuntimeDependencies(path.join(packageDir, 'package.json'));
	const npmArgs = [
		'install',
		'--audit=false',
		'--fund=false',
		'--bin-links=false',
		'--install-strategy=shallow',
		'--ignore-scripts=true',
		'--package-lock=false',
	];
	await runLogged('install the community package', 'npm', npmArgs, { cwd: packageDir });
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
		progress(
			`Packed ${path.basename(tarball)}; installing into ${path.join(userFolder, '.n8n', 'nodes')}`,
		);
		return await installTarball(tarball, userFolder);
	} finally {
		rmSync(packDir, { recursive: true, force: true });
	}
}
