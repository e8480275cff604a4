/** `npm stop` (or `npm run stop`): stops a running `npm start` / `npm run start:queue` (e.g. one started in the background), as Ctrl-C would. */
import path from 'path';

import { CACHE_DIR } from './runtime/paths';
import { stopRecorded } from './runtime/pidfile';

const PIDFILE = path.join(CACHE_DIR, 'start.pid');

stopRecorded(PIDFILE).then(
	(stopped) =>
		console.log(
			stopped.length
				? `Stopped ${stopped.join(', ')}`
				: `Nothing of ours is running (${PIDFILE} names nothing alive).`,
		),
	(error: Error) => {
		console.error(`npm stop failed: ${error.message}`);
		process.exit(1);
	},
);
