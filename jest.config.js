/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	setupFiles: ['<rootDir>/test/harness/setup-env.ts'],
	testTimeout: 60_000,
	// Jest's default is one worker fewer than the cores: one on a 2-core machine. The specs mostly wait
	// on the simulator, so two workers finish in about half the time there.
	maxWorkers: 2,
};
