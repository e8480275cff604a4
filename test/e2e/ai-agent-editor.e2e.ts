/**
 * The AI Agent workflow run from n8n's editor (Chromium): the agent calls the Wolkvox Tool through
 * the scripted model, and the canvas shows every node done. Its screenshot is the README's.
 */
import type { ScriptedOpenAi } from '../../scripts/runtime/scripted-model';
import { startScriptedOpenAi } from '../../scripts/runtime/scripted-model';
import { screenshot, useEditor } from './browser';
import { N8N_VERSION, PORTS, WORKFLOWS } from './e2e-config';
import { useSimulator } from './support';

const fx = useSimulator();
const editor = useEditor();
let model: ScriptedOpenAi;

beforeAll(async () => {
	model = await startScriptedOpenAi(PORTS.openAi);
});
afterAll(async () => await model.stop());

const describeIn2x = Number(N8N_VERSION.split('.')[0]) >= 2 ? describe : describe.skip;

describeIn2x('the AI Agent workflow in the editor', () => {
	it('runs: the agent adds the caller to the outbound DNC list through the Wolkvox Tool', async () => {
		const { page } = editor;
		model.toolArguments = { typeCall: 'outbound', telephones: '300 123 4567' };
		await page.goto(`/workflow/${WORKFLOWS.aiAgentAdd}`);
		await page.getByTestId('execute-workflow-button').click();
		const agent = page.getByTestId('canvas-node').filter({ hasText: 'AI Agent' });
		await agent.getByTestId('canvas-node-status-success').waitFor();

		expect(fx.simulator.requests.map(({ api, body }) => ({ api, body }))).toEqual([
			{ api: 'add_dnc', body: { type_call: 'outbound', telephones: ['3001234567'] } },
		]);
		expect(model.toolResults()).toHaveLength(1);
		await screenshot(page, 'ai-agent-tool');
	});
});
