/**
 * `npm start`: the package in a real n8n 2.41.1, wired to a local Wolkvox simulator.
 * `npm run start:queue` (or `npm start -- --queue`): the same in n8n's queue mode: Postgres + Redis +
 * n8n main + 2 workers.
 *
 *   N8N_PORT (5678)  N8N_RUNNERS_BROKER_PORT (5679)  WOLKVOX_SIM_PORT (5680)  WOLKVOX_SIM_TOKEN
 *   WOLKVOX_DEMO_MODEL_PORT (5677: the AI Agent example's scripted model)
 *   queue mode: WOLKVOX_PG_PORT (5681)  WOLKVOX_REDIS_PORT (5682)  WOLKVOX_WORKER_BASE_PORT (5683:
 *   worker i's task broker on base + 2i, its health check on base + 2i + 1)  WOLKVOX_WORKERS (2)
 *
 * n8n's data lives in .cache/n8n-user (queue mode: .cache/n8n-queue-user and .cache/queue) and is kept
 * between runs; n8n runs in that folder and may read files only under its `.n8n-files/`, where the CSV
 * example's sample file is put. Ctrl-C, SIGTERM or SIGHUP (to this process, to npm, or to the process
 * group), or `npm stop` from another terminal, stop everything; .cache/start.pid names what runs.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { parseArgs } from 'util';

import { DEFAULT_TOKEN, type WolkvoxSimulator } from '../simulator/server';
import { parentExited, signalReceived, stopChildProcesses, type Service } from './runtime/children';
import { demoModelCredential, DEMO_MODEL_CREDENTIAL, startDemoModel } from './runtime/demo-model';
import { importSeed, n8nCli, seedN8n, type N8nSettings, type SeedFiles } from './runtime/n8n-cli';
import { ensureN8n, type N8nInstall } from './runtime/n8n-install';
import { startN8n, webhookRegistered, type RunningN8n } from './runtime/n8n-process';
import { packAndInstall } from './runtime/package-install';
import { CACHE_DIR, REPO_ROOT, shortPath } from './runtime/paths';
import { Pidfile } from './runtime/pidfile';
import { assertPortsFree, portFromEnv } from './runtime/ports';
import { findPostgresBinDir } from './runtime/postgres';
import { progress } from './runtime/progress';
import {
	encryptionKey,
	queueEnv,
	startQueueBackends,
	startWorker,
	type WorkerPorts,
} from './runtime/queue-mode';
import { findRedisServer } from './runtime/redis';
import { simulatorCredentialData, startSimulator } from './runtime/simulator';
import type { ScriptedOpenAi } from './runtime/scripted-model';
import { missingQueueToolsMessage } from './runtime/system-tools';

const PIDFILE = path.join(CACHE_DIR, 'start.pid');
const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
const WEBHOOK_WORKFLOW_ID = 'WolkvoxCrmHook01';
const FORM_WORKFLOW_ID = 'WolkvoxOptOutFrm';
const FORM_PATH = 'wolkvox-opt-out';
const WEBHOOK_PATH = 'wolkvox-activity-code';
const SIMULATOR_CREDENTIAL = { id: 'WolkvoxSimCred01', name: 'Wolkvox (simulator)' };
const AI_AGENT_WORKFLOW_ID = 'WolkvoxAgentDnc01';
const POSTGRES_WORKFLOW_ID = 'WolkvoxCrmPgSync';
/**
 * The CSV example reads `.n8n-files/opt-outs.csv` relative to the folder n8n runs in: /home/node in
 * n8n's Docker image (whose n8n 2.x may read ~/.n8n-files by default), the user folder here.
 */
const FILES_FOLDER = '.n8n-files';
const SAMPLE_CSV = 'opt-outs.csv';

interface Example {
	file: string;
	id: string;
	name: string;
}

/** Every workflow in examples/, imported and listed in the banner. */
function readExamples(): Example[] {
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const workflow = JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as {
				id: string;
				name: string;
			};
			return { file: path.join(EXAMPLES_DIR, file), id: workflow.id, name: workflow.name };
		});
}

interface QueueConfig {
	postgresPort: number;
	redisPort: number;
	workers: WorkerPorts[];
	dataDir: string;
}

interface StartConfig {
	n8n: N8nSettings;
	simulatorPort: number;
	demoModelPort: number;
	simulatorToken: string;
	queue?: QueueConfig;
}

function readQueueConfig(): QueueConfig {
	const workerBase = portFromEnv('WOLKVOX_WORKER_BASE_PORT', 5683);
	const count = Number(process.env.WOLKVOX_WORKERS || 2);
	if (!Number.isInteger(count) || count < 1)
		throw new Error(`WOLKVOX_WORKERS=${process.env.WOLKVOX_WORKERS} is not a positive integer`);
	return {
		postgresPort: portFromEnv('WOLKVOX_PG_PORT', 5681),
		redisPort: portFromEnv('WOLKVOX_REDIS_PORT', 5682),
		workers: Array.from({ length: count }, (_, index) => ({
			brokerPort: workerBase + 2 * index,
			healthPort: workerBase + 2 * index + 1,
		})),
		dataDir: path.join(CACHE_DIR, 'queue'),
	};
}

