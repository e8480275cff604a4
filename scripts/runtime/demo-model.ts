/**
 * `npm start`'s demo model: the scripted OpenAI-compatible model of the AI Agent tests, so that the AI
 * Agent example can be tried without an OpenAI key. It is not an AI: it copies the first telephone
 * number of the user's message into the tool's telephone parameter, picks the inbound list only when
 * the message says "inbound" (or "entrante"), and answers by quoting what the tool returned.
 */
import { progress } from './progress';
import {
	lastUserText,
	startScriptedOpenAi,
	type ModelScript,
	type OfferedTool,
	type ScriptedOpenAi,
} from './scripted-model';

export const DEMO_MODEL_CREDENTIAL = {
	id: 'WolkvoxDemoModel',
	name: 'Demo model (npm start: scripted, not an AI)',
};

const TELEPHONE = /\+?\d[\d ().-]{5,}\d/;

/** The arguments the demo model gives `tool` for `userText`; undefined when it holds no number. */
export function demoToolArguments(
	userText: string,
	tool: OfferedTool,
): Record<string, string> | undefined {
	const telephone = TELEPHONE.exec(userText)?.[0];
	if (!telephone) return undefined;
	const list = /\b(inbound|entrante)/i.test(userText) ? 'inbound' : 'outbound';
	const parameters = Object.keys(tool.function.parameters?.properties ?? {});
	return Object.fromEntries(
		parameters.flatMap((name) =>
			/phone|tel/i.test(name) ? [[name, telephone]] : /type/i.test(name) ? [[name, list]] : [],
		),
	);
}

const DEMO_SCRIPT: ModelScript = {
	toolArguments: (request, tool) => demoToolArguments(lastUserText(request), tool),
	withoutToolCall:
		'(Demo model, not an AI.) Write a telephone number, e.g.: Please add 300 123 4567 to the outbound DNC list.',
};

export async function startDemoModel(port: number): Promise<ScriptedOpenAi> {
	progress(`Starting the demo model (scripted, OpenAI-compatible) on 127.0.0.1:${port}`);
	return await startScriptedOpenAi(port, DEMO_SCRIPT);
}

/** n8n's import format of an OpenAI credential whose Base URL is the demo model. */
export function demoModelCredential(baseUrl: string): object {
	return {
		...DEMO_MODEL_CREDENTIAL,
		type: 'openAiApi',
		data: { apiKey: 'demo-model-not-a-secret', url: baseUrl },
	};
}
