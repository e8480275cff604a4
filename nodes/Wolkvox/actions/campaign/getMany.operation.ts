import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { WolkvoxAnswer } from '../../transport/answer';
import { optionsCollection } from '../../run/parameters';
import { plannedOperation } from '../../run/plan';
import {
	dataList,
	oneRequestPerDistinctRead,
	readLimit,
	readSource,
	returnAllAndLimit,
} from '../../run/reads';
import type { Run } from '../../run/run';

const API = 'campaigns';

export const description = updateDisplayOptions(
	{ show: { resource: ['campaign'], operation: ['getAll'] } },
	[...returnAllAndLimit, optionsCollection()] as INodeProperties[],
);

/** One output item per campaign, with Wolkvox's fields (campaign_id, campaign_name, type_campaign, status, records…). */
function toOutput(
	run: Run,
	limit: number,
	answers: WolkvoxAnswer[],
	itemIndex: number,
): IDataObject[] {
	return dataList(readSource(run, API, answers, itemIndex)).slice(0, limit);
}

/** Items share one read of information.php's campaigns. */
export const operation = plannedOperation<number>({
	description,
	prepare: (run, itemIndex) => readLimit(run, itemIndex),
	plan: oneRequestPerDistinctRead(() => ({ method: 'GET', file: 'information', api: API })),
	toOutput,
});
