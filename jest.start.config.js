/**
 * `npm run test:e2e:start`: `npm start` from a cache folder that does not exist yet, reusing the n8n
 * install of this checkout's cache (the e2e suite makes it; the test installs it when missing).
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e/start'],
	testMatch: ['**/*.e2e.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/e2e/tsconfig.json' }] },
	maxWorkers: 1,
	testTimeout: 600_000,
	slowTestThreshold: 120,
};
