/** What the global setups of the e2e suites (single n8n, queue mode) share. */
import { rmSync, writeFileSync } from 'fs';
import path from 'path';

import { signalReceived, stopChildProcesses } from '../../scripts/runtime/children';
import { assertPortFree, assertTestPort } from '../../scripts/runtime/ports';
import { progress } from '../../scripts/runtime/progress';
import { simulatorCredentialData } from '../../scripts/runtime/simulator';
import {
	CREDENTIALS,
	CRM_POSTGRES_CREDENTIAL,
	DEFAULT_DOMAINS_CREDENTIAL,
	OPENAI_CREDENTIAL,
	PORTS,
} from './e2e-config';

export async function assertPortsUsable(
	ports: Record<string, number>,
	baseEnvName: string,
): Promise<void> {
	for (const [purpose, port] of Object.entries(ports)) {
		assertTestPort(port, `e2e ${purpose}`);
		await assertPortFree(port, `e2e ${purpose}; set ${baseEnvName} to move all e2e ports`);
	}
}

/**
 * The e2e credentials (n8n's import format, plain data): the Wolkvox ones point at the simulator on
 * `simulatorPort` (and allow its host in the HTTP Request node) but one, as a user creates it; the
 * OpenAI one at the AI Agent tests' scripted model; the Postgres one at the CRM database of the
 * Postgres source test.
 */
export function writeCredentials(userFolder: string, simulatorPort: number): string {
	const baseUrl = `http://127.0.0.1:${simulatorPort}`;
	const credentials: object[] = [
		...Object.values(CREDENTIALS).map(({ id, name, token }) => ({
			id,
			name,
			type: 'wolkvoxApi',
			data: simulatorCredentialData(baseUrl, token),
		})),
		{
			id: DEFAULT_DOMAINS_CREDENTIAL.id,
			name: DEFAULT_DOMAINS_CREDENTIAL.name,
			type: 'wolkvoxApi',
			data: { server: '0002', token: DEFAULT_DOMAINS_CREDENTIAL.token },
		},
		{
			...OPENAI_CREDENTIAL,
			type: 'openAiApi',
			data: { apiKey: 'sk-scripted-model', url: `http://127.0.0.1:${PORTS.openAi}/v1` },
		},
		{
			...CRM_POSTGRES_CREDENTIAL,
			type: 'postgres',
			data: {
				host: '127.0.0.1',
				port: PORTS.crmPostgres,
				database: 'n8n',
				user: 'postgres',
				password: '',
				ssl: 'disable',
			},
		},
	];
	const file = path.join(userFolder, 'e2e-credentials.json');
	writeFileSync(file, JSON.stringify(credentials, null, 2));
	return file;
}

/** Ctrl-C during the run: jest would die without its teardown, leaving n8n's process groups behind. */
export function cleanUpOnSignal(folders: string[]): void {
	void signalReceived().then(async (signal) => {
		progress(`e2e: ${signal}: stopping n8n and removing ${folders.join(', ')}`);
		await stopChildProcesses();
		for (const folder of folders) rmSync(folder, { recursive: true, force: true });
		process.exit(130);
	});
}
