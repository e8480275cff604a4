import * as listSearch from './listSearch';
import * as resourceMapping from './resourceMapping';

/** The node's `methods`: pickers (listSearch) and the Add Records columns (resourceMapping). */
export const methods = {
	listSearch: {
		searchCampaigns: listSearch.searchCampaigns,
		searchMainActivityCodes: listSearch.searchMainActivityCodes,
		searchActivityCodes: listSearch.searchActivityCodes,
	},
	resourceMapping: { getRecordColumns: resourceMapping.getRecordColumns },
};
