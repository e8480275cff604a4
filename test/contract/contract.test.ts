/**
 * Wolkvox's own example request and answer per endpoint (fixtures in ./examples, written from
 * ../shared/wolkvox-api.md, which collects Wolkvox's published Postman examples), checked against
 * the node run by n8n's engine:
 * - the node's request for the operation is the example's request (method, file, query, body keys
 *   and values, the wolkvox_server header);
 * - the simulator answers as the example does (same code, number or text, same msg, same fields);
 * - the example answer itself, served exactly, is a success with the right output.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { WolkvoxSimulator } from '../../simulator/server';
import { runWolkvox } from '../harness/run-node';
import { useSimulator } from '../harness/simulator-fixture';
import type { FixedAnswerServer } from '../support/fixed-answer-server';
import { startFixedAnswerServer } from '../support/fixed-answer-server';
import activityCodes from './examples/activity_codes.json';
import addDnc from './examples/add_dnc.json';
import createCodAct from './examples/create_cod_act.json';
import editCodAct from './examples/edit_cod_act.json';
import getDnc from './examples/get_dnc.json';
import removeCodAct from './examples/remove_cod_act.json';
import removeDnc from './examples/remove_dnc.json';
import tokenInfo from './examples/token_info.json';
import addRecord from './examples/add_record.json';
import campaigns from './examples/campaigns.json';
import clearCampaign from './examples/clear_campaign.json';
import codify from './examples/codify.json';
import findRecord from './examples/find_record.json';
import recall from './examples/recall.json';
import removeRecord from './examples/remove_record.json';
import start from './examples/start.json';
import stop from './examples/stop.json';

interface Example {
	request: {
		method: string;
		file: string;
		api: string;
		query?: Record<string, string>;
		headers: Record<string, string>;
		body?: IDataObject | IDataObject[];
	};
	answer: IDataObject & { code: number | string; msg: string; data?: IDataObject[] };
}

interface Contract {
	example: Example;
	/** The node configured to send the example's request. */
	parameters: INodeParameters;
	/** Simulator state the request needs to succeed (e.g. the code an edit changes). */
	seed?: (sim: WolkvoxSimulator) => void;
	/** The node's output for the example answer. */
	output: IDataObject[];
}

const sale = {
	typeCode: 'cod_act1',
	codAct: '020',
	description: 'Sale closed',
	hit: 'yes',
	rpc: 'yes',
	chat: 'no',
};
const seedSale = (sim: WolkvoxSimulator) =>
	sim.activityCodes.set('cod_act1:020', {
		type_code: 'cod_act1',
		cod_act: '020',
		description_cod_act: 'Sale closed',
		hit: 'yes',
		rpc: 'yes',
		chat: 'no',
		studio: 'no',
		voice: 'yes',
		interactions: 'no',
	});

