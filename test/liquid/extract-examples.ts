/**
 * Generates test/fixtures/docs-examples.json (the docs' own examples with their documented
 * output, a test oracle) and src/liquid/util/filter-arity.ts (filter arities) from the
 * platformOS reference, which lives outside the repository. Run it when the reference changes:
 *
 *   npx tsc --outDir /tmp/posemu-extract --module nodenext --moduleResolution nodenext \
 *     --target es2022 --types node --skipLibCheck test/liquid/extract-examples.ts test/liquid/docs-overrides.ts
 *   node /tmp/posemu-extract/extract-examples.js /work/shared/platformos-docs   (from the repository root)
 *
 * Only example Liquid and the expected outputs (facts) are stored, never the docs' prose.
 * Per-example decisions (inputs the docs leave out, comparison mode, why one is skipped or
 * why its documented output is wrong) live in docs-overrides.ts.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OVERRIDES, type Override } from './docs-overrides.js';

/** How a rendered example is compared with its documented output. */
export type CompareMode = 'text' | 'json' | 'json-loose' | 'nospace';

export interface DocsExample {
  /** Stable id: `filter:<name>#<example>/<check>`, `tag:...`, `page:<file>#<n>`. */
  id: string;
  /** Filter or tag names the example documents (aliases share examples). */
  names: string[];
  /** `liquid` (a standard Liquid filter) or `platformOS`; tags and pages say `tag`/`page`. */
  family: string;
  template: string;
  expected: string;
  mode: CompareMode;
  vars?: Record<string, unknown>;
  /** App files the example needs (partials, translations), path -> content. */
  files?: Record<string, string>;
  format?: string;
  /** Set: not compared, for this reason (nondeterministic, needs the network...). */
  skip?: string;
  /** Set: the documented output is wrong for this reason; `expected` then holds the corrected output. */
  docsWrong?: string;
}

interface RawExample {
  key: string;
  names: string[];
  family: string;
  text: string;
}

interface Check {
  template: string;
  expected: string;
  vars: Record<string, unknown>;
}

/** Text between the example's setup and the output it documents; the test compares what follows it. */
export const MARK = '@@posemu-check@@';

// ---------- examples from filters.json and tags.json ----------

function jsonExamples(docs: string, file: 'filters.json' | 'tags.json'): RawExample[] {
  const entries = JSON.parse(readFileSync(join(docs, file), 'utf8')) as Array<{
    name: string;
    category: string;
    examples: Array<{ raw_liquid: string }>;
  }>;
  const byText = new Map<string, RawExample>();
  const out: RawExample[] = [];
  const kind = file === 'filters.json' ? 'filter' : 'tag';
  for (const entry of entries) {
    entry.examples.forEach((example, i) => {
      const text = example.raw_liquid;
      const seen = byText.get(text);
      if (seen) {
        seen.names.push(entry.name);
        return;
      }
      const raw = { key: `${kind}:${entry.name}#${i}`, names: [entry.name], family: kind === 'tag' ? 'tag' : entry.category, text };
      byText.set(text, raw);
      out.push(raw);
    });
  }
  return out;
}

/** Lines, with a Liquid tag or output that spans lines kept on one logical line. */
function logicalLines(text: string): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  let current = '';
  for (const line of lines) {
    current = current ? `${current}\n${line}` : line;
    if (openDelimiters(current)) continue;
    out.push(current);
    current = '';
  }
  if (current) out.push(current);
  return out;
}

