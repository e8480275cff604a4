import { activityCodeFields, activityCodeWrite } from './fields';

export const operation = activityCodeWrite('create', { method: 'POST', api: 'create_cod_act' }, activityCodeFields);
export const { description } = operation;
