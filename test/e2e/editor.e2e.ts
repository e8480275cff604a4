/**
 * Where users meet the node: n8n's editor, in Debian's Chromium. The tests share one signed-in page
 * (the owner account is created through n8n's setup form first); each starts from its own URL:
 * node creator, Add DNC's fields, the credential test, the example workflow run from the editor.
 */
import type { INodePropertyOptions } from 'n8n-workflow';
import type { Page } from 'playwright-core';

import { Wolkvox } from '../../nodes/Wolkvox/Wolkvox.node';
import { nodeCreatorItem, openWolkvoxActions, screenshot, useEditor } from './browser';
import { CREDENTIALS, OPT_OUT_FORM_PATH, TOKEN, WORKFLOWS, WRONG_TOKEN } from './e2e-config';
import { telephonesSent, useSimulator } from './support';

const fx = useSimulator();
const editor = useEditor();

/** Every action the node declares ("Add telephones to a DNC list", …), as the node creator lists them. */
function declaredActions(): string[] {
	return new Wolkvox().description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.options as INodePropertyOptions[]).map((option) => option.action ?? ''),
		);
}

/** The part of the browser's HTMLImageElement used here (the tests compile without the DOM library). */
interface LoadingImage {
	decode(): Promise<void>;
	naturalWidth: number;
}

/** A new workflow with the node creator open on "Wolkvox"; returns the node's entry. */
async function searchWolkvox(page: Page) {
	await page.goto('/workflow/new');
	await page.getByTestId('canvas-plus-button').click();
	await page.getByTestId('node-creator-search-bar').fill('Wolkvox');
	return nodeCreatorItem(page, 'Wolkvox');
}

/** The credential dialog tests the credential each time it opens. */
async function openCredential(page: Page, credentialId: string) {
	await page.goto(`/home/credentials/${credentialId}`);
	return page.getByTestId('editCredential-modal');
}

/** "4 items" in a panel of the node details view. */
async function itemCount(page: Page, panel: 'ndv-input-panel' | 'output-panel'): Promise<number> {
	const text = await page
		.getByTestId(panel)
		.getByText(/^\d+ items?$/)
		.first()
		.innerText();
	return Number(text.split(' ')[0]);
}

describe('the Wolkvox node in the n8n editor', () => {
	it('is found by searching "Wolkvox" in the node creator, with its icon and its actions', async () => {
		const { page } = editor;
		const node = await searchWolkvox(page);

		const icon = node.locator('img').first(); // the second is the hidden drag preview
		await icon.waitFor();
		expect(await icon.getAttribute('src')).toMatch(/\/icons\/n8n-nodes-wolkvox\/.*wolkvox\.svg$/);
		const loadedWidth = await icon.evaluate(async (element) => {
			const image = element as unknown as LoadingImage;
			await image.decode(); // rejects when the icon does not load
			return image.naturalWidth;
		});
		expect(loadedWidth).toBeGreaterThan(0);
		await screenshot(page, 'node-creator-search');

		await openWolkvoxActions(page, declaredActions()[0]!);
		const shown = await page.getByTestId('node-creator-item-name').allInnerTexts();
		expect(declaredActions()).not.toContain(''); // every operation names its action
		expect(shown).toEqual(expect.arrayContaining(declaredActions()));
		await screenshot(page, 'node-creator-actions');
	});

	it('opens Add DNC with its fields: Type of Call, Telephones, Options', async () => {
		const { page } = editor;
		await openWolkvoxActions(page, 'Add telephones to a DNC list');
		await nodeCreatorItem(page, 'Add telephones to a DNC list').click();

		await page.getByTestId('parameter-input-telephones').waitFor();
		await page.getByTestId('node-credentials-select').click();
		await page.getByRole('option', { name: CREDENTIALS.simulator.name }).click();
		const parameters = page.getByTestId('node-parameters');
		for (const label of ['Resource', 'Operation', 'Type of Call', 'Telephones', 'Options']) {
			await parameters.getByText(label, { exact: true }).waitFor();
		}
		expect(await page.getByTestId('parameter-input-typeCall').locator('input').inputValue()).toBe(
			'Outbound',
		);
		await screenshot(page, 'add-dnc-parameters');
	});

	it('tests the simulator credential: success', async () => {
		const modal = await openCredential(editor.page, CREDENTIALS.simulator.id);

		await modal.getByTestId('credentials-config-container-test-success').waitFor();
		expect(
			await modal.getByTestId('credentials-config-container-test-success').innerText(),
		).toMatch(/Connection tested successfully/);
		expect(
			fx.simulator.requestsFor('token_info').map(({ token, status }) => ({ token, status })),
		).toEqual([{ token: TOKEN, status: 200 }]);
		await screenshot(editor.page, 'credential-test-success');
	});

	it("tests a credential with a wrong token: Wolkvox's own message", async () => {
		const modal = await openCredential(editor.page, CREDENTIALS.wrongToken.id);

		const moreDetails = modal.getByText('More details');
		await moreDetails.click();
		await moreDetails.waitFor({ state: 'hidden' });
		const shown = await modal.getByTestId('node-credentials-config-container').innerText();
		expect(shown).toMatch(/Couldn.t connect with these settings/);
		expect(shown).toContain('PLEASE VALIDATE TOKEN');
		expect(shown).not.toContain(WRONG_TOKEN);
		expect(
			fx.simulator.requestsFor('token_info').map(({ token, status }) => ({ token, status })),
		).toEqual([{ token: WRONG_TOKEN, status: 403 }]);
		await screenshot(editor.page, 'credential-test-wrong-token');
	});

	it('runs examples/dnc-from-spreadsheet.json from the editor: one output item per input item', async () => {
		const { page } = editor;
		await page.goto(`/workflow/${WORKFLOWS.spreadsheet}`);
		await page.getByTestId('execute-workflow-button').click();
		const wolkvoxNode = page.getByTestId('canvas-node').filter({ hasText: 'Add to outbound DNC' });
		await wolkvoxNode.getByTestId('canvas-node-status-success').waitFor();

		await wolkvoxNode.dblclick();
		await page
			.getByTestId('output-panel')
			.getByText(/^\d+ items?$/)
			.waitFor();
		const inputItems = await itemCount(page, 'ndv-input-panel');
		expect(inputItems).toBe(telephonesSent(fx.simulator).length);
		expect(inputItems).toBeGreaterThan(1);
		expect(await itemCount(page, 'output-panel')).toBe(inputItems);
		expect(fx.simulator.requestsFor('add_dnc')).toHaveLength(1);
		await screenshot(page, 'add-dnc-output');
	});

	it("opens examples/opt-out-form.json's form and submits it: a confirmation, the number blocked under Ley 2300 and on both lists", async () => {
		const { page } = editor;
		await page.goto(`/form/${OPT_OUT_FORM_PATH}`);
		await page.locator('#field-0').fill('+57 300 765 4321');
		await screenshot(page, 'opt-out-form');
		await page.locator('#submit-btn').click();

		await page.getByText('No te volveremos a contactar').waitFor();
		expect(await page.getByText('+57 300 765 4321').count()).toBeGreaterThan(0);
		expect(fx.simulator.law2300.find('900123456', '3007654321')).toBeDefined();
		expect([...fx.simulator.dnc.inbound]).toContain('3007654321');
		expect([...fx.simulator.dnc.outbound]).toContain('3007654321');
		await screenshot(page, 'opt-out-form-confirmation');
	});
});
