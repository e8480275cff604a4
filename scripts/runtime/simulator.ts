/** The Wolkvox simulator (simulator/) served from this process, for `npm start` and the e2e tests. */
import { WolkvoxSimulator, type SimulatorOptions } from '../../simulator/server';
import { progress } from './progress';

export async function startSimulator(
	options: SimulatorOptions & { port: number },
): Promise<WolkvoxSimulator> {
	progress(`Starting the Wolkvox simulator on 127.0.0.1:${options.port}`);
	return await WolkvoxSimulator.start(options);
}
