import { createHash } from 'node:crypto';

/**
 * One FIFO line per Wolkvox token, shared by every execution in this n8n process (module state
 * lives as long as the process). A key maps to the promise that settles when the last request
 * queued for it is done; the entry is removed when nobody is left in line.
 */
const lineEnds = new Map<string, Promise<void>>();

/**
 * The line's key: a hash of the token, which is not kept itself. Wolkvox limits the token, whatever
 * address it is sent to (a proxy Base URL and the server itself share one line).
 */
export function tokenQueueKey(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** Runs `task` once every earlier task with the same key has settled; a throwing task frees its turn too. */
export async function withTokenTurn<T>(key: string, task: () => Promise<T>): Promise<T> {
	const previous = lineEnds.get(key) ?? Promise.resolve();
	let finish!: () => void;
	const done = new Promise<void>((resolve) => (finish = resolve));
	const lineEnd = previous.then(() => done);
	lineEnds.set(key, lineEnd);
	await previous;
	try {
		return await task();
	} finally {
		finish();
		if (lineEnds.get(key) === lineEnd) lineEnds.delete(key);
	}
}

/** How many tokens have requests running or waiting (0 when the process is idle). */
export function busyTokenCount(): number {
	return lineEnds.size;
}
