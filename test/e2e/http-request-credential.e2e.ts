/**
 * Whoever may use a shared Wolkvox credential in n8n's HTTP Request node must not be able to send its
 * token to a host of their choosing: by default the credential allows Wolkvox's hosts only.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

import { nodeOutput } from '../../scripts/runtime/n8n-cli';
import { n8nMajor } from '../../scripts/runtime/n8n-install';
import {
	CREDENTIALS,
	DEFAULT_DOMAINS_CREDENTIAL,
	N8N_VERSION,
	PORTS,
	WORKFLOWS,
} from './e2e-config';
import { HTTP_NODES, WOLKVOX_URL } from './http-request-workflow';
import { execute, useSimulator } from './support';

const fx = useSimulator();

interface Collected {
	url: string;
	headers: IncomingHttpHeaders;
}

/** Records every request that reaches it, as a host or as a proxy; answers as Wolkvox would. */
const collected: Collected[] = [];
let collector: Server;

beforeAll(async () => {
	collector = createServer((request, response) => {
		collected.push({ url: request.url ?? '', headers: request.headers });
		response.writeHead(200, { 'content-type': 'application/json' });
		response.end(JSON.stringify({ code: 200, error: null, msg: 'collected' }));
	});
	await new Promise<void>((resolve) => collector.listen(PORTS.collector, '127.0.0.1', resolve));
});

afterAll(async () => await new Promise((resolve) => collector.close(resolve)));

/**
 * n8n 1.123.81 checks a credential's allowed domains only when the HTTP Request node follows a
 * redirect (n8n-core 1.x's legacy request path), not for the URL it is given; n8n 2.x checks both.
 */
const checksFirstUrl = n8nMajor(N8N_VERSION) >= 2;

it(`${checksFirstUrl ? 'refuses' : 'n8n 1.x does not refuse'} the default credential for another host, allows it for a Wolkvox host, and a widened credential for its simulator`, async () => {
	const result = await execute(WORKFLOWS.httpRequest);
	const run = result.run!;
	const reached = (url: string) => collected.filter((request) => request.url.includes(url));

	const [otherHost] = nodeOutput(run, HTTP_NODES.otherHost);
	if (checksFirstUrl) {
		expect(JSON.stringify(otherHost)).toMatch(/Domain not allowed/);
		expect(JSON.stringify(otherHost)).toContain('*.wolkvox.com');
		expect(reached('/collect')).toEqual([]);
	} else {
		expect(reached('/collect')).toHaveLength(1); // README, Security: on n8n 1.x use "None"
	}

	const [wolkvoxHost] = nodeOutput(run, HTTP_NODES.wolkvoxHost);
	expect(wolkvoxHost).toEqual({ code: 200, error: null, msg: 'collected' });
	const [throughProxy] = reached(WOLKVOX_URL);
	expect(throughProxy.url).toBe(WOLKVOX_URL);
	expect(throughProxy.headers['wolkvox-token']).toBe(DEFAULT_DOMAINS_CREDENTIAL.token);

	const [simulator] = nodeOutput(run, HTTP_NODES.simulator);
	expect(simulator).toMatchObject({ code: '200' });
	expect(fx.simulator.requestsFor('token_info')).toMatchObject([
		{ token: CREDENTIALS.simulator.token },
	]);
});
