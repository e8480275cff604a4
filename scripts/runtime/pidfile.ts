/**
 * The pidfile of `npm start` (.cache/start.pid): who runs, and which services it started, so that a new
 * start finds a leftover of our own (a start killed with SIGKILL, a terminal closed on a background
 * start) and says how to stop it, instead of failing later on a busy port.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';

import path from 'path';

import { isProcessAlive, onServiceSpawn } from './children';

interface RecordedProcess {
	name: string;
	pid: number;
	/** Leads its own process group (stop it with `kill -- -<pid>`). */
	group: boolean;
	/** A word of its command line, checked before naming it (pids are reused). */
	commandWord: string;
}

interface StartRecord {
	startedAt: string;
	processes: RecordedProcess[];
}

/** The command line of a process, or undefined when it is not running (or cannot be read, e.g. on Windows). */
function commandLine(pid: number): string | undefined {
	if (!isProcessAlive(pid)) return undefined;
	if (process.platform === 'win32') return '';
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
	} catch {
		// no /proc (macOS): ask ps
	}
	try {
		return execFileSync('ps', ['-o', 'args=', '-p', String(pid)])
			.toString()
			.trim();
	} catch {
		return undefined;
	}
}

function stillRunning(recorded: RecordedProcess): boolean {
	const command = commandLine(recorded.pid);
	return command !== undefined && (command === '' || command.includes(recorded.commandWord));
}

function read(file: string): StartRecord | undefined {
	try {
		return JSON.parse(readFileSync(file, 'utf8')) as StartRecord;
	} catch {
		return undefined;
	}
}

function signal(recorded: RecordedProcess, name: NodeJS.Signals): void {
	try {
		process.kill(recorded.group ? -recorded.pid : recorded.pid, name);
	} catch {
		// already gone
	}
}

/**
 * Stops what the pidfile names: SIGTERM to the start (which stops its services in order), or to the
 * services themselves when the start is gone; SIGKILL for whatever still runs after `graceMs`.
 * Returns the names of what was running.
 */
export async function stopRecorded(file: string, graceMs = 30_000): Promise<string[]> {
	const running = (existsSync(file) ? (read(file)?.processes ?? []) : []).filter(stillRunning);
	const [start, ...services] = running;
	if (start && !start.group) signal(start, 'SIGTERM');
	else running.forEach((recorded) => signal(recorded, 'SIGTERM'));
	const deadline = Date.now() + graceMs;
	while (running.some(stillRunning) && Date.now() < deadline)
		await new Promise((resolve) => setTimeout(resolve, 250));
	for (const recorded of [start, ...services].filter(
		(recorded) => recorded && stillRunning(recorded),
	))
		signal(recorded, 'SIGKILL');
	rmSync(file, { force: true });
	return running.map((recorded) => `${recorded.name} (pid ${recorded.pid})`);
}

export class Pidfile {
	private readonly record: StartRecord = { startedAt: new Date().toISOString(), processes: [] };

	/** Throws naming the leftovers of an earlier start that still run; else takes the pidfile for this process. */
	static claim(file: string, what: string): Pidfile {
		const earlier = existsSync(file) ? read(file) : undefined;
		const leftovers = earlier?.processes.filter(stillRunning) ?? [];
		if (leftovers.length) {
			const list = leftovers.map((p) => `  ${p.name} (pid ${p.pid})`).join('\n');
			const stop = leftovers.map((p) => (p.group ? `-${p.pid}` : String(p.pid))).join(' ');
			throw new Error(
				`An earlier ${what} (started ${earlier?.startedAt}) is still running:\n${list}\n` +
					`Stop it with ${leftovers[0].group ? '' : 'Ctrl-C in its terminal, with '}\`npm stop\`, or: kill -- ${stop}`,
			);
		}
		const pidfile = new Pidfile(file);
		pidfile.add({ name: what, pid: process.pid, group: false, commandWord: 'scripts/start' });
		onServiceSpawn((name, child, command) => {
			if (child.pid !== undefined)
				pidfile.add({ name, pid: child.pid, group: true, commandWord: path.basename(command) });
		});
		return pidfile;
	}

	/** The pidfile's folder (the cache) is created here: a fresh clone has none yet. */
	private constructor(private readonly file: string) {
		mkdirSync(path.dirname(file), { recursive: true });
	}

	add(recorded: RecordedProcess): void {
		this.record.processes.push(recorded);
		writeFileSync(this.file, JSON.stringify(this.record, null, 2) + '\n');
	}

	release(): void {
		rmSync(this.file, { force: true });
	}
}
