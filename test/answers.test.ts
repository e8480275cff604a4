import type { INodeParameters, NodeApiError } from 'n8n-workflow';

import { judgeAnswer } from '../nodes/Wolkvox/transport/answer';
import { runWolkvox } from './harness/run-node';
import { TOKEN, useSimulator } from './harness/simulator-fixture';

const fx = useSimulator();

const QUOTA_TOKEN = 'a11d0ne4t0dayf00d';

beforeAll(() => fx.sim.addToken(QUOTA_TOKEN, { dailyQuota: 0 }));

const addOne = (options: INodeParameters = {}) => ({
	resource: 'dnc',
	operation: 'add',
	typeCall: 'inbound',
	telephones: '3001234567',
	options,
});

describe('Wolkvox answers as the user sees them (through n8n)', () => {
	test.each([
		{
			case: 'an unknown token',
			token: 'not-a-real-token',
			message: 'Wolkvox refused the credential: PLEASE VALIDATE TOKEN (code 403)',
			description: 'Check the token and the server code in the Wolkvox credential',
			httpCode: '403',
			attempts: 1,
		},
		{
			case: 'an empty token',
			token: '',
			message: 'Wolkvox refused the credential: PLEASE ENTER THE WOLKVOX-TOKEN (code 401)',
			description: 'Check the token',
			httpCode: '401',
			attempts: 1,
		},
		{
			case: 'a used-up daily quota',
			token: QUOTA_TOKEN,
			message: "The Wolkvox token's daily quota is used up: TOKEN LIMIT EXCEEDED (code 403)",
			description: 'retrying today will not help',
			httpCode: '403',
			attempts: 1,
		},
	])(
		"$case: Wolkvox's own message, what to do, no retry",
		async ({ token, message, description, httpCode, attempts }) => {
			const { error, output } = await runWolkvox({
				parameters: addOne(),
				credentials: fx.credentials({ token }),
			});

			expect(output).toEqual([]);
			expect(error?.message).toBe(message);
			expect(error?.description).toContain(description);
			expect((error as NodeApiError).httpCode).toBe(httpCode);
			expect(fx.sim.requests).toHaveLength(attempts);
		},
	);

	test.each([
		{
			fault: 'serverError' as const,
			message: 'Wolkvox had a server error (HTTP 500) (gave up after 2 attempts)',
			description: 'The answer began: <br /> <b>Fatal error</b>',
			attempts: 2,
		},
		{
			fault: 'busy' as const,
			message:
				'The Wolkvox token is busy with another request: EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2) (code 403) (gave up after 1 attempt)',
			description: 'Another workflow, n8n worker or tool is using the same token',
			attempts: 1,
		},
		{
			fault: 'nonJson' as const,
			message: 'Wolkvox sent an answer that is not Wolkvox JSON (HTTP 200)',
			description: 'The answer began: <html>',
			attempts: 1,
		},
		{
			fault: 'emptyBody' as const,
			message: 'Wolkvox sent an empty answer (HTTP 200)',
			description: 'Expected {"code", "error", "msg"}.',
			attempts: 1,
		},
	])(
		'$fault: a clear error after $attempts attempt(s)',
		async ({ fault, message, description, attempts }) => {
			fx.sim.injectFault({ kind: fault, times: 5 });

			const { error } = await runWolkvox({
				parameters: addOne({ maxRetries: 1, busyWaitTimeout: 0 }),
				credentials: fx.credentials(),
			});

			expect(error?.message).toBe(message);
			expect(error?.description).toContain(description);
			expect(fx.sim.requests).toHaveLength(attempts);
			expect(fx.sim.maxInFlight(TOKEN)).toBe(1);
		},
	);
});

describe('the answer mapper', () => {
	test.each([
		[201, { code: 201, error: null, msg: '1 telephones were added' }],
		[202, { code: 202, error: null, msg: '2 telephones were deleted' }],
		[201, { code: '201', error: null, msg: 'Successfully updated code' }],
		[200, { code: '200', error: null, msg: '0 records were found', data: [] }],
		[200, { code: '0', error: null, msg: ' 4 records were found', data: [{ cod_act: '1' }] }],
		[200, { code: 0, error: null, msg: ' 0 records were found', data: [] }],
		[200, JSON.stringify({ code: 201, error: null, msg: 'sent as text' })],
	])('HTTP %i with body %j is a success', (statusCode, body) => {
		expect(judgeAnswer({ statusCode, body })).toMatchObject({
			outcome: 'success',
			answer: { code: Number((typeof body === 'string' ? JSON.parse(body) : body).code) },
		});
	});

	test.each([
		[{ code: '0', error: null, msg: 'nothing done' }],
		[{ code: 0, error: null, msg: 'a record', data: { cod_act: '1' } }],
		[{ code: '0', error: 'ERROR', msg: 'a list of text', data: 'none' }],
	])('code 0 is a success only on a read that carries its data list: %j is not', (body) => {
		expect(judgeAnswer({ statusCode: 200, body })).toMatchObject({
			outcome: 'fail',
			message: `Wolkvox rejected the request: ${body.msg} (code ${body.code})`,
		});
	});

	test.each([
		[
			400,
			'SOME PARAMETERS ARE REQUIRED',
			'refused',
			'Wolkvox rejected the request: SOME PARAMETERS ARE REQUIRED (code 400)',
		],
		[
			400,
			'THE API YOU WANT TO CONSULT DOES NOT EXIST',
			'refused',
			'Wolkvox rejected the request: THE API YOU WANT TO CONSULT DOES NOT EXIST (code 400)',
		],
		[
			406,
			'INVALID VALUE FOR type_call',
			'refused',
			'Wolkvox rejected the request: INVALID VALUE FOR type_call (code 406)',
		],
		[403, 'SOMETHING NEW', 'fail', 'Wolkvox rejected the request: SOMETHING NEW (code 403)'],
		[503, 'MAINTENANCE', 'retry', 'Wolkvox had a server error: MAINTENANCE (code 503)'],
	])('code %i "%s" → %s', (code, msg, outcome, message) => {
		const verdict = judgeAnswer({ statusCode: code, body: { code, error: 'X', msg } });
		expect(verdict).toMatchObject({ outcome, message, httpCode: String(code) });
	});

	test('a 2xx HTTP status does not hide an error code in the body', () => {
		const verdict = judgeAnswer({
			statusCode: 200,
			body: { code: '403', error: 'FORBIDDEN', msg: 'PLEASE VALIDATE TOKEN' },
		});
		expect(verdict).toMatchObject({
			outcome: 'halt',
			message: 'Wolkvox refused the credential: PLEASE VALIDATE TOKEN (code 403)',
		});
	});

	test('"already exists" after an attempt whose answer was lost says it was created by that attempt or before it', () => {
		const body = { code: 409, error: 'CONFLICT', msg: 'THE ACTIVITY CODE ALREADY EXISTS' };
		expect(judgeAnswer({ statusCode: 409, body }, true)).toMatchObject({
			outcome: 'refused',
			message: 'Already exists in Wolkvox: THE ACTIVITY CODE ALREADY EXISTS (code 409)',
			description:
				'An earlier attempt of this same request got no answer: it was created by that attempt, or existed before it. It exists once.',
		});
	});
});
