/**
 * When the node combines several items into one Wolkvox request, Wolkvox's answer is about the whole
 * request ("4 telephones were added"). Each row says what its own item did; the request's answer
 * (code, msg, its items and records) appears once, under `combinedRequests` on its first item's row.
 */
import fc from 'fast-check';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWolkvox } from './harness/run-node';
import { useSimulator } from './harness/simulator-fixture';
import { startFixedAnswerServer } from './support/fixed-answer-server';

const fx = useSimulator();

/** Every combinedRequests entry of the rows, with the row that holds it. */
const keptAnswers = (rows: IDataObject[]) =>
	rows.flatMap((row, index) =>
		((row.combinedRequests as IDataObject[] | undefined) ?? []).map((answer) => ({
			row: index,
			answer,
		})),
	);

/** Wolkvox's answer as the node keeps it: the code as a number, the message, the data if any. */
const answerOf = (response: unknown) => {
	const { code, msg, data } = response as IDataObject;
	return { code: Number(code), msg, ...(data === undefined ? {} : { data }) };
};

/** How many telephones each item holds (1 to 3); the numbers are distinct across items. */
const itemSizes = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 7 });

function phonesOf(sizes: number[]): string[][] {
	let next = 3_000_000_000;
	return sizes.map((size) => Array.from({ length: size }, () => String(next++)));
}

describe('a combined request answers once; each row tells its own part', () => {
	test('DNC Add, any items and batch size: the request answer is kept once, no row repeats it as its own', async () => {
		await fc.assert(
			fc.asyncProperty(itemSizes, fc.integer({ min: 3, max: 6 }), async (sizes, batchSize) => {
				fx.sim.reset();
				const phones = phonesOf(sizes);
				const { output, error } = await runWolkvox({
					parameters: {
						resource: 'dnc',
						operation: 'add',
						typeCall: 'outbound',
						telephones: '={{ $json.phones }}',
						options: { batchSize },
					},
					credentials: fx.credentials(),
					items: phones.map((numbers) => ({ phones: numbers })),
				});
				expect(error).toBeUndefined();
				const rows = output.map((item) => item.json);
				expect(rows.map((row) => row.telephones)).toEqual(phones);

				const requests = fx.sim.requestsFor('add_dnc').map((request) => ({
					sent: (request.body as { telephones: string[] }).telephones,
					answer: answerOf(request.response),
				}));
				const carriersOf = (sent: string[]) =>
					phones.flatMap((numbers, index) =>
						numbers.some((number) => sent.includes(number)) ? [index] : [],
					);
				// Each request that carried several items: Wolkvox's answer, on the row of its first item.
				const expected = requests.flatMap(({ sent, answer }) => {
					const carriers = carriersOf(sent);
					return carriers.length > 1
						? [
								{
									row: carriers[0],
									answer: { ...answer, items: carriers.length, records: sent.length },
								},
							]
						: [];
				});
				expect(keptAnswers(rows)).toEqual(expected);
				for (const [index, row] of rows.entries()) {
					const own = phones[index] ?? [];
					const request = requests.find(({ sent }) => sent.includes(own[0] ?? ''));
					expect(row).toMatchObject({ code: 201, error: null });
					if (carriersOf(request?.sent ?? []).length === 1) {
						// A request of one item: Wolkvox's message is the item's own.
						expect(row.msg).toBe(request?.answer.msg);
					} else {
						expect(row.msg).toBe(
							`${own.length} ${own.length === 1 ? 'telephone' : 'telephones'} added`,
						);
						expect(row.msg).not.toBe(request?.answer.msg);
					}
				}
			}),
			{ numRuns: 25 },
		);
	});
});

interface Case {
	name: string;
	api: string;
	parameters: INodeParameters;
	items: IDataObject[];
	seed?: () => void;
	/** Each row's own message, in item order. */
	own: string[];
	records: number;
}

const campaign7224 = { __rl: true, mode: 'id', value: '7224' };
const seedCampaign = () => {
	fx.sim.addCampaign({ campaign_id: '7224', type_campaign: 'predictive' });
	const records = fx.sim.campaigns.byId.get('7224')?.records;
	for (const id of ['1', '2', '3', '4'])
		records?.set(id, { fields: { customer_id: id, tel1: `300000000${id}` } });
};

