/** examples/opt-out-form.json in the real n8n: the published form submitted over HTTP, as its page does. */
import { until } from '../harness/until';
import { OPT_OUT_FORM_PATH, PORTS } from './e2e-config';
import { useSimulator } from './support';

const fx = useSimulator();
const FORM_URL = `http://127.0.0.1:${PORTS.n8n}/form/${OPT_OUT_FORM_PATH}`;

/**
 * What the form page does: posts the fields (multipart, `field-<index>`), gets `formWaitingUrl`, polls
 * its execution status until the run waits on the completion page, then opens that page. (n8n names
 * itself "localhost" in the URL; only its path and signature are kept.)
 */
async function submitForm(phone: string, customerId: string): Promise<string> {
	const form = new FormData();
	form.append('field-0', phone);
	form.append('field-1', customerId);
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

describe('examples/opt-out-form.json (published form of n8n start)', () => {
	it('shows the "Stop contacting me" form', async () => {
		const response = await fetch(FORM_URL);

		expect(response.status).toBe(200);
		const page = await response.text();
		expect(page).toContain('Stop contacting me');
		expect(page).toContain('Customer ID');
	});

	it('blocks the number under Ley 2300, adds it to both DNC lists, and confirms', async () => {
		const page = await submitForm('+57 300 123 4567', 'CC-1000000001');

		expect(page).toContain('We will not contact you');
		expect(page).toContain('Your number 573001234567 is off our calling and messaging lists');
		expect(fx.simulator.requestsFor('block_law2300').map((request) => request.body)).toEqual([
			{ nit: '900123456', telephone: '573001234567', customer_id: 'CC-1000000001' },
		]);
		expect(fx.simulator.requestsFor('add_dnc').map((request) => request.body)).toEqual([
			{ type_call: 'all', telephones: ['573001234567'] },
		]);
		expect(fx.simulator.law2300.find('900123456', '573001234567')).toMatchObject({
			customer_id: 'CC-1000000001',
		});
		expect([...fx.simulator.dnc.inbound]).toEqual(['573001234567']);
		expect([...fx.simulator.dnc.outbound]).toEqual(['573001234567']);
	});

	it('without a customer ID, blocks the number alone', async () => {
		await submitForm('3007654321', '');

		expect(fx.simulator.requestsFor('block_law2300').map((request) => request.body)).toEqual([
			{ nit: '900123456', telephone: '3007654321' },
		]);
	});
});
