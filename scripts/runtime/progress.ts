/** The `[wolkvox 12.3s] …` progress lines every runtime script prints. */
const startedAt = Date.now();

export function progress(message: string): void {
	const seconds = ((Date.now() - startedAt) / 1000).toFixed(1).padStart(6);
	console.log(`[wolkvox ${seconds}s] ${message}`);
}

/** The last `lines` lines of a text. */
export function tail(text: string, lines: number): string {
	return text.split('\n').slice(-lines).join('\n');
}
