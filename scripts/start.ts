/**
 * `npm start`: the package in a real n8n 2.41.1, wired to a local Wolkvox simulator.
 *
 *   N8N_PORT (5678)  N8N_RUNNERS_BROKER_PORT (5679)  WOLKVOX_SIM_PORT (5680)  WOLKVOX_SIM_TOKEN
 *
 * n8n's data lives in .cache/n8n-user and is kept between runs; Ctrl-C stops n8n and the simulator.
 */
import { mkdirSync, writeFileSync } from 'fs';
import path from 'path';

import { DEFAULT_TOKEN, type WolkvoxSimulator } from '../test/simulator/server';
import { signalReceived, stopChildProcesses } from './runtime/children';
import { n8nCli, seedN8n, type N8nSettings } from './runtime/n8n-cli';
import { ensureN8n, type N8nInstall } from './runtime/n8n-install';
import { startN8n, type RunningN8n } from './runtime/n8n-process';
import { packAndInstall } from './runtime/package-install';
import { CACHE_DIR, REPO_ROOT } from './runtime/paths';
import { assertPortFree, portFromEnv } from './runtime/ports';
import { progress } from './runtime/progress';
import { startSimulator } from './runtime/simulator';

const USER_FOLDER = path.join(CACHE_DIR, 'n8n-user');
const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
const EXAMPLE_FILES = ['dnc-from-spreadsheet.json', 'crm-webhook-activity-code.json'];
const WEBHOOK_WORKFLOW_ID = 'WolkvoxCrmHook01';
const WEBHOOK_PATH = 'wolkvox-activity-code';
const SIMULATOR_CREDENTIAL = { id: 'WolkvoxSimCred01', name: 'Wolkvox (simulator)' };

interface StartConfig {
	n8n: N8nSettings;
	simulatorPort: number;
	simulatorToken: string;
}

function readConfig(): StartConfig {
	return {
		n8n: {
			userFolder: USER_FOLDER,
			port: portFromEnv('N8N_PORT', 5678),
			brokerPort: portFromEnv('N8N_RUNNERS_BROKER_PORT', 5679),
			listenAddress: process.env.N8N_LISTEN_ADDRESS || '127.0.0.1',
		},
		simulatorPort: portFromEnv('WOLKVOX_SIM_PORT', 5680),
		simulatorToken: process.env.WOLKVOX_SIM_TOKEN || DEFAULT_TOKEN,
	};
}

async function assertPortsFree(config: StartConfig): Promise<void> {
	await assertPortFree(config.n8n.port, 'n8n editor, N8N_PORT');
	await assertPortFree(config.n8n.brokerPort, 'n8n task broker, N8N_RUNNERS_BROKER_PORT');
	await assertPortFree(config.simulatorPort, 'Wolkvox simulator, WOLKVOX_SIM_PORT');
}

/** n8n's import format: an array of credentials whose `data` is plain (n8n encrypts it on import). */
function writeSimulatorCredential(baseUrl: string, token: string): string {
	const file = path.join(USER_FOLDER, 'wolkvox-simulator-credential.json');
	const credential = { ...SIMULATOR_CREDENTIAL, type: 'wolkvoxApi', data: { server: '0002', token, baseUrl } };
	writeFileSync(file, JSON.stringify([credential], null, 2));
	return file;
}

function printBanner(n8n: RunningN8n, simulator: WolkvoxSimulator): void {
	const lines = [
		'',
		`n8n ${n8n.url} is running with n8n-nodes-wolkvox installed as a community package.`,
		`  Open ${n8n.url} (first time: create the owner account), then Workflows:`,
		'    - "Wolkvox: add a spreadsheet\'s opt-outs to the Do-Not-Call list" (run it with Execute workflow)',
		'    - "Wolkvox: create an activity code from a CRM webhook" (published), try:',
		`      curl -X POST ${n8n.url}/webhook/${WEBHOOK_PATH} -H 'content-type: application/json' \\`,
		`        -d '{"code":"510","description":"Callback scheduled","success":true,"rightPartyContact":true}'`,
		`  Credential "${SIMULATOR_CREDENTIAL.name}" points at the simulator ${simulator.baseUrl}`,
		`  Simulator state: ${simulator.baseUrl}/__simulator/state   n8n log: ${n8n.logFile}`,
		'Press Ctrl-C to stop n8n and the simulator.',
		'',
	];
	console.log(lines.join('\n'));
}

let stopping = false;
/** From the first Ctrl-C / SIGTERM on, a starting or running n8n is stopped at once. */
const stopRequested = signalReceived().then((signal) => {
	stopping = true;
	void stopChildProcesses();
	return signal === 'SIGINT' ? 'Ctrl-C' : signal;
});

function untilStopped(n8n: RunningN8n): Promise<string> {
	const exited = new Promise<string>((resolve) => n8n.process.once('exit', (code) => resolve(`n8n exited (code ${code})`)));
	return Promise.race([stopRequested, exited]);
}

async function runWithSimulator(install: N8nInstall, config: StartConfig, simulator: WolkvoxSimulator): Promise<void> {
	await seedN8n(n8nCli(install, config.n8n), {
		credentialsFile: writeSimulatorCredential(simulator.baseUrl, config.simulatorToken),
		workflowFiles: EXAMPLE_FILES.map((file) => path.join(EXAMPLES_DIR, file)),
		publishIds: [WEBHOOK_WORKFLOW_ID],
	});
	const n8n = await startN8n(install, config.n8n);
	printBanner(n8n, simulator);
	const reason = await untilStopped(n8n);
	if (!stopping) throw new Error(`${reason}; see ${n8n.logFile}`);
	progress(`Stopping (${reason})…`);
	await n8n.stop();
}

async function main(): Promise<void> {
	const config = readConfig();
	await assertPortsFree(config);
	const install = await ensureN8n();
	mkdirSync(USER_FOLDER, { recursive: true });
	await packAndInstall(USER_FOLDER);
	const simulator = await startSimulator({ port: config.simulatorPort, tokens: [{ token: config.simulatorToken }] });
	try {
		await runWithSimulator(install, config, simulator);
	} finally {
		await simulator.stop();
	}
}

main().then(
	() => {
		progress('n8n and the simulator are stopped');
		process.exit(0);
	},
	async (error: Error) => {
		await stopChildProcesses();
		console.error(stopping ? '\nStopped.' : `\nnpm start failed: ${error.message}`);
		process.exit(stopping ? 130 : 1);
	},
);
