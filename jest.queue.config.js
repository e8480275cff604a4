/**
 * The queue-mode end-to-end test (`npm run test:e2e:queue`): n8n 2.41.1 main + 3 workers, Postgres
 * and Redis from the machine, all started by the global setup; needs postgresql and redis-server.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e/queue'],
	testMatch: ['**/*.e2e.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/e2e/tsconfig.json' }] },
	globalSetup: '<rootDir>/test/e2e/queue/global-setup.ts',
	globalTeardown: '<rootDir>/test/e2e/queue/global-teardown.ts',
	maxWorkers: 1,
	testTimeout: 600_000,
	slowTestThreshold: 120,
};
