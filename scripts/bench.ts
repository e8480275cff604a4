/**
 * `npm run bench`: the Wolkvox node's Add DNC in the real n8n 2.41.1 against the Wolkvox simulator,
 * beside the HTTP Request node doing the same; prints a Markdown report and writes it to bench/results.md
 * (bench/results-quick.md with --quick).
 *
 *   --quick                N = 1,000 only; memory at 1,000 and 10,000 items (default: N = 1,000 and 10,000;
 *                          memory at 10,000 and 100,000 items)
 *   --sizes 1000,10000     item counts compared (env WOLKVOX_BENCH_SIZES)
 *   --latency 20           simulator latency in ms for the comparison (env WOLKVOX_BENCH_LATENCY_MS)
 *   --http-interval MS     the HTTP Request node's batch interval (default: twice the latency, at least latency + 10)
 *   --campaign-only        only the campaign section (Add Records of 100,000 rows with Skip Blocked Numbers
 *                          against DNC lists of 50,000, beside the HTTP Request node): bench/results-campaign.md
 *   --big-lists-only       only the big-list section (Add of 10,000 items: Telephones From: Field,
 *                          {{ $json.phone }}, an evaluated expression; Sync of 100,000 vs 100,000): a few
 *                          minutes; bench/results-big-lists.md
 *   WOLKVOX_N8N_VERSION: the n8n to run (default: scripts/runtime/n8n-install.ts's DEFAULT_N8N_VERSION)
 *   WOLKVOX_BENCH_USER_FOLDER: n8n's user folder (default <cache>/bench-user)
 *   WOLKVOX_BENCH_BASE_PORT (5700): n8n's port; +1 its task broker; +2 the simulator
 *
 * n8n runs each workflow with `n8n execute` (Node 24); the simulator runs in this process (Node 20).
 */
import { mkdirSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { parseArgs } from 'util';

import { WolkvoxSimulator } from '../simulator/server';
import { importCredentials, importWorkflows, n8nCli, type N8nCli } from './runtime/n8n-cli';
import { ensureN8n, type N8nInstall } from './runtime/n8n-install';
import { packAndInstall } from './runtime/package-install';
import { CACHE_DIR, REPO_ROOT } from './runtime/paths';
import { assertPortFree, assertTestPort, portFromEnv } from './runtime/ports';
import { progress } from './runtime/progress';
import {
	executeSampled,
	executionMs,
	gaps,
	nodeExecutionMs,
	quantile,
	rawRoundTrips,
} from './bench/measure';
import { BIG_LIST_CASES, bigListWorkflow, renderBigLists, runBigLists } from './bench/sync';
import { campaignWorkflows, renderCampaign, runCampaign } from './bench/campaign';
import {
	renderReport,
	type Comparison,
	type Measurement,
	type Overhead,
	type ReportInput,
} from './bench/report';
import {
	ADD_DNC_NODE,
	TOKEN,
	VARIANTS,
	benchCredentials,
	benchWorkflow,
	workflowId,
	type WorkflowSpec,
} from './bench/workflows';

/** n8n's user folder for the bench; WOLKVOX_BENCH_USER_FOLDER keeps parallel benches on one cache apart. */
const USER_FOLDER = process.env.WOLKVOX_BENCH_USER_FOLDER
	? path.resolve(process.env.WOLKVOX_BENCH_USER_FOLDER)
	: path.join(CACHE_DIR, 'bench-user');
const OVERHEAD_ITEMS = 2000;

interface BenchConfig {
	quick: boolean;
	bigListsOnly: boolean;
	campaignOnly: boolean;
	sizes: number[];
	latencyMs: number;
	httpIntervalMs: number;
	memorySizes: { small: number; large: number };
}

function nonNegativeInteger(name: string, raw: string): number {
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 0)
		throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
	return value;
}

function readConfig(): BenchConfig {
	const { values } = parseArgs({
		options: {
			quick: { type: 'boolean', default: false },
			'big-lists-only': { type: 'boolean', default: false },
			'campaign-only': { type: 'boolean', default: false },
			sizes: { type: 'string' },
			latency: { type: 'string' },
			'http-interval': { type: 'string' },
		},
	});
	const quick = values.quick ?? false;
	const rawSizes =
		values.sizes ?? process.env.WOLKVOX_BENCH_SIZES ?? (quick ? '1000' : '1000,10000');
	const sizes = rawSizes.split(',').map((size) => nonNegativeInteger('--sizes', size.trim()));
	if (sizes.some((size) => size < 1)) throw new Error('--sizes must be positive');
	const latencyMs = nonNegativeInteger(
		'--latency',
		values.latency ?? process.env.WOLKVOX_BENCH_LATENCY_MS ?? '20',
	);
	const httpIntervalMs = nonNegativeInteger(
		'--http-interval',
		values['http-interval'] ?? String(Math.max(2 * latencyMs, latencyMs + 10)),
	);
	const large = quick ? 10_000 : 100_000;
	return {
		quick,
		bigListsOnly: values['big-lists-only'] ?? false,
		campaignOnly: values['campaign-only'] ?? false,
		sizes,
		latencyMs,
		httpIntervalMs,
		memorySizes: { small: large / 10, large },
	};
}

