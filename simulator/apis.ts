/** The endpoint modules the simulator serves: registering a module is one line here. */
export { dncEndpoints } from './dncEndpoints';
export { activityCodeEndpoints } from './activityCodeEndpoints';
export { tokenEndpoints } from './tokenEndpoints';
export { law2300Endpoints } from './law2300Endpoints';
export { campaignDncEndpoints } from './campaignDncEndpoints';
export { campaignEndpoints } from './campaignEndpoints';
export { reportEndpoints } from './reportEndpoints';
