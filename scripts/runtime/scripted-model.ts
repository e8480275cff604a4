/**
 * A stand-in for OpenAI's chat completions API, for n8n's OpenAI Chat Model (its credential's Base
 * URL points here). It plays a model that follows a script: asked without a tool result, it calls
 * the first tool it was offered with the scripted arguments; asked again with the tool's result, it
 * answers in words, quoting that result. Every request is recorded, so a test can check what n8n
 * offered the model (tool names, descriptions, parameter schemas) and what went back to it.
 * The e2e tests script the arguments; `npm start`'s demo model (demo-model.ts) reads them from the
 * user's words.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatMessage {
	role: string;
	content?: unknown;
	tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>;
	tool_call_id?: string;
}

export interface OfferedTool {
	type: string;
	function: { name: string; description?: string; parameters?: Record<string, unknown> };
}

export interface ChatRequest {
	path: string;
	model?: string;
	stream?: boolean;
	messages: ChatMessage[];
	tools: OfferedTool[];
}

export interface ScriptedOpenAi {
	/** The Base URL for n8n's OpenAI credential (OpenAI's own ends in /v1 too). */
	baseUrl: string;
	/** The arguments of the scripted tool call, as the model would fill them. */
	toolArguments: Record<string, unknown>;
	requests: ChatRequest[];
	/** The tool results the model was sent back, in order. */
	toolResults(): string[];
	stop(): Promise<void>;
}

/** How the model picks a tool call's arguments. */
export interface ModelScript {
	/** The arguments for `tool`, or undefined to answer `withoutToolCall` instead of calling it. */
	toolArguments(request: ChatRequest, tool: OfferedTool): Record<string, unknown> | undefined;
	withoutToolCall: string;
}

export const FINAL_ANSWER_PREFIX = 'Wolkvox answered: ';

const text = (content: unknown): string =>
	typeof content === 'string'
		? content
		: Array.isArray(content)
			? content.map((part) => (part as { text?: string }).text ?? '').join('')
			: JSON.stringify(content);

function completion(model: string, message: Record<string, unknown>, finishReason: string) {
	return {
		id: `chatcmpl-scripted-${Date.now()}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model,
		choices: [
			{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finishReason },
		],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}

/** The same answer as server-sent events, for a client that asked for a stream. */
function streamed(answer: ReturnType<typeof completion>): string {
	const { message, finish_reason } = answer.choices[0];
	const chunk = (delta: object, finish: string | null) =>
		`data: ${JSON.stringify({
			id: answer.id,
			object: 'chat.completion.chunk',
			created: answer.created,
			model: answer.model,
			choices: [{ index: 0, delta, finish_reason: finish }],
		})}\n\n`;
	const toolCalls = (message as ChatMessage).tool_calls?.map((call, index) => ({ index, ...call }));
	return (
		chunk(
			{ role: 'assistant', content: toolCalls ? null : (message as ChatMessage).content },
			null,
		) +
		(toolCalls ? chunk({ tool_calls: toolCalls }, null) : '') +
		chunk({}, finish_reason) +
		'data: [DONE]\n\n'
	);
}

/** What a user wrote last: the message the model answers. */
export function lastUserText(request: ChatRequest): string {
	const message = [...request.messages].reverse().find(({ role }) => role === 'user');
	return message ? text(message.content) : '';
}

/** Without a script: the arguments a test set in `toolArguments`. */
export async function startScriptedOpenAi(port = 0, script?: ModelScript): Promise<ScriptedOpenAi> {
	const scripted: ScriptedOpenAi = {
		baseUrl: '',
		toolArguments: {},
		requests: [],
		toolResults: () =>
			scripted.requests
				.flatMap(({ messages }) =>
					messages.filter(({ role }) => role === 'tool').map(({ content }) => text(content)),
				)
				.filter((result, index, all) => all.indexOf(result) === index),
		stop: async () => undefined,
	};

	const answer = (request: ChatRequest) => {
		const model = request.model ?? 'gpt-scripted';
		const toolResult = [...request.messages].reverse().find(({ role }) => role === 'tool');
		if (toolResult) {
			return completion(model, { content: FINAL_ANSWER_PREFIX + text(toolResult.content) }, 'stop');
		}
		const tool = request.tools[0];
		if (!tool) return completion(model, { content: 'No tool was offered.' }, 'stop');
		const toolArguments = script ? script.toolArguments(request, tool) : scripted.toolArguments;
		if (!toolArguments) return completion(model, { content: script?.withoutToolCall }, 'stop');
		const call = {
			id: `call_${scripted.requests.length}`,
			type: 'function',
			function: { name: tool.function.name, arguments: JSON.stringify(toolArguments) },
		};
		return completion(model, { content: null, tool_calls: [call] }, 'tool_calls');
	};

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const url = req.url ?? '';
			if (req.method === 'GET' && url.endsWith('/models')) {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(
					JSON.stringify({ object: 'list', data: [{ id: 'gpt-scripted', object: 'model' }] }),
				);
				return;
			}
			if (req.method !== 'POST' || !url.endsWith('/chat/completions')) {
				res.writeHead(404, { 'content-type': 'application/json' });
				res.end(
					JSON.stringify({ error: { message: `The scripted model has no ${req.method} ${url}` } }),
				);
				return;
			}
			const body = JSON.parse(
				Buffer.concat(chunks).toString('utf8') || '{}',
			) as Partial<ChatRequest>;
			const request: ChatRequest = {
				path: url,
				model: body.model,
				stream: body.stream,
				messages: body.messages ?? [],
				tools: body.tools ?? [],
			};
			scripted.requests.push(request);
			const reply = answer(request);
			if (request.stream) {
				res.writeHead(200, { 'content-type': 'text/event-stream' });
				res.end(streamed(reply));
			} else {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify(reply));
			}
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	scripted.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
	scripted.stop = async () => {
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
	return scripted;
}