interface Context {
	cli: N8nCli;
	simulator: WolkvoxSimulator;
}

/** One user folder for the whole run: the package installed once, every workflow imported once. */
async function prepareN8n(
	install: N8nInstall,
	ports: { n8n: number; broker: number },
	baseUrl: string,
	specs: WorkflowSpec[],
): Promise<N8nCli> {
	rmSync(USER_FOLDER, { recursive: true, force: true });
	mkdirSync(USER_FOLDER, { recursive: true });
	await packAndInstall(USER_FOLDER);
	const cli = n8nCli(install, {
		userFolder: USER_FOLDER,
		port: ports.n8n,
		brokerPort: ports.broker,
	});
	const credentialsFile = path.join(USER_FOLDER, 'bench-credentials.json');
	const workflowsFile = path.join(USER_FOLDER, 'bench-workflows.json');
	writeFileSync(credentialsFile, JSON.stringify(benchCredentials(baseUrl)));
	writeFileSync(
		workflowsFile,
		JSON.stringify([
			...specs.map((spec) => benchWorkflow(spec, baseUrl)),
			...BIG_LIST_CASES.map(bigListWorkflow),
			...campaignWorkflows(baseUrl),
		]),
	);
	await importCredentials(cli, credentialsFile);
	await importWorkflows(cli, [workflowsFile]);
	return cli;
}

async function measure(
	context: Context,
	spec: WorkflowSpec,
	latencyMs: number,
): Promise<Measurement> {
	const { simulator } = context;
	simulator.reset();
	simulator.latencyMs = latencyMs;
	const label = `${spec.variant}, ${spec.items.toLocaleString('en-US')} items, latency ${latencyMs} ms`;
	progress(`Running ${label}`);
	const heartbeat = setInterval(
		() => progress(`  ${label}: ${simulator.requests.length} requests so far`),
		30_000,
	);
	const execution = await executeSampled(context.cli, workflowId(spec)).finally(() =>
		clearInterval(heartbeat),
	);
	const run = execution.run;
	const failure =
		run?.data.resultData.error?.message ??
		(execution.exitCode === 0 && run ? undefined : execution.stderr.slice(-500) || 'no output');
	const requests = simulator.requestsFor('add_dnc');
	const measurement: Measurement = {
		spec,
		requests: requests.length,
		refused: requests.filter((request) => request.status !== 201).length,
		maxInFlight: simulator.maxInFlight(TOKEN),
		stored: simulator.dnc.outbound.size,
		nodeMs: run ? nodeExecutionMs(run, ADD_DNC_NODE) : NaN,
		executionMs: run ? executionMs(run) : NaN,
		peakRssBytes: execution.peakRssBytes,
		failure,
	};
	progress(
		`  ${label}: ${failure ? `FAILED: ${failure}` : `Add DNC node ${measurement.nodeMs} ms, ${measurement.requests} requests`}`,
	);
	return measurement;
}

/**
 * n8n's per-request cycle (gaps between the arrivals of consecutive requests of our node in
 * per-item mode, latency 0) minus the raw round trip of a plain keep-alive client on the same simulator.
 */
async function measureOverhead(context: Context): Promise<Overhead> {
	const run = await measure(context, { variant: 'perItem', items: OVERHEAD_ITEMS }, 0);
	const cycles = gaps(context.simulator.requestsFor('add_dnc').map((request) => request.startedAt));
	context.simulator.reset();
	progress(`Timing ${OVERHEAD_ITEMS} raw round trips with a keep-alive HTTP client`);
	const raw = await rawRoundTrips(context.simulator.baseUrl, TOKEN, OVERHEAD_ITEMS);
	const rawMedian = quantile(raw, 0.5);
	const overheads = cycles.map((cycle) => cycle - rawMedian);
	return {
		run,
		cycle: { median: quantile(cycles, 0.5), p95: quantile(cycles, 0.95) },
		raw: { median: rawMedian, p95: quantile(raw, 0.95) },
		overhead: { median: quantile(overheads, 0.5), p95: quantile(overheads, 0.95) },
	};
}

