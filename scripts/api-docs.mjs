// Writes the documentation's API tables from custom-elements.json (made by `cem analyze` from the
// elements' JSDoc), between <!-- api:TAG --> and <!-- /api:TAG --> in whichever page of docs/ holds
// them. With --check, changes nothing and fails when the pages and the manifest disagree.
import { readFileSync, writeFileSync } from 'node:fs';

const check = process.argv.includes('--check');
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
// The readers' elements are described in docs/elements.md, the console with moderation in docs/server.md.
const pagePaths = ['docs/elements.md', 'docs/server.md'];
const pages = new Map(pagePaths.map((path) => [path, readFileSync(path, 'utf8')]));

const cell = (text = '') => String(text).replaceAll('|', '\\|').replaceAll('\n', ' ');
const table = (head, rows) =>
  rows.length
    ? [
        `| ${head.join(' | ')} |`,
        `| ${head.map(() => '---').join(' | ')} |`,
        ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
      ].join('\n')
    : '';

function tables(element) {
  const attributes = new Map((element.attributes ?? []).map((attribute) => [attribute.fieldName, attribute]));
  const properties = (element.members ?? []).filter((member) => member.kind === 'field' && !member.static);
  const rows = properties.map((member) => {
    const attribute = attributes.get(member.name);
    return [
      attribute ? `\`${attribute.name}\`` : '',
      `\`${member.name}\``,
      member.type ? `\`${member.type.text}\`` : '',
      member.description ?? attribute?.description,
    ];
  });
  // Attributes read straight from the element, with no property of their own.
  for (const attribute of element.attributes ?? []) {
    if (!attribute.fieldName)
      rows.push([`\`${attribute.name}\``, '', attribute.type ? `\`${attribute.type.text}\`` : '', attribute.description]);
  }
  const methods = (element.members ?? []).filter((member) => member.kind === 'method' && !member.static && member.privacy !== 'protected');
  const sections = [
    ['Attributes and properties', table(['Attribute', 'Property', 'Type', 'Description'], rows)],
    [
      'Methods',
      table(
        ['Method', 'Description'],
        methods.map((method) => [`\`${method.name}(${(method.parameters ?? []).map((p) => p.name).join(', ')})\``, method.description]),
      ),
    ],
    [
      'Events',
      table(
        ['Event', 'Description'],
        (element.events ?? []).map((event) => [`\`${event.name}\``, event.description]),
      ),
    ],
    [
      'CSS parts',
      table(
        ['Part', 'Description'],
        (element.cssParts ?? []).map((part) => [`\`${part.name}\``, part.description]),
      ),
    ],
    [
      'CSS custom properties',
      table(
        ['Property', 'Description'],
        (element.cssProperties ?? []).map((property) => [`\`${property.name}\``, property.description]),
      ),
    ],
  ];
  return sections
    .filter(([, rows]) => rows)
    .map(([heading, rows]) => `#### ${heading}\n\n${rows}`)
    .join('\n\n');
}

const updated = new Map(pages);
const elements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.customElement && declaration.tagName);
for (const element of elements) {
  const start = `<!-- api:${element.tagName} -->`;
  const end = `<!-- /api:${element.tagName} -->`;
  const path = pagePaths.find((each) => updated.get(each).includes(start));
  const text = path && updated.get(path);
  const from = text ? text.indexOf(start) : -1;
  const to = text ? text.indexOf(end) : -1;
  if (from < 0 || to < from) {
    console.error(`No page of ${pagePaths.join(' or ')} has ${start} … ${end} for <${element.tagName}>.`);
    process.exit(1);
  }
  updated.set(path, `${text.slice(0, from + start.length)}\n${tables(element)}\n${text.slice(to)}`);
}
const changed = pagePaths.filter((path) => updated.get(path) !== pages.get(path));
// The README is what a newcomer reads through: the rest belongs in docs/.
const readmeBytes = readFileSync('README.md').length;
if (check && readmeBytes > 25_000) {
  console.error(`README.md is ${readmeBytes} bytes, over 25,000: move what a newcomer need not read first to docs/.`);
  process.exit(1);
}
if (check) {
  if (changed.length) {
    console.error(
      `The API tables of ${changed.join(' and ')} differ from custom-elements.json (the elements’ JSDoc): run \`npm run docs\`.`,
    );
    process.exit(1);
  }
  console.log(`API tables: ${pagePaths.join(' and ')} agree with custom-elements.json (${elements.length} elements).`);
} else {
  for (const path of changed) writeFileSync(path, updated.get(path));
  console.log(`API tables written for ${elements.map((element) => `<${element.tagName}>`).join(', ')}.`);
}
