/** The benchmark's Markdown report: machine, tables, goals (each judged from the measurements) and method. */
import { readFileSync } from 'fs';
import os from 'os';

import { VARIANTS, type Variant, type WorkflowSpec } from './workflows';

export interface Measurement {
	spec: WorkflowSpec;
	/** add_dnc requests the simulator received, and how many it did not answer with 201. */
	requests: number;
	refused: number;
	maxInFlight: number;
	/** Distinct numbers in the simulator's outbound DNC list afterwards. */
	stored: number;
	/** n8n's executionTime of the Add DNC node, and its whole execution (startedAt → stoppedAt). */
	nodeMs: number;
	executionMs: number;
	peakRssBytes: number;
	failure?: string;
}

export type Comparison = { items: number } & Record<Variant, Measurement>;

interface Spread {
	median: number;
	p95: number;
}

export interface Overhead {
	run: Measurement;
	cycle: Spread;
	raw: Spread;
	overhead: Spread;
}

export interface MemoryResult {
	baseline: Measurement;
	small: Measurement;
	large: Measurement;
}

export interface ReportInput {
	quick: boolean;
	latencyMs: number;
	httpIntervalMs: number;
	/** 1-minute load average when the bench started: other work on the machine skews the timings. */
	loadAverage: number;
	versions: { bench: string; n8nNode: string; n8n: string };
	comparisons: Comparison[];
	overhead: Overhead;
	memory: MemoryResult;
}

const GOAL_SPEED_UP = 100;
const GOAL_SPEED_UP_AT = 10_000;
const GOAL_OVERHEAD_MS = 1;
/** Memory "grows no faster than the input": RSS growth ∝ items^k with k at most this (GC timing blurs k = 1). */
const GOAL_MEMORY_EXPONENT = 1.1;
const MB = 1024 * 1024;

const count = (value: number) => value.toLocaleString('en-US');
const ms = (value: number) => (Number.isNaN(value) ? '–' : `${count(value)} ms`);
/** A time of a run, marked when the execution failed (the time is still what n8n recorded). */
const runTime = (run: Measurement, value: number) =>
	run.failure ? `${ms(value)} (failed)` : ms(value);
const fine = (value: number) => `${value.toFixed(3)} ms`;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
const verdict = (met: boolean) => (met ? '**met**' : '**NOT met**');

function machine(input: ReportInput): string[] {
	const cpu =
		/^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ??
		os.cpus()[0]?.model ??
		'unknown';
	return [
		`- Date: ${new Date().toISOString()}${input.quick ? ' (`--quick`)' : ''}`,
		`- Machine: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB RAM, ${os.type()} ${os.release()}`,
		`- Load average (1 min) when the bench started: ${input.loadAverage.toFixed(2)}`,
		`- n8n ${input.versions.n8n} on Node ${input.versions.n8nNode} (expression engine: ${process.env.N8N_EXPRESSION_ENGINE ?? 'vm, the default'}); simulator and bench on Node ${input.versions.bench}`,
		`- Simulator latency: ${input.latencyMs} ms per request in the comparison, 0 ms for overhead and memory`,
	];
}

const VARIANT_LABELS: Record<Variant, string> = {
	combined: '(a) our node, combined',
	perItem: '(b) our node, one request per item',
	httpRequest: '(c) HTTP Request node, 1 item per batch',
};

/** A time ratio to (c), with the speed-up it means. */
function versusHttpRequest(ratio: number): string {
	if (Number.isNaN(ratio)) return '–';
	const speedUp = 1 / ratio;
	return `${ratio.toPrecision(2)} (${speedUp >= 10 ? Math.round(speedUp) : speedUp.toFixed(1)}× faster)`;
}

