import type { INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Wolkvox } from '../nodes/Wolkvox/Wolkvox.node';
import { runWolkvox, startWolkvox } from './harness/run-node';
import { useSimulator } from './harness/simulator-fixture';
import { until } from './harness/until';
import type { FixedAnswerServer } from './support/fixed-answer-server';
import { startFixedAnswerServer } from './support/fixed-answer-server';

const fx = useSimulator();

const syncDnc = (extra: Record<string, unknown> = {}) => ({
	resource: 'dnc',
	operation: 'sync',
	typeCall: 'outbound',
	telephones: '={{ $json.phone }}',
	...extra,
});

const apis = () => fx.sim.requests.map((request) => request.api);
const writes = () => fx.sim.requests.filter((request) => request.file === 'configuration.php');
const sorted = (list: Iterable<string>) => [...list].sort();
const omit = (record: Record<string, unknown>, keys: string[]) =>
	Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));
const seed = (type: 'inbound' | 'outbound', phones: string[]) =>
	phones.forEach((phone) => fx.sim.dnc[type].add(phone));

describe('DNC Sync', () => {
	test('adds only the missing numbers, in one request, and says per item what happened', async () => {
		seed('outbound', ['3000000001', '3000000002']);

		const { output } = await runWolkvox({
			parameters: syncDnc(),
			credentials: fx.credentials(),
			items: [
				{ phone: '3000000001, 3000000003' },
				{ phone: '3000000004' },
				{ phone: '3000000001' },
			],
		});

		expect(apis()).toEqual(['get_dnc', 'add_dnc']);
		expect(fx.sim.requests[0].query).toEqual({ type: 'outbound' });
		expect(fx.sim.requests[1].body).toEqual({
			type_call: 'outbound',
			telephones: ['3000000003', '3000000004'],
		});
		expect(sorted(fx.sim.dnc.outbound)).toEqual([
			'3000000001',
			'3000000002',
			'3000000003',
			'3000000004',
		]);
		const [first, second, third] = output.map((item) => item.json);
		expect(first).toMatchObject({
			typeCall: 'outbound',
			added: ['3000000003'],
			alreadyListed: ['3000000001'],
			code: 201,
			msg: '1 telephone added',
			combinedRequests: [{ code: 201, msg: '2 telephones were added', items: 2, records: 2 }],
		});
		expect(second).toEqual({
			typeCall: 'outbound',
			telephones: ['3000000004'],
			added: ['3000000004'],
			alreadyListed: [],
			code: 201,
			error: null,
			msg: '1 telephone added',
		});
		expect(third).toEqual({
			typeCall: 'outbound',
			telephones: ['3000000001'],
			added: [],
			alreadyListed: ['3000000001'],
		});
		expect(first.summary).toEqual({
			dryRun: false,
			typeCall: 'outbound',
			wanted: 3,
			listed: 2,
			added: { count: 2, telephones: ['3000000003', '3000000004'] },
			removed: { count: 0, telephones: [] },
			otherListRestored: { typeCall: 'inbound', count: 0, telephones: [] },
			skipped: [
				{ what: 'removal', reason: 'Remove Unlisted is off', count: 1, telephones: ['3000000002'] },
			],
			requests: 2,
		});
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(second.summary).toBeUndefined();
	});

	test('writes nothing when every wanted number is listed', async () => {
		seed('outbound', ['3000000001', '3000000002']);

		const { output } = await runWolkvox({
			parameters: syncDnc(),
			credentials: fx.credentials(),
			items: [{ phone: '3000000002' }],
		});

		expect(apis()).toEqual(['get_dnc']);
		expect(output[0].json).toMatchObject({
			added: [],
			alreadyListed: ['3000000002'],
			summary: { requests: 1 },
		});
	});

	test('with Remove Unlisted, reads each list apart, then makes the list equal to the input', async () => {
		seed('outbound', ['3000000001', '3000000002', '3000000005']);

		const { output } = await runWolkvox({
			parameters: syncDnc({ removeUnlisted: true }),
			credentials: fx.credentials(),
			items: [{ phone: '3000000001' }, { phone: '3000000003' }],
		});

		expect(apis()).toEqual(['get_dnc', 'get_dnc', 'add_dnc', 'remove_dnc']);
		expect(fx.sim.requests.slice(0, 2).map((request) => request.query)).toEqual([
			{ type: 'outbound' },
			{ type: 'inbound' },
		]);
		expect(fx.sim.requests[3].body).toEqual({
			type: 'outbound',
			telephones: ['3000000002', '3000000005'],
		});
		expect(sorted(fx.sim.dnc.outbound)).toEqual(['3000000001', '3000000003']);
		expect(output[0].json.summary).toMatchObject({
			added: { count: 1, telephones: ['3000000003'] },
			removed: { count: 2, telephones: ['3000000002', '3000000005'] },
			skipped: [],
			removalAnswer: { code: 202, msg: '2 telephones were deleted' },
		});
	});

	test('removes from the managed list only, and re-reads the other list instead of adding back blindly', async () => {
		seed('outbound', ['3000000001', '3000000002', '3000000003']);
		seed('inbound', ['3000000002', '3000000009']);

		const { output } = await runWolkvox({
			parameters: syncDnc({ removeUnlisted: true }),
			credentials: fx.credentials(),
			items: [{ phone: '3000000001' }],
		});

		expect(sorted(fx.sim.dnc.outbound)).toEqual(['3000000001']);
		expect(sorted(fx.sim.dnc.inbound)).toEqual(['3000000002', '3000000009']);
		expect(apis()).toEqual(['get_dnc', 'get_dnc', 'remove_dnc', 'get_dnc']);
		expect(writes().map((request) => [request.api, request.body])).toEqual([
			['remove_dnc', { type: 'outbound', telephones: ['3000000002', '3000000003'] }],
		]);
		expect(output[0].json.summary).toMatchObject({
			removed: { count: 2, telephones: ['3000000002', '3000000003'] },
			otherListRestored: { typeCall: 'inbound', count: 0, telephones: [] },
		});
	});

	test('never changes the other list, even if Wolkvox ignored the type: what went missing from it is added back', async () => {
		seed('outbound', ['3000000001', '3000000002', '3000000003']);
		seed('inbound', ['3000000002', '3000000009']);
		fx.sim.removeIgnoresType = true;

		const { output } = await runWolkvox({
			parameters: syncDnc({ removeUnlisted: true }),
			credentials: fx.credentials(),
			items: [{ phone: '3000000001' }],
		});

		expect(sorted(fx.sim.dnc.outbound)).toEqual(['3000000001']);
		expect(sorted(fx.sim.dnc.inbound)).toEqual(['3000000002', '3000000009']);
		expect(writes().map((request) => [request.api, request.body])).toEqual([
			['remove_dnc', { type: 'outbound', telephones: ['3000000002', '3000000003'] }],
			['add_dnc', { type_call: 'inbound', telephones: ['3000000002'] }],
		]);
		expect(output[0].json.summary).toMatchObject({
			removed: { count: 2, telephones: ['3000000002', '3000000003'] },
			otherListRestored: { typeCall: 'inbound', count: 1, telephones: ['3000000002'] },
		});
	});

	describe('the other list never silently loses a number', () => {
		// 3000000002 is on both lists: removing it from outbound takes it off inbound too.
		const seedBoth = () => {
			seed('outbound', ['3000000001', '3000000002', '3000000003']);
			seed('inbound', ['3000000002', '3000000009']);
			fx.sim.removeIgnoresType = true;
		};
		const syncKeeping = (options: Record<string, unknown>, items = [{ phone: '3000000001' }]) =>
			runWolkvox({
				parameters: syncDnc({ removeUnlisted: true, options: { maxRetries: 0, ...options } }),
				credentials: fx.credentials(),
				items,
			});

		test.each([
			[
				'a server error (5xx)',
				'serverError' as const,
				{},
				['3000000001', '3000000002', '3000000003'],
				'Wolkvox had a server error (HTTP 500) (gave up after 1 attempt)',
				[],
			],
			[
				'no answer in time',
				'applyThenHang' as const,
				{ timeout: 200 },
				['3000000001'],
				'Wolkvox did not answer within 200 ms (gave up after 1 attempt)',
				['3000000002'],
			],
		])(
			'a removal that fails with %s, which Wolkvox may have applied, is followed by a re-read of the other list and the re-add of what it lost, and the error names the numbers',
			async (_case, kind, options, outboundAfter, cause, restored) => {
				seedBoth();
				fx.sim.injectFault({ kind, api: 'remove_dnc', ms: 600 });

				const { error } = await syncKeeping(options);

				expect(writes().map((request) => [request.api, request.body])).toEqual([
					['remove_dnc', { type: 'outbound', telephones: ['3000000002', '3000000003'] }],
					...(restored.length ? [['add_dnc', { type_call: 'inbound', telephones: restored }]] : []),
				]);
				expect(apis().filter((api) => api === 'get_dnc')).toHaveLength(3);
				expect(sorted(fx.sim.dnc.inbound)).toEqual(['3000000002', '3000000009']);
				expect(sorted(fx.sim.dnc.outbound)).toEqual(outboundAfter);
				expect(error?.message).toBe(
					`${cause}. Whether these 2 numbers are on the outbound list is unknown: 3000000002, 3000000003.`,
				);
				if (restored.length)
					expect(error?.description).toContain('Added back to the inbound list: 3000000002.');
				else expect(error?.description).not.toContain('Added back');
			},
		);

		test("a removal whose connection is cut after it left is still followed by the re-add (after Wolkvox's 60 s)", async () => {
			seedBoth();
			fx.sim.injectFault({ kind: 'applyThenReset', api: 'remove_dnc', ms: 100 });

			const { error } = await syncKeeping({});

			expect(sorted(fx.sim.dnc.outbound)).toEqual(['3000000001']);
			expect(sorted(fx.sim.dnc.inbound)).toEqual(['3000000002', '3000000009']);
			expect(error?.message).toBe(
				'Could not reach Wolkvox: the connection was cut (gave up after 1 attempt). Whether these 2 numbers are on the outbound list is unknown: 3000000002, 3000000003.',
			);
		}, 90_000);

		test('a re-add that fails names the numbers the other list may have lost', async () => {
			seedBoth();
			fx.sim.injectFault({ kind: 'serverError', api: 'add_dnc' });

			const { error } = await syncKeeping({});

			expect(sorted(fx.sim.dnc.outbound)).toEqual(['3000000001']);
			expect(error?.message).toBe(
				'Wolkvox had a server error (HTTP 500) (gave up after 1 attempt). Whether this number is on the inbound list is unknown: 3000000002.',
			);
			expect(error?.description).toContain('Add back with DNC → Add');
		});

		test('a removal refused for one number still re-adds the numbers its other half removed', async () => {
			seedBoth();
			fx.sim.refusedTelephones.add('3000000003');

			const { error } = await syncKeeping({});

			expect(sorted(fx.sim.dnc.outbound)).toEqual(['3000000001', '3000000003']);
			expect(sorted(fx.sim.dnc.inbound)).toEqual(['3000000002', '3000000009']);
			expect(error?.message).toContain('INVALID VALUE FOR telephones');
			expect(error?.message).not.toContain('unknown');
		});

		test('an execution stopped while Wolkvox works on a removal sends no re-add, and its error names the numbers of both lists', async () => {
			seedBoth();
			fx.sim.injectFault({ kind: 'applyThenHang', api: 'remove_dnc', ms: 500 });
			const stopped = startWolkvox({
				parameters: syncDnc({ removeUnlisted: true }),
				credentials: fx.credentials(),
				items: [{ phone: '3000000001' }],
			});
			await until(() => apis().includes('remove_dnc'));

			stopped.stop();
			const { error } = await stopped.result;

			expect(apis()).toEqual(['get_dnc', 'get_dnc', 'remove_dnc']);
			expect(error?.message).toBe(
				'Stopped before Wolkvox answered: the execution was stopped. Whether these 2 numbers are on the outbound list is unknown: 3000000002, 3000000003. Whether this number is on the inbound list is unknown: 3000000002.',
			);
		});

		test('with Continue On Fail, the failed summary item names the numbers and the summary moves to the next item', async () => {
			seedBoth();
			fx.sim.injectFault({ kind: 'serverError', api: 'remove_dnc' });

			const { output } = await runWolkvox({
				parameters: syncDnc({ removeUnlisted: true, options: { maxRetries: 0 } }),
				credentials: fx.credentials(),
				items: [{ phone: '3000000001' }, { phone: '3000000004' }],
				continueOnFail: true,
			});

			expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(output[0].json.error).toBe(
				'Wolkvox had a server error (HTTP 500) (gave up after 1 attempt). Whether these 2 numbers are on the outbound list is unknown: 3000000002, 3000000003.',
			);
			expect(output[1].json).toMatchObject({
				added: ['3000000004'],
				summary: {
					added: { count: 1, telephones: ['3000000004'] },
					removed: { count: 0, telephones: [] },
					otherListRestored: { typeCall: 'inbound', count: 0, telephones: [] },
					stateUnknown: { outbound: ['3000000002', '3000000003'] },
					requests: 5,
				},
			});
			expect(sorted(fx.sim.dnc.inbound)).toEqual(['3000000002', '3000000009']);
		});
	});

	test('a dry run reads only, and outputs exactly what the real run then does', async () => {
		seed('outbound', ['3000000001', '3000000002']);
		seed('inbound', ['3000000002']);
		const run = (dryRun: boolean) =>
			runWolkvox({
				parameters: syncDnc({ removeUnlisted: true, options: { dryRun } }),
				credentials: fx.credentials(),
				items: [{ phone: '3000000001, 3000000007' }, { phone: '3000000008' }],
			});

		const dry = await run(true);
		expect(apis()).toEqual(['get_dnc', 'get_dnc']);
		expect(sorted(fx.sim.dnc.outbound)).toEqual(['3000000001', '3000000002']);

		const real = await run(false);
		// A dry run says what would happen (wouldAdd…), and the real run then does exactly that (added…).
		const DONE: Record<string, string> = { wouldAdd: 'added', wouldRemove: 'removed' };
		const done = (record: Record<string, unknown>) =>
			Object.fromEntries(
				Object.entries(omit(record, ['dryRun'])).map(([key, value]) => [DONE[key] ?? key, value]),
			);
		const plan = (json: Record<string, unknown>) => {
			const rest = done(omit(json, ['code', 'error', 'msg', 'combinedRequests', 'summary']));
			return json.summary
				? {
						...rest,
						summary: done(
							omit(json.summary as Record<string, unknown>, [
								'requests',
								'removalAnswer',
								// Known only once removed: whether the other list lost a number.
								'otherListRestored',
							]),
						),
					}
				: rest;
		};
		expect(dry.output.map((item) => item.json.dryRun)).toEqual([true, true]);
		expect(real.output.map((item) => item.json.dryRun)).toEqual([undefined, undefined]);
		expect(dry.output[0].json.summary).toMatchObject({ dryRun: true, requests: 2 });
		expect(real.output[0].json.summary).toMatchObject({ dryRun: false, requests: 5 });
		expect(dry.output.map((item) => plan(item.json))).toEqual(
			real.output.map((item) => plan(item.json)),
		);
		expect(dry.output[0].json).toEqual({
			typeCall: 'outbound',
			telephones: ['3000000001', '3000000007'],
			wouldAdd: ['3000000007'],
			alreadyListed: ['3000000001'],
			dryRun: true,
			summary: {
				dryRun: true,
				typeCall: 'outbound',
				wanted: 3,
				listed: 2,
				wouldAdd: { count: 2, telephones: ['3000000007', '3000000008'] },
				wouldRemove: { count: 1, telephones: ['3000000002'] },
				skipped: [],
				requests: 2,
			},
		});
	});

	test('summary.skipped lists only what was skipped: nothing unlisted, no entry', async () => {
		seed('outbound', ['3000000001']);

		const { output } = await runWolkvox({
			parameters: syncDnc(),
			credentials: fx.credentials(),
			items: [{ phone: '3000000001' }],
		});

		expect(output[0].json.summary).toMatchObject({ skipped: [] });
	});

	describe('the Dry Run option in the editor', () => {
		const node = new Wolkvox();
		const property = (name: string) =>
			node.description.properties.find(
				(candidate) =>
					candidate.name === name &&
					candidate.displayOptions?.show?.resource?.includes('dnc') &&
					candidate.displayOptions?.show?.operation?.includes('sync'),
			);
		const options = property('options')?.options as INodeProperties[];

		test('adding Dry Run to a Sync turns it on', () => {
			expect(options.find((option) => option.name === 'dryRun')?.default).toBe(true);
		});

		test('no parameter is shown or hidden by an option of a collection (n8n 1.x cannot resolve it and fails every workflow holding the node)', () => {
			const keys = node.description.properties.flatMap((parameter) =>
				Object.values(parameter.displayOptions ?? {}).flatMap((conditions) =>
					Object.keys(conditions ?? {}),
				),
			);
			expect(keys.filter((key) => key.includes('.'))).toEqual([]);
		});

		test.each([
			[{ removeUnlisted: true, options: {} }, true],
			[{ removeUnlisted: true, options: { dryRun: false } }, true],
			[{ removeUnlisted: true, options: { dryRun: true } }, true],
			[{ removeUnlisted: false, options: {} }, false],
		])('with %j the removals notice shows: %s', (parameters, shown) => {
			const notice = property('removalsNotice');
			expect(notice?.type).toBe('notice');
			// As the editor asks it: the node's values, the parameter's path among them.
			const values = { parameters: { resource: 'dnc', operation: 'sync', ...parameters } };
			expect(
				NodeHelpers.displayParameterPath(values, notice!, 'parameters', null, node.description),
			).toBe(shown);
		});
	});

	test('Max Removals: more removals fail the execution before any write', async () => {
		seed('outbound', ['3000000001', '3000000002', '3000000003', '3000000004']);

		const { error, output } = await runWolkvox({
			parameters: syncDnc({ removeUnlisted: true, options: { maxRemovals: 2 } }),
			credentials: fx.credentials(),
			items: [{ phone: '3000000001, 3000000009' }],
		});

		expect(error?.message).toBe(
			'The sync would remove 3 numbers, more than Max Removals (2); nothing was written',
		);
		expect(output).toEqual([]);
		expect(apis()).toEqual(['get_dnc', 'get_dnc']);
		expect(fx.sim.dnc.outbound.size).toBe(4);
	});

	test('Max Removals with Continue On Fail: every item fails, paired, and nothing is written', async () => {
		seed('outbound', ['3000000001', '3000000002', '3000000003']);

		const { output } = await runWolkvox({
			parameters: syncDnc({ removeUnlisted: true, options: { maxRemovals: 1 } }),
			credentials: fx.credentials(),
			items: [{ phone: '3000000009' }, { phone: '3000000008' }],
			continueOnFail: true,
		});

		expect(apis()).toEqual(['get_dnc', 'get_dnc']);
		expect(output.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 0 }, expect.stringContaining('would remove 3 numbers, more than Max Removals (1)')],
			[{ item: 1 }, expect.stringContaining('Max Removals')],
		]);
	});

	test('an invalid item blocks removals (with Continue On Fail) and the output says why', async () => {
		seed('outbound', ['3000000001', '3000000002']);

		const { output } = await runWolkvox({
			parameters: syncDnc({ removeUnlisted: true }),
			credentials: fx.credentials(),
			items: [{ phone: '3000000003' }, { phone: 'not a phone' }],
			continueOnFail: true,
		});

		expect(apis()).toEqual(['get_dnc', 'get_dnc', 'add_dnc']);
		expect(sorted(fx.sim.dnc.outbound)).toEqual(['3000000001', '3000000002', '3000000003']);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output[1].json.error).toEqual(expect.stringContaining('Item 1: "Telephones"'));
		expect(output[0].json.summary).toMatchObject({
			removed: { count: 0 },
			skipped: [
				{
					what: 'removal',
					reason: expect.stringContaining('input item(s) 1 could not be read'),
					count: 2,
				},
			],
		});
	});

	test('a read of 60,000 records may be incomplete: it blocks removals', async () => {
		fx.sim.seedDnc('outbound', 60_000);

		const { output } = await runWolkvox({
			parameters: syncDnc({ removeUnlisted: true }),
			credentials: fx.credentials(),
			items: [{ phone: '3000000000' }, { phone: '3100000000' }],
		});

		expect(apis()).toEqual(['get_dnc', 'get_dnc', 'add_dnc']);
		expect((fx.sim.requests[0].response as { data: unknown[] }).data).toHaveLength(60_000);
		expect(fx.sim.dnc.outbound.size).toBe(60_001);
		expect(output[0].json.summary).toMatchObject({
			removed: { count: 0 },
			skipped: [
				{ what: 'removal', reason: expect.stringContaining('may be incomplete'), count: 59_999 },
			],
		});
	});

	test('a list of 59,999 numbers is mirrored with removals: each list is read apart, with its own 60,000 limit', async () => {
		fx.sim.seedDnc('outbound', 59_999, 3_000_000_000);
		fx.sim.seedDnc('inbound', 59_999, 3_100_000_000);
		const kept = Array.from({ length: 59_997 }, (_, index) => String(3_000_000_000 + index));

		const { output } = await runWolkvox({
			parameters: syncDnc({
				removeUnlisted: true,
				telephonesFrom: 'field',
				telephonesField: 'phones',
			}),
			credentials: fx.credentials(),
			items: [{ phones: [...kept, '3200000000'] }],
		});

		expect(apis()).toEqual(['get_dnc', 'get_dnc', 'add_dnc', 'remove_dnc']);
		expect(writes().map((request) => request.body)).toEqual([
			{ type_call: 'outbound', telephones: ['3200000000'] },
			{ type: 'outbound', telephones: ['3000059997', '3000059998'] },
		]);
		expect(fx.sim.dnc.outbound.size).toBe(59_998);
		expect(fx.sim.dnc.inbound.size).toBe(59_999);
		expect(output[0].json.summary).toMatchObject({
			listed: 59_999,
			removed: { count: 2, telephones: ['3000059997', '3000059998'] },
			skipped: [],
		});
	});

	test('Continue On Fail: an item whose add fails is an error, paired; the others are answered', async () => {
		seed('outbound', ['3000000001']);
		fx.sim.injectFault({ kind: 'serverError', api: 'add_dnc', times: 5 });

		const { output } = await runWolkvox({
			parameters: syncDnc({ options: { maxRetries: 0 } }),
			credentials: fx.credentials(),
			items: [{ phone: '3000000001' }, { phone: '3000000002' }, { phone: '3000000001' }],
			continueOnFail: true,
		});

		expect(apis()).toEqual(['get_dnc', 'add_dnc']);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json).toMatchObject({
			alreadyListed: ['3000000001'],
			summary: { added: { count: 1 } },
		});
		expect(output[1].json.error).toEqual(expect.any(String));
		expect(output[2].json).toEqual({
			typeCall: 'outbound',
			telephones: ['3000000001'],
			added: [],
			alreadyListed: ['3000000001'],
		});
	});

	test("a failed removal is the first item's error (it carries the run's removals); the others keep their answers", async () => {
		seed('outbound', ['3000000001', '3000000009']);
		fx.sim.injectFault({ kind: 'serverError', api: 'remove_dnc', times: 5 });

		const { output } = await runWolkvox({
			parameters: syncDnc({ removeUnlisted: true, options: { maxRetries: 0 } }),
			credentials: fx.credentials(),
			items: [{ phone: '3000000001' }, { phone: '3000000002' }],
			continueOnFail: true,
		});

		expect(apis()).toEqual(['get_dnc', 'get_dnc', 'add_dnc', 'remove_dnc']);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output[0].json.error).toEqual(expect.any(String));
		expect(output[1].json).toMatchObject({ added: ['3000000002'], code: 201 });
		expect(sorted(fx.sim.dnc.outbound)).toEqual(['3000000001', '3000000002', '3000000009']);
	});

	describe('a read Wolkvox answers in a shape the sync cannot use', () => {
		let fake: FixedAnswerServer;
		beforeAll(async () => (fake = await startFixedAnswerServer()));
		afterAll(async () => await fake.stop());
		beforeEach(() => (fake.requests = 0));

		test.each([
			[
				'no data',
				{ code: 200, error: null, msg: 'OK' },
				'Wolkvox answered get_dnc with no "data" at all, expected a list of records in "data"',
			],
			[
				'a record without its number',
				{ code: 200, error: null, msg: 'OK', data: [{ type: 'outbound' }] },
				'Wolkvox answered get_dnc with a record without "phone_number"',
			],
		])(
			'%s: every item fails with its own error and nothing is written',
			async (_case, answer, message) => {
				fake.answer = answer;

				const { output } = await runWolkvox({
					parameters: syncDnc({ removeUnlisted: true }),
					credentials: fx.credentials({ baseUrl: fake.baseUrl }),
					items: [{ phone: '3000000001' }, { phone: '3000000002' }],
					continueOnFail: true,
				});

				expect(fake.requests).toBe(1);
				expect(output.map((item) => [item.pairedItem, item.json.error])).toEqual([
					[{ item: 0 }, message],
					[{ item: 1 }, message],
				]);
				expect(
					output.map(
						(item) =>
							(item.error as { context?: { itemIndex?: number } } | undefined)?.context?.itemIndex,
					),
				).toEqual([0, 1]);
			},
		);
	});
});
