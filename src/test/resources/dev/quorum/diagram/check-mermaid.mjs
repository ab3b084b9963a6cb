// Parses every .mmd file in a folder with Mermaid's own parser (mermaid 11 under jsdom; no browser) and
// compares the nodes, edges and subgraphs Mermaid sees with expected.json, written by MermaidCheckFiles.
// Usage: npm install mermaid@11 jsdom   (in any folder; then NODE_PATH=that/node_modules)
//        node check-mermaid.mjs DIR
import fs from 'fs';
import path from 'path';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

const dir = process.argv[2];
const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));
let failures = 0;
for (const [file, want] of Object.entries(expected)) {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  try {
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const db = diagram.db;
    let got;
    if (diagram.type === 'er') {
      got = { nodes: db.getEntities().size, edges: db.getRelationships().length, frames: 0 };
    } else {
      got = { nodes: db.getVertices().size, edges: db.getEdges().length, frames: db.getSubGraphs().length };
    }
    const ok = got.nodes === want.nodes && got.edges === want.edges && got.frames === want.frames;
    if (!ok) failures++;
    console.log(`${ok ? 'OK  ' : 'FAIL'} ${file} (${diagram.type}): nodes ${got.nodes}/${want.nodes}, edges ${got.edges}/${want.edges}, subgraphs ${got.frames}/${want.frames}`);
  } catch (e) {
    failures++;
    console.log(`FAIL ${file}: ${String(e.message || e).split('\n').slice(0, 3).join(' | ')}`);
  }
}
console.log(failures === 0 ? 'all Mermaid files parse with the expected structure' : `${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
