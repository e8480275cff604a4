/**
 * The e2e workflows of Check Contact Window, written into the user folder by the global setup:
 * - the example (examples/contact-window-queue.json) with its At fixed so that the first check falls
 *   on a Sunday and the one after the Wait on a Monday morning: the whole loop runs at once;
 * - the operation alone, with and without a credential on the node, over several kinds of At.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from '../../scripts/runtime/paths';
import { CREDENTIALS, WORKFLOWS } from './e2e-config';

export const CONTACT_WINDOW_EXAMPLE = path.join(REPO_ROOT, 'examples', 'contact-window-queue.json');
export const CHECK_NODE = 'Check Contact Window';

/** A Sunday, then the Monday after it: nextAllowedAt of the first (Monday 07:00) is in the past. */
export const LOOP_MOMENTS = {
	first: '2026-12-06T10:00:00-05:00',
	again: '2026-12-07T10:00:00-05:00',
};

interface WorkflowNode {
	name: string;
	parameters: Record<string, unknown>;
	[key: string]: unknown;
}

/** The example with its own id and name, and At replaced by `at` (an expression). */
function exampleWithAt(id: string, name: string, at: string): object {
	const example = JSON.parse(readFileSync(CONTACT_WINDOW_EXAMPLE, 'utf8')) as {
		nodes: WorkflowNode[];
	};
	const nodes = example.nodes.map((node) =>
		node.name === CHECK_NODE ? { ...node, parameters: { ...node.parameters, at } } : node,
	);
	return { ...example, id, name, nodes };
}

export function contactWindowLoopWorkflow(): object {
	return exampleWithAt(
		WORKFLOWS.contactWindowLoop,
		'e2e: the contact window example, Sunday then Monday',
		`={{ $runIndex === 0 ? '${LOOP_MOMENTS.first}' : '${LOOP_MOMENTS.again}' }}`,
	);
}

/** The example checked at 10:00 on next week's Sunday: its Wait lasts until the Monday after. */
export function contactWindowWaitingWorkflow(): object {
	return exampleWithAt(
		WORKFLOWS.contactWindowWaiting,
		'e2e: the contact window example, a Sunday to come',
		"={{ $now.setZone('America/Bogota').plus({ weeks: 1 }).set({ weekday: 7, hour: 10, minute: 0, second: 0, millisecond: 0 }).toISO() }}",
	);
}

/** Items of the operation workflow: At as ISO text (with and without offset) and epoch ms… */
export const OPERATION_ITEMS = [
	{ at: '2026-12-07T10:00:00-05:00' },
	{ at: '2026-12-07T19:00:00-05:00' },
	{ at: '2026-12-12T09:30:00' },
	{ at: '2026-07-20T15:00:00Z' },
	{ at: Date.parse('2026-12-13T10:00:00-05:00') },
];
/** …and the moments they mean. */
export const OPERATION_MOMENTS = [
	'2026-12-07T10:00:00-05:00',
	'2026-12-07T19:00:00-05:00',
	'2026-12-12T09:30:00-05:00',
	'2026-07-20T10:00:00-05:00',
	'2026-12-13T10:00:00-05:00',
].map(Date.parse);

const checkNode = (name: string, y: number, credentials?: object) => ({
	id: `0e2e0024-0000-4000-8000-0000000000${y / 100 + 10}`,
	name,
	type: 'n8n-nodes-wolkvox.wolkvox',
	typeVersion: 1,
	position: [440, y],
	parameters: {
		resource: 'law2300',
		operation: 'contactWindow',
		at: '={{ $json.at }}',
		options: {},
	},
	...(credentials ? { credentials } : {}),
});

export const OPERATION_NODES = {
	withoutCredential: 'Check Contact Window',
	withCredential: 'Check Contact Window (node with a credential)',
	now: 'Check Contact Window ($now)',
};

export function contactWindowOperationWorkflow(): object {
	const { id, name } = CREDENTIALS.simulator;
	return {
		id: WORKFLOWS.contactWindowOperation,
		name: 'e2e: Check Contact Window without and with a credential',
		active: false,
		nodes: [
			{
				id: '0e2e0024-0000-4000-8000-000000000001',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: '0e2e0024-0000-4000-8000-000000000002',
				name: 'Moments',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: {
					jsCode: `return ${JSON.stringify(OPERATION_ITEMS)}.map((json) => ({ json }));`,
				},
			},
			checkNode(OPERATION_NODES.withoutCredential, 0),
			checkNode(OPERATION_NODES.withCredential, 200, { wolkvoxApi: { id, name } }),
			{
				...checkNode(OPERATION_NODES.now, 400),
				parameters: { resource: 'law2300', operation: 'contactWindow', at: '={{ $now }}' },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Moments', type: 'main', index: 0 }]] },
			Moments: {
				main: [Object.values(OPERATION_NODES).map((node) => ({ node, type: 'main', index: 0 }))],
			},
		},
		settings: { executionOrder: 'v1' },
	};
}

export const CONTACT_WINDOW_WEBHOOK_PATH = 'wolkvox-contact-window';

/**
 * A published workflow (n8n validates a workflow's credentials when it is published): a webhook
 * → Check Contact Window without a credential, answering with the verdict.
 */
export function contactWindowWebhookWorkflow(): object {
	return {
		id: WORKFLOWS.contactWindowWebhook,
		name: 'e2e: Check Contact Window behind a published webhook',
		active: false,
		nodes: [
			{
				id: '0e2e0024-0000-4000-8000-000000000021',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '0e2e0024-0000-4000-8000-0000000000ff',
				parameters: {
					httpMethod: 'GET',
					path: CONTACT_WINDOW_WEBHOOK_PATH,
					responseMode: 'lastNode',
					responseData: 'firstEntryJson',
					options: {},
				},
			},
			{
				...checkNode(OPERATION_NODES.withoutCredential, 0),
				id: '0e2e0024-0000-4000-8000-000000000022',
				position: [240, 0],
				parameters: {
					resource: 'law2300',
					operation: 'contactWindow',
					at: '={{ $json.query.at }}',
					options: { minimumMinutesLeft: '={{ $json.query.minutes }}' },
				},
			},
		],
		connections: {
			Webhook: { main: [[{ node: OPERATION_NODES.withoutCredential, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** Every workflow of the Check Contact Window e2e tests, for the global setup to import. */
export function contactWindowWorkflows(): object[] {
	return [
		contactWindowLoopWorkflow(),
		contactWindowWaitingWorkflow(),
		contactWindowOperationWorkflow(),
		contactWindowWebhookWorkflow(),
	];
}
