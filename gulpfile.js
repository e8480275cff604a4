const { src, dest, task } = require('gulp');

// tsc emits only JavaScript; the node's icons and codex must sit beside it in dist/.
task('build:assets', () =>
	src(['nodes/**/*.{svg,png}', 'nodes/**/*.node.json'], { base: '.', encoding: false }).pipe(
		dest('dist'),
	),
);
