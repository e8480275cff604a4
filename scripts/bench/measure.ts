/** Measuring tools: `n8n execute` with its memory sampled, in-run timings, raw round trips, quantiles. */
import { spawn } from 'child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'fs';
import http from 'http';
import path from 'path';
import { performance } from 'perf_hooks';

import { parseExecuteOutput, type ExecutionRun, type N8nCli } from '../runtime/n8n-cli';

export interface SampledExecution {
	exitCode: number | null;
	stderr: string;
	run?: ExecutionRun;
	/** Largest VmHWM (peak resident set) read from /proc/<pid>/status while n8n ran, in bytes. */
	peakRssBytes: number;
}

/** VmHWM of a process in bytes, or undefined once it has exited. */
function readPeakRss(pid: number): number | undefined {
	try {
		const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) * 1024 : undefined;
	} catch {
		return undefined;
	}
}

/**
 * `n8n execute --id=<id> --rawOutput`, spawned here (not through runtime/children.ts) to know the pid of n8n's
 * main process and sample its VmHWM every 20 ms; VmHWM only grows, so the last reading is the peak
 * up to ~20 ms before exit. stdout goes to a file: through a pipe, n8n exits before a large run
 * (tens of MB of JSON) is fully written.
 */
export function executeSampled(cli: N8nCli, workflowId: string): Promise<SampledExecution> {
	const { env } = cli;
	const stdoutFile = path.join(String(env.N8N_USER_FOLDER), `execute-${workflowId}.out`);
	const stdoutFd = openSync(stdoutFile, 'w');
	return new Promise<SampledExecution>((resolve, reject) => {
		const child = spawn(cli.install.bin, ['execute', `--id=${workflowId}`, '--rawOutput'], {
			env,
			cwd: env.N8N_USER_FOLDER,
			stdio: ['ignore', stdoutFd, 'pipe'],
		});
		const stderr: Buffer[] = [];
		let peakRssBytes = 0;
		const sampler = setInterval(
			() => (peakRssBytes = Math.max(peakRssBytes, readPeakRss(child.pid ?? 0) ?? 0)),
			20,
		);
		child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
		child.on('error', reject);
		child.on('close', (exitCode) => {
			clearInterval(sampler);
			const stdout = readFileSync(stdoutFile, 'utf8');
			rmSync(stdoutFile);
			resolve({
				exitCode,
				stderr: Buffer.concat(stderr).toString(),
				run: parseExecuteOutput(stdout),
				peakRssBytes,
			});
		});
	}).finally(() => closeSync(stdoutFd));
}

/** Fields of n8n's run data that runtime/n8n-cli.ts's ExecutionRun type leaves out. */
interface Timings {
	startedAt: string;
	stoppedAt: string;
	data: {
		resultData: { runData: Record<string, Array<{ startTime: number; executionTime: number }>> };
	};
}

/** Milliseconds n8n spent in `nodeName` (its task data's executionTime, also kept when the node failed). */
export function nodeExecutionMs(run: ExecutionRun, nodeName: string): number {
	const tasks = (run as unknown as Timings).data.resultData.runData[nodeName] ?? [];
	return tasks.length ? tasks.reduce((total, task) => total + task.executionTime, 0) : NaN;
}

/** Milliseconds from the execution's start to its end, as n8n records them. */
export function executionMs(run: ExecutionRun): number {
	const { startedAt, stoppedAt } = run as unknown as Timings;
	return Date.parse(stoppedAt) - Date.parse(startedAt);
}

function post(
	url: string,
	body: string,
	headers: http.OutgoingHttpHeaders,
	agent: http.Agent,
): Promise<void> {
	return new Promise((resolve, reject) => {
		const request = http.request(url, { method: 'POST', agent, headers }, (response) => {
			response.on('data', () => undefined);
			response.on('end', () =>
				response.statusCode === 201 ? resolve() : reject(new Error(`HTTP ${response.statusCode}`)),
			);
		});
		request.on('error', reject);
		request.end(body);
	});
}

/** Durations (ms) of `count` sequential add_dnc round trips of one telephone each over one keep-alive connection. */
export async function rawRoundTrips(
	baseUrl: string,
	token: string,
	count: number,
): Promise<number[]> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	const url = `${baseUrl}/api/v2/configuration.php?api=add_dnc`;
	const headers = { 'wolkvox-token': token, 'content-type': 'application/json' };
	const durations: number[] = [];
	try {
		for (let index = 0; index < count; index++) {
			const body = JSON.stringify({
				type_call: 'outbound',
				telephones: [String(4000000000 + index)],
			});
			const started = performance.now();
			await post(url, body, headers, agent);
			durations.push(performance.now() - started);
		}
	} finally {
		agent.destroy();
	}
	return durations;
}

/** The q-quantile (nearest rank) of `values`. */
export function quantile(values: number[], q: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Differences between consecutive values. */
export function gaps(values: number[]): number[] {
	return values.slice(1).map((value, index) => value - values[index]);
}
