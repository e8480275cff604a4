/**
 * What an AI agent gets from the Wolkvox Tool: its record of a failed call keeps only the error
 * message, and every output row lands in its context.
 */
import { TOOL_LIST_LIMIT } from '../nodes/Wolkvox/run/tool';
import { runWolkvox } from './harness/run-node';
import { useSimulator } from './harness/simulator-fixture';

const fx = useSimulator();

const numbers = (count: number, first: number) =>
	Array.from({ length: count }, (_, index) => String(first + index));

test('a sync whose removal may have been applied names every number whose state is unknown in the message', async () => {
	const unwanted = numbers(25, 3_000_000_100);
	for (const phone of ['3000000001', ...unwanted]) fx.sim.dnc.outbound.add(phone);
	fx.sim.injectFault({ kind: 'serverError', api: 'remove_dnc' });

	const { error } = await runWolkvox({
		parameters: {
			resource: 'dnc',
			operation: 'sync',
			typeCall: 'outbound',
			telephones: '={{ $json.phone }}',
			removeUnlisted: true,
			options: { maxRetries: 0 },
		},
		credentials: fx.credentials(),
		items: [{ phone: '3000000001' }],
		asTool: true,
	});

	expect(error?.message).toContain(
		`Whether these 25 numbers are on the outbound list is unknown: ${unwanted.join(', ')}.`,
	);
});

test('Get Many returns at most TOOL_LIST_LIMIT rows, then one row that counts the rest', async () => {
	const listed = numbers(TOOL_LIST_LIMIT + 7, 3_000_000_000);
	for (const phone of listed) fx.sim.dnc.outbound.add(phone);

	const { output } = await runWolkvox({
		parameters: { resource: 'dnc', operation: 'getAll', type: 'outbound', returnAll: true },
		credentials: fx.credentials(),
		asTool: true,
	});

	expect(output).toHaveLength(TOOL_LIST_LIMIT + 1);
	expect(output.slice(0, TOOL_LIST_LIMIT).map((item) => item.json.telephone)).toEqual(
		listed.slice(0, TOOL_LIST_LIMIT),
	);
	expect(output[TOOL_LIST_LIMIT]?.json).toEqual({
		omittedRows: 7,
		note: '7 more rows were found and not listed; ask for fewer (Limit) to see others.',
	});
	expect(output.every((item) => item.pairedItem !== undefined)).toBe(true);
});