const contracts: Record<string, Contract> = {
	add_dnc: {
		example: addDnc,
		parameters: {
			resource: 'dnc',
			operation: 'add',
			typeCall: 'inbound',
			telephones: '3000000007, 3000000008',
		},
		output: [
			{
				typeCall: 'inbound',
				telephones: ['3000000007', '3000000008'],
				code: 201,
				error: null,
				msg: 'x telephones were added',
			},
		],
	},
	remove_dnc: {
		example: removeDnc,
		parameters: {
			resource: 'dnc',
			operation: 'remove',
			removeMode: 'listed',
			telephones: '3000000007',
		},
		seed: (sim) => sim.dnc.inbound.add('3000000007'),
		output: [
			{
				typeCall: 'both',
				telephones: ['3000000007'],
				code: 202,
				error: null,
				msg: 'x telephones were deleted',
			},
		],
	},
	create_cod_act: {
		example: createCodAct,
		parameters: {
			resource: 'activityCode',
			operation: 'create',
			...sale,
			options: { studio: 'no', voice: 'yes', interactions: 'no' },
		},
		output: [
			{
				code: 201,
				error: null,
				msg: 'Code successfully created',
				typeCode: 'cod_act1',
				codAct: '020',
			},
		],
	},
	edit_cod_act: {
		example: editCodAct,
		parameters: {
			resource: 'activityCode',
			operation: 'update',
			...sale,
			options: { studio: 'no', voice: 'yes', interactions: 'yes' },
		},
		seed: seedSale,
		output: [
			{
				code: 201,
				error: null,
				msg: 'Successfully updated code',
				typeCode: 'cod_act1',
				codAct: '020',
			},
		],
	},
	remove_cod_act: {
		example: removeCodAct,
		parameters: {
			resource: 'activityCode',
			operation: 'delete',
			typeCode: 'cod_act1',
			codAct: '020, 021',
		},
		seed: seedSale,
		output: [
			{
				code: 201,
				error: null,
				msg: 'Removed successfully',
				typeCode: 'cod_act1',
				codAct: ['020', '021'],
			},
		],
	},
	get_dnc: {
		example: getDnc,
		parameters: { resource: 'dnc', operation: 'getAll', type: 'inbound' },
		seed: (sim) => sim.dnc.inbound.add('3000000007'),
		output: [{ telephone: '3000000007', typeCall: 'inbound', dateDelete: '2027-01-15 09:30:00' }],
	},
	activity_codes: {
		example: activityCodes,
		parameters: { resource: 'activityCode', operation: 'getAll' },
		seed: seedSale,
		output: [{ ...sale, studio: 'no', voice: 'yes', interactions: 'no' }],
	},
	token_info: {
		example: tokenInfo,
		parameters: { resource: 'token', operation: 'getUsage' },
		output: [
			{
				limit: 5000,
				usedToday: 12,
				remaining: 4988,
				allTokensToday: 40,
				description: 'CRM integration',
				availableConsumptionOptions: 4988,
			},
		],
	},
};

const campaign7224 = { __rl: true, mode: 'list', value: '7224' };
const predictive7224 = { campaign: campaign7224, typeCampaign: 'predictive' };
const [exampleRecord = {}] = addRecord.request.body;
const [foundRow = {}] = findRecord.answer.data;
const mainCode = {
	type_code: 'cod_act1' as const,
	cod_act: '002',
	description_cod_act: 'Contactado por otro canal',
	hit: 'no' as const,
	rpc: 'no' as const,
	chat: 'no' as const,
	studio: 'no' as const,
	voice: 'yes' as const,
	interactions: 'no' as const,
};
/** Campaign 7224 (predictive) holding the customers the examples name, and the codes codify uses. */
const seedCampaign = (sim: WolkvoxSimulator) => {
	sim.addCampaign({ campaign_id: '7224', type_campaign: 'predictive', campaign_name: 'Cobranza' });
	const records = sim.campaigns.byId.get('7224')?.records;
	records?.set('100000000', { fields: foundRow as Record<string, string>, result: 'no-answer' });
	for (const id of ['200000000', '300000000', '3'])
		records?.set(id, { fields: { customer_id: id, tel1: '3000000010' } });
	sim.activityCodes.set('cod_act1:002', mainCode);
	sim.activityCodes.set('cod_act2:A01', { ...mainCode, type_code: 'cod_act2', cod_act: 'A01' });
};
const answered = (answer: { code: number | string; error: null; msg: string }) => ({
	code: Number(answer.code),
	error: null,
	msg: answer.msg,
});

