import { readFileSync } from 'node:fs';

import fc from 'fast-check';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { WorkflowExpression } from 'n8n-workflow';

import type { RunResult } from './harness/run-node';
import { runWolkvox } from './harness/run-node';
import { useSimulator } from './harness/simulator-fixture';

const fx = useSimulator();

/**
 * A parameter that is exactly `{{ $json.<field> }}` is read from the item without n8n's expression
 * engine. Wrapping the same expression in parentheses keeps its meaning but not its exact form, so
 * n8n evaluates it: each case runs both over the same items and compares everything that comes out.
 */
const evaluatedByN8n = (expression: string) =>
	expression.replace(/^=\{\{(.*)\}\}$/s, '={{ ($1) }}');

/** The names n8n's expression sandbox refuses, read from the n8n-workflow the engine runs. */
function n8nBlockedNames(): string[] {
	const source = readFileSync(require.resolve('n8n-workflow/dist/cjs/utils.js'), 'utf8');
	const list = /const unsafeObjectProperties = new Set\(\[([^\]]*)\]\)/.exec(source)?.[1];
	if (!list) throw new Error("n8n-workflow's list of unsafe property names was not found");
	return [...list.matchAll(/'([^']+)'/g)].map((match) => match[1]);
}
const BLOCKED = n8nBlockedNames();

/** Everything a run gives a workflow and Wolkvox: items (with pairing), the error, the requests. */
function observed({ output, error }: RunResult) {
	return {
		output: output.map(({ json, pairedItem }) => ({ json, pairedItem })),
		error: error && { message: error.message, description: error.description },
		requests: fx.sim.requests.map(({ api, body, query }) => ({ api, body, query })),
		outbound: [...fx.sim.dnc.outbound].sort(),
	};
}

/** The operations whose parameters are read through the fast path, each with the parameter under test. */
const OPERATIONS: Record<string, (expression: string) => INodeParameters> = {
	'Add DNC, combined': (telephones) => ({
		resource: 'dnc',
		operation: 'add',
		typeCall: 'outbound',
		telephones,
	}),
	'Add DNC, one request per item': (telephones) => ({
		resource: 'dnc',
		operation: 'add',
		typeCall: 'outbound',
		telephones,
		options: { combineItems: false },
	}),
	'Sync DNC, dry run': (telephones) => ({
		resource: 'dnc',
		operation: 'sync',
		typeCall: 'outbound',
		telephones,
		options: { dryRun: true },
	}),
	'Add DNC, Type of Call': (typeCall) => ({
		resource: 'dnc',
		operation: 'add',
		typeCall,
		telephones: '3001234567',
	}),
	'Delete Activity Code, Codes': (codAct) => ({
		resource: 'activityCode',
		operation: 'delete',
		typeCode: 'cod_act1',
		codAct,
	}),
};

interface Case {
	operation: string;
	expression: string;
	items: IDataObject[];
	continueOnFail: boolean;
}

async function runBothWays({ operation, expression, items, continueOnFail }: Case) {
	const runs = [];
	for (const form of [expression, evaluatedByN8n(expression)]) {
		fx.sim.reset();
		const result = await runWolkvox({
			parameters: OPERATIONS[operation](form),
			credentials: fx.credentials(),
			items,
			continueOnFail,
		});
		runs.push(observed(result));
	}
	return runs;
}

// Field names: usual ones, ones only bracket notation reaches, names n8n blocks, and any text.
const plainKey = fc.constantFrom('phone', 'contact', 'list', '$x', '_b', 'length', 'toString');
const oddKey = fc.constantFrom('my phone', 'contact.phone', 'a-b', '', "it's", 'say "hi"', 'ñ');
const key = fc.oneof(
	plainKey,
	oddKey,
	fc.constantFrom(...BLOCKED),
	fc.string({ maxLength: 5 }).filter((text) => !/[\\{}\n\r]/.test(text)),
);
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** One step of a field path as a person may write it; undefined when no form of the fast path fits. */
const step = (name: string, style: 'dot' | 'double' | 'single', space: string) => {
	if (style === 'dot' && IDENTIFIER.test(name)) return `.${name}`;
	const quote = style === 'single' || name.includes('"') ? "'" : '"';
	if (name.includes(quote)) return undefined;
	return `[${space}${quote}${name}${quote}${space}]`;
};

