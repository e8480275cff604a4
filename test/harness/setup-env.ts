// Loaded by jest before every test file: what n8n-core needs in order to run outside the n8n CLI.
import 'reflect-metadata';

import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const userFolder = join(tmpdir(), 'n8n-nodes-wolkvox-jest');
mkdirSync(userFolder, { recursive: true });
process.env.N8N_USER_FOLDER = userFolder;
// n8n's logger writes failed executions to stdout; the tests assert on errors themselves.
process.env.N8N_LOG_LEVEL = 'silent';
