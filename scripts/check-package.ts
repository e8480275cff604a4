/**
 * `npm run check:package`: packs the package exactly as `npm pack` and `npm publish` do (its
 * `prepack` builds a clean dist/), unpacks the tarball into .cache/pack/package, and checks what
 * users would install: only built code and assets under dist/, a package.json n8n can install
 * (no dependencies, no devEngines, n8n entries present), and what n8n's own loader (n8n-core's
 * PackageDirectoryLoader) finds in it: every node and credential, each node's codex, every icon.
 *
 * Prints one line per check and `package: N passed, N failed` last; exits 1 if a check fails.
 * The tarball stays in .cache/pack/ (the publish workflow publishes that very file).
 */
import 'reflect-metadata';

import { spawnSync } from 'child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'fs';
import { PackageDirectoryLoader } from 'n8n-core';
import path from 'path';

const REPO_ROOT = path.resolve(__dirname, '..');
/** Inside the repository, so the built node resolves its peer n8n-workflow as it does in n8n. */
const PACK_DIR = path.join(REPO_ROOT, '.cache', 'pack');

const METADATA_FILES = ['package.json', 'README.md', 'README.es.md', 'LICENSE'];
const BUILT_FILE = /^dist\/.+\.(js|json|svg|png)$/;
const SOURCE_FOLDERS = ['test', 'scripts', 'bench', 'examples'];
const SOURCE_OR_DEBUG_FILE = /\.(ts|map)$/; // .d.ts included: nobody imports this package's types
const MAX_PROBLEMS_SHOWN = 20;

export interface PackedPackage {
	tarball: string;
	/** The unpacked tarball, as n8n's installer lays it out in node_modules/<name>. */
	directory: string;
	/** Every file in the tarball, relative to its root, with forward slashes. */
	files: string[];
}

interface PackageJson {
	name: string;
	dependencies?: Record<string, string>;
	bundleDependencies?: string[];
	devEngines?: unknown;
	n8n?: { nodes?: string[]; credentials?: string[] };
}

interface Check {
	name: string;
	problems: string[];
}

/** Runs `npm pack` (build logs go to stderr) and unpacks the tarball into PACK_DIR/package. */
export function packPackage(): PackedPackage {
	rmSync(PACK_DIR, { recursive: true, force: true });
	const directory = path.join(PACK_DIR, 'package');
	mkdirSync(directory, { recursive: true });

	const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', PACK_DIR], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	if (pack.status !== 0) {
		throw new Error(`npm pack failed (exit ${pack.status}); its output is above`);
	}
	const [{ filename }] = JSON.parse(pack.stdout) as Array<{ filename: string }>;
	const tarball = path.join(PACK_DIR, path.basename(filename));

	const untar = spawnSync('tar', ['-xzf', tarball, '-C', directory, '--strip-components=1'], {
		encoding: 'utf8',
	});
	if (untar.status !== 0) throw new Error(`Could not unpack ${tarball}: ${untar.stderr}`);

	const files = readdirSync(directory, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)))
		.map((file) => file.split(path.sep).join('/'))
		.sort();
	return { tarball, directory, files };
}

function checkFileList(files: string[]): Check[] {
	return [
		{
			name: `only ${METADATA_FILES.join(', ')} and built .js/.json/.svg/.png files under dist/`,
			problems: files.filter((file) => !METADATA_FILES.includes(file) && !BUILT_FILE.test(file)),
		},
		{
			name: `nothing from ${SOURCE_FOLDERS.map((folder) => `${folder}/`).join(', ')}`,
			problems: files.filter((file) =>
				file.split('/').some((part) => SOURCE_FOLDERS.includes(part)),
			),
		},
		{
			name: 'no TypeScript sources, declarations or source maps',
			problems: files.filter((file) => SOURCE_OR_DEBUG_FILE.test(file)),
		},
	];
}

function checkPackageJson(packageJson: PackageJson, files: string[]): Check[] {
	const entries = [...(packageJson.n8n?.nodes ?? []), ...(packageJson.n8n?.credentials ?? [])];
	return [
		{
			name: 'no runtime dependencies',
			problems: [
				...Object.keys(packageJson.dependencies ?? {}),
				...(packageJson.bundleDependencies ?? []),
			],
		},
		{
			// n8n 2.x installs a community package by running `npm install` inside its folder, where
			// npm enforces devEngines: a user's npm that does not match would fail the install.
			name: 'no devEngines (n8n runs npm install inside the package folder)',
			problems: packageJson.devEngines ? [JSON.stringify(packageJson.devEngines)] : [],
		},
		{
			name: "package.json's n8n.nodes and n8n.credentials point at files in the tarball",
			problems: [
				...(packageJson.n8n?.nodes?.length ? [] : ['n8n.nodes is empty']),
				...(packageJson.n8n?.credentials?.length ? [] : ['n8n.credentials is empty']),
				...entries.filter((entry) => !files.includes(entry)).map((entry) => `${entry} is missing`),
			],
		},
	];
}

