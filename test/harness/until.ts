/** Polls `probe` until it gives a value other than undefined (or false), and returns that value. */
export async function until<T>(
	probe: () => Promise<T | undefined | false> | T | undefined | false,
): Promise<T> {
	for (;;) {
		const value = await probe();
		if (value !== undefined && value !== false) return value;
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}
