import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface WorkflowNode {
	name: string;
	type: string;
	position: [number, number];
	parameters: { width?: number; height?: number };
}

const EXAMPLES = path.join(__dirname, '..', 'examples');
/** The canvas size of a node in n8n's editor (a sticky note has its own width and height). */
const NODE_SIZE = 100;

const boxOf = ({ type, position: [x, y], parameters }: WorkflowNode) => {
	const sticky = type === 'n8n-nodes-base.stickyNote';
	const [width, height] = sticky
		? [parameters.width ?? 240, parameters.height ?? 160]
		: [NODE_SIZE, NODE_SIZE];
	return { left: x, top: y, right: x + width, bottom: y + height };
};

const overlap = (a: ReturnType<typeof boxOf>, b: ReturnType<typeof boxOf>) =>
	a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('The example workflows', () => {
	test.each(readdirSync(EXAMPLES).filter((file) => file.endsWith('.json')))(
		'%s: no sticky note covers a node',
		(file) => {
			const { nodes } = JSON.parse(readFileSync(path.join(EXAMPLES, file), 'utf8')) as {
				nodes: WorkflowNode[];
			};
			const notes = nodes.filter(({ type }) => type === 'n8n-nodes-base.stickyNote');
			const covered = notes.flatMap((note) =>
				nodes
					.filter(({ type }) => type !== note.type)
					.filter((node) => overlap(boxOf(note), boxOf(node)))
					.map((node) => `${note.name} covers ${node.name}`),
			);
			expect(covered).toEqual([]);
		},
	);
});
