/**
 * Once per e2e run: installs (or reuses) n8n WOLKVOX_N8N_VERSION (default 2.41.1), builds and installs the package into a fresh
 * temporary N8N_USER_FOLDER, imports the credentials and workflows, and starts one `n8n start`.
 * Every test file starts its own simulator on PORTS.simulator, where the credentials point.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';

import { signalReceived, stopChildProcesses } from '../../scripts/runtime/children';
import { n8nCli, seedN8n } from '../../scripts/runtime/n8n-cli';
import { ensureN8n, type N8nInstall } from '../../scripts/runtime/n8n-install';
import { startN8n } from '../../scripts/runtime/n8n-process';
import { packAndInstall } from '../../scripts/runtime/package-install';
import { REPO_ROOT } from '../../scripts/runtime/paths';
import { assertPortFree, assertTestPort } from '../../scripts/runtime/ports';
import { progress } from '../../scripts/runtime/progress';
import { CREDENTIALS, N8N_INSTALL_ENV, N8N_VERSION, PORTS, USER_FOLDER_ENV, WORKFLOWS } from './e2e-config';
import { setRunningN8n } from './n8n-handle';

const EXAMPLES = ['dnc-from-spreadsheet.json', 'crm-webhook-activity-code.json'].map((file) =>
	path.join(REPO_ROOT, 'examples', file),
);
const FIXTURES = ['wrong-token.json', 'bad-phone.json', 'bad-phone-continue.json'].map((file) =>
	path.join(__dirname, 'fixtures', file),
);

async function assertPortsUsable(): Promise<void> {
	for (const [purpose, port] of Object.entries(PORTS)) {
		assertTestPort(port, `e2e ${purpose}`);
		await assertPortFree(port, `e2e ${purpose}; set WOLKVOX_E2E_BASE_PORT to move all e2e ports`);
	}
}

function writeCredentials(userFolder: string): string {
	const baseUrl = `http://127.0.0.1:${PORTS.simulator}`;
	const credentials = Object.values(CREDENTIALS).map(({ id, name, token }) => ({
		id,
		name,
		type: 'wolkvoxApi',
		data: { server: '0002', token, baseUrl },
	}));
	const file = path.join(userFolder, 'e2e-credentials.json');
	writeFileSync(file, JSON.stringify(credentials, null, 2));
	return file;
}

async function prepareAndStart(install: N8nInstall, userFolder: string): Promise<void> {
	await packAndInstall(userFolder);
	const settings = { userFolder, port: PORTS.n8n, brokerPort: PORTS.broker };
	await seedN8n(n8nCli(install, { ...settings, brokerPort: PORTS.cliBroker }), {
		credentialsFile: writeCredentials(userFolder),
		workflowFiles: [...EXAMPLES, ...FIXTURES],
		publishIds: [WORKFLOWS.crmWebhook],
	});
	setRunningN8n(await startN8n(install, settings), userFolder);
}

/** Ctrl-C during the run: jest would die without its teardown, leaving n8n's process group behind. */
function cleanUpOnSignal(userFolder: string): void {
	void signalReceived().then(async (signal) => {
		progress(`e2e: ${signal}: stopping n8n and removing ${userFolder}`);
		await stopChildProcesses();
		rmSync(userFolder, { recursive: true, force: true });
		process.exit(130);
	});
}

export default async function globalSetup(): Promise<void> {
	console.log('');
	await assertPortsUsable();
	const install = await ensureN8n(N8N_VERSION);
	process.env[N8N_INSTALL_ENV] = JSON.stringify(install);
	const userFolder = mkdtempSync(path.join(os.tmpdir(), 'wolkvox-e2e-'));
	process.env[USER_FOLDER_ENV] = userFolder;
	cleanUpOnSignal(userFolder);
	try {
		await prepareAndStart(install, userFolder);
	} catch (error) {
		await stopChildProcesses();
		rmSync(userFolder, { recursive: true, force: true });
		throw error;
	}
}
