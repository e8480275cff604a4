import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { rowsOf } from '../transport/answer';
import { openRequestRun, WolkvoxFailure, wolkvoxRequest } from '../transport/request';

const GROUP_NAMES: Record<string, string> = { cod_act1: 'group 1', cod_act2: 'group 2' };

/**
 * The operation's activity codes for a picker (information.php's activity_codes, one call of the
 * daily quota each time the list opens): "No volver a llamar (099, group 1)" → `cod_act1:099`.
 */
export async function activityCodeOptions(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const run = await openRequestRun(this);
	if ('problem' in run) throw new NodeOperationError(this.getNode(), run.problem);
	let data: unknown;
	try {
		({ data } = await wolkvoxRequest(run, {
			method: 'GET',
			file: 'information',
			api: 'activity_codes',
		}));
	} catch (error) {
		if (error instanceof WolkvoxFailure)
			throw new NodeOperationError(this.getNode(), error.failure.message, {
				description: error.failure.description,
			});
		throw new NodeOperationError(this.getNode(), error as Error);
	}
	const options = (rowsOf(data) ?? []).flatMap((row): INodePropertyOptions[] => {
		// Wolkvox's field table calls the ID code_act; its example answer says cod_act.
		const id = String(row.cod_act ?? row.code_act ?? '').trim();
		const group = String(row.type_code ?? '');
		if (!id || !GROUP_NAMES[group]) return [];
		const description = String(row.description_cod_act ?? '').trim();
		return [
			{
				name: `${description || id} (${id}, ${GROUP_NAMES[group]})`,
				value: `${group}:${id}`,
			},
		];
	});
	return options.sort((a, b) => a.name.localeCompare(b.name));
}
