/** examples/opt-out-form.json in the real n8n: the published form submitted over HTTP, as a browser does. */
import { OPT_OUT_FORM_PATH, PORTS } from './e2e-config';
import { useSimulator } from './support';

const fx = useSimulator();
const FORM_URL = `http://127.0.0.1:${PORTS.n8n}/form/${OPT_OUT_FORM_PATH}`;

/** Posts the form's fields as the form page does (multipart, `field-<index>`), then opens the page n8n sends the browser to. */
async function submitForm(
	phone: string,
	customerId: string,
): Promise<{ status: number; page: string }> {
	const form = new FormData();
	form.append('field-0', phone);
	form.append('field-1', customerId);
	const submitted = await fetch(FORM_URL, { method: 'POST', body: form, redirect: 'manual' });
	const location = submitted.headers.get('location');
	const body = await submitted.text();
	const next =
		location ?? (JSON.parse(body) as { formWaitingUrl?: string }).formWaitingUrl ?? undefined;
	if (!next) return { status: submitted.status, page: body };
	const page = await fetch(new URL(next, FORM_URL));
	return { status: page.status, page: await page.text() };
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
		const { status, page } = await submitForm('+57 300 123 4567', 'CC-1000000001');

		expect(status).toBe(200);
		expect(page).toContain('We will not contact you');
		expect(page).toContain('573001234567');
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
