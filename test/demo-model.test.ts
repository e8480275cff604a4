/**
 * `npm start`'s demo model lets the AI Agent example run without an OpenAI key: it is the scripted
 * model of the e2e tests, served over HTTP, taking a tool call's arguments from the user's words.
 */
import { startDemoModel } from '../scripts/runtime/demo-model';
import type { ScriptedOpenAi } from '../scripts/runtime/scripted-model';

const ADD_TO_DNC = {
	type: 'function',
	function: {
		name: 'Add_to_DNC',
		parameters: {
			type: 'object',
			properties: { typeCall: { type: 'string' }, telephones: { type: 'string' } },
		},
	},
};

let model: ScriptedOpenAi;
beforeAll(async () => {
	model = await startDemoModel(0);
});
afterAll(async () => await model.stop());

async function chat(messages: object[]) {
	const response = await fetch(`${model.baseUrl}/chat/completions`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ model: 'gpt-5-mini', messages, tools: [ADD_TO_DNC] }),
	});
	return ((await response.json()) as { choices: Array<{ message: Record<string, unknown> }> })
		.choices[0].message;
}

it('calls the tool with the number the user wrote, on the outbound list unless the user says inbound', async () => {
	const outbound = await chat([
		{ role: 'system', content: 'You are the contact centre assistant.' },
		{ role: 'user', content: 'Please add 300 123 4567 to the outbound DNC list.' },
	]);
	const inbound = await chat([
		{ role: 'user', content: 'Bloquee las llamadas entrantes del +57 310 555 0199' },
	]);

	const argumentsOf = (message: Record<string, unknown>) =>
		JSON.parse(
			(message.tool_calls as Array<{ function: { arguments: string } }>)[0].function.arguments,
		) as unknown;
	expect(argumentsOf(outbound)).toEqual({ typeCall: 'outbound', telephones: '300 123 4567' });
	expect(argumentsOf(inbound)).toEqual({ typeCall: 'inbound', telephones: '+57 310 555 0199' });
});

it('asks for a number when the message holds none, and quotes the tool result when it has one', async () => {
	const noNumber = await chat([{ role: 'user', content: 'hello' }]);
	const afterTool = await chat([
		{ role: 'user', content: 'Please add 300 123 4567' },
		{ role: 'tool', tool_call_id: 'call_0', content: '{"msg":"1 telephones were added"}' },
	]);

	expect(noNumber.tool_calls).toBeUndefined();
	expect(noNumber.content).toMatch(/Demo model, not an AI.*telephone number/);
	expect(afterTool.content).toBe('Wolkvox answered: {"msg":"1 telephones were added"}');
});
