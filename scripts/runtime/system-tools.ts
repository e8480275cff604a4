/** Programs queue mode takes from the machine (PostgreSQL, Redis), and how to get them when missing. */
import { accessSync, constants, readdirSync } from 'fs';
import path from 'path';

/** The first `name` on PATH or in `extraDirs` that can be executed. */
export function findExecutable(name: string, extraDirs: string[] = []): string | undefined {
	const dirs = [...(process.env.PATH ?? '').split(path.delimiter), ...extraDirs].filter(Boolean);
	for (const dir of dirs) {
		const file = path.join(dir, name);
		try {
			accessSync(file, constants.X_OK);
			return file;
		} catch {
			// not here
		}
	}
	return undefined;
}

/** Sub-folders of `dir` (sorted, highest version last), or none when it does not exist. */
export function subfolders(dir: string): string[] {
	try {
		return readdirSync(dir, { withFileTypes: true })
			.filter((entry) => entry.isDirectory())
			.map((entry) => entry.name)
			.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
	} catch {
		return [];
	}
}

export function missingQueueToolsMessage(): string {
	return [
		'Queue mode needs PostgreSQL and Redis from this machine (our scripts start them; nothing is configured system-wide):',
		'  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y postgresql redis-server',
		'  macOS:          brew install postgresql@17 redis',
		'The services need not run: `npm run start:queue` starts its own on free ports with data under .cache/.',
	].join('\n');
}
