import communityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import jsoncParser from 'jsonc-eslint-parser';
import tseslint from 'typescript-eslint';

const shipped = ['nodes/**/*.ts', 'credentials/**/*.ts'];
// Legacy rules that contradict @n8n/community-nodes, which n8n now enforces for community packages:
// it requires NodeConnectionTypes for inputs/outputs and a URL (not a slug) as documentationUrl.
const superseded = {
	'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
	'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
	'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
};
const n8nRules = (config) => ({
	plugins: { 'n8n-nodes-base': n8nNodesBase },
	rules: { ...n8nNodesBase.configs[config].rules, ...superseded },
});

export default [
	{ ignores: ['dist/**', 'node_modules/**', '.cache/**', 'coverage/**', 'bench/**'] },

	// Everything in TypeScript, tests and tools included: the ordinary recommended rules.
	...tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.ts'] })),
	// Promises: a forgotten await or a promise passed where a callback's result is ignored loses
	// errors silently. These rules need type information (the nearest tsconfig.json of each file).
	{
		files: ['**/*.ts'],
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
		},
	},
	// The simulator, tests and tools read arbitrary JSON.
	{
		files: ['simulator/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' },
	},

	// What is published: n8n's node, credential and community-package rules.
	{ files: ['nodes/**/*.ts'], ...n8nRules('nodes') },
	{ files: ['credentials/**/*.ts'], ...n8nRules('credentials') },
	{ files: ['package.json'], languageOptions: { parser: jsoncParser }, ...n8nRules('community') },
	{ ...communityNodes.configs.recommended, files: [...shipped, 'package.json'] },
	// The community rule no-http-request-with-manual-auth sees only `this.helpers.httpRequest()` beside
	// `this.getCredentials()`. Whatever the spelling, the node sends only through n8n's authenticated
	// request (transport/request.ts), and the token header is set only by the credential's authenticate.
	{
		files: ['nodes/**/*.ts'],
		rules: {
			'no-restricted-syntax': [
				'error',
				...[
					"MemberExpression[property.name=/^(httpRequest|request|requestWithAuthentication)$/][object.property.name='helpers']",
					"MemberExpression[property.name=/^(httpRequest|request|requestWithAuthentication)$/][object.name='helpers']",
					"VariableDeclarator[init.property.name='helpers'] > ObjectPattern > Property[key.name=/^(httpRequest|request|requestWithAuthentication)$/]",
				].map((selector) => ({
					selector,
					message:
						"Send through transport/request.ts: n8n's httpRequestWithAuthentication, the token added by the credential.",
				})),
				{
					selector: 'Literal[value=/^wolkvox[-_](token|server)$/i]',
					message: "Only the credential's authenticate sets Wolkvox's token and server headers.",
				},
			],
		},
	},
	{ files: ['package.json'], languageOptions: { parser: jsoncParser } },
];