const cases: Case[] = [
	{
		name: 'DNC Remove',
		api: 'remove_dnc',
		parameters: { resource: 'dnc', operation: 'remove', telephones: '={{ $json.ids }}' },
		seed: () => ['3000000001', '3000000002'].forEach((number) => fx.sim.dnc.outbound.add(number)),
		items: [{ ids: '3000000001' }, { ids: '3000000002, 3000000003' }, { ids: '3000000004' }],
		own: [
			'1 telephone no longer listed',
			'2 telephones no longer listed',
			'1 telephone no longer listed',
		],
		records: 4,
	},
	{
		name: 'DNC Add for Some Days',
		api: 'add_dnc',
		parameters: {
			resource: 'dnc',
			operation: 'addTemporary',
			telephones: '={{ $json.ids }}',
			daysBlock: 5,
		},
		items: [{ ids: '3000000001' }, { ids: '3000000002, 3000000003' }, { ids: '3000000004' }],
		own: ['1 telephone sent', '2 telephones sent', '1 telephone sent'],
		records: 4,
	},
	{
		name: 'DNC Add to Campaign',
		api: 'block_predictive_dnc',
		parameters: {
			resource: 'dnc',
			operation: 'addToCampaign',
			campaignId: '7224',
			customerIds: '={{ $json.ids }}',
		},
		items: [{ ids: '11' }, { ids: '12, 13' }, { ids: '14' }],
		own: ['1 customer ID added', '2 customer IDs added', '1 customer ID added'],
		records: 4,
	},
	{
		name: 'Campaign Remove Records',
		api: 'remove_record',
		parameters: {
			resource: 'campaign',
			operation: 'removeRecords',
			campaign: campaign7224,
			typeCampaign: 'predictive',
			customerIds: '={{ $json.ids }}',
		},
		seed: seedCampaign,
		items: [{ ids: '1' }, { ids: '2, 3' }, { ids: '4' }],
		own: [
			'1 customer ID sent for removal',
			'2 customer IDs sent for removal',
			'1 customer ID sent for removal',
		],
		records: 4,
	},
	{
		name: 'Campaign Add Records',
		api: 'add_record',
		parameters: {
			resource: 'campaign',
			operation: 'addRecords',
			campaign: campaign7224,
			typeCampaign: 'predictive',
			campaignStatus: 'start',
			columns: { mappingMode: 'autoMapInputData', value: null },
			skipBlocked: false,
		},
		seed: () => fx.sim.addCampaign({ campaign_id: '7224', type_campaign: 'predictive' }),
		items: [
			{ customer_id: '1', tel1: '3000000001' },
			{ customer_id: '2', tel1: '3000000002' },
			{ customer_id: '3', tel1: '3000000003' },
		],
		own: ['1 record added', '1 record added', '1 record added'],
		records: 3,
	},
];

describe.each(cases)(
	'$name, three items in one request',
	({ api, parameters, items, seed, own, records }) => {
		test('each row tells its own part; the request answer is once, on the first row', async () => {
			seed?.();
			const { output, error } = await runWolkvox({
				parameters,
				credentials: fx.credentials(),
				items,
			});
			expect(error).toBeUndefined();

			const [request, ...more] = fx.sim.requestsFor(api);
			expect(more).toHaveLength(0);
			const answer = answerOf(request?.response);
			const rows = output.map((item) => item.json);
			expect(keptAnswers(rows)).toEqual([{ row: 0, answer: { ...answer, items: 3, records } }]);
			expect(rows.map((row) => row.msg)).toEqual(own);
			expect(rows.map((row) => row.msg)).not.toContain(answer.msg);
			expect(rows.map((row) => row.code)).toEqual([answer.code, answer.code, answer.code]);
		});
	},
);

describe('DNC Add for Some Days: counts of a combined request', () => {
	test("when Wolkvox rejected some of the request (not saying which), an item's added and rejected are unknown", async () => {
		const fake = await startFixedAnswerServer();
		try {
			const totals = { total_added: '2', total_rejected: '1', total_sent: '3' };
			fake.answer = { code: 201, error: null, msg: '2 telephones were added', data: [totals] };
			const { output, error } = await runWolkvox({
				parameters: {
					resource: 'dnc',
					operation: 'addTemporary',
					telephones: '={{ $json.ids }}',
					daysBlock: 5,
				},
				credentials: fx.credentials({ baseUrl: fake.baseUrl }),
				items: [{ ids: '3000000001' }, { ids: '3000000002, 3000000003' }],
			});

			expect(error).toBeUndefined();
			expect(fake.requests).toBe(1);
			expect(
				output.map(({ json }) => [
					json.msg,
					json.total_added,
					json.total_rejected,
					json.total_sent,
				]),
			).toEqual([
				['1 telephone sent', null, null, 1],
				['2 telephones sent', null, null, 2],
			]);
			expect(output[0]?.json.combinedRequests).toEqual([
				{ code: 201, msg: '2 telephones were added', data: [totals], items: 2, records: 3 },
			]);
		} finally {
			await fake.stop();
		}
	});
});
