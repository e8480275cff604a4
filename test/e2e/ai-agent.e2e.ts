/**
 * n8n's AI Agent uses the Wolkvox node as a tool ("Wolkvox Tool") through an OpenAI Chat Model whose
 * credential points at a scripted OpenAI-compatible model: the model calls the tool with the
 * arguments the test scripts, n8n fills the tool's `$fromAI(...)` parameters from them, the node
 * talks to the simulator, and its answer goes back to the model.
 */
import type { ExecutionRun } from '../../scripts/runtime/n8n-cli';
import { nodeOutput } from '../../scripts/runtime/n8n-cli';
import type { ScriptedOpenAi } from '../../scripts/runtime/scripted-model';
import { FINAL_ANSWER_PREFIX, startScriptedOpenAi } from '../../scripts/runtime/scripted-model';
import { N8N_VERSION, PORTS, WORKFLOWS } from './e2e-config';
import { execute, useSimulator } from './support';

const fx = useSimulator();
let model: ScriptedOpenAi;

beforeAll(async () => {
	model = await startScriptedOpenAi(PORTS.openAi);
});
afterAll(async () => await model.stop());
beforeEach(() => {
	model.requests.length = 0;
});

const TOOL_NODE = 'Add to DNC';
const NIT = '900123456';
const BLOCKED_AT = Date.UTC(2026, 10, 20, 15, 4, 5);

/** What the tool node received from the agent and gave back, as n8n recorded its run. */
function toolRun(
	run: ExecutionRun,
	toolNode = TOOL_NODE,
): { input: unknown; output: unknown; error?: unknown } {
	const runs = run.data.resultData.runData[toolNode] as unknown as Array<{
		inputOverride?: Record<string, Array<Array<{ json: unknown }>>>;
		data?: Record<string, Array<Array<{ json: unknown }>>>;
		error?: unknown;
	}>;
	if (!runs?.length) throw new Error(`The tool node "${toolNode}" did not run`);
	const last = runs[runs.length - 1];
	const first = (data?: Record<string, Array<Array<{ json: unknown }>>>) =>
		data && Object.values(data)[0]?.[0]?.[0]?.json;
	return { input: first(last.inputOverride), output: first(last.data), error: last.error };
}

/** The tool n8n offered the model: its name, description and parameters (from `$fromAI`). */
function offeredTool() {
	const tools = model.requests[0]?.tools ?? [];
	expect(tools).toHaveLength(1);
	return tools[0].function;
}

const describeIn2x = Number(N8N_VERSION.split('.')[0]) >= 2 ? describe : describe.skip;

describeIn2x('an AI Agent with the Wolkvox Tool', () => {
	it('"add 300 123 4567 to the outbound DNC list": one add_dnc with the normalised number, and the answer goes back to the model', async () => {
		model.toolArguments = { typeCall: 'outbound', telephones: '300 123 4567' };

		const result = await execute(WORKFLOWS.aiAgentAdd);

		expect(result.exitCode).toBe(0);
		// What n8n offered the model: the node's own description of the operation, and the two
		// parameters the workflow leaves to the model with $fromAI, each with its description.
		const tool = offeredTool();
		expect(tool.description).toBe('Add telephones to a DNC list in Wolkvox');
		expect(tool.parameters).toMatchObject({
			type: 'object',
			properties: {
				typeCall: { type: 'string', description: expect.stringContaining('outbound') },
				telephones: { type: 'string', description: expect.stringContaining('telephone') },
			},
			required: expect.arrayContaining(['typeCall', 'telephones']),
		});
		expect(JSON.stringify(model.requests[0].messages)).toContain('300 123 4567');

		// Wolkvox got exactly one add_dnc, with the number normalised.
		expect(fx.simulator.requests.map(({ api, body }) => ({ api, body }))).toEqual([
			{ api: 'add_dnc', body: { type_call: 'outbound', telephones: ['3001234567'] } },
		]);
		expect([...fx.simulator.dnc.outbound]).toEqual(['3001234567']);

		// The tool ran with the parameters as the agent filled them, and its output went back.
		const { input, output: toolOutput } = toolRun(result.run!);
		expect(input).toEqual({ typeCall: 'outbound', telephones: '300 123 4567' });
		expect(toolOutput).toMatchObject({ typeCall: 'outbound', telephones: ['3001234567'] });
		const [sentBack] = model.toolResults();
		expect(JSON.parse(sentBack)).toEqual([
			{
				typeCall: 'outbound',
				telephones: ['3001234567'],
				code: 201,
				error: null,
				msg: '1 telephones were added',
			},
		]);
		const [answer] = nodeOutput(result.run!, 'AI Agent');
		expect(String(answer.output)).toBe(FINAL_ANSWER_PREFIX + sentBack);
	});

	it('a bad number: the agent gets a clear error text and nothing is sent to Wolkvox', async () => {
		model.toolArguments = { typeCall: 'outbound', telephones: '300 12A B567' };

		const result = await execute(WORKFLOWS.aiAgentBadNumber);

		expect(offeredTool().parameters?.properties).toHaveProperty('telephones');
		expect(fx.simulator.requests).toEqual([]);
		const [sentBack] = model.toolResults();
		expect(JSON.parse(sentBack)).toEqual([
			{
				error:
					'Item 0: "Telephones": "300 12A B567" is not a telephone number: only digits, spaces, dashes, dots, parentheses and a leading + are allowed',
			},
		]);
		const [answer] = nodeOutput(result.run!, 'AI Agent');
		expect(String(answer.output)).toBe(FINAL_ANSWER_PREFIX + sentBack);
		expect(toolRun(result.run!)).toMatchObject({
			input: { typeCall: 'outbound', telephones: '300 12A B567' },
			error: { message: expect.stringContaining('300 12A B567') },
		});
	});

	it('"is 300 123 4567 protected under Ley 2300?": one law2300_info for the workflow\'s NIT and the normalised number, and the protection goes back to the model', async () => {
		fx.simulator.law2300.block(NIT, '3001234567', undefined, 'whatsapp', BLOCKED_AT);
		model.toolArguments = { telephone: '300 123 4567' };

		const result = await execute(WORKFLOWS.aiAgentLaw2300Check);

		expect(result.exitCode).toBe(0);
		// The NIT is fixed in the workflow: the model is offered the telephone only.
		const tool = offeredTool();
		expect(tool.description).toBe('Check whether a number is protected in Wolkvox');
		expect(tool.parameters).toMatchObject({
			type: 'object',
			properties: {
				telephone: { type: 'string', description: expect.stringContaining('telephone') },
			},
			required: ['telephone'],
		});
		expect(Object.keys(tool.parameters?.properties ?? {})).toEqual(['telephone']);

		expect(fx.simulator.requests.map(({ api, query }) => ({ api, query }))).toEqual([
			{ api: 'law2300_info', query: { nit: NIT, phone: '3001234567' } },
		]);

		const { input, output: toolOutput } = toolRun(result.run!, 'Check Ley 2300');
		expect(input).toEqual({ telephone: '300 123 4567' });
		const protection = {
			nit: NIT,
			telephone: '3001234567',
			telephones: ['3001234567'],
			protected: true,
			protectedAs: ['3001234567'],
			lastDay: '2026-11-20 15:04:05',
			lastChannel: 'whatsapp',
		};
		expect(toolOutput).toEqual(protection);
		const [sentBack] = model.toolResults();
		expect(JSON.parse(sentBack)).toEqual([protection]);
		const [answer] = nodeOutput(result.run!, 'AI Agent');
		expect(String(answer.output)).toBe(FINAL_ANSWER_PREFIX + sentBack);
	});
});
