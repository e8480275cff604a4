/**
 * Every operation in the real n8n against the simulator, which answers as Wolkvox's published
 * examples do (code "0" for activity_codes, token_info's row of text, "201" as text for edits…).
 */
import { nodeOutput } from '../../scripts/runtime/n8n-cli';
import { CREDENTIALS, WORKFLOWS } from './e2e-config';
import { execute, output, useSimulator } from './support';

const fx = useSimulator();

describe('every operation, Wolkvox answering as its examples (n8n execute)', () => {
	it('succeeds, sends the wolkvox_server header, and outputs what the examples carry', async () => {
		const result = await execute(WORKFLOWS.everyOperation);

		expect({ exitCode: result.exitCode, status: result.run?.status }).toEqual({
			exitCode: 0,
			status: 'success',
		});
		const run = result.run!;
		expect(
			fx.simulator.requests.map(
				({ api, response }) => `${api} ${(response as { code: unknown }).code}`,
			),
		).toEqual([
			'create_cod_act 201',
			'edit_cod_act 201',
			'activity_codes 0',
			'activity_codes 0',
			'create_cod_act 201',
			'remove_cod_act 201',
			'add_dnc 201',
			'get_dnc 200',
			'get_dnc 200',
			'get_dnc 200',
			'remove_dnc 202',
			'remove_dnc 202',
			'token_info 200',
		]);
		expect(new Set(fx.simulator.requests.map((request) => request.server))).toEqual(
			new Set(['0002']),
		);
		expect(nodeOutput(run, 'Update Activity Code')).toEqual([
			{
				code: 201,
				error: null,
				msg: 'Successfully updated code',
				typeCode: 'cod_act1',
				codAct: '020',
			},
		]);
		expect(nodeOutput(run, 'Get Activity Code')).toEqual([
			{
				typeCode: 'cod_act1',
				codAct: '020',
				description: 'Sale closed by phone',
				hit: 'yes',
				rpc: 'yes',
				chat: 'no',
				studio: 'no',
				voice: 'yes',
				interactions: 'no',
			},
		]);
		expect(nodeOutput(run, 'Sync Activity Codes')).toMatchObject([
			{ codAct: '021', result: 'created' },
		]);
		expect(nodeOutput(run, 'Delete Activity Codes')).toMatchObject([
			{ code: 201, msg: 'Removed successfully' },
		]);
		expect(nodeOutput(run, 'Add DNC')).toMatchObject([
			{ telephones: ['3001234567', '3001234568'], code: 201 },
		]);
		expect(nodeOutput(run, 'Get DNC').map((item) => item.telephone)).toEqual([
			'3001234567',
			'3001234568',
		]);
		expect(nodeOutput(run, 'Sync DNC')).toMatchObject([
			{ alreadyListed: ['3001234567'], summary: { removed: { telephones: ['3001234568'] } } },
		]);
		expect(nodeOutput(run, 'Get Token Usage')).toEqual([
			{
				limit: 1_000_000,
				usedToday: 13,
				remaining: 999_987,
				allTokensToday: 13,
				description: 'Wolkvox simulator',
				availableConsumptionOptions: 999_987,
			},
		]);
		expect(fx.simulator.dnc.outbound.size).toBe(0);
		expect(fx.simulator.activityCodes.size).toBe(0);
		expect(output(result)).not.toContain(CREDENTIALS.simulator.token);
	});
});
