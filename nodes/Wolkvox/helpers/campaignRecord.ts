/** A campaign record's fields, as Wolkvox names them in add_record (the resource mapper's field IDs). */

export const TELEPHONE_FIELDS = [
	...Array.from({ length: 10 }, (_, index) => `tel${index + 1}`),
	'tel_extra',
] as const;

const OPT_FIELDS = Array.from({ length: 12 }, (_, index) => `opt${index + 1}`);

export interface RecordField {
	id: string;
	displayName: string;
	required?: boolean;
	/** Most characters Wolkvox takes (opt1–opt6: 100, opt7–opt12: 200). */
	maxLength?: number;
}

export const RECORD_FIELDS: readonly RecordField[] = [
	{ id: 'customer_id', displayName: 'Customer ID', required: true },
	{ id: 'customer_name', displayName: 'Customer Name' },
	{ id: 'customer_last_name', displayName: 'Customer Last Name' },
	{ id: 'id_type', displayName: 'ID Type (CC, NIT…)' },
	{ id: 'age', displayName: 'Age' },
	{ id: 'gender', displayName: 'Gender' },
	{ id: 'country', displayName: 'Country' },
	{ id: 'state', displayName: 'State' },
	{ id: 'city', displayName: 'City' },
	{ id: 'zone', displayName: 'Zone' },
	{ id: 'address', displayName: 'Address' },
	{ id: 'email', displayName: 'Email' },
	...TELEPHONE_FIELDS.map((id) => ({
		id,
		displayName: id === 'tel_extra' ? 'Extra Telephone' : `Telephone ${id.slice(3)}`,
	})),
	...OPT_FIELDS.map((id, index) => ({
		id,
		displayName: `Optional Field ${index + 1}`,
		maxLength: index < 6 ? 100 : 200,
	})),
	{ id: 'recall_date', displayName: 'Recall Date' },
	{ id: 'recall_telephone', displayName: 'Recall Telephone' },
];

export const RECORD_FIELD_BY_ID: ReadonlyMap<string, RecordField> = new Map(
	RECORD_FIELDS.map((field) => [field.id, field]),
);
