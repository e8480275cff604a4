/** Ley 2300 → Check Contact Window in the real n8n: the example's whole loop, and the operation without a credential. */
import { nodeOutput } from '../../scripts/runtime/n8n-cli';
import { checkContactWindow, colombiaIso } from '../../nodes/Wolkvox/law2300/contactWindow';
import { CREDENTIALS, PORTS, WORKFLOWS } from './e2e-config';
import {
	CONTACT_WINDOW_WEBHOOK_PATH,
	LOOP_MOMENTS,
	OPERATION_ITEMS,
	OPERATION_MOMENTS,
	OPERATION_NODES,
} from './contact-window-workflows';
import { execute, output, useSimulator } from './support';

const fx = useSimulator();
const NIT = '900123456';
const PHONES = ['3001234567', '3007654321', '3105550199'];
const CAMPAIGN = '7224';
const LOAD_NODE = 'Load into the campaign';

/** Every run of a node, in order: its output items (json). */
function runsOf(run: NonNullable<Awaited<ReturnType<typeof execute>>['run']>, node: string) {
	return (run.data.resultData.runData[node] ?? []).map((nodeRun) =>
		(nodeRun.data?.main[0] ?? []).map((item) => item.json),
	);
}

describe('examples/contact-window-queue.json, its check on a Sunday then on a Monday (n8n execute)', () => {
	it('waits until nextAllowedAt, checks again, and loads into the campaign only the numbers not opted out', async () => {
		fx.simulator.addCampaign({ campaign_id: CAMPAIGN, type_campaign: 'predictive' });
		fx.simulator.law2300.block(NIT, PHONES[1]);

		const result = await execute(WORKFLOWS.contactWindowLoop);

		const { error, lastNodeExecuted } = result.run?.data.resultData ?? {};
		expect({
			exitCode: result.exitCode,
			status: result.run?.status,
			error: error && `${lastNodeExecuted}: ${error.message}`,
		}).toEqual({ exitCode: 0, status: 'success', error: undefined });
		const run = result.run!;
		const checks = runsOf(run, 'Check Contact Window');
		expect(checks).toHaveLength(2);
		expect(
			checks[0].map(({ allowed, reason, at, nextAllowedAt }) => [
				allowed,
				reason,
				at,
				nextAllowedAt,
			]),
		).toEqual(
			PHONES.map(() => [
				false,
				'sunday',
				'2026-12-06T10:00:00.000-05:00',
				'2026-12-07T07:00:00.000-05:00',
			]),
		);
		expect(checks[1].map(({ allowed, reason, name }) => [allowed, reason, name])).toEqual([
			[true, 'open', 'Ana Gómez'],
			[true, 'open', 'Luis Pérez'],
			[true, 'open', 'Marta Ruiz'],
		]);
		expect(Date.parse(LOOP_MOMENTS.again)).toBe(Date.parse(String(checks[1][0].at)));
		expect(runsOf(run, 'Wait until the window opens')).toHaveLength(1);
		expect(
			nodeOutput(run, LOAD_NODE).map(({ customerId, added, skipped }) => [
				customerId,
				added,
				skipped,
			]),
		).toEqual([
			['C-1001', true, undefined],
			['C-1002', false, 'blocked'],
			['C-1003', true, undefined],
		]);
		expect(
			[...(fx.simulator.campaigns.byId.get(CAMPAIGN)?.records.values() ?? [])].map(({ fields }) => [
				fields.customer_id,
				fields.tel1,
			]),
		).toEqual([
			['C-1001', '3001234567'],
			['C-1003', '3105550199'],
		]);
		// the window check sent nothing: the only calls are the load's, after the window opened
		expect(fx.simulator.requests.map((request) => request.api).sort()).toEqual([
			'add_record',
			'get_dnc',
			'get_dnc',
			'law2300_info',
			'law2300_info',
			'law2300_info',
		]);
		expect(output(result)).not.toContain(CREDENTIALS.simulator.token);
	});
});

