/**
 * n8n's HTTP Request node with "Predefined Credential Type → Wolkvox API", three ways: the default
 * credential to another host, the default credential to a Wolkvox host (through a proxy, as nothing
 * here reaches the internet), and the simulator credential to the simulator. Each node continues on
 * error, so every outcome is an output item.
 */
import { CREDENTIALS, DEFAULT_DOMAINS_CREDENTIAL, PORTS, WORKFLOWS } from './e2e-config';

export const HTTP_NODES = {
	otherHost: 'Default credential to another host',
	wolkvoxHost: 'Default credential to a Wolkvox host',
	simulator: 'Simulator credential to the simulator',
};

/** The Wolkvox host the second node calls (its request goes through the collector, as a proxy). */
export const WOLKVOX_URL = 'http://wv0002.wolkvox.com/api/v2/information.php?api=token_info';

function httpRequestNode(
	name: string,
	index: number,
	url: string,
	credential: { id: string; name: string },
	proxy?: string,
): object {
	return {
		id: `0e2e0009-0000-4000-8000-00000000000${index}`,
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [260, index * 160],
		onError: 'continueRegularOutput',
		parameters: {
			url,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'wolkvoxApi',
			options: proxy ? { proxy } : {},
		},
		credentials: { wolkvoxApi: { id: credential.id, name: credential.name } },
	};
}

export function httpRequestWorkflow(): object {
	const collector = `http://127.0.0.1:${PORTS.collector}`;
	const nodes = [
		httpRequestNode(HTTP_NODES.otherHost, 1, `${collector}/collect`, DEFAULT_DOMAINS_CREDENTIAL),
		httpRequestNode(HTTP_NODES.wolkvoxHost, 2, WOLKVOX_URL, DEFAULT_DOMAINS_CREDENTIAL, collector),
		httpRequestNode(
			HTTP_NODES.simulator,
			3,
			`http://127.0.0.1:${PORTS.simulator}/api/v2/information.php?api=token_info`,
			CREDENTIALS.simulator,
		),
	];
	return {
		id: WORKFLOWS.httpRequest,
		name: 'e2e: the HTTP Request node with the Wolkvox credential',
		active: false,
		nodes: [
			{
				id: '0e2e0009-0000-4000-8000-000000000000',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 160],
				parameters: {},
			},
			...nodes,
		],
		connections: {
			Start: {
				main: [Object.values(HTTP_NODES).map((node) => ({ node, type: 'main', index: 0 }))],
			},
		},
		settings: { executionOrder: 'v1' },
	};
}
