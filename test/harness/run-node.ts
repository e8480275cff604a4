import { ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionError,
	ICredentialDataDecryptedObject,
	IDataObject,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { WolkvoxApi } from '../../credentials/WolkvoxApi.credentials';
import { Wolkvox } from '../../nodes/Wolkvox/Wolkvox.node';
import { TestCredentialsHelper } from './credentials-helper';
import { assertSecretAbsent } from './no-secret';

const NODE_TYPE = 'n8n-nodes-wolkvox.wolkvox';
const wolkvox = new Wolkvox();

function nodeTypesOf(node: INodeType): INodeTypes {
	return {
		getByName: () => node,
		getByNameAndVersion: (): INodeType => node,
		getKnownTypes: () => ({ [NODE_TYPE]: { className: 'Wolkvox', sourcePath: '' } }),
	};
}
const nodeTypes = nodeTypesOf(wolkvox);

export interface WolkvoxCredentials extends ICredentialDataDecryptedObject {
	server: string;
	token: string;
	baseUrl: string;
}

export interface RunOptions {
	parameters: INodeParameters;
	/** None: the node has no credential set (as for Check Contact Window). */
	credentials?: WolkvoxCredentials;
	/** Input items of the Wolkvox node; default one empty item. */
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** Instead of continueOnFail: route failed items to the node's error output. */
	errorOutput?: boolean;
	/** Another instance of the node (e.g. from a second copy of its modules); default the usual one. */
	nodeType?: INodeType;
	/** Run as n8n runs the node for an AI Agent ("Wolkvox Tool", type n8n-nodes-wolkvox.wolkvoxTool). */
	asTool?: boolean;
}

export interface RunResult {
	/** The Wolkvox node's output items (empty when the execution failed). */
	output: INodeExecutionData[];
	/** Items on the node's error output (only with `errorOutput`). */
	errorOutput: INodeExecutionData[];
	/** The execution's error, when the node stopped it. */
	error?: ExecutionError;
	run: IRun;
}

const URL_FIELDS = [
	'restApiUrl',
	'instanceBaseUrl',
	'formBaseUrl',
	'formWaitingBaseUrl',
	'formTestBaseUrl',
	'webhookBaseUrl',
	'webhookWaitingBaseUrl',
	'webhookTestBaseUrl',
	'mcpBaseUrl',
	'mcpTestBaseUrl',
] as const;

export function additionalDataFor(
	credentials: WolkvoxCredentials | undefined,
	hooks: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	const urls = Object.fromEntries(
		URL_FIELDS.map((field) => [field, `http://localhost:5678/${field}`]),
	);
	return {
		...urls,
		hooks,
		credentialsHelper: new TestCredentialsHelper(
			{ wolkvoxApi: new WolkvoxApi() },
			credentials ? { wolkvox: credentials } : {},
		),
		currentNodeExecutionIndex: 0,
		variables: {},
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not used in these tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('Task runners are not used in these tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Resolves an n8n expression with `$credentials` the way n8n does for a credential's test request. */
export function resolveCredentialExpression(
	expression: string,
	credentials: ICredentialDataDecryptedObject,
): unknown {
	const node: INode = {
		id: 'n',
		name: 'n',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(
		node,
		expression,
		'internal',
		{ $credentials: credentials },
		undefined,
		'',
	);
}

let executionCount = 0;

/**
 * Runs one Wolkvox node through n8n-core's WorkflowExecute: the input items enter the node as they
 * would from a previous node, and the node talks over real HTTP to whatever the credential points at.
 * Throws if the credential's token appears anywhere in the execution's data.
 */
export async function runWolkvox(options: RunOptions): Promise<RunResult> {
	return await startWolkvox(options).result;
}

export interface StartedRun {
	/** Stops the execution as the editor's stop button does (n8n fires the execution's cancel signal). */
	stop(): void;
	result: Promise<RunResult>;
}

/** Like runWolkvox, but returns at once with a way to stop the execution. */
export function startWolkvox({
	parameters,
	credentials,
	items = [{}],
	continueOnFail = false,
	errorOutput = false,
	nodeType = wolkvox,
	asTool = false,
}: RunOptions): StartedRun {
	const node: INode = {
		id: 'wolkvox-node',
		name: 'Wolkvox',
		type: asTool ? `${NODE_TYPE}Tool` : NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		...(credentials
			? { credentials: { wolkvoxApi: { id: 'wolkvox', name: 'Wolkvox account' } } }
			: {}),
		...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...(errorOutput ? { onError: 'continueErrorOutput' as const } : {}),
	};
	const workflowData = oneNodeWorkflow(node, 'wolkvox-test');
	const workflow = new Workflow({ ...workflowData, nodeTypes: nodeTypesOf(nodeType) });

	const executionId = String(++executionCount);
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
	const finished = new Promise<IRun>((resolve) =>
		hooks.addHandler('workflowExecuteAfter', resolve),
	);

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node, data: { main: [items.map((json) => ({ json }))] }, source: null },
			],
		},
	});
	const execution = new WorkflowExecute(
		additionalDataFor(credentials, hooks),
		'manual',
		runExecutionData,
	);
	const running = execution.processRunExecutionData(workflow);
	const result = (async () => {
		await running;
		const run = await finished;
		const { error, runData } = run.data.resultData;
		const output = runData.Wolkvox?.[0]?.data?.main?.[0] ?? [];
		const errorItems = runData.Wolkvox?.[0]?.data?.main?.[1] ?? [];
		// Every engine test also checks the token: it must appear in no output and no error.
		if (credentials)
			assertSecretAbsent(run, credentials.token, 'the execution data (output or error)');
		return { output, errorOutput: errorItems, error, run };
	})();
	return { stop: () => running.cancel(), result };
}

/** The editor's context for the node's pickers and column mapper (n8n's LoadOptionsContext), node parameters as given. */
export function editorContext(
	parameters: INodeParameters,
	credentials: WolkvoxCredentials,
): ILoadOptionsFunctions {
	const node: INode = {
		id: 'wolkvox-node',
		name: 'Wolkvox',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { wolkvoxApi: { id: 'wolkvox', name: 'Wolkvox account' } },
	};
	const workflowData = oneNodeWorkflow(node, 'wolkvox-editor');
	const workflow = new Workflow({ ...workflowData, nodeTypes });
	const hooks = new ExecutionLifecycleHooks('manual', 'editor', workflowData);
	// The editor sends the node's parameters as they are being edited with every list request.
	const additionalData = {
		...additionalDataFor(credentials, hooks),
		currentNodeParameters: parameters,
	};
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters');
}
/** A workflow of one node, as the engine and the hooks take it. */
export function oneNodeWorkflow(node: INode, id: string, active = false): IWorkflowBase {
	return {
		id,
		name: id,
		active,
		isArchived: false,
		nodes: [node],
		connections: {},
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	};
}
