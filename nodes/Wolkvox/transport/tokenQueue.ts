import { createHash } from 'node:crypto';

/**
 * One FIFO line per Wolkvox token, shared by every execution in this n8n process (module state
 * lives as long as the process). A key maps to the promise that settles when the last turn taken
 * for it is released; the entry is removed when nobody is left in line.
 */
const lineEnds = new Map<string, Promise<void>>();

/**
 * The line's key: a hash of the token, which is not kept itself. Wolkvox limits the token, whatever
 * address it is sent to (a proxy Base URL and the server itself share one line).
 */
export function tokenQueueKey(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export interface Turn {
	/** Settles when every earlier turn of the same key has been released. */
	ready: Promise<void>;
	/** Ends this turn (a second call does nothing). Whoever gives up waiting must release too. */
	release: () => void;
}

/** Takes a place in the key's line at once; the turn is held from `ready` until `release`. */
export function takeTurn(key: string): Turn {
	const previous = lineEnds.get(key) ?? Promise.resolve();
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	const lineEnd = previous.then(async () => await released);
	lineEnds.set(key, lineEnd);
	void lineEnd.then(() => {
		if (lineEnds.get(key) === lineEnd) lineEnds.delete(key);
	});
	return { ready: previous, release };
}

/** How many tokens have turns held or waiting (0 when the process is idle). */
export function busyTokenCount(): number {
	return lineEnds.size;
}
