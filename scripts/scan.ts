/**
 * `npm run scan`: the two lint legs of n8n's community-package scanner (`@n8n/scan-community-package`,
 * the gate for verified community nodes), run before publishing instead of after:
 *   - source:  the repository's package.json, nodes/ and credentials/ (the scanner's own patterns);
 *   - tarball: the packed package's .js files and package.json (packed as `npm pack` does).
 * The scanner's provenance and download steps only apply to published versions and are not run.
 *
 * Prints each leg's violations and `scan: N passed, N failed` last; exits 1 if a leg fails.
 */
import path from 'path';

import { packPackage, report } from './check-package';

const REPO_ROOT = path.resolve(__dirname, '..');
const SCANNER = '@n8n/scan-community-package/scanner/scanner.mjs';
/** As in the scanner's analyzePackageByName for the published tarball. */
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

interface Analysis {
	passed: boolean;
	message?: string;
	details?: string;
}

interface Scanner {
	SOURCE_FILE_PATTERNS: string[];
	analyzePackage(directory: string, patterns: string[]): Promise<Analysis>;
}

function problems(analysis: Analysis): string[] {
	if (analysis.passed) return [];
	const details = analysis.details?.trim().split('\n') ?? [];
	return [analysis.message ?? 'failed', ...details];
}

async function main(): Promise<void> {
	const scanner = (await import(SCANNER)) as Scanner;
	const source = await scanner.analyzePackage(REPO_ROOT, scanner.SOURCE_FILE_PATTERNS);
	const packed = packPackage();
	const tarball = await scanner.analyzePackage(packed.directory, TARBALL_FILE_PATTERNS);

	const passed = report('scan', [
		{ name: `source leg (${scanner.SOURCE_FILE_PATTERNS.join(', ')})`, problems: problems(source) },
		{
			name: `tarball leg (${TARBALL_FILE_PATTERNS.join(', ')} in ${path.basename(packed.tarball)})`,
			problems: problems(tarball),
		},
	]);
	if (!passed) process.exitCode = 1;
}

main().catch((error: Error) => {
	console.error(`\nnpm run scan failed: ${error.message}`);
	console.log('scan: 0 passed, 1 failed');
	process.exitCode = 1;
});
