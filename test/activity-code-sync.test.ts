import type { ActivityCode } from '../simulator/server';
import { runWolkvox } from './harness/run-node';
import { useSimulator } from './harness/simulator-fixture';

const fx = useSimulator();

const syncCodes = (extra: Record<string, unknown> = {}) => ({
	resource: 'activityCode',
	operation: 'sync',
	typeCode: '={{ $json.group ?? "cod_act1" }}',
	codAct: '={{ $json.code }}',
	description: '={{ $json.label }}',
	hit: '={{ $json.hit ?? "no" }}',
	...extra,
});

function seed(
	...codes: Array<Partial<ActivityCode> & Pick<ActivityCode, 'type_code' | 'cod_act'>>
) {
	for (const code of codes) {
		fx.sim.activityCodes.set(`${code.type_code}:${code.cod_act}`, {
			description_cod_act: `Code ${code.cod_act}`,
			hit: 'no',
			rpc: 'no',
			chat: 'no',
			studio: 'no',
			voice: 'yes',
			interactions: 'no',
			...code,
		});
	}
}

const calls = () => fx.sim.requests.map((request) => `${request.method} ${request.api}`);
const stored = () =>
	[...fx.sim.activityCodes.values()]
		.map((code) => `${code.type_code}:${code.cod_act}:${code.description_cod_act}:${code.hit}`)
		.sort();

