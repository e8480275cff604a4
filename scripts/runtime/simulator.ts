/** The Wolkvox simulator (simulator/) served from this process, for `npm start` and the e2e tests. */
import { WolkvoxSimulator, type SimulatorOptions } from '../../simulator/server';
import { progress } from './progress';

export async function startSimulator(
	options: SimulatorOptions & { port: number },
): Promise<WolkvoxSimulator> {
	progress(`Starting the Wolkvox simulator on 127.0.0.1:${options.port}`);
	return await WolkvoxSimulator.start(options);
}

/**
 * The data of a Wolkvox API credential (n8n's import format, plain) that points at the simulator and
 * lets the HTTP Request node send its token there too, besides Wolkvox's own hosts.
 */
export function simulatorCredentialData(baseUrl: string, token: string): Record<string, string> {
	return {
		server: '0002',
		token,
		baseUrl,
		allowedHttpRequestDomains: 'domains',
		allowedDomains: `*.wolkvox.com, ${new URL(baseUrl).hostname}`,
	};
}
