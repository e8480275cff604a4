/**
 * The Wolkvox Trigger through n8n-core (PollContext, TriggersAndPollers) against the simulator:
 * what each poll emits, what it asks Wolkvox, and what survives a refused poll and a restart.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { activityCodeOptions } from '../nodes/Wolkvox/methods/activityCodeOptions';
import { WolkvoxTrigger } from '../nodes/WolkvoxTrigger/WolkvoxTrigger.node';
import type { ActivityCode } from '../simulator/server';
import { additionalDataFor, runWolkvox } from './harness/run-node';
import { triggerRunner } from './harness/run-trigger';
import { TOKEN, useSimulator } from './harness/simulator-fixture';

const fx = useSimulator();
const MINUTE = 60_000;
const DAY = 86_400_000;

const callCoded = (extra: INodeParameters = {}, options: IDataObject = {}): INodeParameters => ({
	event: 'callCoded',
	...extra,
	options: { minInterval: 0, ...options },
});
const connIds = (items: Array<{ conn_id?: unknown }>) => items.map((item) => item.conn_id);
const act3 = () => fx.sim.requestsFor('act_3');

function code(group: 'cod_act1' | 'cod_act2', id: string, description: string): ActivityCode {
	return {
		type_code: group,
		cod_act: id,
		description_cod_act: description,
		hit: 'no',
		rpc: 'no',
		chat: 'no',
		studio: 'no',
		voice: 'yes',
		interactions: 'no',
	};
}

/** A trigger activated now (its first poll): it starts from now. */
async function activated(parameters: INodeParameters) {
	const trigger = triggerRunner(parameters, fx.credentials());
	const first = await trigger.poll();
	expect(first).toEqual({ items: [] });
	return trigger;
}

