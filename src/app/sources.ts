import type { Liquid, Template } from 'liquidjs';
import type { AppDefinition, LiquidSource, LoadProblem } from './types.js';
import { describeError } from '../liquid/errors.js';

/**
 * Turns Liquid text into a LiquidSource. `label` is what errors name (a file, or
 * `file (field)` for a front matter value); `file` is the file it belongs to.
 */
export type ParseSource = (source: string, label: string, file: string) => LiquidSource;

/** Parses at once: a syntax error or unknown filter fails the file's load. */
export function eagerParser(liquid: Liquid): ParseSource {
  return (source, label, file) => ({ file, templates: liquid.parse(source, label) });
}

/**
 * Parses on first use (the first render, or validateSources). Start-up of a big app then
 * costs reading files, not parsing every template (SPEC 7: under 500 ms for 1,000 pages).
 * A parse error is thrown at every use, so a broken page answers with its file:line.
 */
export function lazyParser(liquid: Liquid): ParseSource {
  return (source, label, file) => {
    let templates: Template[] | undefined;
    let error: unknown;
    return {
      file,
      get templates(): Template[] {
        if (templates) return templates;
        if (error) throw error;
        try {
          return (templates = liquid.parse(source, label));
        } catch (err) {
          error = err;
          throw err;
        }
      },
    };
  };
}

/** Every Liquid source an app holds. */
function* sourcesOf(app: AppDefinition): Generator<LiquidSource> {
  for (const page of app.pages) {
    yield page.body;
    if (page.responseHeaders) yield page.responseHeaders;
  }
  for (const partial of [...app.partials.values(), ...app.layouts.values()]) yield partial.body;
  for (const n of [...app.apiCalls.values(), ...app.emails.values(), ...app.smses.values()]) {
    yield n.body;
    yield* Object.values(n.fields);
  }
  for (const form of app.forms.values()) yield form.body;
}

/** How many sources are parsed between two turns of the event loop. */
const SLICE = 50;

/**
 * Parses whatever is not parsed yet and reports each source that fails, once per file.
 * Yields to the event loop between slices, so requests are served while it runs.
 */
export async function validateSources(app: AppDefinition): Promise<LoadProblem[]> {
  const problems: LoadProblem[] = [];
  const failed = new Set<string>();
  let n = 0;
  for (const source of sourcesOf(app)) {
    if (++n % SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    try {
      void source.templates;
    } catch (err) {
      if (failed.has(source.file)) continue;
      failed.add(source.file);
      problems.push({ file: source.file, message: describeError(err, source.file, (f) => app.offsets.get(f) ?? 0) });
    }
  }
  return problems;
}