const campaignContracts: Record<string, Contract> = {
	add_record: {
		example: addRecord,
		parameters: {
			resource: 'campaign',
			operation: 'addRecords',
			...predictive7224,
			campaignStatus: 'start',
			columns: { mappingMode: 'defineBelow', value: exampleRecord },
			skipBlocked: false,
		},
		seed: seedCampaign,
		output: [
			{
				campaignId: '7224',
				typeCampaign: 'predictive',
				customerId: '100000000',
				added: true,
				record: exampleRecord,
				code: 201,
				error: null,
				msg: addRecord.answer.msg,
			},
		],
	},
	find_record: {
		example: findRecord,
		parameters: {
			resource: 'campaign',
			operation: 'findRecords',
			campaign: campaign7224,
			customerId: '100000000',
		},
		seed: seedCampaign,
		output: [{ campaignId: '7224', ...foundRow }],
	},
	remove_record: {
		example: removeRecord,
		parameters: {
			resource: 'campaign',
			operation: 'removeRecords',
			...predictive7224,
			customerIds: '100000000, 200000000, 300000000',
		},
		seed: seedCampaign,
		output: [
			{
				campaignId: '7224',
				typeCampaign: 'predictive',
				customerIds: ['100000000', '200000000', '300000000'],
				...answered(removeRecord.answer),
			},
		],
	},
	codify: {
		example: codify,
		parameters: {
			resource: 'campaign',
			operation: 'codifyRecord',
			...predictive7224,
			customerId: '3',
			activityCode: { __rl: true, mode: 'list', value: '002' },
			options: { alternateCode: 'A01', comment: 'Contactado por WhatsApp' },
		},
		seed: seedCampaign,
		output: [{ campaignId: '7224', customerId: '3', codAct: '002', ...answered(codify.answer) }],
	},
	recall: {
		example: recall,
		parameters: {
			resource: 'campaign',
			operation: 'scheduleRecall',
			campaign: campaign7224,
			customerId: '100000000',
			recallDate: '2024-04-26T16:00:00-05:00',
			recallTelephone: '93242567400',
		},
		seed: seedCampaign,
		output: [
			{
				campaignId: '7224',
				customerId: '100000000',
				recallDate: '20240426160000',
				recallTelephone: '93242567400',
				...answered(recall.answer),
			},
		],
	},
	clear_campaign: {
		example: clearCampaign,
		parameters: {
			resource: 'campaign',
			operation: 'clear',
			...predictive7224,
			options: { result: 'no-answer' },
		},
		seed: seedCampaign,
		output: [
			{
				campaignId: '7224',
				typeCampaign: 'predictive',
				result: 'no-answer',
				...answered(clearCampaign.answer),
			},
		],
	},
	start: {
		example: start,
		parameters: { resource: 'campaign', operation: 'start', campaign: campaign7224 },
		seed: seedCampaign,
		output: [{ campaignId: '7224', ...answered(start.answer) }],
	},
	stop: {
		example: stop,
		parameters: { resource: 'campaign', operation: 'stop', campaign: campaign7224 },
		seed: seedCampaign,
		output: [{ campaignId: '7224', ...answered(stop.answer) }],
	},
	campaigns: {
		example: campaigns,
		parameters: { resource: 'campaign', operation: 'getAll', returnAll: true },
		seed: (sim) =>
			sim.addCampaign({
				campaign_id: '7224',
				type_campaign: 'predictive',
				campaign_name: 'Cobranza',
			}),
		output: campaigns.answer.data,
	},
};

/** The example's msg with its count left open: "x telephones were added", " records were found". */
function msgPattern(msg: string): RegExp {
	const escaped = msg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(
		`^${escaped
			.replace(/\b[xX]\b/, '\\d+')
			.replace(/\bx{2,}\b/g, '\\S+')
			.replace(/^ records/, ' \\d+ records')}$`,
	);
}

const fx = useSimulator();
const cases = Object.entries({ ...contracts, ...campaignContracts }).map(([api, contract]) => ({
	api,
	...contract,
}));

