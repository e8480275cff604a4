import { activityCodeFields, activityCodeWrite } from './fields';

const fields = activityCodeFields.map((field) =>
	field.name === 'codAct'
		? {
				...field,
				description: 'ID of the code to change. An ID cannot be renamed: to change it, delete the code and create it again.',
			}
		: field,
);

export const operation = activityCodeWrite('update', { method: 'PUT', api: 'edit_cod_act' }, fields);
export const { description } = operation;