const LOADER_CHECKS = [
	"n8n's loader (n8n-core PackageDirectoryLoader) loads every node and credential",
	'every node has its codex (<Node>.node.json beside <Node>.node.js)',
	'every icon of every node and credential is in the tarball',
	'every credential a node uses is shipped',
];

/** What n8n itself sees when it loads the installed package. */
async function checkWithN8nLoader(packed: PackedPackage, packageName: string): Promise<Check[]> {
	const loader = new PackageDirectoryLoader(packed.directory);
	try {
		await loader.loadAll();
	} catch (error) {
		return LOADER_CHECKS.map((name, index) => ({
			name,
			problems: [
				index === 0
					? `n8n could not load the package: ${(error as Error).message}`
					: 'not checked: n8n could not load the package',
			],
		}));
	}
	const { nodes, credentials } = loader.types;
	const iconPrefix = `icons/${packageName}/`;
	const iconProblems = (kind: string, name: string, iconUrl: unknown): string[] => {
		if (!iconUrl) return [`${kind} ${name} has no icon file`];
		const urls = typeof iconUrl === 'string' ? [iconUrl] : Object.values(iconUrl as object);
		return (urls as string[])
			.map((url) => url.replace(iconPrefix, ''))
			.filter((file) => !packed.files.includes(file))
			.map((file) => `${kind} ${name}: icon ${file} is not in the tarball`);
	};
	const credentialNames = credentials.map((credential) => credential.name);

	return [
		{
			name: LOADER_CHECKS[0],
			problems: [
				...(nodes.length ? [] : ['no node loaded']),
				...(credentials.length ? [] : ['no credential loaded']),
			],
		},
		{
			name: LOADER_CHECKS[1],
			problems: nodes
				.filter((node) => !node.codex?.categories?.length)
				.map((node) => `${node.name}: no codex with categories`),
		},
		{
			name: LOADER_CHECKS[2],
			problems: [
				...nodes.flatMap((node) => iconProblems('node', node.name, node.iconUrl)),
				...credentials.flatMap((credential) =>
					iconProblems('credential', credential.name, credential.iconUrl),
				),
			],
		},
		{
			name: LOADER_CHECKS[3],
			problems: nodes.flatMap((node) =>
				(node.credentials ?? [])
					.filter((credential) => !credentialNames.includes(credential.name))
					.map((credential) => `${node.name} uses ${credential.name}, which is not shipped`),
			),
		},
	];
}

export function report(label: string, checks: Check[]): boolean {
	for (const { name, problems } of checks) {
		console.log(`${problems.length ? '✘' : '✔'} ${name}`);
		for (const problem of problems.slice(0, MAX_PROBLEMS_SHOWN)) console.log(`    ${problem}`);
		if (problems.length > MAX_PROBLEMS_SHOWN) {
			console.log(`    … and ${problems.length - MAX_PROBLEMS_SHOWN} more`);
		}
	}
	const failed = checks.filter((check) => check.problems.length > 0).length;
	console.log(`${label}: ${checks.length - failed} passed, ${failed} failed`);
	return failed === 0;
}

async function main(): Promise<void> {
	const packed = packPackage();
	const packageJsonFile = path.join(packed.directory, 'package.json');
	const packageJson = JSON.parse(readFileSync(packageJsonFile, 'utf8')) as PackageJson;

	console.log(`\n${path.relative(REPO_ROOT, packed.tarball)}: ${packed.files.length} files`);
	for (const file of packed.files) console.log(`  ${file}`);
	const checks = [
		...checkFileList(packed.files),
		...checkPackageJson(packageJson, packed.files),
		...(await checkWithN8nLoader(packed, packageJson.name)),
	];
	if (!report('package', checks)) process.exitCode = 1;
}

if (require.main === module) {
	main().catch((error: Error) => {
		console.error(`\nnpm run check:package failed: ${error.message}`);
		console.log('package: 0 passed, 1 failed');
		process.exitCode = 1;
	});
}