describe.each(cases)(
	'$api: Wolkvox example against the node',
	({ api, example, parameters, seed, output }) => {
		test("the node's request is the example's request, wolkvox_server header included", async () => {
			seed?.(fx.sim);

			const { error } = await runWolkvox({
				parameters,
				credentials: fx.credentials({ server: '0002' }),
			});

			expect(error).toBeUndefined();
			const [request, ...others] = fx.sim.requestsFor(api);
			expect(others).toEqual([]);
			expect([request.method, request.file, request.api]).toEqual([
				example.request.method,
				example.request.file,
				example.request.api,
			]);
			expect(request.query).toEqual(example.request.query ?? {});
			expect(request.body).toEqual(example.request.body);
			expect(Object.keys(example.request.headers)).toContain('wolkvox_server');
			expect(request.server).toBe('0002');
		});

		test('the simulator answers as the example does: the same code (number or text), msg and fields', async () => {
			seed?.(fx.sim);

			await runWolkvox({ parameters, credentials: fx.credentials() });

			const answer = fx.sim.requestsFor(api)[0].response as Example['answer'];
			expect(Object.keys(answer)).toEqual(Object.keys(example.answer));
			expect(answer.code).toStrictEqual(example.answer.code);
			expect(answer.error).toBeNull();
			expect(answer.msg).toMatch(msgPattern(example.answer.msg));
			if (example.answer.data) {
				expect(answer.data?.map((row) => Object.keys(row))).toEqual(
					example.answer.data.map((row) => Object.keys(row)),
				);
				expect(answer.data?.map((row) => Object.values(row).map((value) => typeof value))).toEqual(
					example.answer.data.map((row) => Object.values(row).map((value) => typeof value)),
				);
			}
		});

		describe('the example answer, served exactly', () => {
			let fake: FixedAnswerServer;
			beforeAll(async () => (fake = await startFixedAnswerServer()));
			afterAll(async () => await fake.stop());

			test('is a success with the right output', async () => {
				fake.answer = example.answer;

				const result = await runWolkvox({
					parameters,
					credentials: fx.credentials({ baseUrl: fake.baseUrl }),
				});

				expect(result.error).toBeUndefined();
				expect(result.output.map((item) => item.json)).toEqual(output);
				expect(fake.requests).toBe(1);
			});
		});
	},
);

describe('the syncs on the example reads', () => {
	let fake: FixedAnswerServer;
	beforeAll(async () => (fake = await startFixedAnswerServer()));
	afterAll(async () => await fake.stop());
	beforeEach(() => (fake.requests = 0));

	test('DNC Sync reads the get_dnc example and finds the number listed', async () => {
		fake.answer = getDnc.answer;

		const { error, output } = await runWolkvox({
			parameters: {
				resource: 'dnc',
				operation: 'sync',
				typeCall: 'inbound',
				telephones: '3000000007',
			},
			credentials: fx.credentials({ baseUrl: fake.baseUrl }),
		});

		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ added: [], alreadyListed: ['3000000007'] });
		expect(fake.requests).toBe(1);
	});

	test('Activity Code Sync reads the activity_codes example (code "0") and finds the code unchanged', async () => {
		fake.answer = activityCodes.answer;

		const { error, output } = await runWolkvox({
			parameters: {
				resource: 'activityCode',
				operation: 'sync',
				...sale,
				options: { studio: 'no', voice: 'yes', interactions: 'no' },
			},
			credentials: fx.credentials({ baseUrl: fake.baseUrl }),
		});

		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ codAct: '020', result: 'unchanged' });
		expect(fake.requests).toBe(1);
	});
});

describe('the wolkvox_server header', () => {
	test('carries the server code as Wolkvox support gives it, "wv" or not', async () => {
		await runWolkvox({
			parameters: contracts.token_info.parameters,
			credentials: fx.credentials({ server: 'wv0042' }),
		});

		expect(fx.sim.requests.map((request) => request.server)).toEqual(['0042']);
	});

	test('is not sent when only a Base URL is set', async () => {
		await runWolkvox({
			parameters: contracts.token_info.parameters,
			credentials: fx.credentials({ server: '' }),
		});

		expect(fx.sim.requests.map((request) => [request.status, request.server])).toEqual([
			[200, undefined],
		]);
	});
});
