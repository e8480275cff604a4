import type {
	IAuthenticateRuleResponseSuccessBody,
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { serverCode } from '../nodes/Wolkvox/helpers/server';

/**
 * The credential test builds its URL with an n8n expression, so it repeats the node's rules
 * (helpers/server.ts): the Base URL with surrounding spaces trimmed, used when not empty; else the
 * server code, where anything but digits resolves to a host under `.invalid`, which never connects,
 * and the token is never sent anywhere else.
 */
const TEST_BASE_URL =
	"={{ String($credentials.baseUrl || '').trim()" +
	" ? (/^https?:\\/\\/[^\\s?#@]+$/i.test(String($credentials.baseUrl).trim()) ? String($credentials.baseUrl).trim().replace(/\\/+$/, '') : 'https://invalid-base-url.invalid')" +
	" : (/^(wv)?[0-9]{1,6}$/i.test($credentials.server) ? 'https://wv' + $credentials.server.replace(/^wv/i, '') + '.wolkvox.com' : 'https://invalid-server-code.invalid') }}";

/** Wolkvox's API hosts (wv{server}.wolkvox.com): where the HTTP Request node may send the token by default. */
const WOLKVOX_DOMAINS = '*.wolkvox.com';

/** A test rule for one of Wolkvox's refusals, which it says in `msg` (its HTTP status may be 200). */
function refusedWith(msg: string, advice: string): IAuthenticateRuleResponseSuccessBody {
	return {
		type: 'responseSuccessBody',
		properties: { key: 'msg', value: msg, message: `Wolkvox says: ${msg}. ${advice}` },
	};
}

function refusedCode(code: string, value: number | string): IAuthenticateRuleResponseSuccessBody {
	return {
		type: 'responseSuccessBody',
		properties: {
			key: 'code',
			value,
			message: `Wolkvox refused the test with code ${code}: check the token and the server code.`,
		},
	};
}

export class WolkvoxApi implements ICredentialType {
	name = 'wolkvoxApi';

	displayName = 'Wolkvox API';

	icon: Icon = {
		light: 'file:../nodes/Wolkvox/wolkvox.svg',
		dark: 'file:../nodes/Wolkvox/wolkvox.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-wolkvox/n8n-nodes-wolkvox#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Server',
			name: 'server',
			type: 'string',
			required: true,
			default: '',
			placeholder: '0002',
			description:
				'Your operation\'s server code as Wolkvox support gives it (digits, e.g. 0002; "wv0002" also works). Requests go to https://wv{server}.wolkvox.com.',
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Created in wolkvox Manager under Configuration → Integrations → Tokens',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://proxy.example.com',
			description:
				'Leave empty to use https://wv{server}.wolkvox.com. Set it only to go through a proxy or to a Wolkvox simulator (http or https).',
		},
		{
			displayName: 'Country Code',
			name: 'countryCode',
			type: 'string',
			default: '',
			placeholder: '57',
			description:
				"Your operation's country calling code (57 for Colombia). With it, every way of writing a phone (300 123 4567, 573001234567, +57 300 123 4567) is one consumer: blocks write it as Wolkvox may match it, checks and removals look for every spelling. An operation's own Country Code option overrides it. Empty: numbers are kept as written.",
		},
		// Declared here, n8n keeps these instead of adding its own with the default "All": in the HTTP
		// Request node this credential sends the token to Wolkvox's hosts only, unless its owner widens it.
		{
			displayName: 'Allowed HTTP Request Domains',
			name: 'allowedHttpRequestDomains',
			type: 'options',
			options: [
				{
					name: 'All',
					value: 'all',
					description: 'Send the token to any host the HTTP Request node is given',
				},
				{
					name: 'Specific Domains',
					value: 'domains',
					description: 'Send the token only to the domains listed below',
				},
				{
					name: 'None',
					value: 'none',
					description: 'Refuse this credential in the HTTP Request node',
				},
			],
			default: 'domains',
			description:
				"Where n8n's HTTP Request node may send this credential's token. The Wolkvox node itself only ever calls the Server or the Base URL.",
		},
		{
			displayName: 'Allowed Domains',
			name: 'allowedDomains',
			type: 'string',
			default: WOLKVOX_DOMAINS,
			placeholder: '*.wolkvox.com, proxy.example.com',
			description:
				'Comma-separated hosts (*.example.com matches its subdomains). Add your proxy or simulator host when the Base URL points there.',
			displayOptions: { show: { allowedHttpRequestDomains: ['domains'] } },
		},
	];

	/**
	 * Every request through n8n's authenticated request carries the token, and the server code as
	 * `wolkvox_server` when the credential has one (Wolkvox's configuration and information examples
	 * send it): a function, so that a credential with only a Base URL sends no empty header.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const server = serverCode(credentials.server);
		return {
			...requestOptions,
			headers: {
				...requestOptions.headers,
				'wolkvox-token': String(credentials.token ?? ''),
				...(server === undefined ? {} : { wolkvox_server: server }),
			},
		};
	}

	// Reads the token's daily usage: it proves server and token without changing anything, and costs
	// one call of the token's daily quota each time the credential is tested.
	// Wolkvox's refusals are read from the body whatever the HTTP status, so the test says what
	// Wolkvox said instead of n8n's generic "Forbidden".
	test: ICredentialTestRequest = {
		request: {
			baseURL: TEST_BASE_URL,
			url: '/api/v2/information.php',
			qs: { api: 'token_info' },
			method: 'GET',
			disableFollowRedirect: true,
			ignoreHttpStatusErrors: true,
		},
		rules: [
			refusedWith(
				'PLEASE VALIDATE TOKEN',
				'Wolkvox does not know this token on this server. Check the token and the server code.',
			),
			refusedWith(
				'TOKEN LIMIT EXCEEDED',
				"The token's daily quota is used up; the token itself is valid. Try again tomorrow or use another token.",
			),
			refusedWith('PLEASE ENTER THE WOLKVOX-TOKEN', 'The token is empty.'),
			refusedWith(
				'EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2)',
				'The token is valid but busy with other requests right now. Test again in a moment.',
			),
			...['401', '403', '400', '404', '500', '503'].flatMap((code) => [
				refusedCode(code, Number(code)),
				refusedCode(code, code),
			]),
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: undefined,
					message:
						'The server did not answer as Wolkvox does: check the server code or the Base URL.',
				},
			},
		],
	};
}
