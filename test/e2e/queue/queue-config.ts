/**
 * Fixed names shared by the queue-mode e2e global setup and its test. Ports: WOLKVOX_QUEUE_E2E_BASE_PORT
 * (5640) and the next 11: n8n main, its task broker, the simulator, Postgres, Redis, the CLI's task
 * broker, then a task broker and a health check per worker.
 */
import { portFromEnv } from '../../../scripts/runtime/ports';
import type { WorkerPorts } from '../../../scripts/runtime/queue-mode';

const basePort = portFromEnv('WOLKVOX_QUEUE_E2E_BASE_PORT', 5640);

export const WORKER_COUNT = 3;

export const QUEUE_PORTS = {
	n8n: basePort,
	broker: basePort + 1,
	simulator: basePort + 2,
	postgres: basePort + 3,
	redis: basePort + 4,
	cliBroker: basePort + 5,
	workers: Array.from(
		{ length: WORKER_COUNT },
		(_, index): WorkerPorts => ({
			brokerPort: basePort + 6 + 2 * index,
			healthPort: basePort + 7 + 2 * index,
		}),
	),
};

export const QUEUE_WEBHOOKS = { addDnc: 'queue-add-dnc', activityCodes: 'queue-activity-codes' };
export const QUEUE_WORKFLOWS = ['WolkvoxQueueDnc01', 'WolkvoxQueueCode01'];

/** Set by the global setup for the test: where main's and the workers' logs are. */
export const QUEUE_USER_FOLDER_ENV = 'WOLKVOX_QUEUE_E2E_USER_FOLDER';
