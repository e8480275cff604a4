/**
 * `npm start` as a fresh clone runs it: its cache folder does not exist yet. The n8n and Node installs
 * are reused from this checkout's cache (WOLKVOX_INSTALL_DIR), so the test costs a start, not an install.
 * What the README and the banner promise a newcomer is tried: the webhook's curl, the published form,
 * the CSV example on the sample file npm start provides, the AI Agent example on the demo model.
 */
import { spawn, type ChildProcess } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';

import { isProcessAlive, runCaptured } from '../../../scripts/runtime/children';
import { ensureN8n } from '../../../scripts/runtime/n8n-install';
import { INSTALL_DIR, REPO_ROOT } from '../../../scripts/runtime/paths';
import { stopRecorded } from '../../../scripts/runtime/pidfile';
import { assertPortFree, assertTestPort, portFromEnv } from '../../../scripts/runtime/ports';
import { progress } from '../../../scripts/runtime/progress';
import { until } from '../../harness/until';
import { ownerSession, type RestSession } from '../rest';

const basePort = portFromEnv('WOLKVOX_START_E2E_BASE_PORT', 5700);
const PORTS = {
	n8n: basePort,
	broker: basePort + 1,
	simulator: basePort + 2,
	demoModel: basePort + 3,
};
const READY_LINE = 'is running with n8n-nodes-wolkvox installed';

const examples = readdirSync(path.join(REPO_ROOT, 'examples'))
	.filter((file) => file.endsWith('.json'))
	.map(
		(file) =>
			JSON.parse(readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8')) as {
				id: string;
				name: string;
			},
	);

interface RecordedProcess {
	name: string;
	pid: number;
}

const workDir = mkdtempSync(path.join(os.tmpdir(), 'wolkvox-fresh-start-'));
const cacheDir = path.join(workDir, 'not-created-yet', '.cache');
const pidfile = path.join(cacheDir, 'start.pid');
let npmStart: ChildProcess | undefined;
let output = '';

beforeAll(async () => {
	for (const [purpose, port] of Object.entries(PORTS)) {
		assertTestPort(port, `start e2e ${purpose}`);
		await assertPortFree(port, `start e2e ${purpose}; set WOLKVOX_START_E2E_BASE_PORT`);
	}
	await ensureN8n(); // the e2e suite normally installed it already
}, 900_000);

afterAll(async () => {
	if (npmStart?.exitCode === null) process.kill(-npmStart.pid!, 'SIGKILL');
	await stopRecorded(pidfile, 5_000);
	rmSync(workDir, { recursive: true, force: true });
});

interface SimulatorState {
	activityCodes: unknown[];
	dnc: { outbound: string[] };
	requestsByApi: Record<string, number>;
}

async function simulatorState(): Promise<SimulatorState> {
	const response = await fetch(`http://127.0.0.1:${PORTS.simulator}/__simulator/state`);
	return (await response.json()) as SimulatorState;
}

/** Runs a workflow as the editor's Execute workflow (or Open chat) does; resolves with its final status. */
async function runManually(
	session: RestSession,
	workflowId: string,
	triggerToStartFrom: { name: string; data?: object },
): Promise<string> {
	const { executionId } = (await session.post(`/workflows/${workflowId}/run`, {
		triggerToStartFrom,
	})) as { executionId: string };
	return await until(async () => {
		const { status } = (await session.get(`/executions/${executionId}`)) as { status: string };
		return !['new', 'running'].includes(status) && status;
	});
}

