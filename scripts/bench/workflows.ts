/** The benchmark's n8n credentials and workflows (n8n import format), generated at run time. */
import { randomUUID } from 'crypto';

export const TOKEN = 'bench0c0ffee0123456789abcdef';

export const WOLKVOX_CREDENTIAL = { id: 'WolkvoxBenchCred', name: 'Wolkvox (bench simulator)' };
export const HEADER_CREDENTIAL = { id: 'WolkvoxBenchHdr1', name: 'Wolkvox token header (bench)' };

/** Our node's credential and the HTTP Request node's header-auth credential, for the same token. */
export function benchCredentials(baseUrl: string): object[] {
	return [
		{ ...WOLKVOX_CREDENTIAL, type: 'wolkvoxApi', data: { server: '0002', token: TOKEN, baseUrl } },
		{ ...HEADER_CREDENTIAL, type: 'httpHeaderAuth', data: { name: 'wolkvox-token', value: TOKEN } },
	];
}

/** How the Add DNC step is done: (a) our node combined, (b) our node per item, (c) HTTP Request node. */
export type Variant = 'combined' | 'perItem' | 'httpRequest';
export const VARIANTS: Variant[] = ['combined', 'perItem', 'httpRequest'];

export const ADD_DNC_NODE = 'Add DNC';

function wolkvoxNode(combineItems: boolean): object {
	return {
		type: 'n8n-nodes-wolkvox.wolkvox',
		typeVersion: 1,
		parameters: {
			resource: 'dnc',
			operation: 'add',
			typeCall: 'outbound',
			telephones: '={{ $json.phone }}',
			options: { combineItems },
		},
		credentials: { wolkvoxApi: WOLKVOX_CREDENTIAL },
	};
}

/**
 * The HTTP Request node as a careful user sets it up: 1 item per batch, and a batch interval longer
 * than a response takes, because its batching only spaces the starts of requests, it does not wait
 * for answers (n8n-nodes-base HttpRequestV3: all requests are awaited together at the end).
 */
function httpRequestNode(baseUrl: string, batchIntervalMs: number): object {
	return {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${baseUrl}/api/v2/configuration.php?api=add_dnc`,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={"type_call":"outbound","telephones":["{{ $json.phone }}"]}',
			options: { batching: { batch: { batchSize: 1, batchInterval: batchIntervalMs } } },
		},
		credentials: { httpHeaderAuth: HEADER_CREDENTIAL },
	};
}

export interface WorkflowSpec {
	variant: Variant;
	items: number;
	/** Only for the HTTP Request variant. */
	batchIntervalMs?: number;
}

/** A 16-character id n8n accepts, unique per variant and item count. */
export function workflowId({ variant, items }: WorkflowSpec): string {
	return `Bench${variant.slice(0, 3)}${String(items).padStart(8, '0')}`;
}

/** What a bench workflow runs after its Code node: a node (without id or position) and its name. */
export interface PhonesWorkflow {
	id: string;
	name: string;
	items: number;
	/** The items' numbers are String(first + index). */
	first?: number;
	nodeName: string;
	node: object;
}

/**
 * Start → a Code node that returns `items` items `{ phone }` (generated inside n8n, so the input
 * costs little) → the node under test.
 */
export function phonesWorkflow({
	id,
	name,
	items,
	first = 3_000_000_000,
	nodeName,
	node,
}: PhonesWorkflow): object {
	const nodes = [
		{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
		{
			name: 'Phones',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: {
				jsCode: `return Array.from({ length: ${items} }, (_, i) => ({ json: { phone: String(${first} + i) } }));`,
			},
		},
		{ name: nodeName, ...node },
	].map((entry, index) => ({ id: randomUUID(), position: [index * 220, 0], ...entry }));
	return {
		id,
		name,
		active: false,
		nodes,
		connections: {
			Start: { main: [[{ node: 'Phones', type: 'main', index: 0 }]] },
			Phones: { main: [[{ node: nodeName, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** The Add DNC step of one variant, after the Code node. */
export function benchWorkflow(spec: WorkflowSpec, baseUrl: string): object {
	const addDnc =
		spec.variant === 'httpRequest'
			? httpRequestNode(baseUrl, spec.batchIntervalMs ?? 0)
			: wolkvoxNode(spec.variant === 'combined');
	return phonesWorkflow({
		id: workflowId(spec),
		name: `bench: ${spec.variant}, ${spec.items} items`,
		items: spec.items,
		nodeName: ADD_DNC_NODE,
		node: addDnc,
	});
}
