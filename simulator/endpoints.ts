/** Every Wolkvox API the simulator serves, gathered from the endpoint modules registered in apis.ts. */
import * as apis from './apis';
import type { Endpoint, EndpointTable } from './endpoint';

export type { Endpoint, EndpointContext, HttpMethod } from './endpoint';

/** file → api → endpoint. Maps, so that `api=constructor` is not found on a prototype. */
function gather(tables: EndpointTable[]): ReadonlyMap<string, ReadonlyMap<string, Endpoint>> {
	const byFile = new Map<string, Map<string, Endpoint>>();
	for (const table of tables) {
		for (const [file, apisOfFile] of Object.entries(table)) {
			let byApi = byFile.get(file);
			if (!byApi) byFile.set(file, (byApi = new Map()));
			for (const [api, endpoint] of Object.entries(apisOfFile)) {
				if (byApi.has(api)) throw new Error(`${file}?api=${api} is registered twice`);
				byApi.set(api, endpoint);
			}
		}
	}
	return byFile;
}

export const endpoints = gather(Object.values(apis));
