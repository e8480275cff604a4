import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * The credential test builds its URL with an n8n expression, so it repeats the node's server-code
 * rule (helpers/server.ts): a server that is not digits resolves to a host under `.invalid`, which
 * never connects, and the token is never sent anywhere else.
 */
const TEST_BASE_URL =
	'={{ $credentials.baseUrl' +
	" ? (/^https?:\\/\\/[^\\s?#@]+$/i.test($credentials.baseUrl) ? $credentials.baseUrl.replace(/\\/+$/, '') : 'https://invalid-base-url.invalid')" +
	" : (/^(wv)?[0-9]{1,6}$/i.test($credentials.server) ? 'https://wv' + $credentials.server.replace(/^wv/i, '') + '.wolkvox.com' : 'https://invalid-server-code.invalid') }}";

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
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'wolkvox-token': '={{$credentials.token}}',
			},
		},
	};

	// Reads the token's daily usage: it proves server and token without changing anything, and costs
	// one call of the token's daily quota each time the credential is tested.
	test: ICredentialTestRequest = {
		request: {
			baseURL: TEST_BASE_URL,
			url: '/api/v2/information.php',
			qs: { api: 'token_info' },
			method: 'GET',
			disableFollowRedirect: true,
		},
	};
}
