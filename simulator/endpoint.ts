/** What an endpoint module exports: the shape of one Wolkvox API and the table that registers it. */
import type { Answer } from './responses';
import type { Store } from './store';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface EndpointContext {
	/** The parsed JSON object; `{}` for GET, whose body is ignored. */
	body: Record<string, unknown>;
	/** The parsed JSON list, for an endpoint that takes one (`listBody`); `[]` otherwise. */
	list: unknown[];
	/** The request's Content-Type header. */
	contentType?: string;
	query: URLSearchParams;
	store: Store;
	/** The caller's token: its daily quota, this call already counted, and the calls of all tokens today. */
	token: { description: string; limit: number; used: number; allTokensToday: number };
}

export interface Endpoint {
	method: HttpMethod;
	/** The body is a JSON list rather than an object (campaign.php's add_dnc). */
	listBody?: boolean;
	handle(context: EndpointContext): Answer;
}

/** file (`configuration.php`) → api (`add_dnc`) → endpoint: what one endpoint module serves. */
export type EndpointTable = Readonly<Record<string, Readonly<Record<string, Endpoint>>>>;
