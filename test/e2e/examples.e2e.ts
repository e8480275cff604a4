/** The workflows in examples/, run by the real n8n against the fx.simulator. */
import { nodeOutput } from '../../scripts/runtime/n8n-cli';
import {
	checkContactWindow,
	colombiaIso,
	NO_EXTRA_RULES as NO_RULES,
} from '../../nodes/Wolkvox/law2300/contactWindow';
import { CREDENTIALS, CRM_LEADS_PATH, PORTS, WORKFLOWS } from './e2e-config';
import { execute, output, postActivityCodeWebhook, useSimulator } from './support';

const fx = useSimulator();

describe('examples/dnc-from-spreadsheet.json (n8n execute)', () => {
	const expectedTelephones = ['573001234567', '3007654321', '3105550199', '3205550142'];

	it('adds every row to the outbound DNC list in one combined request', async () => {
		const result = await execute(WORKFLOWS.spreadsheet);

		expect({ exitCode: result.exitCode, status: result.run?.status }).toEqual({
			exitCode: 0,
			status: 'success',
		});
		const items = nodeOutput(result.run!, 'Add to outbound DNC');
		expect(items.map((item) => item.telephones)).toEqual(
			expectedTelephones.map((telephone) => [telephone]),
		);
		for (const item of items) expect(item).toMatchObject({ typeCall: 'outbound', error: null });
		expect(items.map((item) => Number(item.code))).toEqual([201, 201, 201, 201]);
		// Each row tells its own number; the combined request's answer is on the first row only.
		expect(items.map((item) => item.msg)).toEqual(Array(4).fill('1 telephone added'));
		expect(items.map((item) => item.combinedRequests)).toEqual([
			[{ code: 201, msg: '4 telephones were added', items: 4, records: 4 }],
			undefined,
			undefined,
			undefined,
		]);

		const requests = fx.simulator.requestsFor('add_dnc');
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({
			method: 'POST',
			token: CREDENTIALS.simulator.token,
			status: 201,
		});
		expect(requests[0].body).toEqual({ type_call: 'outbound', telephones: expectedTelephones });
		expect([...fx.simulator.dnc.outbound]).toEqual(expectedTelephones);
		expect(output(result)).not.toContain(CREDENTIALS.simulator.token);
	});
});

describe('examples/crm-webhook-activity-code.json (webhook of n8n start)', () => {
	it("creates the activity code the CRM posts and answers with Wolkvox's reply", async () => {
		const response = await postActivityCodeWebhook({
			code: '510',
			description: 'Callback scheduled',
			success: true,
			rightPartyContact: false,
		});

		expect(response.status).toBe(200);
		expect(response.body).toMatchObject({ error: null, msg: 'Code successfully created' });
		expect(Number(response.body.code)).toBe(201);
		expect(fx.simulator.activityCodes.get('cod_act1:510')).toEqual({
			type_code: 'cod_act1',
			cod_act: '510',
			description_cod_act: 'Callback scheduled',
			hit: 'yes',
			rpc: 'no',
			chat: 'no',
			// not sent: the simulator's defaults
			studio: 'no',
			voice: 'yes',
			interactions: 'no',
		});
		expect(fx.simulator.requestsFor('create_cod_act')).toHaveLength(1);
	});

	it("answers a refusal with Wolkvox's reason and a fitting status, not n8n's generic 500", async () => {
		await postActivityCodeWebhook({ code: '511', description: 'First' });

		const response = await postActivityCodeWebhook({ code: '511', description: 'Again' });

		expect(response.status).toBe(409);
		expect(response.body).toMatchObject({ ok: false, code: 409 });
		expect(String(response.body.reason)).toMatch(/already exists/i);
		expect(fx.simulator.activityCodes.get('cod_act1:511')).toMatchObject({
			description_cod_act: 'First',
		});
	});

	it("answers a caller's missing field with 400 and the reason: the caller's error, nothing sent", async () => {
		const response = await postActivityCodeWebhook({ description: 'No code given' });

		expect(response.status).toBe(400);
		expect(response.body).toMatchObject({ ok: false, code: null });
		expect(String(response.body.reason)).toMatch(/"Code" is required/);
		expect(fx.simulator.requestsFor('create_cod_act')).toHaveLength(0);
	});

	it('maps group "alternate" to cod_act2', async () => {
		const response = await postActivityCodeWebhook({
			code: '77',
			description: 'Wrong number',
			group: 'alternate',
		});

		expect(Number(response.body.code)).toBe(201);
		expect(fx.simulator.activityCodes.get('cod_act2:77')).toMatchObject({
			type_code: 'cod_act2',
			hit: 'no',
			rpc: 'no',
		});
	});
});

