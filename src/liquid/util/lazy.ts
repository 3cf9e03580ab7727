import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A module loaded on first use. Libraries that only a few filters need (markdown, phone
 * numbers, XML, CSV, QR codes, HTML parsing) would otherwise add most of posemu's start-up
 * time (SPEC 7: under 500 ms to the first page).
 */
export function lazyModule<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
