import { callLimit } from '../../nodes/Wolkvox/transport/request';
import type { SimulatorOptions } from '../../simulator/server';
import { WolkvoxSimulator } from '../../simulator/server';
import type { WolkvoxCredentials } from './run-node';

export const TOKEN = 'c0ffee5ec12e7a11ce0042deadbeef99';

/**
 * The call limit the node keeps in the specs instead of Wolkvox's 60 s (transport `callLimit`): what
 * waits out the limit (a cut connection, a stopped execution) takes seconds, not a minute. Longer
 * than every hang the specs inject without a Timeout of their own.
 */
export const TEST_CALL_LIMIT_MS = 4_000;
/** How long after the call limit a held turn is released at the latest (2 s against Wolkvox). */
export const TEST_TURN_MARGIN_MS = 500;

export interface SimulatorFixture {
	sim: WolkvoxSimulator;
	/** A credential pointing at the simulator; override any field. */
	credentials(overrides?: Partial<WolkvoxCredentials>): WolkvoxCredentials;
}

const wolkvoxCallLimit = { ...callLimit };

/** One simulator per test file, reset before each test, with the call limit above. */
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
		Object.assign(callLimit, { ms: TEST_CALL_LIMIT_MS, marginMs: TEST_TURN_MARGIN_MS });
		fixture.sim = await WolkvoxSimulator.start({ tokens: [{ token: TOKEN }], ...options });
	});
	beforeEach(() => {
		fixture.sim.reset();
		fixture.sim.latencyMs = options.latencyMs ?? 0;
		fixture.sim.simultaneousLimit = options.simultaneousLimit ?? 1;
	});
	afterAll(async () => {
		Object.assign(callLimit, wolkvoxCallLimit);
		await fixture.sim.stop();
	});
	return fixture;
}
