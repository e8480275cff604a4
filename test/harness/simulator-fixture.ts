import type { SimulatorOptions } from '../../simulator/server';
import { WolkvoxSimulator } from '../../simulator/server';
import type { WolkvoxCredentials } from './run-node';

export const TOKEN = 'c0ffee5ec12e7a11ce0042deadbeef99';

export interface SimulatorFixture {
	sim: WolkvoxSimulator;
	/** A credential pointing at the simulator; override any field. */
	credentials(overrides?: Partial<WolkvoxCredentials>): WolkvoxCredentials;
}

/** One simulator per test file, reset before each test. */
export function useSimulator(options: SimulatorOptions = {}): SimulatorFixture {
	const fixture: SimulatorFixture = {
		sim: undefined as unknown as WolkvoxSimulator,
		credentials: (overrides = {}) => ({
			server: '0002',
			token: TOKEN,
			baseUrl: fixture.sim.baseUrl,
			...overrides,
		}),
	};
	beforeAll(async () => {
		fixture.sim = await WolkvoxSimulator.start({ tokens: [{ token: TOKEN }], ...options });
	});
	beforeEach(() => {
		fixture.sim.reset();
		fixture.sim.latencyMs = options.latencyMs ?? 0;
		fixture.sim.simultaneousLimit = options.simultaneousLimit ?? 1;
	});
	afterAll(async () => await fixture.sim.stop());
	return fixture;
}
