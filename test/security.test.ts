import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';

import { WolkvoxApi } from '../credentials/WolkvoxApi.credentials';
import { resolveBaseUrl } from '../nodes/Wolkvox/helpers/server';
import { resolveCredentialExpression, runWolkvox } from './harness/run-node';
import { assertSecretAbsent } from './harness/no-secret';
import { TOKEN, useSimulator } from './harness/simulator-fixture';
import type { FixedAnswerServer } from './support/fixed-answer-server';
import { startFixedAnswerServer } from './support/fixed-answer-server';

const fx = useSimulator();

const HOSTILE_SERVERS = [
	'0002.evil.example#',
	'0002/x',
	'0002@evil',
	'0002:443',
	'0002?x=1',
	'00 02',
	' 0002',
	'0002 ',
	'٠٠٠٢',
	'０００２',
	'wv0002.evil.example',
	'evil.example',
	'',
	'-1',
];

const addOne = { resource: 'dnc', operation: 'add', typeCall: 'inbound', telephones: '3001234567' };

describe('the server code cannot send the token to another host', () => {
	test.each(HOSTILE_SERVERS)(
		'server %j is refused before any connection is opened',
		async (server) => {
			const connect = jest.spyOn(net.Socket.prototype, 'connect');
			try {
				const { error } = await runWolkvox({
					parameters: addOne,
					credentials: fx.credentials({ server, baseUrl: '' }),
				});

				expect(error?.message).toBe(
					"The credential's Server is not a Wolkvox server code: use the digits Wolkvox support gave you, e.g. 0002 (or wv0002)",
				);
				expect(connect).not.toHaveBeenCalled();
			} finally {
				connect.mockRestore();
			}
		},
	);

	test.each([
		['0002', 'https://wv0002.wolkvox.com'],
		['wv0042', 'https://wv0042.wolkvox.com'],
		['WV0048', 'https://wv0048.wolkvox.com'],
	])('server %j is addressed as %s', (server, baseUrl) => {
		expect(resolveBaseUrl(server, '')).toEqual({ baseUrl });
	});

	test.each([
		['ftp://127.0.0.1/', 'must start with http:// or https://'],
		['javascript:alert(1)', 'must start with http:// or https://'],
		['http://user:secret@127.0.0.1', 'must not contain user info, a query or a fragment'],
		['http://127.0.0.1/?api=x', 'must not contain user info, a query or a fragment'],
		['not a url', 'is not a valid URL'],
	])('base URL %j is refused (%s)', async (baseUrl, reason) => {
		const { error } = await runWolkvox({
			parameters: addOne,
			credentials: fx.credentials({ baseUrl }),
		});

		expect(error?.message).toContain(reason);
	});

	test('the credential test only ever addresses wolkvox.com, the Base URL, or a host that cannot exist', () => {
		const expression = new WolkvoxApi().test.request.baseURL as string;
		const resolve = (server: string, baseUrl = '') =>
			resolveCredentialExpression(expression, { server, baseUrl, token: TOKEN });

		for (const server of HOSTILE_SERVERS) {
			expect(resolve(server)).toBe('https://invalid-server-code.invalid');
		}
		expect(resolve('0002')).toBe('https://wv0002.wolkvox.com');
		expect(resolve('wv0042')).toBe('https://wv0042.wolkvox.com');
		expect(resolve('0002', 'http://127.0.0.1:5680/')).toBe('http://127.0.0.1:5680');
		expect(resolve('0002', 'file:///etc/passwd')).toBe('https://invalid-base-url.invalid');
	});

	test.each([
		['spaces around it', '  http://127.0.0.1:5680/  '],
		['a tab and a newline around it', '\thttps://proxy.example.com/wolkvox/\n'],
		['only spaces (the server is used)', '   '],
		['none (the server is used)', ''],
	])(
		'the credential test addresses what the node addresses for a Base URL with %s',
		(_case, baseUrl) => {
			const expression = new WolkvoxApi().test.request.baseURL as string;
			const resolved = resolveBaseUrl('0002', baseUrl);

			expect(resolved).toHaveProperty('baseUrl');
			expect(
				resolveCredentialExpression(expression, { server: '0002', baseUrl, token: TOKEN }),
			).toBe((resolved as { baseUrl: string }).baseUrl);
		},
	);

	test('a redirect is not followed, so the token goes nowhere else', async () => {
		const elsewhere: string[] = [];
		const attacker = http.createServer((request, response) => {
			elsewhere.push(String(request.headers['wolkvox-token']));
			response.end('{"code":201,"error":null,"msg":"stolen"}');
		});
		const redirector = http.createServer((_request, response) => {
			const { port } = attacker.address() as AddressInfo;
			response
				.writeHead(302, {
					location: `http://127.0.0.1:${port}/api/v2/configuration.php?api=add_dnc`,
				})
				.end();
		});
		await Promise.all(
			[attacker, redirector].map(
				(server) => new Promise<void>((done) => server.listen(0, '127.0.0.1', done)),
			),
		);
		// Control for the tests above: a request to a new server does show up as a socket connect.
		const connect = jest.spyOn(net.Socket.prototype, 'connect');
		try {
			const { port } = redirector.address() as AddressInfo;
			const { error } = await runWolkvox({
				parameters: addOne,
				credentials: fx.credentials({ baseUrl: `http://127.0.0.1:${port}` }),
			});

			expect(error?.message).toBe('Wolkvox sent an empty answer (HTTP 302)');
			expect(elsewhere).toEqual([]);
			expect(connect).toHaveBeenCalled();
		} finally {
			connect.mockRestore();
			await Promise.all(
				[attacker, redirector].map((server) => new Promise((done) => server.close(done))),
			);
		}
	});
});