function openDelimiters(s: string): boolean {
  const opens = (s.match(/\{%|\{\{/g) ?? []).length;
  const closes = (s.match(/%\}|\}\}/g) ?? []).length;
  if (opens > closes) return true;
  // A block tag whose end tag is on a later line (`{% capture x %}` ... `{% endcapture %}`).
  const blocks = /\{%-?\s*(end)?(capture|parse_json|comment|raw|if|unless|for|case|content_for|cache)\b/g;
  let depth = 0;
  for (const m of s.matchAll(blocks)) depth += m[1] ? -1 : 1;
  return depth > 0;
}

/** Splits `left => right` at the first `=>` outside Liquid delimiters. */
function splitArrow(line: string): [string, string] | undefined {
  let depth = 0;
  for (let i = 0; i < line.length - 1; i++) {
    const two = line.slice(i, i + 2);
    if (two === '{{' || two === '{%') depth++;
    else if ((two === '}}' || two === '%}') && depth > 0) depth--;
    else if (two === '=>' && depth === 0) return [line.slice(0, i).trim(), line.slice(i + 2).trim()];
  }
  return undefined;
}

function assignedNames(prelude: string): Set<string> {
  const names = new Set<string>();
  for (const m of prelude.matchAll(/(?:assign|capture|parse_json|function|graphql)\s+([A-Za-z_][\w-]*)/g)) names.add(m[1]);
  return names;
}

/** Cuts ` # comment` off a documented output. */
function stripComment(expected: string): string {
  return expected.replace(/\s+#\s.*$/s, '').trim();
}

function extractChecks(text: string): Check[] {
  const lines = logicalLines(text);
  const checks: Check[] = [];
  const vars: Record<string, unknown> = {};
  let prelude = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const arrow = splitArrow(line);
    if (!arrow) {
      if (line.includes('{%')) prelude += `${line}\n`;
      continue;
    }
    let [left, right] = arrow;
    if (!left && i > 0) left = lines[i - 1].trim();
    left = left.replace(/\s*#\s*$/, '');
    // Prose that happens to contain "=>" ("Both produce {...}") documents nothing to render.
    if (!/\{[{%]/.test(left) && !/^[A-Za-z_][\w.]*$/.test(left)) continue;
    if (!right) {
      const more: string[] = [];
      while (i + 1 < lines.length && lines[i + 1].trim() && !/^\s*\{[{%]/.test(lines[i + 1])) more.push(lines[++i]);
      right = more.join('\n').trim();
    }
    right = stripComment(right);
    if (/^[A-Za-z_][\w.]*$/.test(left)) left = `{{ ${left} }}`;
    const bare = /^\{\{\s*([A-Za-z_]\w*)\s*\}\}$/.exec(left);
    if (bare && !assignedNames(prelude).has(bare[1]) && !(bare[1] in vars)) {
      const value = parseValue(right);
      if (value !== undefined) {
        vars[bare[1]] = value;
        continue;
      }
    }
    if (left.includes('{%') && !left.includes('{{')) {
      // `{% assign x = ... %} => value` documents the assigned value.
      prelude += `${left}\n`;
      const assigned = /assign\s+([A-Za-z_]\w*)/.exec(left);
      if (!assigned) continue;
      left = `{{ ${assigned[1]} }}`;
    }
    checks.push({ template: `${prelude}${MARK}${left}`, expected: right, vars: { ...vars } });
  }
  return checks;
}

// ---------- Ruby inspect / JSON-ish values ----------

/** Parses a documented value: JSON, or Ruby inspect output (`{"a" => 1}`, `['a', nil]`, `{ id: 1 }`). */
export function parseValue(text: string): unknown {
  const s = text.trim();
  if (!/^[[{]/.test(s)) return undefined;
  try {
    return JSON.parse(s);
  } catch {
    // not JSON: try Ruby
  }
  try {
    return JSON.parse(rubyToJson(s));
  } catch {
    return undefined;
  }
}

function rubyToJson(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; ) {
    const c = s[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      while (j < s.length && s[j] !== c) {
        if (s[j] === '\\' && j + 1 < s.length) {
          value += s[j + 1] === c ? c : s.slice(j, j + 2);
          j += 2;
          continue;
        }
        value += s[j++];
      }
      out += JSON.stringify(value);
      i = j + 1;
    } else if (s.startsWith('=>', i)) {
      out += ':';
      i += 2;
    } else if (/[A-Za-z_]/.test(c)) {
      const word = /^[A-Za-z_]\w*/.exec(s.slice(i))![0];
      i += word.length;
      if (s[i] === ':' && s[i + 1] !== ':') out += JSON.stringify(word);
      else out += word === 'nil' ? 'null' : word;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function unquote(s: string): string {
  const m = /^(['"])([\s\S]*)\1$/.exec(s);
  return m && !m[2].includes(m[1]) ? m[2] : s;
}

/** A documented value becomes its JSON (Ruby inspect normalized); anything else stays text. */
function modeFor(expected: string): { expected: string; mode: CompareMode } {
  const text = unquote(expected);
  const value = parseValue(text);
  if (value !== undefined) return { expected: JSON.stringify(value), mode: 'json' };
  return { expected: text, mode: 'text' };
}

// ---------- Input/Output pairs from the Liquid reference pages ----------

function pageExamples(docs: string): Array<{ key: string; template: string; expected: string }> {
  const dir = join(docs, 'pages/api-reference/liquid');
  const out: Array<{ key: string; template: string; expected: string }> = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.liquid')).sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    const blocks = [...text.matchAll(/```liquid\n([\s\S]*?)```/g)].map((m) => ({ at: m.index ?? 0, body: m[1] }));
    let n = 0;
    for (let b = 0; b + 1 < blocks.length; b++) {
      const input = /^\{% raw %\}\n([\s\S]*?)\{% endraw %\}\s*$/.exec(blocks[b].body);
      if (!input) continue;
      const key = `page:${file.replace(/\.liquid$/, '')}#${n++}`;
      const between = text.slice(blocks[b].at, blocks[b + 1].at);
      // The next code block is this example's output only if an Output heading, and no
      // other Input, stands between them.
      if (!/#+ Output/.test(between) || /#+ Input/.test(between.slice(between.search(/#+ Output/)))) continue;
      let output = blocks[b + 1].body;
      const rawOut = /^\{% raw %\}\n([\s\S]*?)\{% endraw %\}\s*$/.exec(output);
      if (rawOut) output = rawOut[1];
      else if (/\{[{%]/.test(output)) continue;
      out.push({ key, template: input[1], expected: output.trim() });
    }
  }
  return out;
}

// ---------- assembling the fixture ----------

function apply(example: DocsExample, override: Override | undefined): DocsExample {
  if (!override) return example;
  const { vars, ...rest } = override;
  return { ...example, ...rest, vars: vars ? { ...example.vars, ...vars } : example.vars };
}

export function buildFixture(docs: string): DocsExample[] {
  const examples: DocsExample[] = [];
  for (const raw of [...jsonExamples(docs, 'filters.json'), ...jsonExamples(docs, 'tags.json')]) {
    extractChecks(raw.text).forEach((check, k) => {
      const id = `${raw.key}/${k}`;
      const { expected, mode } = modeFor(check.expected);
      const example: DocsExample = { id, names: raw.names, family: raw.family, template: check.template, expected, mode };
      if (Object.keys(check.vars).length) example.vars = check.vars;
      examples.push(apply(example, OVERRIDES[id]));
    });
  }
  for (const page of pageExamples(docs)) {
    const example: DocsExample = { id: page.key, names: [], family: 'page', template: page.template, expected: page.expected, mode: 'nospace' };
    examples.push(apply(example, OVERRIDES[page.key]));
  }
  const unused = Object.keys(OVERRIDES).filter((id) => !examples.some((e) => e.id === id));
  if (unused.length) throw new Error(`overrides for unknown examples: ${unused.join(', ')}`);
  return examples;
}

/** Arity table: name -> [min, max (-1: no limit), positional parameter names]. Counts include the input. */
export function buildArity(docs: string): string {
  const entries = JSON.parse(readFileSync(join(docs, 'filters.json'), 'utf8')) as Array<{
    name: string;
    arity: { min: number; max: number | null };
    parameters: Array<{ name: string; positional: boolean }>;
  }>;
  const lines = entries
    .map((e) => {
      const params = e.parameters.filter((p) => p.positional).map((p) => p.name);
      return `  ${e.name}: [${e.arity.min}, ${e.arity.max ?? -1}, ${JSON.stringify(params)}],`;
    })
    .sort();
  return `// Generated by test/liquid/extract-examples.ts from platformos-docs/filters.json: do not edit.

/**
 * Arity of every platformOS filter, counted as Ruby Liquid calls it: the input, the
 * positional arguments, and one more when named arguments are given (they arrive as one
 * trailing hash). [min, max (-1: no limit), names of the positional parameters].
 */
export const FILTER_ARITY: Readonly<Record<string, readonly [number, number, readonly string[]]>> = {
${lines.join('\n')}
};
`;
}

function main(): void {
  const docs = resolve(process.argv[2] ?? '/work/shared/platformos-docs');
  const root = process.cwd();
  const fixture = buildFixture(docs);
  writeFileSync(join(root, 'test/fixtures/docs-examples.json'), `${JSON.stringify(fixture, null, 2)}\n`);
  writeFileSync(join(root, 'src/liquid/util/filter-arity.ts'), buildArity(docs));
  const skipped = fixture.filter((e) => e.skip).length;
  console.log(`${fixture.length} examples (${skipped} skipped, ${fixture.filter((e) => e.docsWrong).length} with wrong documented output)`);
}

if (process.argv[1] && resolve(process.argv[1]).replace(/\.ts$/, '.js') === new URL(import.meta.url).pathname.replace(/\.ts$/, '.js')) main();
