import { documentFromParts } from '../src/extract/document.ts';
import { findPeople, documentCandidates } from '../src/extract/people.ts';
const doc = documentFromParts({ title: '', paragraphs: process.argv.slice(2) });
for (const c of documentCandidates(doc)) console.log(c.surface, '|', c.standalone ? 'S' : '', c.aliasOnly ? 'A' : '', c.ambiguous ? 'amb' : '');
console.log(findPeople(doc).map((p) => `${p.name} [${p.aliases.join(', ')}] ${p.mentions.length}`));