describe('examples/contact-window-queue.json, its check on a Sunday to come (n8n execute)', () => {
	it('leaves the execution waiting until nextAllowedAt, contacting nobody', async () => {
		const result = await execute(WORKFLOWS.contactWindowWaiting);

		const run = result.run as NonNullable<typeof result.run> & { waitTill?: string };
		const checks = runsOf(run, 'Check Contact Window');
		expect(checks).toHaveLength(1);
		const at = Date.parse(String(checks[0][0].at));
		const { nextAllowedAt } = checkContactWindow(at);
		expect(checks[0].map(({ allowed, reason }) => [allowed, reason])).toEqual(
			PHONES.map(() => [false, 'sunday']),
		);
		expect(checks[0].every((item) => item.nextAllowedAt === colombiaIso(nextAllowedAt!))).toBe(
			true,
		);
		expect({ status: run.status, waitTill: Date.parse(String(run.waitTill)) }).toEqual({
			status: 'waiting',
			waitTill: nextAllowedAt,
		});
		expect(runsOf(run, LOAD_NODE)).toEqual([]);
		expect(fx.simulator.requests).toHaveLength(0);
	});
});

describe('Check Contact Window in n8n (n8n execute)', () => {
	it('answers without a credential, and a node that has one sends nothing with it', async () => {
		const before = Date.now();
		const result = await execute(WORKFLOWS.contactWindowOperation);
		const after = Date.now();

		expect({ exitCode: result.exitCode, status: result.run?.status }).toEqual({
			exitCode: 0,
			status: 'success',
		});
		const run = result.run!;
		const expected = OPERATION_ITEMS.map((item, index) => {
			const moment = OPERATION_MOMENTS[index];
			const verdict = checkContactWindow(moment);
			return {
				...item,
				allowed: verdict.allowed,
				reason: verdict.reason,
				holiday: verdict.holiday,
				at: colombiaIso(moment),
				nextAllowedAt: colombiaIso(verdict.nextAllowedAt!),
				closesAt: verdict.closesAt === null ? null : colombiaIso(verdict.closesAt),
			};
		});
		expect(nodeOutput(run, OPERATION_NODES.withoutCredential)).toEqual(expected);
		expect(nodeOutput(run, OPERATION_NODES.withCredential)).toEqual(expected);
		expect(expected.map((item) => item.reason)).toEqual([
			'open',
			'afterHours',
			'open',
			'holiday',
			'sunday',
		]);

		const now = nodeOutput(run, OPERATION_NODES.now);
		expect(now).toHaveLength(OPERATION_ITEMS.length);
		for (const item of now) {
			const moment = Date.parse(String(item.at));
			expect(moment).toBeGreaterThanOrEqual(before - 1000);
			expect(moment).toBeLessThanOrEqual(after);
			expect(item.allowed).toBe(checkContactWindow(moment).allowed);
		}
		expect(fx.simulator.requests).toHaveLength(0);
	});
});

describe('Check Contact Window in a published workflow (webhook of n8n start)', () => {
	it('is published without a credential and answers each call', async () => {
		const ask = async (at: string, minutes: number) => {
			const url = new URL(`http://127.0.0.1:${PORTS.n8n}/webhook/${CONTACT_WINDOW_WEBHOOK_PATH}`);
			url.search = new URLSearchParams({ at, minutes: String(minutes) }).toString();
			const response = await fetch(url);
			return { status: response.status, body: (await response.json()) as Record<string, unknown> };
		};

		const open = await ask('2026-12-07T18:00:00-05:00', 30);
		const tooLate = await ask('2026-12-07T18:45:00-05:00', 30);

		expect(open).toMatchObject({
			status: 200,
			body: { allowed: true, reason: 'open', closesAt: '2026-12-07T19:00:00.000-05:00' },
		});
		expect(tooLate).toMatchObject({
			status: 200,
			body: {
				allowed: false,
				reason: 'afterHours',
				nextAllowedAt: '2026-12-09T07:00:00.000-05:00',
			},
		});
		expect(fx.simulator.requests).toHaveLength(0);
	});
});