function readConfig(): StartConfig {
	const { values } = parseArgs({ options: { queue: { type: 'boolean', default: false } } });
	const queue = values.queue ? readQueueConfig() : undefined;
	const userFolder = path.join(CACHE_DIR, queue ? 'n8n-queue-user' : 'n8n-user');
	return {
		n8n: {
			userFolder,
			port: portFromEnv('N8N_PORT', 5678),
			brokerPort: portFromEnv('N8N_RUNNERS_BROKER_PORT', 5679),
			listenAddress: process.env.N8N_LISTEN_ADDRESS || '127.0.0.1',
			env: { N8N_RESTRICT_FILE_ACCESS_TO: path.join(userFolder, FILES_FOLDER) },
		},
		simulatorPort: portFromEnv('WOLKVOX_SIM_PORT', 5680),
		demoModelPort: portFromEnv('WOLKVOX_DEMO_MODEL_PORT', 5677),
		simulatorToken: process.env.WOLKVOX_SIM_TOKEN || DEFAULT_TOKEN,
		queue,
	};
}

/** Everything checked before the (first-time: several-minute) install: ports, and Postgres/Redis in queue mode. */
async function preflight(config: StartConfig): Promise<void> {
	const ports: Record<string, number> = {
		'n8n editor, N8N_PORT': config.n8n.port,
		'n8n task broker, N8N_RUNNERS_BROKER_PORT': config.n8n.brokerPort,
		'Wolkvox simulator, WOLKVOX_SIM_PORT': config.simulatorPort,
		'demo model, WOLKVOX_DEMO_MODEL_PORT': config.demoModelPort,
	};
	if (config.queue) {
		if (!findPostgresBinDir() || !findRedisServer()) throw new Error(missingQueueToolsMessage());
		ports['Postgres, WOLKVOX_PG_PORT'] = config.queue.postgresPort;
		ports['Redis, WOLKVOX_REDIS_PORT'] = config.queue.redisPort;
		config.queue.workers.forEach((worker, index) => {
			ports[`worker ${index + 1} task broker, WOLKVOX_WORKER_BASE_PORT`] = worker.brokerPort;
			ports[`worker ${index + 1} health check, WOLKVOX_WORKER_BASE_PORT`] = worker.healthPort;
		});
	}
	await assertPortsFree(ports);
}

/**
 * n8n's import format: an array of credentials whose `data` is plain (n8n encrypts it on import): the
 * simulator's Wolkvox credential and the demo model's OpenAI credential.
 */
function writeCredentials(
	userFolder: string,
	simulator: WolkvoxSimulator,
	token: string,
	demoModel: ScriptedOpenAi,
): string {
	const file = path.join(userFolder, 'start-credentials.json');
	const wolkvox = {
		...SIMULATOR_CREDENTIAL,
		type: 'wolkvoxApi',
		data: simulatorCredentialData(simulator.baseUrl, token),
	};
	writeFileSync(file, JSON.stringify([wolkvox, demoModelCredential(demoModel.baseUrl)], null, 2));
	return file;
}

/** The CSV example's sample file, put where n8n may read it (kept when it is there: it may be edited). */
function provideSampleCsv(userFolder: string): string {
	const file = path.join(userFolder, FILES_FOLDER, SAMPLE_CSV);
	mkdirSync(path.dirname(file), { recursive: true });
	if (!existsSync(file)) copyFileSync(path.join(EXAMPLES_DIR, SAMPLE_CSV), file);
	return file;
}

function exampleLines(examples: Example[], n8nUrl: string): string[] {
	return examples.flatMap((example) =>
		example.id === WEBHOOK_WORKFLOW_ID
			? [
					`    - "${example.name}" (published), try:`,
					`      curl -X POST ${n8nUrl}/webhook/${WEBHOOK_PATH} -H 'content-type: application/json' \\`,
					`        -d '{"code":"510","description":"Callback scheduled","success":true,"rightPartyContact":true}'`,
				]
			: example.id === FORM_WORKFLOW_ID
				? [`    - "${example.name}" (published), open ${n8nUrl}/form/${FORM_PATH}`]
				: example.id === AI_AGENT_WORKFLOW_ID
					? [`    - "${example.name}" (open it, then Open chat; its model is the demo model)`]
					: example.id === POSTGRES_WORKFLOW_ID
						? [`    - "${example.name}" (needs your own Postgres: see its note)`]
						: [`    - "${example.name}" (open it, then Execute workflow)`],
	);
}

interface Extras {
	simulator: WolkvoxSimulator;
	demoModel: ScriptedOpenAi;
	sampleCsv: string;
}

