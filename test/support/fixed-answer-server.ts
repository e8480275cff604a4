/**
 * A stand-in for Wolkvox that answers every request with one fixed body, for answer shapes the
 * simulator never produces (a read without `data`, `data` of the wrong kind). Everything else is
 * tested against the simulator.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FixedAnswerServer {
	baseUrl: string;
	/** The body the next requests get. */
	answer: unknown;
	requests: number;
	stop(): Promise<void>;
}

export async function startFixedAnswerServer(): Promise<FixedAnswerServer> {
	const fixed: FixedAnswerServer = {
		baseUrl: '',
		answer: {},
		requests: 0,
		stop: async () => undefined,
	};
	const server = http.createServer((req, res) => {
		fixed.requests++;
		req.resume();
		req.on('end', () => {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify(fixed.answer));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	fixed.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	fixed.stop = async () => {
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
	return fixed;
}