describe('examples/crm-leads-to-campaign.json (webhook of n8n start)', () => {
	it('loads the posted leads into the campaign in one add_record, skipping blocked numbers', async () => {
		fx.simulator.addCampaign({ campaign_id: '7224', type_campaign: 'predictive' });
		fx.simulator.dnc.outbound.add('3001112222');
		fx.simulator.law2300.block('900123456', '3005556666');
		const leads = [
			{
				id: 'L1',
				firstName: 'Ana',
				lastName: 'Ruiz',
				mobile: '+57 300 111 2222',
				phone: '604 444 5555',
				email: 'ana@example.com',
				product: 'Seguro',
			},
			{
				id: 'L2',
				firstName: 'Luis',
				lastName: 'Gómez',
				mobile: '300 555 6666',
				product: 'Crédito',
			},
			{ id: 'L3', firstName: 'Eva', lastName: 'Díaz', mobile: '3007778888', product: 'Seguro' },
		];

		const response = await fetch(`http://127.0.0.1:${PORTS.n8n}/webhook/${CRM_LEADS_PATH}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ leads }),
		});

		expect(response.status).toBe(200);
		const results = (await response.json()) as Array<Record<string, unknown>>;
		expect(results).toMatchObject([
			{ customerId: 'L1', added: true, blocked: [{ field: 'tel1', telephone: '3001112222' }] },
			{ customerId: 'L2', added: false, skipped: 'blocked' },
			{ customerId: 'L3', added: true },
		]);
		expect(fx.simulator.requests.map((request) => request.api)).toEqual([
			'get_dnc',
			'get_dnc',
			'law2300_info',
			'law2300_info',
			'law2300_info',
			'law2300_info',
			'add_record',
		]);
		expect(fx.simulator.requestsFor('add_record')[0]?.body).toEqual([
			{
				customer_id: 'L1',
				customer_name: 'Ana',
				customer_last_name: 'Ruiz',
				tel2: '6044445555',
				email: 'ana@example.com',
				opt1: 'Seguro',
			},
			{
				customer_id: 'L3',
				customer_name: 'Eva',
				customer_last_name: 'Díaz',
				tel1: '3007778888',
				opt1: 'Seguro',
			},
		]);
	});
});

describe('examples/contact-window-queue.json (n8n execute, now)', () => {
	it('loads the queue into the campaign if Ley 2300 allows it now, else leaves the execution waiting until nextAllowedAt', async () => {
		fx.simulator.addCampaign({ campaign_id: '7224', type_campaign: 'predictive' });

		const result = await execute(WORKFLOWS.contactWindow);

		const run = result.run!;
		const [check] = nodeOutput(run, 'Check Contact Window');
		const at = Date.parse(String(check.at));
		const verdict = checkContactWindow(at, { ...NO_RULES, minimumMinutesLeft: 15 });
		expect(check).toMatchObject({
			name: 'Ana Gómez',
			allowed: verdict.allowed,
			nextAllowedAt: colombiaIso(verdict.nextAllowedAt!),
		});
		if (verdict.allowed) {
			expect(run.status).toBe('success');
			expect(nodeOutput(run, 'Load into the campaign').map((item) => item.added)).toEqual([
				true,
				true,
				true,
			]);
			expect(fx.simulator.campaigns.byId.get('7224')?.records.size).toBe(3);
			expect(fx.simulator.requestsFor('law2300_info')).toHaveLength(3);
		} else {
			// n8n keeps the execution waiting, to resume at nextAllowedAt (checking again then)
			expect(run.status).toBe('waiting');
			expect(Date.parse(String((run as unknown as { waitTill: string }).waitTill))).toBe(
				verdict.nextAllowedAt,
			);
			expect(run.data.resultData.runData['Load into the campaign']).toBeUndefined();
			expect(fx.simulator.requests).toHaveLength(0);
		}
	});
});
