/** examples/opt-out-form.json in the real n8n: the published form submitted over HTTP, as its page does. */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import { nodeOutput } from '../../scripts/runtime/n8n-cli';
import { WolkvoxSimulator } from '../../simulator/server';
import { until } from '../harness/until';
import {
	CREDENTIALS,
	OPT_OUT_FORM_PATH,
	OPT_OUT_PENDING_FILE,
	PORTS,
	USER_FOLDER_ENV,
	WORKFLOWS,
} from './e2e-config';
import { execute, useSimulator } from './support';

const fx = useSimulator();
const FORM_URL = `http://127.0.0.1:${PORTS.n8n}/form/${OPT_OUT_FORM_PATH}`;
const NIT = '900123456';
const CAMPAIGN = '7224';
const pendingFile = () => path.join(process.env[USER_FOLDER_ENV] ?? '', OPT_OUT_PENDING_FILE);

/**
 * What the form page does: posts the fields (multipart, `field-<index>`), gets `formWaitingUrl`, polls
 * its execution status until the run waits on the completion page, then opens that page. (n8n names
 * itself "localhost" in the URL; only its path and signature are kept.)
 */
async function submitForm(phone: string, idNumber: string, customerId = ''): Promise<string> {
	const form = new FormData();
	form.append('field-0', phone);
	form.append('field-1', idNumber);
	form.append('field-2', customerId);
	const submitted = await fetch(FORM_URL, { method: 'POST', body: form });
	expect(submitted.status).toBe(200);
	const waiting = new URL(((await submitted.json()) as { formWaitingUrl: string }).formWaitingUrl);
	const status = new URL(`${waiting.pathname}/n8n-execution-status${waiting.search}`, FORM_URL);
	await until(async () => {
		const text = (await (await fetch(status)).text()).trim();
		if (['error', 'crashed', 'canceled'].includes(text))
			throw new Error(`The form's execution ended: ${text}`);
		return text === 'form-waiting';
	});
	const page = await fetch(new URL(`${waiting.pathname}${waiting.search}`, FORM_URL));
	expect(page.status).toBe(200);
	return await page.text();
}

interface PendingOptOut {
	fecha: string;
	telefono: string;
	cedula: string;
	cliente: string;
	motivo: string;
}

const pendingOptOuts = (): PendingOptOut[] =>
	existsSync(pendingFile())
		? readFileSync(pendingFile(), 'utf8')
				.split('\n')
				.filter(Boolean)
				.map((line) => JSON.parse(line) as PendingOptOut)
		: [];

