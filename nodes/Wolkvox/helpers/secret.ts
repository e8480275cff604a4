const REDACTED = '[token removed]';

/**
 * `value` with every occurrence of `secret` replaced. Used on everything Wolkvox sends back, in
 * case an error page or a proxy echoes the request's headers.
 */
export function withoutSecret<T>(value: T, secret: string): T {
	if (!secret) return value;
	if (typeof value === 'string') return value.split(secret).join(REDACTED) as T;
	const text = JSON.stringify(value);
	if (text === undefined || !text.includes(secret)) return value;
	return JSON.parse(text.split(secret).join(REDACTED)) as T;
}