describe('the token stays secret', () => {
	let echo: FixedAnswerServer;
	beforeAll(async () => (echo = await startFixedAnswerServer()));
	afterAll(async () => await echo.stop());

	test.each([
		[
			'a refusal',
			{ code: 403, error: 'FORBIDDEN', msg: `PLEASE VALIDATE TOKEN ${TOKEN}` },
			'error',
		],
		['an error page', `<pre>HTTP_WOLKVOX_TOKEN => ${TOKEN}</pre>`, 'error'],
		['a success', { code: 201, error: null, msg: `added with ${TOKEN}` }, 'output'],
	])(
		'a token echoed back in %s is removed before it reaches the user',
		async (_case, answer, where) => {
			echo.answer = answer;

			// runWolkvox fails the test if the token appears anywhere in the execution data.
			const { error, output } = await runWolkvox({
				parameters: addOne,
				credentials: fx.credentials({ baseUrl: echo.baseUrl }),
			});

			const shown =
				where === 'error' ? `${error?.message} ${error?.description}` : String(output[0]?.json.msg);
			expect(shown).toContain('[token removed]');
		},
	);

	test('a token typed into the Server field is not repeated in the error', async () => {
		const { error } = await runWolkvox({
			parameters: addOne,
			credentials: fx.credentials({ server: TOKEN, baseUrl: '' }),
		});

		expect(error?.message).toContain("The credential's Server is not a Wolkvox server code");
	});

	test('every engine run in this suite is checked, and the check does catch a leak', () => {
		expect(() =>
			assertSecretAbsent({ nested: [{ header: `wolkvox-token: ${TOKEN}` }] }, TOKEN, 'a sample'),
		).toThrow('The token appeared in a sample');
		const error = new Error('boom');
		Object.assign(error, { cause: { config: { headers: { 'wolkvox-token': TOKEN } } } });
		expect(() => assertSecretAbsent({ error }, TOKEN, 'an error')).toThrow();
	});

	test('a refused token is not echoed in the error', async () => {
		const token = 'f00dfacecafe1234';
		const { error } = await runWolkvox({
			parameters: addOne,
			credentials: fx.credentials({ token }),
		});

		expect(error?.message).toContain('PLEASE VALIDATE TOKEN');
		expect(
			JSON.stringify({ message: error?.message, description: error?.description }),
		).not.toContain(token);
	});
});