describe('Wolkvox Trigger: Call Coded', () => {
	test('starts from now at its first activation (no call), then emits each coded interaction once', async () => {
		fx.sim.addInteraction({ at: Date.now() - 2 * MINUTE });
		const trigger = await activated(callCoded());
		expect(act3()).toHaveLength(0);

		const first = fx.sim.addInteraction({ cod_act: '001', telephone: '3001112233' });
		const second = fx.sim.addInteraction({ cod_act: '002' });
		const poll = await trigger.poll();

		expect(poll.error).toBeUndefined();
		expect(poll.items).toEqual([
			{ ...first, date_iso: `${first.date.replace(' ', 'T')}-05:00` },
			{ ...second, date_iso: `${second.date.replace(' ', 'T')}-05:00` },
		]);
		expect(act3()).toHaveLength(1);
		expect(act3()[0]).toMatchObject({
			method: 'GET',
			file: 'reports_manager.php',
			token: TOKEN,
			query: {
				cod_act: 'cod_act1',
				date_ini: expect.stringMatching(/^\d{14}$/),
				date_end: expect.stringMatching(/^\d{14}$/),
			},
		});
		expect((await trigger.poll()).items).toEqual([]);
		expect(connIds(trigger.emitted)).toEqual([first.conn_id, second.conn_id]);
	});

	test("asks Wolkvox in Colombia's time (UTC−5), from the cursor to now", async () => {
		const trigger = await activated(callCoded());
		const before = Date.now();
		await trigger.poll();
		const { date_ini, date_end } = act3()[0].query;
		const colombia = (ms: number) =>
			new Date(ms - 5 * 3_600_000).toISOString().slice(0, 19).replace(/\D/g, '');
		expect(Number(date_end)).toBeGreaterThanOrEqual(Number(colombia(before)));
		expect(Number(date_end)).toBeLessThanOrEqual(Number(colombia(Date.now())));
		expect(Number(date_ini)).toBeLessThanOrEqual(Number(date_end));
	});

	test('a poll refused as busy or over quota emits nothing and keeps the cursor; the next emits what it missed', async () => {
		const startFrom = new Date(Date.now() - 10 * MINUTE).toISOString();
		const trigger = await activated(callCoded({}, { busyWaitTimeout: 0, startFrom }));
		// dated before the refused polls: only a cursor they left alone still reads it
		const waiting = fx.sim.addInteraction({ cod_act: '001', at: Date.now() - 3000 });

		fx.sim.injectFault({ kind: 'busy', api: 'act_3' });
		const busy = await trigger.poll();
		fx.sim.injectFault({ kind: 'quota', api: 'act_3' });
		const quota = await trigger.poll();

		expect(busy.error?.message).toMatch(/busy/i);
		expect(quota.error?.message).toMatch(/quota/i);
		expect([busy.items, quota.items]).toEqual([[], []]);
		const next = await trigger.poll();
		expect(connIds(next.items)).toEqual([waiting.conn_id]);
		expect(connIds(trigger.emitted)).toEqual([waiting.conn_id]);
	});

	test('a restart of n8n between polls loses nothing and repeats nothing', async () => {
		const trigger = await activated(callCoded());
		const before = fx.sim.addInteraction({ cod_act: '001' });
		expect(connIds((await trigger.poll()).items)).toEqual([before.conn_id]);
		expect((await trigger.poll()).items).toEqual([]); // an empty poll: its cursor is not saved

		const pending = fx.sim.addInteraction({ cod_act: '001' });
		trigger.restart();
		const whileDown = fx.sim.addInteraction({ cod_act: '001' });

		expect(connIds((await trigger.poll()).items)).toEqual([pending.conn_id, whileDown.conn_id]);
		expect((await trigger.poll()).items).toEqual([]);
		expect(connIds(trigger.emitted)).toEqual([before.conn_id, pending.conn_id, whileDown.conn_id]);
	});

	test('an interaction Wolkvox lists late (dated before the last read, within the overlap) is emitted once', async () => {
		const startFrom = new Date(Date.now() - 30 * MINUTE).toISOString();
		const trigger = triggerRunner(callCoded({}, { startFrom }), fx.credentials());
		expect((await trigger.poll()).items).toEqual([]);

		const late = fx.sim.addInteraction({ at: Date.now() - 10 * MINUTE });
		expect(connIds((await trigger.poll()).items)).toEqual([late.conn_id]);
		expect((await trigger.poll()).items).toEqual([]);
		expect(act3()).toHaveLength(3);
	});

	test('Start From (backfill) over 31 days reads in parts of at most 31 days and emits everything from that date', async () => {
		const now = Date.now();
		const startFrom = new Date(now - 40 * DAY).toISOString();
		const old = fx.sim.addInteraction({ at: now - 39 * DAY });
		const middle = fx.sim.addInteraction({ at: now - 20 * DAY });
		const recent = fx.sim.addInteraction({ at: now - MINUTE });
		fx.sim.addInteraction({ at: now - 41 * DAY });

		const trigger = triggerRunner(callCoded({}, { startFrom }), fx.credentials());
		const poll = await trigger.poll();

		expect(connIds(poll.items)).toEqual([old.conn_id, middle.conn_id, recent.conn_id]);
		expect(act3()).toHaveLength(2);
		expect(act3().every((request) => request.status === 200)).toBe(true);
		expect(act3()[1].query.date_ini).toBe(act3()[0].query.date_end);
	});

	test('a range without interactions (Wolkvox answers 404) emits nothing and moves on', async () => {
		const trigger = await activated(callCoded());
		const empty = await trigger.poll();
		expect(empty).toEqual({ items: [] });
		expect(act3()[0].status).toBe(404);
		const next = fx.sim.addInteraction({});
		expect(connIds((await trigger.poll()).items)).toEqual([next.conn_id]);
	});

	test('filters: activity codes from the list (group:ID), by ID or description, and campaigns', async () => {
		fx.sim.activityCodes.set('cod_act1:099', code('cod_act1', '099', 'No volver a llamar'));
		const listed = await activated(callCoded({ activityCodes: ['cod_act1:099'] }));
		const byDescription = await activated(
			callCoded({ activityCodes: '={{ ["no volver a llamar"] }}', campaignIds: '7224, 7300' }),
		);
		const noCall = fx.sim.addInteraction({ cod_act: '099', campaign_id: '7224' });
		fx.sim.addInteraction({ cod_act: '001', campaign_id: '7224' });
		const otherCampaign = fx.sim.addInteraction({ cod_act: '099', campaign_id: '8000' });

		expect(connIds((await listed.poll()).items)).toEqual([noCall.conn_id, otherCampaign.conn_id]);
		expect(connIds((await byDescription.poll()).items)).toEqual([noCall.conn_id]);
	});

	test('both groups: two reads, each interaction once even when both list it', async () => {
		const trigger = await activated(callCoded({ codeGroup: 'both', activityCodes: ['A01'] }));
		const both = fx.sim.addInteraction({ cod_act: '002', cod_act_2: 'A01' });
		fx.sim.addInteraction({ cod_act: '002' });

		expect(connIds((await trigger.poll()).items)).toEqual([both.conn_id]);
		expect(act3().map((request) => request.query.cod_act)).toEqual(['cod_act1', 'cod_act2']);
	});

	test('reads Wolkvox at most every Minimum Minutes Between Reads (default 5): polls sooner cost nothing', async () => {
		const trigger = await activated({ event: 'callCoded' });
		await trigger.poll();
		await trigger.poll();
		await trigger.poll();
		expect(act3()).toHaveLength(1);
	});

	test('two polls at once: the second does nothing, so no interaction is emitted twice', async () => {
		const trigger = await activated(callCoded());
		const one = fx.sim.addInteraction({});
		fx.sim.latencyMs = 300;

		const [first, second] = await Promise.all([trigger.poll(), trigger.poll()]);

		expect([connIds(first.items), second.items]).toEqual([[one.conn_id], []]);
		expect(act3()).toHaveLength(1);
	});

	test("polls share the token's line with the action node: never two requests at once", async () => {
		const trigger = await activated(callCoded());
		fx.sim.addInteraction({});
		fx.sim.latencyMs = 100;

		const [poll, action] = await Promise.all([
			trigger.poll(),
			runWolkvox({
				parameters: {
					resource: 'dnc',
					operation: 'add',
					typeCall: 'outbound',
					telephones: '3001234567',
				},
				credentials: fx.credentials(),
				items: [{}, {}, {}],
			}),
			trigger.poll(),
		]);

		expect(poll.items).toHaveLength(1);
		expect(action.error).toBeUndefined();
		expect(fx.sim.maxInFlight(TOKEN)).toBe(1);
		expect(fx.sim.requests.every((request) => request.status !== 403)).toBe(true);
	});
});