function comparisonTable(input: ReportInput): string[] {
	const rows = input.comparisons.flatMap((comparison) =>
		VARIANTS.map((variant) => {
			const run = comparison[variant];
			const ratio =
				variant === 'httpRequest'
					? '1'
					: versusHttpRequest(run.nodeMs / comparison.httpRequest.nodeMs);
			return `| ${count(comparison.items)} | ${VARIANT_LABELS[variant]} | ${count(run.requests)} (${count(run.refused)}) | ${run.maxInFlight} | ${count(run.stored)} | ${runTime(run, run.nodeMs)} | ${runTime(run, run.executionMs)} | ${ratio} |`;
		}),
	);
	return [
		'| N | Add DNC done by | requests received (refused) | max in flight per token | numbers in DNC | Add DNC node time | whole execution | time ÷ (c) |',
		'|---:|---|---:|---:|---:|---:|---:|---:|',
		...rows,
	];
}

function overheadTable({ overhead }: ReportInput): string[] {
	const row = (label: string, spread: Spread) =>
		`| ${label} | ${fine(spread.median)} | ${fine(spread.p95)} |`;
	return [
		`| per request, ${count(overhead.run.requests)} requests | median | p95 |`,
		'|---|---:|---:|',
		row('cycle inside n8n (gap between consecutive arrivals)', overhead.cycle),
		row('raw round trip (keep-alive client loop)', overhead.raw),
		row('**overhead** (cycle − median raw round trip)', overhead.overhead),
		'',
		`Whole node, per item: (Add DNC node time − N × median raw round trip) / N = ${fine(
			(overhead.run.nodeMs - overhead.run.spec.items * overhead.raw.median) /
				overhead.run.spec.items,
		)}; this also counts evaluating each item's parameters, done for all items before the first request.`,
	];
}

function memoryGrowth({ baseline, small, large }: MemoryResult) {
	const growth = (run: Measurement) => run.peakRssBytes - baseline.peakRssBytes;
	const exponent =
		Math.log(growth(large) / growth(small)) / Math.log(large.spec.items / small.spec.items);
	return { growth, exponent };
}

function memoryTable({ memory }: ReportInput): string[] {
	const { growth } = memoryGrowth(memory);
	const row = (label: string, run: Measurement) =>
		`| ${label} | ${count(run.spec.items)} | ${mb(run.peakRssBytes)} | ${run === memory.baseline ? '–' : mb(growth(run))} | ${
			run === memory.baseline
				? '–'
				: `${(((growth(run) / run.spec.items) * 1000) / MB).toFixed(2)} MB`
		} |`;
	return [
		'| workflow (combined mode) | items | peak RSS of n8n (VmHWM) | growth over baseline | growth per 1,000 items |',
		'|---|---:|---:|---:|---:|',
		row('baseline: trivial workflow', memory.baseline),
		row('smaller input', memory.small),
		row('large input', memory.large),
	];
}

function goals(input: ReportInput): string[] {
	const lines: string[] = [];
	const succeeded = (run: Measurement) => run.failure === undefined;
	for (const { items, combined } of input.comparisons) {
		const expected = Math.ceil(items / 10_000);
		lines.push(
			`- (a) sends ⌈N/10,000⌉ = ${expected} request(s) at N = ${count(items)}: ${count(combined.requests)} sent → ${verdict(succeeded(combined) && combined.requests === expected)}`,
		);
	}
	const atGoal = input.comparisons.find((comparison) => comparison.items === GOAL_SPEED_UP_AT);
	const judged = atGoal ?? input.comparisons[input.comparisons.length - 1];
	const speedUp = judged.httpRequest.nodeMs / judged.combined.nodeMs;
	const where = atGoal
		? ''
		: ` (goal is at N = ${count(GOAL_SPEED_UP_AT)}, not run; judged at the largest N run)`;
	const cFailed = judged.httpRequest.failure
		? '; (c) failed, its time is the one n8n recorded'
		: '';
	lines.push(
		`- (a) at least ${GOAL_SPEED_UP}× faster than (c) at N = ${count(judged.items)}${where}: ${Number.isNaN(speedUp) ? 'not measured' : `${Math.round(speedUp)}×`}${cFailed} → ${verdict(
			succeeded(judged.combined) && speedUp >= GOAL_SPEED_UP,
		)}`,
	);
	const { overhead, run } = input.overhead;
	lines.push(
		`- Overhead per request under ${GOAL_OVERHEAD_MS} ms: median ${fine(overhead.median)} (p95 ${fine(overhead.p95)}) → ${verdict(
			succeeded(run) && overhead.median < GOAL_OVERHEAD_MS,
		)} (judged on the median)`,
	);
	const { memory } = input;
	const { exponent } = memoryGrowth(memory);
	lines.push(
		`- Memory grows no faster than the input: ${count(memory.small.spec.items)} → ${count(memory.large.spec.items)} items, RSS growth ∝ items^${exponent.toFixed(2)} → ${verdict(
			[memory.baseline, memory.small, memory.large].every(succeeded) &&
				exponent <= GOAL_MEMORY_EXPONENT,
		)} (met when the exponent is ≤ ${GOAL_MEMORY_EXPONENT})`,
	);
	return lines;
}

