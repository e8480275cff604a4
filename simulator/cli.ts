/**
 * Runs the Wolkvox simulator until SIGINT/SIGTERM.
 *   tsx simulator/cli.ts [--port N] [--host H] [--latency MS] [--token T] [--quota N]
 * Env fallbacks: WOLKVOX_SIM_PORT, WOLKVOX_SIM_TOKEN, WOLKVOX_SIM_LATENCY_MS.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_TOKEN, WolkvoxSimulator } from './server';

function numberOption(name: string, value: string | undefined, fallback: number): number {
	if (value === undefined || value === '') return fallback;
	const parsed = Number(value);
	if (!Number.isInteger(parsed) || parsed < 0)
		throw new Error(`--${name} must be a non-negative integer, got "${value}"`);
	return parsed;
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			port: { type: 'string' },
			host: { type: 'string' },
			latency: { type: 'string' },
			token: { type: 'string' },
			quota: { type: 'string' },
		},
	});
	const env = process.env;
	const token = values.token ?? env.WOLKVOX_SIM_TOKEN ?? DEFAULT_TOKEN;
	const simulator = await WolkvoxSimulator.start({
		port: numberOption('port', values.port ?? env.WOLKVOX_SIM_PORT, 0),
		host: values.host ?? '127.0.0.1',
		latencyMs: numberOption('latency', values.latency ?? env.WOLKVOX_SIM_LATENCY_MS, 0),
		tokens: [
			{
				token,
				dailyQuota: values.quota === undefined ? undefined : numberOption('quota', values.quota, 0),
			},
		],
	});

	console.log(`Wolkvox simulator listening on ${simulator.baseUrl}`);
	// The default token is public (it is in this file); any other is shown by its start only.
	const shown = token === DEFAULT_TOKEN ? token : `${token.slice(0, 6)}…`;
	console.log(
		`Token (header wolkvox-token): ${shown}; state at ${simulator.baseUrl}/__simulator/state`,
	);

	const shutdown = () => {
		simulator.stop().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', shutdown);
	process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