async function exited(child: ChildProcess): Promise<number | null> {
	if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
	return await new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

it('from a cache folder that does not exist: n8n serves the node, the simulator and the examples; npm stop stops everything', async () => {
	expect(existsSync(path.dirname(cacheDir))).toBe(false);
	const startedAt = Date.now();
	npmStart = spawn('npm', ['start'], {
		cwd: REPO_ROOT,
		detached: true, // a group of its own, so that a failed test can still kill whatever is left
		env: {
			...process.env,
			WOLKVOX_CACHE_DIR: cacheDir,
			WOLKVOX_INSTALL_DIR: INSTALL_DIR,
			N8N_PORT: String(PORTS.n8n),
			N8N_RUNNERS_BROKER_PORT: String(PORTS.broker),
			WOLKVOX_SIM_PORT: String(PORTS.simulator),
			WOLKVOX_DEMO_MODEL_PORT: String(PORTS.demoModel),
		},
	});
	const onOutput = (chunk: Buffer) => (output += chunk.toString());
	npmStart.stdout!.on('data', onOutput);
	npmStart.stderr!.on('data', onOutput);
	const started = await Promise.race([
		until(() => output.includes(READY_LINE)),
		exited(npmStart).then((code) => {
			throw new Error(`npm start exited (code ${code}) before n8n served:\n${output}`);
		}),
	]);
	expect(started).toBe(true);
	progress(`fresh-clone start: n8n served after ${Math.round((Date.now() - startedAt) / 1000)} s`);

	for (const example of examples) expect(output).toContain(`"${example.name}"`);
	expect(examples.length).toBeGreaterThan(0); // the loop above checked each one
	const record = JSON.parse(readFileSync(pidfile, 'utf8')) as { processes: RecordedProcess[] };
	expect(record.processes.map((recorded) => recorded.name)).toEqual(['npm start', 'n8n']);

	// the banner's curl works (n8n 2.41.1 may still answer a 404 in the first second: not a failure)
	const webhook = await until(async () => {
		const response = await fetch(`http://127.0.0.1:${PORTS.n8n}/webhook/wolkvox-activity-code`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ code: '510', description: 'Callback scheduled', success: true }),
		});
		return response.status !== 404 && response;
	});
	expect(webhook.status).toBe(200);
	expect(JSON.stringify((await simulatorState()).activityCodes)).toContain('510');
	// a caller's missing field is the caller's error: 400 with the reason, nothing sent
	const missingCode = await fetch(`http://127.0.0.1:${PORTS.n8n}/webhook/wolkvox-activity-code`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ description: 'No code given' }),
	});
	expect(missingCode.status).toBe(400);
	expect(await missingCode.json()).toMatchObject({
		ok: false,
		reason: expect.stringMatching(/Code/),
	});
	expect((await simulatorState()).requestsByApi.create_cod_act).toBe(1);
	// the banner's opt-out form is published
	const form = await fetch(`http://127.0.0.1:${PORTS.n8n}/form/wolkvox-opt-out`);
	expect(form.status).toBe(200);
	expect(await form.text()).toContain('No quiero que me contacten');
	const session = await ownerSession(PORTS.n8n);
	const workflows = (await session.get('/workflows')) as Array<{ id: string }>;
	expect(workflows.map((workflow) => workflow.id).sort()).toEqual(
		examples.map((example) => example.id).sort(),
	);

	// the CSV example reads the sample file npm start put where n8n may read it (a dry run: one read)
	expect(existsSync(path.join(cacheDir, 'n8n-user', '.n8n-files', 'opt-outs.csv'))).toBe(true);
	expect(await runManually(session, 'WolkvoxCsvSyncEx', { name: 'Start' })).toBe('success');
	expect((await simulatorState()).requestsByApi.get_dnc).toBe(1);

	// the AI Agent example answers a chat message through the demo model, which calls the Wolkvox tool
	const chatMessage = {
		sessionId: 'fresh-clone',
		action: 'sendMessage',
		chatInput: 'Please add 300 123 4567 to the outbound DNC list.',
	};
	const chat = await runManually(session, 'WolkvoxAgentDnc01', {
		name: 'When chat message received',
		data: {
			startTime: Date.now(),
			executionIndex: 0,
			executionTime: 0,
			source: [],
			executionStatus: 'success',
			data: { main: [[{ json: chatMessage }]] },
		},
	});
	expect(chat).toBe('success');
	expect((await simulatorState()).dnc.outbound).toContain('3001234567');

	// stopped as the banner and the README say, from another terminal: `npm stop`
	const stoppingAt = Date.now();
	const stop = await runCaptured('npm', ['stop'], {
		cwd: REPO_ROOT,
		env: { ...process.env, WOLKVOX_CACHE_DIR: cacheDir },
	});
	expect(stop.exitCode).toBe(0);
	expect(stop.stdout).toMatch(/Stopped npm start \(pid \d+\), n8n \(pid \d+\)/);
	await exited(npmStart);
	await until(() => record.processes.every((recorded) => !isProcessAlive(recorded.pid)));
	progress(
		`fresh-clone start: stopped ${Math.round((Date.now() - stoppingAt) / 1000)} s after npm stop`,
	);

	await until(() => output.includes('Everything is stopped'));
	expect(existsSync(pidfile)).toBe(false);
	for (const port of Object.values(PORTS)) await assertPortFree(port, 'stopped by npm stop');
}, 600_000);
