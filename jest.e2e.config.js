/**
 * End-to-end tests against a real n8n 2.41.1, or the version in WOLKVOX_N8N_VERSION (e.g. 1.123.81), on Node 24,
 * installed into .cache/ on first use:
 * `npm run test:e2e`. One `n8n start` serves the whole suite, so files run in band.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	// the queue-mode suite has its own config (jest.queue.config.js)
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/queue/'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/e2e/tsconfig.json' }] },
	globalSetup: '<rootDir>/test/e2e/global-setup.ts',
	globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
	maxWorkers: 1,
	testTimeout: 120_000,
	slowTestThreshold: 30,
};
