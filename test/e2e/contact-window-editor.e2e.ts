/**
 * Check Contact Window in n8n's editor (Debian's Chromium): the node creator's action opens it with
 * At and no credential to choose, and a workflow holding it without a credential runs from the editor
 * (the editor refuses to run a node whose required credential is missing).
 */

import { nodeCreatorItem, openWolkvoxActions, screenshot, useEditor } from './browser';
import { WORKFLOWS } from './e2e-config';
import { OPERATION_NODES } from './contact-window-workflows';
import { useSimulator } from './support';

const fx = useSimulator();
const editor = useEditor();

describe('Check Contact Window in the editor', () => {
	it('the action "May I contact this customer now" opens it with At and no credential', async () => {
		const { page } = editor;
		await openWolkvoxActions(page, 'May I contact this customer now');
		await nodeCreatorItem(page, 'May I contact this customer now').click();

		await page.getByTestId('parameter-input-at').waitFor();
		await page.getByTestId('node-parameters').getByText('Options', { exact: true }).waitFor();
		expect(await page.getByTestId('node-credentials-select').count()).toBe(0);
		await screenshot(page, 'contact-window-parameters');
	});

	it('runs a workflow holding it without a credential from the editor', async () => {
		const { page } = editor;
		await page.goto(`/workflow/${WORKFLOWS.contactWindowOperation}`);
		await page.getByTestId('execute-workflow-button').click();

		for (const name of Object.values(OPERATION_NODES)) {
			const node = page.getByTestId('canvas-node').filter({ hasText: name });
			await node.getByTestId('canvas-node-status-success').first().waitFor();
		}
		expect(fx.simulator.requests).toHaveLength(0);
	});
});
