/**
 * The n8n editor of the suite's `n8n start`, in Debian's Chromium driven by playwright-core
 * (`npx playwright install` cannot download a browser here). WOLKVOX_CHROMIUM overrides the binary.
 * Screenshots go to .cache/e2e-artifacts/<n8n version>/: the named ones, and one after each test
 * (`after-…`, the state a failing test left).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { chromium, selectors, type Browser, type Page } from 'playwright-core';

import { REPO_ROOT } from '../../scripts/runtime/paths';
import { progress } from '../../scripts/runtime/progress';
import { N8N_VERSION, OWNER, PORTS } from './e2e-config';

export const ARTIFACTS_DIR = path.join(REPO_ROOT, '.cache', 'e2e-artifacts', N8N_VERSION);
const CHROMIUM = process.env.WOLKVOX_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];
const VIEWPORT = { width: 1280, height: 800 };
/** The editor's own waits (n8n start-up, first bundle load) are slow on a 2-core CI machine. */
const UI_TIMEOUT_MS = 30_000;

export const EDITOR_URL = `http://localhost:${PORTS.n8n}`;

export async function screenshot(page: Page, name: string): Promise<string> {
	const file = path.join(ARTIFACTS_DIR, `${name}.png`);
	await page.screenshot({ path: file, animations: 'disabled' }); // panels slide in: show where they land
	progress(`e2e screenshot: ${file}`);
	return file;
}

function fileSafe(name: string): string {
	return name
		.replace(/[^a-z0-9]+/gi, '-')
		.replace(/^-|-$/g, '')
		.toLowerCase()
		.slice(0, 80);
}

interface OwnerSettings {
	userManagement: { showSetupOnFirstLoad?: boolean };
}

async function ownerIsSetUp(): Promise<boolean> {
	const response = await fetch(`${EDITOR_URL}/rest/settings`);
	const { data } = (await response.json()) as { data: OwnerSettings };
	return data.userManagement.showSetupOnFirstLoad !== true;
}

/** Creates the owner account through n8n's setup form on a fresh instance, else signs in. */
async function signInAsOwner(page: Page): Promise<void> {
	if (await ownerIsSetUp()) {
		await page.goto('/signin');
		await page.getByTestId('emailOrLdapLoginId').locator('input').fill(OWNER.email);
	} else {
		await page.goto('/setup');
		await page.getByTestId('email').locator('input').fill(OWNER.email);
		await page.getByTestId('firstName').locator('input').fill(OWNER.firstName);
		await page.getByTestId('lastName').locator('input').fill(OWNER.lastName);
	}
	await page.getByTestId('password').locator('input').fill(OWNER.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => !/\/(setup|signin)$/.test(url.pathname));
}

/** A signed-in editor page for the test file; the browser closes after it. */
export function useEditor(): { page: Page } {
	const fixture = {} as { page: Page };
	let browser: Browser | undefined;
	beforeAll(async () => {
		mkdirSync(ARTIFACTS_DIR, { recursive: true });
		selectors.setTestIdAttribute('data-test-id'); // n8n's attribute; Playwright's default is data-testid
		browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
		const context = await browser.newContext({ viewport: VIEWPORT, baseURL: EDITOR_URL });
		context.setDefaultTimeout(UI_TIMEOUT_MS);
		fixture.page = await context.newPage();
		await signInAsOwner(fixture.page);
	});
	afterEach(async () => {
		if (fixture.page)
			await screenshot(
				fixture.page,
				`after-${fileSafe(expect.getState().currentTestName ?? 'test')}`,
			);
	});
	afterAll(async () => await browser?.close());
	return fixture;
}

/** An entry of n8n's node creator: a node, or an action of the node opened in it. */
export function nodeCreatorItem(page: Page, name: string) {
	return page
		.getByTestId('item-iterator-item')
		.filter({ has: page.getByTestId('node-creator-item-name').getByText(name, { exact: true }) });
}

/**
 * A new workflow with the node creator open on the Wolkvox entry and its actions shown. n8n groups the
 * Wolkvox node and the Wolkvox Trigger under one entry; on an empty canvas it opens the triggers and
 * folds the actions, so they are unfolded here when `firstAction` is not shown.
 */
export async function openWolkvoxActions(page: Page, firstAction: string): Promise<void> {
	await page.goto('/workflow/new');
	await page.getByTestId('canvas-plus-button').click();
	await page.getByTestId('node-creator-search-bar').fill('Wolkvox');
	await nodeCreatorItem(page, 'Wolkvox').click();
	const action = nodeCreatorItem(page, firstAction);
	const shown = await action.waitFor({ timeout: 3_000 }).then(
		() => true,
		() => false,
	);
	if (!shown) await page.getByText(/^Actions \(\d+\)$/).click();
	await action.waitFor();
}
