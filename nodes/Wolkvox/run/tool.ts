import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

/** The most entries of one list an AI agent gets back; the rest are counted, not listed. */
export const TOOL_LIST_LIMIT = 20;

/** Whether the node runs as an AI Agent's tool: n8n then gives it a type ending in "Tool". */
export function runsAsTool(node: INode): boolean {
	return node.type.endsWith('Tool');
}

/**
 * An output item for an AI agent, which reads every word of it: a list longer than
 * TOOL_LIST_LIMIT keeps its first entries and says how many it left out (`<name>Omitted`), so a
 * Sync against a 10,000-number list answers with its counts, not with the numbers.
 */
export function withoutBulk(json: IDataObject): IDataObject {
	const compact: IDataObject = {};
	for (const [key, value] of Object.entries(json)) {
		if (Array.isArray(value)) {
			const kept = value.slice(0, TOOL_LIST_LIMIT);
			compact[key] = kept.map((entry) => (isObject(entry) ? withoutBulk(entry) : entry));
			if (value.length > kept.length) compact[`${key}Omitted`] = value.length - kept.length;
		} else compact[key] = isObject(value) ? withoutBulk(value) : value;
	}
	return compact;
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const REFUSED_AS_TOOL: Record<string, string> = {
	'law2300/release':
		"Ley 2300 Release does not run as an AI agent's tool: lifting a customer's protection is decided by a person, in a workflow of its own. Nothing was sent to Wolkvox. Tell the user to release the number in n8n themselves.",
	'campaign/clear':
		"Empty a Campaign does not run as an AI agent's tool: deleting a campaign's records is decided by a person. Nothing was sent to Wolkvox.",
	'dnc/remove/allOfType':
		"Emptying a whole DNC list does not run as an AI agent's tool: it is decided by a person. Nothing was sent to Wolkvox. To take numbers off a list, use DNC Remove with Listed Numbers.",
};

/**
 * What the node answers an AI agent instead of acting, for the operations a model must never
 * trigger (Ley 2300 Release, emptying a DNC list or a campaign); undefined for the others.
 */
export function refusalAsTool(context: IExecuteFunctions): IDataObject | undefined {
	const resource = String(context.getNodeParameter('resource', 0));
	const operation = String(context.getNodeParameter('operation', 0));
	const mode =
		resource === 'dnc' && operation === 'remove'
			? context.getNodeParameter('removeMode', 0, 'listed', { rawExpressions: true })
			: undefined;
	const key = [
		resource,
		operation,
		...(mode === undefined || mode === 'listed' ? [] : ['allOfType']),
	];
	const message = REFUSED_AS_TOOL[key.join('/')];
	return message === undefined ? undefined : { refused: true, message };
}

/**
 * An item's output rows for an AI agent: at most TOOL_LIST_LIMIT of them (a Get Many of a whole DNC
 * list would fill the agent's context), then one row that counts the rest.
 */
export function boundedRows(rows: IDataObject[]): IDataObject[] {
	if (rows.length <= TOOL_LIST_LIMIT) return rows;
	const omitted = rows.length - TOOL_LIST_LIMIT;
	return [
		...rows.slice(0, TOOL_LIST_LIMIT),
		{
			omittedRows: omitted,
			note: `${omitted} more rows were found and not listed; ask for fewer (Limit) to see others.`,
		},
	];
}
