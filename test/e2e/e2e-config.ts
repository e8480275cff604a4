/** Fixed names shared by the e2e global setup and the tests. Ports: WOLKVOX_E2E_BASE_PORT (5690) and the next six. */
import { DEFAULT_N8N_VERSION } from '../../scripts/runtime/n8n-install';
import { portFromEnv } from '../../scripts/runtime/ports';

/** The n8n the suite runs in: WOLKVOX_N8N_VERSION, e.g. 1.123.81 (default 2.41.1); `.ci/run` runs both. */
export const N8N_VERSION = process.env.WOLKVOX_N8N_VERSION || DEFAULT_N8N_VERSION;

const basePort = portFromEnv('WOLKVOX_E2E_BASE_PORT', 5690);

export const PORTS = {
	n8n: basePort,
	/** Task broker of the long-running `n8n start`. */
	broker: basePort + 1,
	/** Task broker of each `n8n execute` (it runs beside `n8n start`, so it needs its own). */
	cliBroker: basePort + 2,
	simulator: basePort + 3,
	/** A plain HTTP server that records what reaches it (the HTTP Request node's other host, or its proxy). */
	collector: basePort + 4,
	/** The scripted OpenAI-compatible model of the AI Agent tests. */
	openAi: basePort + 5,
	/** The CRM database of the Postgres source test. */
	crmPostgres: basePort + 6,
};

export const TOKEN = 'e2e0c0ffee0123456789abcdef';
export const WRONG_TOKEN = 'e2eWRONG7fa1c9d04b3e88aa';

export const CREDENTIALS = {
	simulator: { id: 'WolkvoxSimCred01', name: 'Wolkvox (simulator)', token: TOKEN },
	wrongToken: { id: 'WolkvoxBadToken1', name: 'Wolkvox (wrong token)', token: WRONG_TOKEN },
};

/** As a user creates one (server and token only): its allowed HTTP Request domains are the credential's defaults. */
export const DEFAULT_DOMAINS_CREDENTIAL = {
	id: 'WolkvoxDefDoms01',
	name: 'Wolkvox (default domains)',
	token: 'e2eDEFAULTd0ma1n5a7b3c9e1f',
};

export const WORKFLOWS = {
	spreadsheet: 'WolkvoxDncSheet1',
	crmWebhook: 'WolkvoxCrmHook01',
	wrongToken: 'WolkvoxE2eToken1',
	badPhone: 'WolkvoxE2eBadPh1',
	badPhoneContinue: 'WolkvoxE2eBadPh2',
	syncDryRun: 'WolkvoxDncSyncDr',
	sync: 'WolkvoxE2eSync01',
	everyOperation: 'WolkvoxE2eEvery1',
	httpRequest: 'WolkvoxE2eHttp01',
	optOutForm: 'WolkvoxOptOutFrm',
	optOutCheck: 'WolkvoxE2eOptChk',
	law2300: 'WolkvoxE2eLaw230',
	aiAgentAdd: 'WolkvoxAiAgent01',
	aiAgentBadNumber: 'WolkvoxAiAgent02',
	aiAgentLaw2300Check: 'WolkvoxAiAgent03',
	csvSyncDryRun: 'WolkvoxCsvSyncDr',
	csvSync: 'WolkvoxCsvSync01',
	postgresSync: 'WolkvoxPgSync001',
	crmLeads: 'WolkvoxCrmLeads1',
	campaignEveryOperation: 'WolkvoxE2eCampgn',
	pairing: 'WolkvoxE2ePair01',
	contactWindow: 'WolkvoxContactWin',
	contactWindowLoop: 'WolkvoxE2eWindow',
	contactWindowWaiting: 'WolkvoxE2eWinWt1',
	contactWindowOperation: 'WolkvoxE2eWinOp1',
	contactWindowWebhook: 'WolkvoxE2eWinHk1',
};

/** The Postgres credential of the CRM source test (trust authentication, database n8n). */
export const CRM_POSTGRES_CREDENTIAL = { id: 'CrmPostgres00001', name: 'CRM (Postgres)' };

/** Files the workflows read from disk: `<user folder>/e2e-files`, the only folder n8n may read. */
export const FILES_FOLDER = 'e2e-files';

/** The OpenAI credential of the AI Agent tests: its Base URL is the scripted model on PORTS.openAi. */
export const OPENAI_CREDENTIAL = { id: 'ScriptedOpenAi01', name: 'OpenAI (scripted model)' };

/** n8n's owner account, created by the first browser test (local to the suite's temporary n8n). */
export const OWNER = {
	email: 'owner@wolkvox-e2e.test',
	firstName: 'Ana',
	lastName: 'Operator',
	password: 'Wolkvox-e2e-2026',
};

export const WEBHOOK_PATH = 'wolkvox-activity-code';
export const OPT_OUT_FORM_PATH = 'wolkvox-opt-out';
/** Where the opt-out form keeps the submissions it could not apply, relative to the user folder n8n runs in. */
export const OPT_OUT_PENDING_FILE = '.n8n-files/bajas-por-revisar.jsonl';
export const CRM_LEADS_PATH = 'wolkvox-crm-leads';

/** Set by the global setup for the tests (jest runs them in band, in the same process). */
export const USER_FOLDER_ENV = 'WOLKVOX_E2E_USER_FOLDER';
/** Set by the global setup: the n8n install the suite runs, as JSON (an N8nInstall). */
export const N8N_INSTALL_ENV = 'WOLKVOX_E2E_N8N_INSTALL';
