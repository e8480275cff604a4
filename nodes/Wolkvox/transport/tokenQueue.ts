/**
 * One FIFO line per Wolkvox token in this module: a key maps to the promise that settles when the
 * last turn taken for it is released; the entry is removed when nobody is left in line.
 *
 * Plain module state, on purpose (docs/design.md, "The token line"): were n8n to hold two copies of this
 * module at once (a reload, a reinstall while executions run), each copy keeps its own line, so at
 * most two requests per token are in flight in the process, which is Wolkvox's documented limit of 2
 * simultaneous requests per token; a busy answer from other users of the token is retried within
 * Busy Token Wait.
 */
const lineEnds = new Map<string, Promise<void>>();

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