const pathAndExpression = fc
	.tuple(
		fc.array(
			fc.tuple(
				key,
				fc.constantFrom('dot', 'double', 'single') as fc.Arbitrary<'dot'>,
				fc.constantFrom('', ' '),
			),
			{ minLength: 1, maxLength: 3 },
		),
		fc.constantFrom(' ', '', '   ', '\n'),
	)
	.map(([steps, space]) => {
		const written = steps.map(([name, style, inner]) => step(name, style, inner));
		return {
			path: steps.map(([name]) => name),
			expression: written.every((part) => part !== undefined)
				? `={{${space}$json${written.join('')}${space}}}`
				: undefined,
		};
	})
	.filter(
		(candidate): candidate is { path: string[]; expression: string } =>
			candidate.expression !== undefined,
	);

const phone = fc.integer({ min: 3_000_000_000, max: 3_009_999_999 });
const leaf: fc.Arbitrary<unknown> = fc.oneof(
	phone.map(String),
	phone,
	phone.map((number) => `+57 ${String(number).replace(/(\d{3})(\d{3})(\d{4})/, '$1 $2 $3')}`),
	fc.constantFrom('', 'not a phone', '={{ 1 }}', 'outbound', 'inbound', 'SALE', '-0', ' 300 '),
	fc.constantFrom(null, true, false, 0, -0, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e21),
	fc.array(fc.oneof(phone.map(String), phone, fc.constant(null)), { maxLength: 3 }),
	fc.constant([['3001234567']]),
	fc.constant({ number: '3001234571' }),
);

/** An object holding `value` at `path` (own properties, whatever the names). */
function nestedAt(path: string[], value: unknown): unknown {
	return path.reduceRight<unknown>((inner, name) => {
		const outer: IDataObject = {};
		Object.defineProperty(outer, name, {
			value: inner,
			enumerable: true,
			writable: true,
			configurable: true,
		});
		return outer;
	}, value);
}

/** Items for a path: the field present, a parent that is no object, nothing, or a random object. */
const itemsFor = (path: string[]) =>
	fc.array(
		fc.oneof(
			leaf.map((value) => nestedAt(path, value) as IDataObject),
			fc
				.tuple(fc.integer({ min: 1, max: path.length }), leaf)
				.map(([depth, value]) => nestedAt(path.slice(0, depth - 1), value) as IDataObject),
			fc.constant({} as IDataObject),
			fc.object({ maxDepth: 2, maxKeys: 3 }) as fc.Arbitrary<IDataObject>,
		),
		{ minLength: 1, maxLength: 4 },
	);

const cases: fc.Arbitrary<Case> = pathAndExpression.chain(({ path, expression }) =>
	fc.record({
		operation: fc.constantFrom(...Object.keys(OPERATIONS)),
		expression: fc.constant(expression),
		items: itemsFor(path),
		continueOnFail: fc.boolean(),
	}),
);

describe('A parameter that only names an item field reads it as n8n would', () => {
	test('generated items and field paths: the same items, errors, pairing and requests as n8n evaluating it', async () => {
		await fc.assert(
			fc.asyncProperty(cases, async (generated) => {
				const [fast, n8n] = await runBothWays(generated);
				expect(fast).toEqual(n8n);
			}),
			{ numRuns: 60 },
		);
	});

	test.each(BLOCKED)("a path through %j gives n8n's own error", async (name) => {
		const [fast, n8n] = await runBothWays({
			operation: 'Add DNC, combined',
			expression: `={{ $json["${name}"] }}`,
			items: [nestedAt([name], '3001234567') as IDataObject],
			continueOnFail: true,
		});

		expect(fast).toEqual(n8n);
		expect(fast.requests).toEqual([]);
	});
});

describe('{{ $json.phone }} costs no expression per item', () => {
	const addDnc = (telephones: string): INodeParameters =>
		OPERATIONS['Add DNC, combined'](telephones);

	const expressionsEvaluated = async (telephones: string, count: number, asTool = false) => {
		const evaluate = jest.spyOn(WorkflowExpression.prototype, 'getParameterValue');
		try {
			const items = Array.from({ length: count }, (_, index) => ({
				phone: String(3_000_000_000 + index),
			}));
			const { output } = await runWolkvox({
				parameters: addDnc(telephones),
				credentials: fx.credentials(),
				items,
				asTool,
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

	test("as an AI Agent's tool, n8n evaluates {{ $json.phone }} for every item ($json is then the agent's item)", async () => {
		const plain = '={{ $json.phone }}';
		const five = await expressionsEvaluated(plain, 5, true);
		expect(await expressionsEvaluated(plain, 50, true)).toBe(five + 45);
	});
});
