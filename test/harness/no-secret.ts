/** Serialises anything, errors included with every own property (stack, cause, context…). */
function dump(value: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(value, (_key, inner: unknown) => {
		if (typeof inner === 'object' && inner !== null) {
			if (seen.has(inner)) return '[circular]';
			seen.add(inner);
			if (inner instanceof Error) {
				return Object.fromEntries(
					Object.getOwnPropertyNames(inner).map((name) => [
						name,
						(inner as unknown as Record<string, unknown>)[name],
					]),
				);
			}
		}
		return inner;
	});
}

/** Fails when `secret` appears anywhere in `value`. */
export function assertSecretAbsent(value: unknown, secret: string, where: string): void {
	if (secret && dump(value).includes(secret)) {
		throw new Error(`The token appeared in ${where}`);
	}
}
