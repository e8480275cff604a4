/** The server code Wolkvox support gives an operation: digits, sometimes written with a leading "wv". */
const SERVER_CODE = /^(?:wv)?([0-9]{1,6})$/i;

/** The digits of a server code ("0002" for "0002" or "wv0002"), or undefined when it is not one. */
export function serverCode(server: unknown): string | undefined {
	return typeof server === 'string' ? SERVER_CODE.exec(server)?.[1] : undefined;
}

export type BaseUrlResult = { baseUrl: string } | { problem: string };

function customBaseUrl(baseUrl: string): BaseUrlResult {
	// Messages never repeat a credential field: a token pasted into the wrong field would show up.
	if (!URL.canParse(baseUrl)) return { problem: "The credential's Base URL is not a valid URL" };
	const url = new URL(baseUrl);
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return {
			problem: `The credential's Base URL must start with http:// or https://, not ${url.protocol}//`,
		};
	}
	if (url.username || url.password || url.search || url.hash) {
		return {
			problem: "The credential's Base URL must not contain user info, a query or a fragment",
		};
	}
	return { baseUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/**
 * The origin every request is sent to. The server code is spliced into a host name, so anything but
 * digits is refused before a request (and the token) can leave.
 */
export function resolveBaseUrl(server: unknown, baseUrl: unknown): BaseUrlResult {
	if (typeof baseUrl === 'string' && baseUrl.trim() !== '') return customBaseUrl(baseUrl.trim());
	const code = serverCode(server);
	if (code === undefined) {
		return {
			problem:
				"The credential's Server is not a Wolkvox server code: use the digits Wolkvox support gave you, e.g. 0002 (or wv0002)",
		};
	}
	return { baseUrl: `https://wv${code}.wolkvox.com` };
}
