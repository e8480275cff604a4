// Loaded by jest before every test file: what n8n-core needs in order to run outside the n8n CLI.
import 'reflect-metadata';

import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// One folder per jest worker: n8n-core writes its settings file there on first use.
const userFolder = join(tmpdir(), `n8n-nodes-wolkvox-jest-${process.env.JEST_WORKER_ID ?? '0'}`);
mkdirSync(userFolder, { recursive: true });
process.env.N8N_USER_FOLDER = userFolder;
// n8n's logger writes failed executions to stdout; the tests assert on errors themselves.
process.env.N8N_LOG_LEVEL = 'silent';
