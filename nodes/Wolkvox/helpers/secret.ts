const REDACTED = '[token removed]';

/**
 * `value` with every occurrence of `secret` replaced in its text values, at any depth (keys and
 * numbers are left alone: a token such as `201` or `code` must not break the answer). Used on everything Wolkvox sends back, in case an error page or a proxy echoes the headers.
 */
export function withoutSecret<T>(value: T, secret: string): T {
	if (!secret) return value;
	const clean = (text: string) =>
		text.includes(secret) ? text.split(secret).join(REDACTED) : text;
	const walk = (item: unknown): unknown => {
		if (typeof item === 'string') return clean(item);
		if (Array.isArray(item)) return item.map(walk);
		if (typeof item === 'object' && item !== null) {
			return Object.fromEntries(Object.entries(item).map(([key, entry]) => [key, walk(entry)]));
		}
		return item;
	};
	return walk(value) as T;
}
