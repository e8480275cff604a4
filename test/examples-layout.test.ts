import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface WorkflowNode {
	name: string;
	type: string;
	position: [number, number];
	parameters: { width?: number; height?: number; content?: string };
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

/**
 * The height a sticky note's text takes in n8n's editor, estimated from its 14 px font: about 7.5 px
 * per character, 21 px per line (30 px for a heading), 10 px per blank line, 16 px of padding on each
 * side. A note lower than that cuts its last lines off (the CRM webhook's note did at 560 × 180).
 */
function textHeight(content: string, width: number): number {
	const charactersPerLine = Math.floor((width - 32) / 7.5);
	return content.split('\n').reduce((height, line) => {
		if (!line.trim()) return height + 10;
		const heading = line.startsWith('#');
		const lines = Math.ceil((heading ? line.length * 1.5 : line.length) / charactersPerLine);
		return height + lines * (heading ? 30 : 21);
	}, 32);
}

const workflowFiles = readdirSync(EXAMPLES).filter((file) => file.endsWith('.json'));
const nodesOf = (file: string) =>
	(JSON.parse(readFileSync(path.join(EXAMPLES, file), 'utf8')) as { nodes: WorkflowNode[] }).nodes;
const stickyNotes = (nodes: WorkflowNode[]) =>
	nodes.filter(({ type }) => type === 'n8n-nodes-base.stickyNote');

describe('The example workflows', () => {
	test.each(workflowFiles)('%s: no sticky note cuts its text off', (file) => {
		const clipped = stickyNotes(nodesOf(file))
			.map(({ name, parameters: { width = 240, height = 160, content = '' } }) => ({
				name,
				height,
				needs: textHeight(content, width),
			}))
			.filter(({ height, needs }) => needs > height);
		expect(clipped).toEqual([]);
	});

	test.each(workflowFiles)('%s: no sticky note covers a node', (file) => {
		const nodes = nodesOf(file);
		const notes = stickyNotes(nodes);
		const covered = notes.flatMap((note) =>
			nodes
				.filter(({ type }) => type !== note.type)
				.filter((node) => overlap(boxOf(note), boxOf(node)))
				.map((node) => `${note.name} covers ${node.name}`),
		);
		expect(covered).toEqual([]);
	});
});