describe('examples/opt-out-form.json (published form of n8n start), in Spanish', () => {
	// n8n 2.x says it is ready a few seconds before it serves the forms of published workflows.
	beforeAll(async () => await until(async () => (await fetch(FORM_URL)).status === 200));
	beforeEach(() => rmSync(pendingFile(), { force: true }));

	it('shows the form in Spanish', async () => {
		const response = await fetch(FORM_URL);

		expect(response.status).toBe(200);
		const page = await response.text();
		for (const text of [
			'No quiero que me contacten',
			'Celular o teléfono',
			'Cédula',
			'Número de cliente',
			'Enviar',
		])
			expect(page).toContain(text);
	});

	it('blocks the number, shows it as the customer wrote it, and Ley 2300 → Check then says protected for every spelling', async () => {
		const page = await submitForm('+57 300 123 4567', 'CC-1000000001');

		expect(page).toContain('No te volveremos a contactar');
		expect(page).toContain(
			'Tu número +57 300 123 4567 ya no recibirá nuestras llamadas ni mensajes.',
		);
		expect(fx.simulator.law2300.find(NIT, '3001234567')).toMatchObject({
			customer_id: 'CC-1000000001',
		});
		expect([...fx.simulator.dnc.inbound]).toContain('3001234567');
		expect([...fx.simulator.dnc.outbound]).toContain('3001234567');
		expect(pendingOptOuts()).toEqual([]);
		// no customer ID given: the campaign is not touched
		expect(fx.simulator.requestsFor('find_record')).toEqual([]);

		const check = await execute(WORKFLOWS.optOutCheck);

		expect(check.run?.status).toBe('success');
		// Asked as 3001234567, 573001234567 and +57 300 123 4567, with Country Code 57.
		expect(nodeOutput(check.run!, 'Check').map((item) => item.protected)).toEqual([
			true,
			true,
			true,
		]);
	});

	it("with a customer ID: also removes that customer's record from the campaign, only if it has the customer's number", async () => {
		fx.simulator.addCampaign({ campaign_id: CAMPAIGN, type_campaign: 'predictive' });
		const records = fx.simulator.campaigns.byId.get(CAMPAIGN)!.records;
		records.set('CL-77', { fields: { customer_id: 'CL-77', tel1: '3001234567' } });
		records.set('CL-78', { fields: { customer_id: 'CL-78', tel1: '3009990000' } });

		const page = await submitForm('+57 300 123 4567', '', ' CL-77 ');

		expect(page).toContain('No te volveremos a contactar');
		expect([...records.keys()]).toEqual(['CL-78']);
		expect(fx.simulator.requestsFor('remove_record').map((request) => request.body)).toEqual([
			{ customer_id: 'CL-77' },
		]);
		expect(pendingOptOuts()).toEqual([]);

		// Another customer's ID with this number removes nothing.
		const other = await submitForm('300 123 4567', '', 'CL-78');

		expect(other).toContain('No te volveremos a contactar');
		expect([...records.keys()]).toEqual(['CL-78']);
		expect(fx.simulator.requestsFor('remove_record')).toHaveLength(1);
		expect(fx.simulator.requestsFor('find_record')).toHaveLength(2);
		expect(pendingOptOuts()).toEqual([]);
	});

	it('with a customer ID, Wolkvox refusing the removal: the block stands, the submission is kept with the customer ID for a person', async () => {
		fx.simulator.addCampaign({ campaign_id: CAMPAIGN, type_campaign: 'predictive' });
		const records = fx.simulator.campaigns.byId.get(CAMPAIGN)!.records;
		records.set('CL-79', { fields: { customer_id: 'CL-79', tel1: '3001234567' } });
		fx.simulator.injectFault({ kind: 'refuse', api: 'remove_record', times: 5 });

		const page = await submitForm('300 123 4567', 'CC-1000000003', 'CL-79');

		expect(page).toContain('Recibimos tu solicitud');
		expect(fx.simulator.law2300.find(NIT, '3001234567')).toBeDefined();
		expect([...fx.simulator.dnc.outbound]).toContain('3001234567');
		expect([...records.keys()]).toEqual(['CL-79']);
		expect(pendingOptOuts()).toEqual([
			{
				fecha: expect.any(String),
				telefono: '300 123 4567',
				cedula: 'CC-1000000003',
				cliente: 'CL-79',
				motivo: expect.any(String),
			},
		]);
	});

	it('a mistyped number: the page says in Spanish what to fix, the submission is kept for a person, nothing is sent', async () => {
		const page = await submitForm('mi celular 300 123', 'CC-1000000002');

		expect(page).toContain('Revisa tu número');
		expect(page).toContain('No pudimos leer «mi celular 300 123» como un número de teléfono');
		expect(page).toContain('por ejemplo 300 123 4567 o +57 300 123 4567');
		expect(page).not.toContain('Problem submitting response');
		expect(fx.simulator.requests).toEqual([]);
		expect(pendingOptOuts()).toEqual([
			{
				fecha: expect.any(String),
				telefono: 'mi celular 300 123',
				cedula: 'CC-1000000002',
				cliente: '',
				motivo: expect.stringContaining('"Telephone"'),
			},
		]);
	});

	it('Wolkvox unreachable: the page says a person will apply it, and the submission is kept', async () => {
		await fx.simulator.stop();
		try {
			const page = await submitForm('300 765 4321', '');

			expect(page).toContain('Recibimos tu solicitud');
			expect(page).toContain('una persona de nuestro equipo la aplicará');
			expect(pendingOptOuts()).toEqual([
				{
					fecha: expect.any(String),
					telefono: '300 765 4321',
					cedula: '',
					cliente: '',
					motivo: expect.any(String),
				},
			]);
		} finally {
			fx.simulator = await WolkvoxSimulator.start({
				port: PORTS.simulator,
				tokens: [{ token: CREDENTIALS.simulator.token }],
			});
		}
	});
});
