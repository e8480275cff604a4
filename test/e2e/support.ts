/** Helpers for the e2e tests: the simulator the credentials point at, the n8n CLI, webhook calls. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { WolkvoxSimulator } from '../../simulator/server';
import { executeWorkflow, n8nCli, type ExecuteResult } from '../../scripts/runtime/n8n-cli';
import type { N8nInstall } from '../../scripts/runtime/n8n-install';
import {
	CREDENTIALS,
	FILES_FOLDER,
	N8N_INSTALL_ENV,
	PORTS,
	USER_FOLDER_ENV,
	WEBHOOK_PATH,
} from './e2e-config';

/** The simulator the e2e credentials point at: started for the test file, reset before each test. */
export function useSimulator(latencyMs = 0): { simulator: WolkvoxSimulator } {
	const fixture = {} as { simulator: WolkvoxSimulator };
	beforeAll(async () => {
		fixture.simulator = await WolkvoxSimulator.start({
			port: PORTS.simulator,
			tokens: [{ token: CREDENTIALS.simulator.token }],
			latencyMs,
		});
	});
	beforeEach(() => fixture.simulator.reset());
	afterAll(async () => await fixture.simulator.stop());
	return fixture;
}

function fromSetup(name: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set: run the e2e tests with jest.e2e.config.js`);
	return value;
}

const userFolder = () => fromSetup(USER_FOLDER_ENV);

/** Where workflows read files from disk (relative paths in a workflow start at the user folder). */
export const filesFolder = () => path.join(userFolder(), FILES_FOLDER);

/** `n8n execute --id … --rawOutput` against the suite's database, beside the running `n8n start`. */
export async function execute(workflowId: string): Promise<ExecuteResult> {
	const cli = n8nCli(JSON.parse(fromSetup(N8N_INSTALL_ENV)) as N8nInstall, {
		userFolder: userFolder(),
		port: PORTS.n8n,
		brokerPort: PORTS.cliBroker,
		env: { N8N_RESTRICT_FILE_ACCESS_TO: filesFolder() },
	});
	return await executeWorkflow(cli, workflowId);
}

export interface WebhookResponse {
	status: number;
	body: Record<string, unknown>;
}

export async function postActivityCodeWebhook(payload: object): Promise<WebhookResponse> {
	const response = await fetch(`http://127.0.0.1:${PORTS.n8n}/webhook/${WEBHOOK_PATH}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(payload),
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Every telephone the simulator received in add_dnc calls. */
export function telephonesSent(simulator: WolkvoxSimulator): string[] {
	return simulator
		.requestsFor('add_dnc')
		.flatMap((request) => (request.body as { telephones?: string[] }).telephones ?? []);
}

/** Everything the long-running `n8n start` has logged so far. */
export function n8nLog(): string {
	return readFileSync(path.join(userFolder(), 'n8n.log'), 'utf8');
}

export function output(result: ExecuteResult): string {
	return `${result.stdout}\n${result.stderr}`;
}
