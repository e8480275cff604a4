/** n8n's REST API as the editor uses it: the owner account, executions. */
import { OWNER, PORTS } from './e2e-config';

const BROWSER_ID = 'wolkvox-e2e-browser';

export interface RestSession {
	get(path: string): Promise<unknown>;
	post(path: string, body?: object): Promise<unknown>;
}

async function call(
	port: number,
	method: string,
	path: string,
	cookie: string,
	body?: object,
): Promise<Response> {
	return await fetch(`http://127.0.0.1:${port}/rest${path}`, {
		method,
		headers: {
			'content-type': 'application/json',
			'browser-id': BROWSER_ID,
			...(cookie ? { cookie } : {}),
		},
		body: body ? JSON.stringify(body) : undefined,
	});
}

/** Signs in as the owner, creating the owner account on a fresh n8n (the `n8n-auth` cookie is bound to `browser-id`). */
export async function ownerSession(port = PORTS.n8n): Promise<RestSession> {
	let response = await call(port, 'POST', '/owner/setup', '', OWNER);
	if (!response.ok)
		response = await call(port, 'POST', '/login', '', {
			emailOrLdapLoginId: OWNER.email,
			email: OWNER.email,
			password: OWNER.password,
		});
	if (!response.ok)
		throw new Error(`Could not sign in to n8n: HTTP ${response.status} ${await response.text()}`);
	const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
	const json = async (answer: Response) => {
		if (!answer.ok)
			throw new Error(`n8n REST ${answer.url}: HTTP ${answer.status} ${await answer.text()}`);
		return ((await answer.json()) as { data?: unknown }).data;
	};
	return {
		get: async (path) => await json(await call(port, 'GET', path, cookie)),
		post: async (path, body) => await json(await call(port, 'POST', path, cookie, body ?? {})),
	};
}

/** The ids of a workflow's executions that are running now. */
export async function runningExecutions(
	session: RestSession,
	workflowId: string,
): Promise<string[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId, status: ['new', 'running'] }));
	const data = (await session.get(`/executions?filter=${filter}`)) as {
		results?: Array<{ id: string }>;
	};
	return (data.results ?? []).map((execution) => execution.id);
}
