/**
 * WOLKVOX_INSTALL_DIR may point at n8n installs another checkout made and uses: a working install found
 * there is used as it is. Nothing is installed into it and no file of it changes, even when it carries
 * no marker of ours. The installs are stand-ins (a Node 24 that is the test's own Node answering as
 * 24, an n8n folder with its command and a loadable sqlite3), and `npm` on PATH records any call.
 */
import {
	chmodSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const VERSION = '2.41.1';
let root: string;
let installDir: string;
let npmCalls: string;
const saved = { ...process.env };

function write(file: string, text: string, mode = 0o644): void {
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, text);
	chmodSync(file, mode);
}

/** Every file under `dir` with its size and modification time. */
function snapshot(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => {
			const file = path.join(entry.parentPath, entry.name);
			const { size, mtimeMs } = statSync(file);
			return `${path.relative(dir, file)} ${size} ${mtimeMs}`;
		})
		.sort();
}

function loadEnsureN8n(): typeof import('../scripts/runtime/n8n-install').ensureN8n {
	let ensureN8n!: typeof import('../scripts/runtime/n8n-install').ensureN8n;
	jest.isolateModules(() => {
		({ ensureN8n } = jest.requireActual<typeof import('../scripts/runtime/n8n-install')>(
			'../scripts/runtime/n8n-install',
		));
	});
	return ensureN8n;
}

beforeEach(() => {
	root = mkdtempSync(path.join(os.tmpdir(), 'wolkvox-install-dir-'));
	installDir = path.join(root, 'shared-installs');
	npmCalls = path.join(root, 'npm-calls.log');
	const { nodePackageName } =
		jest.requireActual<typeof import('../scripts/runtime/node')>('../scripts/runtime/node');
	// Node 24 as the runtime finds it in the install folder: this test's Node, answering as 24.
	write(
		path.join(installDir, 'node24', 'node_modules', nodePackageName(), 'bin', 'node'),
		`#!/bin/sh\nif [ "$1" = "-p" ]; then echo "v24.0.0 $0"; exit 0; fi\nexec "${process.execPath}" "$@"\n`,
		0o755,
	);
	// n8n as another checkout installed it, without our marker.
	const n8nDir = path.join(installDir, `n8n-${VERSION}`);
	write(
		path.join(n8nDir, 'package.json'),
		'{ "name": "someone-elses-install", "private": true }\n',
	);
	write(
		path.join(n8nDir, 'node_modules', 'n8n', 'package.json'),
		JSON.stringify({ name: 'n8n', version: VERSION }),
	);
	write(path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'), '#!/usr/bin/env node\n', 0o755);
	write(path.join(n8nDir, 'node_modules', 'sqlite3', 'index.js'), 'module.exports = {};\n');
	write(path.join(n8nDir, 'node_modules', 'left-pad', 'index.js'), 'module.exports = 1;\n');
	// Any npm call is recorded and fails.
	write(
		path.join(root, 'bin', 'npm'),
		`#!/bin/sh\necho "npm $*" >> "${npmCalls}"\nexit 1\n`,
		0o755,
	);
	process.env.PATH = `${path.join(root, 'bin')}${path.delimiter}${saved.PATH}`;
	process.env.WOLKVOX_INSTALL_DIR = installDir;
	process.env.WOLKVOX_CACHE_DIR = path.join(root, 'fresh-cache');
});

afterEach(() => {
	process.env = { ...saved };
	rmSync(root, { recursive: true, force: true });
});

const calls = () => {
	try {
		return readFileSync(npmCalls, 'utf8').trim().split('\n');
	} catch {
		return [];
	}
};

it('a working n8n in WOLKVOX_INSTALL_DIR without our marker is used as it is: no npm call, no file changed', async () => {
	const before = snapshot(installDir);

	const install = await loadEnsureN8n()(VERSION);

	expect(install.dir).toBe(path.join(installDir, `n8n-${VERSION}`));
	expect(install.bin).toBe(path.join(install.dir, 'node_modules', 'n8n', 'bin', 'n8n'));
	expect(calls()).toEqual([]);
	expect(snapshot(installDir)).toEqual(before);
});

it('an n8n of another version there is not taken for this one: it is installed (here npm is called)', async () => {
	write(
		path.join(installDir, `n8n-${VERSION}`, 'node_modules', 'n8n', 'package.json'),
		JSON.stringify({ name: 'n8n', version: '2.40.0' }),
	);

	await expect(loadEnsureN8n()(VERSION)).rejects.toThrow(/install n8n 2\.41\.1 failed/);
	expect(calls()).toEqual([expect.stringMatching(/^npm install .*n8n@2\.41\.1$/)]);
});

it('while another process installs into the folder, nothing is used or installed: it says so', async () => {
	const lock = path.join(installDir, `n8n-${VERSION}`, '.install-lock');
	write(path.join(lock, 'pid'), String(process.pid));

	await expect(loadEnsureN8n()(VERSION)).rejects.toThrow(/Another n8n install into .* is running/);
	expect(calls()).toEqual([]);
});