function printBanner(
	n8n: RunningN8n,
	{ simulator, demoModel, sampleCsv }: Extras,
	services: Service[],
	examples: Example[],
): void {
	const lines = [
		'',
		`n8n ${n8n.url} is running with n8n-nodes-wolkvox installed as a community package.`,
		`  Open ${n8n.url} (first time: create the owner account), then Workflows:`,
		...exampleLines(examples, n8n.url),
		`  Credential "${SIMULATOR_CREDENTIAL.name}" points at the simulator ${simulator.baseUrl} (it starts empty each time)`,
		`  Credential "${DEMO_MODEL_CREDENTIAL.name}" points at ${demoModel.baseUrl}`,
		`  The CSV example reads ${shortPath(sampleCsv)}`,
		`  Simulator state: ${simulator.baseUrl}/__simulator/state`,
		...services.map(
			(service) => `  ${service.name} (pid ${service.process.pid}) log: ${service.logFile}`,
		),
		'Press Ctrl-C to stop everything (from another terminal: npm stop).',
		'',
	];
	console.log(lines.join('\n'));
}

let stopping = false;
/** From the first Ctrl-C / SIGTERM / SIGHUP (or npm's death) on, whatever starts or runs is stopped at once. */
const stopRequested = Promise.race([
	signalReceived(),
	parentExited().then(() => 'its npm parent exited'),
]).then((reason) => {
	stopping = true;
	void stopChildProcesses();
	return reason === 'SIGINT' ? 'Ctrl-C' : reason;
});

function untilStopped(services: Service[]): Promise<string> {
	const exits = services.map(
		(service) =>
			new Promise<string>((resolve) =>
				service.process.once('exit', (code) =>
					resolve(`${service.name} exited (code ${code}); see ${service.logFile}`),
				),
			),
	);
	return Promise.race([stopRequested, ...exits]);
}

/** Single-process n8n on SQLite: the package, the credential and the examples imported once. */
async function startSingle(
	install: N8nInstall,
	config: StartConfig,
	seed: SeedFiles,
): Promise<Service[]> {
	await seedN8n(n8nCli(install, config.n8n), seed);
	return [await startN8n(install, config.n8n)];
}

/** Queue mode: Postgres, Redis, then the credential and examples imported into Postgres, then main and workers. */
async function startQueue(
	install: N8nInstall,
	config: StartConfig,
	queue: QueueConfig,
	seed: SeedFiles,
): Promise<Service[]> {
	mkdirSync(queue.dataDir, { recursive: true });
	const backends = await startQueueBackends(queue);
	const settings: N8nSettings = {
		...config.n8n,
		env: { ...config.n8n.env, ...queueEnv(backends, encryptionKey(config.n8n.userFolder)) },
	};
	// The seed marker lives in the user folder, the data in Postgres: import every time (it upserts).
	await importSeed(n8nCli(install, settings), seed);
	const main = await startN8n(install, settings);
	const workers = await Promise.all(
		queue.workers.map((ports, index) => startWorker(install, settings, ports, index + 1)),
	);
	return [backends.postgres, backends.redis, main, ...workers];
}

async function main(): Promise<void> {
	const config = readConfig();
	const pidfile = Pidfile.claim(PIDFILE, config.queue ? 'npm run start:queue' : 'npm start');
	try {
		await preflight(config);
		const install = await ensureN8n();
		const userFolder = config.n8n.userFolder;
		mkdirSync(userFolder, { recursive: true });
		await packAndInstall(userFolder);
		const examples = readExamples();
		const sampleCsv = provideSampleCsv(userFolder);
		const simulator = await startSimulator({
			port: config.simulatorPort,
			tokens: [{ token: config.simulatorToken }],
		});
		let demoModel: ScriptedOpenAi | undefined;
		try {
			demoModel = await startDemoModel(config.demoModelPort);
			const seed: SeedFiles = {
				credentialsFile: writeCredentials(userFolder, simulator, config.simulatorToken, demoModel),
				workflowFiles: examples.map((example) => example.file),
				publishIds: [WEBHOOK_WORKFLOW_ID, FORM_WORKFLOW_ID],
			};
			const services = config.queue
				? await startQueue(install, config, config.queue, seed)
				: await startSingle(install, config, seed);
			const n8n = services.find(
				(service): service is RunningN8n => 'url' in service && service.name === 'n8n',
			);
			if (n8n && !(await webhookRegistered(n8n, WEBHOOK_PATH)))
				progress(`n8n has not registered the webhook /webhook/${WEBHOOK_PATH} yet: see its log`);
			if (n8n) printBanner(n8n, { simulator, demoModel, sampleCsv }, services, examples);
			const reason = await untilStopped(services);
			if (!stopping) throw new Error(reason);
			progress(`Stopping (${reason})…`);
			await stopChildProcesses();
		} finally {
			await Promise.all([simulator.stop(), demoModel?.stop()]);
		}
	} finally {
		pidfile.release();
	}
}

main().then(
	() => {
		progress('Everything is stopped');
		process.exit(0);
	},
	async (error: Error) => {
		await stopChildProcesses();
		console.error(stopping ? '\nStopped.' : `\nnpm start failed: ${error.message}`);
		process.exit(stopping ? 130 : 1);
	},
);
