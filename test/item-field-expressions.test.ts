import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { WorkflowExpression } from 'n8n-workflow';

import type { RunResult } from './harness/run-node';
import { runWolkvox } from './harness/run-node';
import { useSimulator } from './harness/simulator-fixture';

const fx = useSimulator();

/**
 * A parameter that is exactly `{{ $json.<field> }}` is read from the item without n8n's expression
 * engine. Wrapping the same expression in parentheses keeps its meaning but not its exact form, so
 * n8n evaluates it: each spec runs both over the same items and compares everything that comes out.
 */
const evaluatedByN8n = (expression: string) =>
	expression.replace(/^=\{\{(.*)\}\}$/s, '={{ ($1) }}');

const addDnc = (telephones: string, extra: IDataObject = {}): INodeParameters => ({
	resource: 'dnc',
	operation: 'add',
	typeCall: 'outbound',
	telephones,
	...extra,
});

const ITEMS: IDataObject[] = [
	{ phone: '+57 300 123 4567' },
	{ phone: 3001234568 },
	{ phone: ['3001234569', 3001234570] },
	{ phone: [] },
	{},
	{ phone: null },
	{ phone: '' },
	{ phone: true },
	{ phone: { number: '3001234571' } },
	{ phone: 'not a phone' },
	{ phone: [['3001234572']] },
	{ phone: ['3001234573', null] },
	{ contact: { phone: '300 123 4574' } },
	{ contact: { phone: ['3001234575', 3001234576] } },
	{ contact: null },
	{ contact: 'text' },
	{ 'contact.phone': '3001234577' },
	{ phone: '3001234578', 'my phone': '300-123-4579' },
];

/** Everything a run gives a workflow and Wolkvox: items (with pairing), the error, the requests. */
function observed({ output, error }: RunResult) {
	return {
		output: output.map(({ json, pairedItem }) => ({ json, pairedItem })),
		error: error && { message: error.message, description: error.description },
		requests: fx.sim.requests.map(({ api, body, query }) => ({ api, body, query })),
		outbound: [...fx.sim.dnc.outbound].sort(),
	};
}

async function bothWays(parameters: (expression: string) => INodeParameters, expression: string) {
	const runs = [];
	for (const form of [expression, evaluatedByN8n(expression)]) {
		fx.sim.reset();
		for (const continueOnFail of [true, false]) {
			const result = await runWolkvox({
				parameters: parameters(form),
				credentials: fx.credentials(),
				items: ITEMS,
				continueOnFail,
			});
			runs.push({ form, continueOnFail, ...observed(result) });
		}
	}
	return runs;
}

function expectSameOutcomes(runs: Awaited<ReturnType<typeof bothWays>>) {
	const [fastOnFail, fastStop, n8nOnFail, n8nStop] = runs;
	expect(evaluatedByN8n(fastOnFail.form)).toBe(n8nOnFail.form);
	expect({ ...fastOnFail, form: '' }).toEqual({ ...n8nOnFail, form: '' });
	expect({ ...fastStop, form: '' }).toEqual({ ...n8nStop, form: '' });
}

describe('A parameter that only names an item field reads it as n8n would', () => {
	test.each([
		'={{ $json.phone }}',
		'={{$json.phone}}',
		'={{   $json["phone"]   }}',
		"={{ $json['my phone'] }}",
		'={{ $json.contact.phone }}',
		'={{ $json["contact"][\'phone\'] }}',
		'={{\n$json.phone\n}}',
	])('Add DNC with Telephones %j: same items, errors, pairing and requests', async (expression) => {
		const runs = await bothWays((form) => addDnc(form), expression);

		expectSameOutcomes(runs);
		expect(runs[0].requests.length).toBeGreaterThan(0);
		expect(runs[0].output.some(({ json }) => 'error' in json)).toBe(true);
	});

	test('Add DNC, one request per item: each answer stays with its item', async () => {
		expectSameOutcomes(
			await bothWays(
				(form) => addDnc(form, { options: { combineItems: false } }),
				'={{ $json.phone }}',
			),
		);
	});

	test('Sync DNC (dry run) with Telephones {{ $json.phone }}', async () => {
		expectSameOutcomes(
			await bothWays(
				(form) => ({ ...addDnc(form), operation: 'sync', options: { dryRun: true } }),
				'={{ $json.phone }}',
			),
		);
	});

	test('Type of Call {{ $json.phone }} goes through the same checks', async () => {
		expectSameOutcomes(
			await bothWays((form) => addDnc('3001234567', { typeCall: form }), '={{ $json.phone }}'),
		);
	});

	test('Delete Activity Code with Codes {{ $json.phone }}', async () => {
		fx.sim.reset();
		expectSameOutcomes(
			await bothWays(
				(form) => ({
					resource: 'activityCode',
					operation: 'delete',
					typeCode: 'cod_act1',
					codAct: form,
				}),
				'={{ $json.phone }}',
			),
		);
	});
});

describe('{{ $json.phone }} costs no expression per item', () => {
	const expressionsEvaluated = async (telephones: string, count: number) => {
		const evaluate = jest.spyOn(WorkflowExpression.prototype, 'getParameterValue');
		try {
			const items = Array.from({ length: count }, (_, index) => ({
				phone: String(3_000_000_000 + index),
			}));
			const { output } = await runWolkvox({
				parameters: addDnc(telephones),
				credentials: fx.credentials(),
				items,
			});
			expect(output).toHaveLength(count);
			return evaluate.mock.calls.length;
		} finally {
			evaluate.mockRestore();
		}
	};

	test('n8n evaluates as many expressions for 50 items as for 5', async () => {
		const plain = '={{ $json.phone }}';
		expect(await expressionsEvaluated(plain, 50)).toBe(await expressionsEvaluated(plain, 5));
	});

	test('any other expression is still evaluated by n8n for every item', async () => {
		const other = '={{ $json.phone.trim() }}';
		const five = await expressionsEvaluated(other, 5);
		expect(await expressionsEvaluated(other, 50)).toBe(five + 45);
	});
});
