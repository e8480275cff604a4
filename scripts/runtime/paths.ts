/**
 * Where the runtime keeps its things. Everything lives under `.cache/` (git-ignored), moved as a whole by
 * WOLKVOX_CACHE_DIR:
 *   node24/         Node ≥ 24 from npm (node-<platform>-<arch>), when none is on PATH
 *   n8n-<version>/  one n8n install per version
 *   logs/           install logs and kept e2e logs
 *   n8n-user/       the `npm start` user folder
 */
import path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const CACHE_DIR = process.env.WOLKVOX_CACHE_DIR
	? path.resolve(process.env.WOLKVOX_CACHE_DIR)
	: path.join(REPO_ROOT, '.cache');
export const LOG_DIR = path.join(CACHE_DIR, 'logs');
export const PACKAGE_NAME = 'n8n-nodes-wolkvox';

/** A path relative to the repo when inside it, absolute otherwise. */
export function shortPath(file: string): string {
	const relative = path.relative(REPO_ROOT, file);
	return relative.startsWith('..') ? file : relative;
}
