import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { locatorValue } from '../helpers/locator';
import { editorRead } from './transport';

/** Rows whose name or ID holds `filter` (case-insensitive), as picker entries. */
function matching(
	rows: IDataObject[],
	filter: string | undefined,
	toItem: (row: IDataObject) => INodeListSearchItems,
): INodeListSearchResult {
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = rows
		.map(toItem)
		.filter(
			(item) =>
				!wanted ||
				item.name.toLowerCase().includes(wanted) ||
				String(item.value).toLowerCase().includes(wanted),
		);
	return { results };
}

/** The campaigns of information.php?api=campaigns: "Name (type, ID)". */
export async function searchCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const rows = await editorRead(this, { method: 'GET', file: 'information', api: 'campaigns' });
	return matching(rows, filter, (row) => ({
		name: `${String(row.campaign_name ?? row.campaign_id)} (${String(row.type_campaign ?? '?')}, ${String(row.campaign_id)})`,
		value: String(row.campaign_id),
	}));
}

async function searchCodes(
	context: ILoadOptionsFunctions,
	typeCode: string,
	filter?: string,
): Promise<INodeListSearchResult> {
	const rows = await editorRead(context, {
		method: 'GET',
		file: 'information',
		api: 'activity_codes',
	});
	return matching(
		rows.filter((row) => !typeCode || row.type_code === typeCode),
		filter,
		(row) => ({
			name: `${String(row.cod_act ?? row.code_act)} – ${String(row.description_cod_act ?? '')}`,
			value: String(row.cod_act ?? row.code_act),
		}),
	);
}

/** Codes of the main group (cod_act1), as Code a Record takes. */
export async function searchMainActivityCodes(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchCodes(this, 'cod_act1', filter);
}

/** Codes of the group the node's Type Code names (Activity Code Update and Delete). */
export async function searchActivityCodes(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const typeCode = locatorValue(this.getCurrentNodeParameter('typeCode'));
	return await searchCodes(this, typeof typeCode === 'string' ? typeCode : '', filter);
}