describe('Activity Code Sync', () => {
	test('creates absent codes, updates differing ones, sends nothing for identical ones, deletes unlisted ones of the group', async () => {
		seed(
			{ type_code: 'cod_act1', cod_act: '100', description_cod_act: 'Sale' },
			{ type_code: 'cod_act1', cod_act: '200', description_cod_act: 'Call back', hit: 'no' },
			{ type_code: 'cod_act1', cod_act: '300', description_cod_act: 'Old' },
			{ type_code: 'cod_act2', cod_act: '900', description_cod_act: 'Other group' },
		);

		const { output } = await runWolkvox({
			parameters: syncCodes({ removeUnlisted: true }),
			credentials: fx.credentials(),
			items: [
				{ code: '100', label: 'Sale' },
				{ code: '200', label: 'Call back', hit: 'yes' },
				{ code: '400', label: 'No answer' },
			],
		});

		expect(calls()).toEqual([
			'GET activity_codes',
			'PUT edit_cod_act',
			'POST create_cod_act',
			'DELETE remove_cod_act',
		]);
		expect(fx.sim.requestsFor('remove_cod_act')[0].body).toEqual({
			type_code: 'cod_act1',
			cod_act: ['300'],
		});
		expect(stored()).toEqual([
			'cod_act1:100:Sale:no',
			'cod_act1:200:Call back:yes',
			'cod_act1:400:No answer:no',
			'cod_act2:900:Other group:no',
		]);
		expect(
			output.map((item) => [item.pairedItem, item.json.codAct, item.json.result, item.json.code]),
		).toEqual([
			[{ item: 0 }, '100', 'unchanged', undefined],
			[{ item: 1 }, '200', 'updated', 201],
			[{ item: 2 }, '400', 'created', 201],
		]);
		expect(output[0].json.summary).toEqual({
			dryRun: false,
			created: { count: 1, codes: [{ typeCode: 'cod_act1', codAct: '400' }] },
			updated: { count: 1, codes: [{ typeCode: 'cod_act1', codAct: '200' }] },
			unchanged: { count: 1, codes: [{ typeCode: 'cod_act1', codAct: '100' }] },
			removed: { count: 1, codes: [{ typeCode: 'cod_act1', codAct: '300' }] },
			skipped: [],
			requests: 4,
			removalAnswer: { code: 201, error: null, msg: 'Removed successfully' },
		});
	});

	test('compares studio, voice and interactions when the user sets them, and only then', async () => {
		seed(
			{ type_code: 'cod_act1', cod_act: '100', description_cod_act: 'Sale', studio: 'no' },
			{ type_code: 'cod_act1', cod_act: '200', description_cod_act: 'Chat', voice: 'yes' },
			{ type_code: 'cod_act1', cod_act: '300', description_cod_act: 'Mail', interactions: 'no' },
			{ type_code: 'cod_act1', cod_act: '400', description_cod_act: 'Same', voice: 'no' },
		);

		const { output } = await runWolkvox({
			parameters: syncCodes({
				options: {
					studio: '={{ $json.studio }}',
					voice: '={{ $json.voice }}',
					interactions: '={{ $json.interactions }}',
				},
			}),
			credentials: fx.credentials(),
			items: [
				{ code: '100', label: 'Sale', studio: 'yes', voice: 'yes', interactions: 'no' },
				{ code: '200', label: 'Chat', studio: 'no', voice: 'no', interactions: 'no' },
				{ code: '300', label: 'Mail', studio: 'no', voice: 'yes', interactions: 'yes' },
				{ code: '400', label: 'Same', studio: 'no', voice: 'no', interactions: 'no' },
			],
		});
		const unset = await runWolkvox({
			parameters: syncCodes(),
			credentials: fx.credentials(),
			items: [{ code: '400', label: 'Same' }],
		});

		expect(output.map((item) => [item.json.codAct, item.json.result])).toEqual([
			['100', 'updated'],
			['200', 'updated'],
			['300', 'updated'],
			['400', 'unchanged'],
		]);
		expect(
			fx.sim
				.requestsFor('edit_cod_act')
				.map(({ body }: any) => [body.cod_act, body.studio, body.voice, body.interactions]),
		).toEqual([
			['100', 'yes', 'yes', 'no'],
			['200', 'no', 'no', 'no'],
			['300', 'no', 'yes', 'yes'],
		]);
		expect(unset.output[0].json.result).toBe('unchanged');
	});

	test('identical codes cost one read and no write; without Remove Unlisted nothing is deleted', async () => {
		seed(
			{ type_code: 'cod_act1', cod_act: '100', description_cod_act: 'Sale' },
			{ type_code: 'cod_act1', cod_act: '300' },
		);

		const { output } = await runWolkvox({
			parameters: syncCodes(),
			credentials: fx.credentials(),
			items: [{ code: '100', label: 'Sale' }],
		});

		expect(calls()).toEqual(['GET activity_codes']);
		expect(fx.sim.activityCodes.size).toBe(2);
		expect(output[0].json).toMatchObject({
			result: 'unchanged',
			summary: {
				skipped: [
					{
						what: 'removal',
						reason: 'Remove Unlisted is off',
						count: 1,
						codes: [{ typeCode: 'cod_act1', codAct: '300' }],
					},
				],
			},
		});
	});

	test('a dry run reads only and says what a real run would do, never that it was done', async () => {
		seed(
			{ type_code: 'cod_act1', cod_act: '200', description_cod_act: 'Call back' },
			{ type_code: 'cod_act1', cod_act: '300' },
		);

		const { output } = await runWolkvox({
			parameters: syncCodes({ removeUnlisted: true, options: { dryRun: true } }),
			credentials: fx.credentials(),
			items: [
				{ code: '200', label: 'Call back later' },
				{ code: '400', label: 'New' },
				{ code: '500', label: 'Code 500' },
			],
		});

		expect(calls()).toEqual(['GET activity_codes']);
		expect(output.map((item) => [item.json.result, item.json.dryRun])).toEqual([
			['wouldUpdate', true],
			['wouldCreate', true],
			['wouldCreate', true],
		]);
		expect(output[0].json.summary).toEqual({
			dryRun: true,
			wouldCreate: {
				count: 2,
				codes: [
					{ typeCode: 'cod_act1', codAct: '400' },
					{ typeCode: 'cod_act1', codAct: '500' },
				],
			},
			wouldUpdate: { count: 1, codes: [{ typeCode: 'cod_act1', codAct: '200' }] },
			unchanged: { count: 0, codes: [] },
			wouldRemove: { count: 1, codes: [{ typeCode: 'cod_act1', codAct: '300' }] },
			skipped: [],
			requests: 1,
		});
	});

	test('a create retried after a timeout Wolkvox applied is created once, marked alreadyExisted', async () => {
		fx.sim.injectFault({ kind: 'applyThenHang', api: 'create_cod_act', ms: 600 });

		const { output, error } = await runWolkvox({
			parameters: syncCodes({ options: { timeout: 200 } }),
			credentials: fx.credentials(),
			items: [{ code: '100', label: 'A' }],
		});

		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ result: 'created', code: 409, alreadyExisted: true });
		expect(stored()).toEqual(['cod_act1:100:A:no']);
	});

	test('a failure of the item that carries the summary keeps the summary (on the next item)', async () => {
		seed({ type_code: 'cod_act1', cod_act: '300' });
		fx.sim.injectFault({ kind: 'refuse', api: 'create_cod_act' });

		const { output } = await runWolkvox({
			parameters: syncCodes(),
			credentials: fx.credentials(),
			items: [
				{ code: '100', label: 'A' },
				{ code: '200', label: 'B' },
			],
			continueOnFail: true,
		});

		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output[0].json.error).toEqual(expect.stringContaining('INVALID VALUE'));
		expect(output[1].json).toMatchObject({
			codAct: '200',
			result: 'created',
			summary: { created: { count: 2 }, requests: 3 },
		});
	});

	test('Max Removals (default 10): more deletions fail before any write', async () => {
		seed(
			...Array.from({ length: 11 }, (_, index) => ({
				type_code: 'cod_act1' as const,
				cod_act: `old${index}`,
			})),
		);

		const { error } = await runWolkvox({
			parameters: syncCodes({ removeUnlisted: true }),
			credentials: fx.credentials(),
			items: [{ code: 'new', label: 'New' }],
		});

		expect(error?.message).toBe(
			'The sync would remove 11 activity codes, more than Max Removals (10); nothing was written',
		);
		expect(calls()).toEqual(['GET activity_codes']);
		expect(fx.sim.activityCodes.size).toBe(11);
	});

	test('a code given twice fails the later item and blocks deletions (Continue On Fail)', async () => {
		seed({ type_code: 'cod_act1', cod_act: '300' });

		const { output } = await runWolkvox({
			parameters: syncCodes({ removeUnlisted: true }),
			credentials: fx.credentials(),
			items: [
				{ code: '100', label: 'A' },
				{ code: '100', label: 'B' },
			],
			continueOnFail: true,
		});

		expect(calls()).toEqual(['GET activity_codes', 'POST create_cod_act']);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output[1].json.error).toEqual(expect.stringContaining('is also given by item 0'));
		expect(output[0].json.summary).toMatchObject({
			removed: { count: 0 },
			skipped: [{ reason: expect.stringContaining('input item(s) 1') }],
		});
	});
});