async function runBench(
	config: BenchConfig,
	context: Context,
): Promise<Pick<ReportInput, 'comparisons' | 'overhead' | 'memory'>> {
	const comparisons: Comparison[] = [];
	for (const items of config.sizes) {
		const comparison = { items } as Comparison;
		for (const variant of VARIANTS) {
			comparison[variant] = await measure(
				context,
				{ variant, items, batchIntervalMs: config.httpIntervalMs },
				config.latencyMs,
			);
		}
		comparisons.push(comparison);
	}
	const overhead = await measureOverhead(context);
	const memoryRun = (items: number) => measure(context, { variant: 'combined', items }, 0);
	const memory = {
		baseline: await memoryRun(1),
		small: await memoryRun(config.memorySizes.small),
		large: await memoryRun(config.memorySizes.large),
	};
	return { comparisons, overhead, memory };
}

/** Every workflow the run executes, each once. */
function allSpecs(config: BenchConfig): WorkflowSpec[] {
	const specs: WorkflowSpec[] = [
		...config.sizes.flatMap((items) =>
			VARIANTS.map((variant) => ({ variant, items, batchIntervalMs: config.httpIntervalMs })),
		),
		{ variant: 'perItem', items: OVERHEAD_ITEMS },
		...[1, config.memorySizes.small, config.memorySizes.large].map(
			(items): WorkflowSpec => ({ variant: 'combined', items }),
		),
	];
	return [...new Map(specs.map((spec) => [workflowId(spec), spec])).values()];
}

async function main(): Promise<void> {
	const config = readConfig();
	const loadAverage = os.loadavg()[0];
	const basePort = portFromEnv('WOLKVOX_BENCH_BASE_PORT', 5700);
	const ports = { n8n: basePort, broker: basePort + 1, simulator: basePort + 2 };
	for (const [purpose, port] of Object.entries(ports)) {
		assertTestPort(port, `bench ${purpose}`);
		await assertPortFree(
			port,
			`bench ${purpose}; set WOLKVOX_BENCH_BASE_PORT to move all bench ports`,
		);
	}
	const install = await ensureN8n(process.env.WOLKVOX_N8N_VERSION || undefined);
	const simulator = await WolkvoxSimulator.start({
		port: ports.simulator,
		tokens: [{ token: TOKEN }],
	});
	try {
		const cli = await prepareN8n(
			install,
			ports,
			simulator.baseUrl,
			config.bigListsOnly || config.campaignOnly ? [] : allSpecs(config),
		);
		const campaign = [
			'## Campaign: Add Records with Skip Blocked Numbers (latency 0)',
			'',
			...renderCampaign(await runCampaign(cli, simulator)),
			'',
		].join('\n');
		if (config.campaignOnly) {
			const report = `# n8n-nodes-wolkvox benchmark (campaign only)\n\nLoad average (1 min) at start ${loadAverage.toFixed(2)}, at the end ${os.loadavg()[0].toFixed(2)} (${os.cpus().length} cores); n8n ${install.version} on Node ${install.node.version}.\n\n${campaign}`;
			const resultsFile = path.join(REPO_ROOT, 'bench', 'results-campaign.md');
			mkdirSync(path.dirname(resultsFile), { recursive: true });
			writeFileSync(resultsFile, report);
			console.log(`\n${report}`);
			progress(`Written to ${path.relative(REPO_ROOT, resultsFile)}`);
			return;
		}
		const bigLists = [
			'## Big lists: Telephones From and Sync (latency 0)',
			'',
			...renderBigLists(await runBigLists(cli, simulator)),
			'',
		].join('\n');
		const report = config.bigListsOnly
			? `# n8n-nodes-wolkvox benchmark (big lists only)\n\nLoad average (1 min) at start ${loadAverage.toFixed(2)}, at the end ${os.loadavg()[0].toFixed(2)} (${os.cpus().length} cores); n8n ${install.version} on Node ${install.node.version}.\n\n${bigLists}\n${campaign}`
			: `${renderReport({
					...config,
					...(await runBench(config, { cli, simulator })),
					loadAverage,
					versions: {
						bench: process.versions.node,
						n8nNode: install.node.version,
						n8n: install.version,
					},
				})}\n${bigLists}\n${campaign}`;
		const name = config.bigListsOnly
			? 'results-big-lists.md'
			: config.quick
				? 'results-quick.md'
				: 'results.md';
		const resultsFile = path.join(REPO_ROOT, 'bench', name);
		mkdirSync(path.dirname(resultsFile), { recursive: true });
		writeFileSync(resultsFile, report);
		console.log(`\n${report}`);
		progress(`Written to ${path.relative(REPO_ROOT, resultsFile)}`);
	} finally {
		await simulator.stop();
	}
}

main().catch((error: Error) => {
	console.error(`\nnpm run bench failed: ${error.message}`);
	process.exit(1);
});
