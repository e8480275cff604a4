/**
 * Every answer the simulator can give, in one place. Successes are Wolkvox's own example answers
 * (its published Postman collection): the same codes, as a number or a string as there, the same
 * `msg` texts and fields. Errors follow Wolkvox's "API response codes" page.
 */

export interface WolkvoxBody {
	code: number | string;
	error: string | null;
	msg: string;
	data?: unknown;
}

/** What the server sends: a Wolkvox JSON body, or raw text (HTML error pages, empty bodies). */
export interface Answer {
	status: number;
	body: WolkvoxBody | string;
	contentType: string;
}

const JSON_TYPE = 'application/json';
const HTML_TYPE = 'text/html; charset=UTF-8'; // PHP's default content type

function failure(code: number, error: string, msg: string): Answer {
	return { status: code, body: Object.freeze({ code, error, msg }), contentType: JSON_TYPE };
}

function html(status: number, page: string): Answer {
	return { status, body: page, contentType: HTML_TYPE };
}

/** A success; the HTTP status follows `code`, except code 0 (activity_codes), which is not a status: 200. */
export function success(code: number | string, msg: string, data?: unknown): Answer {
	const body: WolkvoxBody = { code, error: null, msg };
	if (data !== undefined) body.data = data;
	const status = Number(code) >= 200 ? Number(code) : 200;
	return { status, body, contentType: JSON_TYPE };
}

/** 406 for a value outside its allowed set; inferred from public client code that branches on "406". */
export function invalidValue(field: string): Answer {
	return failure(406, 'NOT ACCEPTABLE', `INVALID VALUE FOR ${field}`);
}

export const MAX_RECORDS_PER_CALL = 10_000;

export const answers = Object.freeze({
	pathNotFound: failure(404, 'NOT FOUND', 'THE API YOU WANT TO CONSULT DOES NOT EXIST'),
	unknownApi: failure(400, 'BAD REQUEST', 'THE API YOU WANT TO CONSULT DOES NOT EXIST'),
	missingParameters: failure(400, 'BAD REQUEST', 'SOME PARAMETERS ARE REQUIRED'),
	tooManyRecords: failure(
		400,
		'BAD REQUEST',
		`THE MAXIMUM NUMBER OF RECORDS PER CALL IS ${MAX_RECORDS_PER_CALL}`,
	),
	noToken: failure(401, 'UNAUTHORIZED', 'PLEASE ENTER THE WOLKVOX-TOKEN'),
	invalidToken: failure(403, 'FORBIDDEN', 'PLEASE VALIDATE TOKEN'),
	busy: failure(403, 'FORBIDDEN', 'EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2)'),
	// Inferred: public client code treats 406 as an invalid value; the exact wording is unknown.
	refusedContent: failure(406, 'NOT ACCEPTABLE', 'INVALID VALUE FOR telephones'),
	quotaExceeded: failure(403, 'FORBIDDEN', 'TOKEN LIMIT EXCEEDED'),
	methodNotAllowed: failure(405, 'METHOD NOT ALLOWED', 'THE METHOD IS NOT ALLOWED FOR THIS API'),
	// Inferred: Wolkvox's wording for these two is not documented.
	codeExists: failure(409, 'CONFLICT', 'THE ACTIVITY CODE ALREADY EXISTS'),
	codeMissing: failure(404, 'NOT FOUND', 'THE ACTIVITY CODE DOES NOT EXIST'),
	recordMissing: failure(404, 'NOT FOUND', 'THE RECORD DOES NOT EXIST'),
	// Reports (reports_manager.php). Inferred from a public client checked against Wolkvox: a range
	// without records is answered 404 with "Validate dates entered", the same as invalid dates.
	reportDates: failure(404, 'NOT FOUND', 'Validate dates entered'),
	// Inferred: Wolkvox's wording for a range longer than its documented 31 days is not published.
	reportRangeTooLong: failure(400, 'BAD REQUEST', 'THE MAXIMUM DATE RANGE IS 31 DAYS'),

	serverErrorPage: html(
		500,
		'<br />\n<b>Fatal error</b>:  Uncaught PDOException: SQLSTATE[HY000] [2002] Connection refused in ' +
			'/var/www/html/api/v2/configuration.php:42\nStack trace:\n#0 {main}\n  thrown in ' +
			'<b>/var/www/html/api/v2/configuration.php</b> on line <b>42</b><br />\n',
	),
	maintenancePage: html(
		200,
		'<html><head><title>Maintenance</title></head><body><h1>Maintenance</h1>' +
			'<p>We are performing scheduled maintenance. Please try again later.</p></body></html>',
	),
	emptyBody: html(200, ''),
	gatewayTimeoutPage: html(
		504,
		'<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n' +
			'<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
	),
});

/** Inferred (strict simulator): Wolkvox's answer to a parameter an endpoint does not take is not published. */
export function unknownParameter(field: string): Answer {
	return failure(400, 'BAD REQUEST', `UNKNOWN PARAMETER ${field}`);
}

/** Inferred: Wolkvox's examples always send `Content-Type: application/json`; the answer to another is not published. */
export const notJson = failure(
	400,
	'BAD REQUEST',
	'THE BODY MUST BE JSON (Content-Type: application/json)',
);
