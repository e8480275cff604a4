/**
 * Once per e2e run: installs (or reuses) n8n WOLKVOX_N8N_VERSION (default 2.41.1), builds and installs the package into a fresh
 * temporary N8N_USER_FOLDER, imports the credentials and workflows, and starts one `n8n start`.
 * Every test file starts its own simulator on PORTS.simulator, where the credentials point.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';

import { stopChildProcesses } from '../../scripts/runtime/children';
import { n8nCli, seedN8n } from '../../scripts/runtime/n8n-cli';
import { ensureN8n, type N8nInstall } from '../../scripts/runtime/n8n-install';
import { startN8n } from '../../scripts/runtime/n8n-process';
import { packAndInstall } from '../../scripts/runtime/package-install';
import { REPO_ROOT } from '../../scripts/runtime/paths';
import { N8N_INSTALL_ENV, N8N_VERSION, PORTS, USER_FOLDER_ENV, WORKFLOWS } from './e2e-config';
import { contactWindowWorkflows } from './contact-window-workflows';
import { httpRequestWorkflow } from './http-request-workflow';
import { setRunningN8n } from './n8n-handle';
import { assertPortsUsable, cleanUpOnSignal, writeCredentials } from './setup-support';

const EXAMPLES = [
	'dnc-from-spreadsheet.json',
	'crm-webhook-activity-code.json',
	'dnc-sync-dry-run.json',
	'opt-out-form.json',
	'crm-leads-to-campaign.json',
	'contact-window-queue.json',
].map((file) => path.join(REPO_ROOT, 'examples', file));
const FIXTURES = [
	'wrong-token.json',
	'bad-phone.json',
	'bad-phone-continue.json',
	'dnc-sync.json',
	'every-operation.json',
	'law2300-campaign.json',
	'ai-agent.json',
	'source-csv.json',
	'source-postgres.json',
	'opt-out-check.json',
	'campaign-every-operation.json',
	'pairing.json',
].map((file) => path.join(__dirname, 'fixtures', file));

async function prepareAndStart(install: N8nInstall, userFolder: string): Promise<void> {
	await packAndInstall(userFolder);
	const settings = { userFolder, port: PORTS.n8n, brokerPort: PORTS.broker };
	const httpRequestFile = path.join(userFolder, 'http-request-workflow.json');
	writeFileSync(httpRequestFile, JSON.stringify(httpRequestWorkflow()));
	const contactWindowFiles = contactWindowWorkflows().map((workflow, index) => {
		const file = path.join(userFolder, `contact-window-${index}.json`);
		writeFileSync(file, JSON.stringify(workflow));
		return file;
	});
	await seedN8n(n8nCli(install, { ...settings, brokerPort: PORTS.cliBroker }), {
		credentialsFile: writeCredentials(userFolder, PORTS.simulator),
		workflowFiles: [...EXAMPLES, ...FIXTURES, httpRequestFile, ...contactWindowFiles],
		publishIds: [
			WORKFLOWS.crmWebhook,
			WORKFLOWS.optOutForm,
			WORKFLOWS.crmLeads,
			WORKFLOWS.contactWindowWebhook,
		],
	});
	// The opt-out form writes what it cannot apply under .n8n-files, as in n8n's Docker image.
	const filesFolder = path.join(userFolder, '.n8n-files');
	mkdirSync(filesFolder);
	const env = { N8N_RESTRICT_FILE_ACCESS_TO: filesFolder };
	setRunningN8n(await startN8n(install, { ...settings, env }), userFolder);
}

export default async function globalSetup(): Promise<void> {
	console.log('');
	await assertPortsUsable(PORTS, 'WOLKVOX_E2E_BASE_PORT');
	const install = await ensureN8n(N8N_VERSION);
	process.env[N8N_INSTALL_ENV] = JSON.stringify(install);
	const userFolder = mkdtempSync(path.join(os.tmpdir(), 'wolkvox-e2e-'));
	process.env[USER_FOLDER_ENV] = userFolder;
	cleanUpOnSignal([userFolder]);
	try {
		await prepareAndStart(install, userFolder);
	} catch (error) {
		await stopChildProcesses();
		rmSync(userFolder, { recursive: true, force: true });
		throw error;
	}
}
