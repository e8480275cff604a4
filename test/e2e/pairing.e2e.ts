/**
 * Item pairing through Wolkvox nodes: a node after two Wolkvox nodes reads an earlier node's item with
 * `$('Customers').item`, which n8n resolves through each node's `pairedItem` (n8n 1.x follows the
 * chain back node by node). The second Wolkvox node reads Customers' item too.
 *
 * Customers is a Split Out node, not a Code node: in n8n 1.123.81 as this suite runs it, expressions
 * in any later node read nothing from a Code node's output items (`$('Customers').all().length` and
 * `$input.all().length` are empty in a Set node placed right after it, no Wolkvox node involved),
 * while the Wolkvox node's own outputs pair as they should.
 */
import { nodeOutput } from '../../scripts/runtime/n8n-cli';
import { WORKFLOWS } from './e2e-config';
import { execute, output, useSimulator } from './support';

const fx = useSimulator();

it("a node after two chained Wolkvox nodes reads each row's own Customers item", async () => {
	const result = await execute(WORKFLOWS.pairing);

	expect({ exitCode: result.exitCode, error: result.run?.data.resultData.error?.message }).toEqual({
		exitCode: 0,
		error: undefined,
	});
	expect(nodeOutput(result.run!, 'Read Back')).toEqual([
		{ phone: '300 111 0001', added: '3001110001', code: 'PAIR-A' },
		{ phone: '300 111 0002', added: '3001110002', code: 'PAIR-B' },
		{ phone: '300 111 0003', added: '3001110003', code: 'PAIR-C' },
	]);
	expect([...fx.simulator.activityCodes.values()].map((code) => code.description_cod_act)).toEqual([
		'Ana',
		'Luis',
		'Sara',
	]);
	expect(output(result)).not.toContain('Paired item data');
});
