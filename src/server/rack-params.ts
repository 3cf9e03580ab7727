/**
 * Form-encoded body -> nested params the way Rails (and so platformOS) reads them:
 * `form[properties_attributes][name]=x` -> { form: { properties_attributes: { name: 'x' } } },
 * `tags[]=a&tags[]=b` -> { tags: ['a', 'b'] }.
 */
export function parseNestedParams(body: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) setNested(out, key, value);
  return out;
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function setNested(target: Record<string, unknown>, key: string, value: unknown): void {
  const m = /^([^[]+)((?:\[[^\]]*\])*)$/.exec(key);
  const path = m ? [m[1], ...[...m[2].matchAll(/\[([^\]]*)\]/g)].map((x) => x[1])] : [key];
  // A parameter name must never reach an object's prototype (GET /?__proto__[x]=1).
  if (path.some((part) => UNSAFE_KEYS.has(part))) return;
  if (!m) {
    target[key] = value;
    return;
  }
  let cur: Record<string, unknown> | unknown[] = target;
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    const last = i === path.length - 1;
    const nextIsArray = !last && path[i + 1] === '';
    if (part === '') {
      if (!Array.isArray(cur)) return;
      if (last) cur.push(value);
      else {
        const obj: Record<string, unknown> = {};
        cur.push(obj);
        cur = obj;
      }
      continue;
    }
    const obj = cur as Record<string, unknown>;
    if (last) obj[part] = value;
    else {
      const existing = obj[part];
      const ok = nextIsArray ? Array.isArray(existing) : existing !== null && typeof existing === 'object' && !Array.isArray(existing);
      if (!ok) obj[part] = nextIsArray ? [] : {};
      cur = obj[part] as Record<string, unknown> | unknown[];
    }
  }
}