describe('Wolkvox Trigger: Ley 2300 Release', () => {
	test('a release done through the action node (free_law2300) is emitted once', async () => {
		const trigger = await activated({ event: 'law2300Release', options: { minInterval: 0 } });
		const released = await runWolkvox({
			parameters: {
				resource: 'law2300',
				operation: 'release',
				nit: '900123456',
				releaseBy: 'telephone',
				value: '3001234567',
				agentId: 'agent-7',
			},
			credentials: fx.credentials(),
		});
		expect(released.error).toBeUndefined();

		const poll = await trigger.poll();

		expect(poll.items).toEqual([
			expect.objectContaining({
				protected_nit: '900123456',
				agent_id: 'agent-7',
				item: 'telephone',
				value: '3001234567',
				date_iso: expect.stringMatching(/-05:00$/),
			}),
		]);
		expect(fx.sim.requestsFor('cdr_11')).toHaveLength(1);
		expect((await trigger.poll()).items).toEqual([]);
	});
});

describe('Wolkvox Trigger: Fetch Test Event (manual run in the editor)', () => {
	test('returns the most recent interactions of the last day (at most 10) and leaves the cursor alone', async () => {
		const trigger = triggerRunner(callCoded(), fx.credentials());
		fx.sim.addInteraction({ at: Date.now() - 2 * DAY });
		const recent = Array.from({ length: 12 }, (_, index) =>
			fx.sim.addInteraction({ at: Date.now() - (12 - index) * MINUTE }),
		);

		const manual = await trigger.poll('manual');

		expect(connIds(manual.items)).toEqual(connIds(recent.slice(2)));
		expect(trigger.saved()).toBeUndefined();
		expect(await trigger.poll()).toEqual({ items: [] }); // the activation still starts from now
	});

	test('says so when nothing matches in the last day', async () => {
		const trigger = triggerRunner(callCoded({ activityCodes: ['cod_act1:099'] }), fx.credentials());
		fx.sim.addInteraction({ cod_act: '001' });

		const manual = await trigger.poll('manual');

		expect(manual.error?.message).toBe('Nothing in Wolkvox matches in the last 24 hours');
	});
});

describe('Activity Codes list (loadOptions)', () => {
	test('lists the operation\'s codes as "description (ID, group)" with group:ID values', async () => {
		fx.sim.activityCodes.set('cod_act1:099', code('cod_act1', '099', 'No volver a llamar'));
		fx.sim.activityCodes.set('cod_act2:A01', code('cod_act2', 'A01', 'Buzón de voz'));
		const trigger = triggerRunner(callCoded(), fx.credentials());
		const workflow = new Workflow({
			nodes: [trigger.node],
			connections: {},
			active: false,
			nodeTypes: {
				getByName: () => new WolkvoxTrigger(),
				getByNameAndVersion: () => new WolkvoxTrigger(),
				getKnownTypes: () => ({}),
			},
		});
		const context = new LoadOptionsContext(
			workflow,
			trigger.node,
			additionalDataFor(fx.credentials(), undefined as never),
			'activityCodes',
		);

		const options = await activityCodeOptions.call(context);

		expect(options).toEqual([
			{ name: 'Buzón de voz (A01, group 2)', value: 'cod_act2:A01' },
			{ name: 'No volver a llamar (099, group 1)', value: 'cod_act1:099' },
		]);
		expect(fx.sim.requestsFor('activity_codes')).toHaveLength(1);
	});
});
