/**
 * Where the runtime keeps its things. Everything lives under `.cache/` (git-ignored), moved as a whole by
 * WOLKVOX_CACHE_DIR; each folder is created by whoever first writes into it, so the cache folder need not
 * exist:
 *   node24/         Node ≥ 24 from npm (node-<platform>-<arch>), when none is on PATH  } INSTALL_DIR
 *   n8n-<version>/  one n8n install per version                                       }
 *   logs/           install logs and kept e2e logs
 *   n8n-user/       the `npm start` user folder
 *   start.pid       what a running `npm start` started
 * WOLKVOX_INSTALL_DIR moves the installs alone (default: the cache folder), so that a fresh cache can
 * reuse the 3 GB of installs another one holds.
 */
import path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const CACHE_DIR = process.env.WOLKVOX_CACHE_DIR
	? path.resolve(process.env.WOLKVOX_CACHE_DIR)
	: path.join(REPO_ROOT, '.cache');
export const INSTALL_DIR = process.env.WOLKVOX_INSTALL_DIR
	? path.resolve(process.env.WOLKVOX_INSTALL_DIR)
	: CACHE_DIR;
export const LOG_DIR = path.join(CACHE_DIR, 'logs');
export const PACKAGE_NAME = 'n8n-nodes-wolkvox';

/** A path relative to the repo when inside it, absolute otherwise. */
export function shortPath(file: string): string {
	const relative = path.relative(REPO_ROOT, file);
	return relative.startsWith('..') ? file : relative;
}
