/**
 * Campaign → Add Records in n8n's editor (Chromium): the campaign picker lists the campaigns Wolkvox
 * answers through information.php?api=campaigns, and the column mapper shows Wolkvox's record fields.
 * Its screenshots go to .cache/e2e-artifacts/<version>/ (docs/screenshots/campaign-add-records.png is
 * campaign-add-records-manual.png of a 2.41.1 run, copied by hand: a test run leaves the tree clean).
 */
import { screenshot, useEditor } from './browser';
import { TOKEN, WORKFLOWS } from './e2e-config';
import { useSimulator } from './support';

const fx = useSimulator();
const editor = useEditor();

describe('Campaign → Add Records in the n8n editor', () => {
	it('picks the campaign from the list Wolkvox answers, and maps the columns to Wolkvox fields', async () => {
		fx.simulator.addCampaign({
			campaign_id: '7224',
			type_campaign: 'predictive',
			campaign_name: 'Leads web',
		});
		fx.simulator.addCampaign({
			campaign_id: '900',
			type_campaign: 'preview',
			campaign_name: 'Ventas',
		});
		const { page } = editor;
		await page.goto(`/workflow/${WORKFLOWS.crmLeads}`);
		await page.getByTestId('canvas-node').filter({ hasText: 'Load into campaign' }).dblclick();

		const locator = page.getByTestId('resource-locator-campaign');
		await locator.getByTestId('rlc-input').click();
		// The list is rendered apart from the locator (a popper), one rlc-item per campaign.
		const items = page.getByTestId('rlc-item');
		await items.filter({ hasText: 'Ventas (preview, 900)' }).waitFor();
		const listed = await items.allInnerTexts();
		expect(listed.map((text) => text.trim())).toEqual(
			expect.arrayContaining(['Leads web (predictive, 7224)', 'Ventas (preview, 900)']),
		);
		expect(
			fx.simulator.requestsFor('campaigns').map(({ token, status }) => ({ token, status })),
		).toContainEqual({ token: TOKEN, status: 200 });
		await items.filter({ hasText: 'Leads web (predictive, 7224)' }).click();

		const mapper = page.getByTestId('resource-mapper-container');
		await mapper.getByTestId('mapping-fields-container').waitFor();
		const fields = await mapper.getByTestId('mapping-fields-container').innerText();
		for (const label of ['Customer ID (customer_id)', 'Telephone 1 (tel1)', 'Email (email)'])
			expect(fields).toContain(label);
		await screenshot(page, 'campaign-add-records-manual');

		await mapper.getByTestId('mapping-mode-select').click();
		await page.getByRole('option', { name: /Map Automatically/ }).click();
		await mapper.getByTestId('mapping-fields-container').waitFor({ state: 'hidden' });
		await screenshot(page, 'campaign-add-records');
	});
});
