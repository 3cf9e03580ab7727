import type { TypeNode, parse as Parse } from 'graphql';
import { Kind } from 'graphql/language/kinds.js';
import { lazyModule } from '../util/lazy.js';

/** graphql-js is loaded when a graphql tag first runs (see src/graphql/index.ts). */
const loadGraphql = lazyModule<{ parse: typeof Parse }>('graphql');

import { toPlain } from '../to-plain.js';
import { parseJsonText } from '../json-text.js';

type VariableTypes = ReadonlyMap<string, TypeNode>;

const cache = new Map<string, VariableTypes>();

/** Declared variable types of a document's first operation (cached per query text). */
function variableTypes(source: string): VariableTypes {
  let types = cache.get(source);
  if (types) return types;
  const map = new Map<string, TypeNode>();
  try {
    const doc = loadGraphql().parse(source);
    const op = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (op && op.kind === Kind.OPERATION_DEFINITION) for (const v of op.variableDefinitions ?? []) map.set(v.variable.name.value, v.type);
  } catch {
    // A syntax error is reported by the GraphQL run itself, with its location.
  }
  types = map;
  if (cache.size > 1000) cache.clear();
  cache.set(source, types);
  return types;
}

/**
 * Tag arguments -> GraphQL variables. `args:` (a hash or JSON text) gives many at once; named
 * arguments win over it. Values from Liquid are often text (params, form fields), so text is
 * turned into the declared Int/Float/Boolean and numbers into String/ID, as platformOS does
 * for the same code. Undefined values are left out so the query's defaults apply.
 */
export function graphqlVariables(source: string | undefined, named: Record<string, unknown>): Record<string, unknown> {
  const { args, ...rest } = named;
  const merged: Record<string, unknown> = { ...argsObject(args), ...(toPlain(rest) as Record<string, unknown>) };
  const types = source ? variableTypes(source) : new Map<string, TypeNode>();
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined) continue;
    const type = types.get(key);
    out[key] = type ? coerce(value, type) : value;
  }
  return out;
}

function argsObject(args: unknown): Record<string, unknown> {
  if (args === undefined || args === null || args === '') return {};
  const plain = toPlain(args);
  if (typeof plain === 'string') {
    const parsed = parseJsonText(plain, false);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    throw new Error(`graphql: args must be a hash or a JSON object, got ${JSON.stringify(plain).slice(0, 80)}`);
  }
  if (plain && typeof plain === 'object' && !Array.isArray(plain)) return plain as Record<string, unknown>;
  throw new Error(`graphql: args must be a hash or a JSON object, got ${JSON.stringify(plain)}`);
}

function coerce(value: unknown, type: TypeNode): unknown {
  if (type.kind === Kind.NON_NULL_TYPE) return coerce(value, type.type);
  if (type.kind === Kind.LIST_TYPE) return Array.isArray(value) ? value.map((v) => coerce(v, type.type)) : value;
  switch (type.name.value) {
    case 'Int':
    case 'Float':
      if (typeof value === 'string') {
        if (value.trim() === '') return null;
        const n = Number(value.trim());
        return Number.isFinite(n) && (type.name.value === 'Float' || Number.isInteger(n)) ? n : value;
      }
      return value;
    case 'Boolean':
      if (value === 'true') return true;
      if (value === 'false') return false;
      return value;
    case 'String':
    case 'ID':
      return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
    default:
      return value;
  }
}
