/**
 * Runs the Wolkvox Trigger's poll through n8n-core as n8n's active workflows do (n8n 2.41 with its
 * default, non-durable poll cursors; n8n 1.x alike): one Workflow object lives between polls, its
 * static data is saved to the "database" after the activation poll and whenever a poll emits, and a
 * restart rebuilds the workflow from what was saved. A poll that throws emits nothing.
 */
import 'reflect-metadata';

import { Container } from '@n8n/di';
import { ExecutionLifecycleHooks, PollContext, TriggersAndPollers } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { WolkvoxTrigger } from '../../nodes/WolkvoxTrigger/WolkvoxTrigger.node';
import { assertSecretAbsent } from './no-secret';
import type { WolkvoxCredentials } from './run-node';
import { additionalDataFor, oneNodeWorkflow } from './run-node';

const NODE_TYPE = 'n8n-nodes-wolkvox.wolkvoxTrigger';
const trigger = new WolkvoxTrigger();

const nodeTypes: INodeTypes = {
	getByName: () => trigger as INodeType,
	getByNameAndVersion: () => trigger as INodeType,
	getKnownTypes: () => ({ [NODE_TYPE]: { className: 'WolkvoxTrigger', sourcePath: '' } }),
};

export interface PollResult {
	/** The items the poll emitted (empty when it emitted nothing). */
	items: IDataObject[];
	/** The poll's error, when it failed. */
	error?: Error;
}

export interface TriggerRunner {
	/** One poll of the active workflow (or "Fetch Test Event" with mode 'manual'). */
	poll(mode?: WorkflowExecuteMode): Promise<PollResult>;
	/** n8n stops and starts again: the workflow is rebuilt from the saved static data. */
	restart(): void;
	/** The node's static data as last saved. */
	saved(): IDataObject | undefined;
	/** Every item emitted so far, in order. */
	emitted: IDataObject[];
	node: INode;
}

export function triggerRunner(
	parameters: INodeParameters,
	credentials: WolkvoxCredentials,
): TriggerRunner {
	const node: INode = {
		id: 'wolkvox-trigger-node',
		name: 'Wolkvox Trigger',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { wolkvoxApi: { id: 'wolkvox', name: 'Wolkvox account' } },
	};
	const workflowData = oneNodeWorkflow(node, 'wolkvox-trigger-test', true);
	let database: IDataObject = {};
	let workflow: Workflow | undefined;
	let polls = 0;
	let restarted = false;
	const emitted: IDataObject[] = [];
	const save = (from: Workflow) => {
		database = JSON.parse(JSON.stringify(from.staticData)) as IDataObject;
	};

	return {
		node,
		emitted,
		saved: () => database[`node:${node.name}`] as IDataObject | undefined,
		restart: () => {
			workflow = undefined;
			restarted = true;
		},
		async poll(mode = 'trigger') {
			const activating = workflow === undefined;
			workflow ??= new Workflow({
				...workflowData,
				staticData: JSON.parse(JSON.stringify(database)) as IDataObject,
				nodeTypes,
			});
			const current = workflow;
			const hooks = new ExecutionLifecycleHooks(mode, `poll-${++polls}`, workflowData);
			const context = new PollContext(
				current,
				node,
				additionalDataFor(credentials, hooks),
				mode,
				// one activation's context serves all its polls: 'activate', or 'init' when n8n starts
				restarted ? 'init' : 'activate',
			);
			try {
				const response = await Container.get(TriggersAndPollers).runPollFunction(
					current,
					node,
					context,
				);
				const items = (response?.[0] ?? []).map((item: INodeExecutionData) => item.json);
				assertSecretAbsent(items, credentials.token, 'the emitted items');
				if (mode !== 'manual') {
					emitted.push(...items);
					if (activating || response !== null) save(current);
				}
				return { items };
			} catch (error) {
				assertSecretAbsent(error, credentials.token, 'the poll error');
				return { items: [], error: error as Error };
			}
		},
	};
}
