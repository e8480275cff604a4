/** information.php's token_info: the caller's token and today's calls. */
import type { Endpoint, EndpointTable } from './endpoint';
import { success } from './responses';

/** One row of text values, as in Wolkvox's example answer. */
const tokenInfo: Endpoint = {
	method: 'GET',
	handle({ token }) {
		const row = {
			description: token.description,
			token_limit: String(token.limit),
			token_use_today: String(token.used),
			all_token_today: String(token.allTokensToday),
			available_consumption_options: String(Math.max(0, token.limit - token.used)),
		};
		return success('200', ' 1 records were found', [row]);
	},
};

export const tokenEndpoints: EndpointTable = {
	'information.php': { token_info: tokenInfo },
};