function failures(input: ReportInput): string[] {
	const runs = [
		...input.comparisons.flatMap((comparison) => VARIANTS.map((variant) => comparison[variant])),
		input.overhead.run,
		input.memory.baseline,
		input.memory.small,
		input.memory.large,
	];
	return runs
		.filter((run) => run.failure)
		.map((run) => `- ${run.spec.variant}, ${count(run.spec.items)} items failed: ${run.failure}`);
}

function method(input: ReportInput): string[] {
	return [
		'- Each workflow is Manual Trigger → Code node returning N items `{ phone }` → the Add DNC step, run with `n8n execute --id` in one user folder (package installed once, workflows imported once). ' +
			'Times come from n8n\'s run data: "Add DNC node time" is the node\'s `executionTime`, the figure compared; "whole execution" is `stoppedAt − startedAt` (includes the Code node). The start-up of each `n8n execute` process is in neither.',
		`- (c) uses the HTTP Request node (v4.2) with a Header Auth credential \`wolkvox-token\`, JSON body \`{"type_call":"outbound","telephones":["{{ $json.phone }}"]}\` and batching 1 item per batch, interval ${input.httpIntervalMs} ms. ` +
			'Its batching only spaces the *starts* of requests (all are awaited together at the end), so the interval must exceed the response time for the token to stay sequential, ' +
			"with a margin for delays inside n8n before a request leaves: twice the latency, at least latency + 10 ms, unless `--http-interval` says otherwise (the node's default interval is 1,000 ms). A refused request fails the execution; its time is still reported.",
		'- Requests, refusals, max in flight and DNC contents are read from the simulator, which refuses a second concurrent request on a token (403) and records the most it saw at once.',
		`- Overhead: our node in per-item mode over ${count(input.overhead.run.spec.items)} items at latency 0. The simulator (in the bench process) timestamps each arrival with \`performance.now()\`; the gap between consecutive arrivals is one full cycle of the node: ` +
			'round trip + everything n8n and the node do before sending the next request. In the same run, a plain Node `http` client with one keep-alive connection sends the same number of one-telephone add_dnc requests; its median round trip is subtracted from every cycle. So the overhead counts everything n8n adds, including its request helper opening a new connection for every request.',
		"- Memory: n8n's main process (the `n8n execute` process; the Code node's task runner is a separate process, not counted) has its VmHWM read from /proc/<pid>/status every 20 ms; the peak includes printing the run data as JSON. " +
			'Baseline: the same workflow with 1 item. The exponent k in growth ∝ items^k compares the two larger runs: k = 1 is linear.',
	];
}

export function renderReport(input: ReportInput): string {
	const failed = failures(input);
	return [
		'# n8n-nodes-wolkvox benchmark',
		'',
		...machine(input),
		'',
		`## Add DNC: N items, simulator latency ${input.latencyMs} ms`,
		'',
		...comparisonTable(input),
		'',
		'## Per-request overhead of our node (latency 0)',
		'',
		...overheadTable(input),
		'',
		'## Peak memory of n8n (latency 0)',
		'',
		...memoryTable(input),
		'',
		'## Goals',
		'',
		...goals(input),
		...(failed.length ? ['', '## Failed runs', '', ...failed] : []),
		'',
		'## Method',
		'',
		...method(input),
		'',
	].join('\n');
}
