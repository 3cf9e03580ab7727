import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import yaml from 'js-yaml';

/**
 * A user agent parsed the way Ruby's user_agent_parser gem does it (which platformOS's
 * useragent filter returns), with the same regex file (uap-core's regexes.yaml).
 */
export interface ParsedUserAgent {
  device: { family: string; model: string | null; brand: string | null };
  family: string;
  os: { version: VersionInfo | null; family: string };
  version: VersionInfo | null;
}

export interface VersionInfo {
  version: string;
  major: string | null;
  minor: string | null;
  patch: string | null;
}

interface Rule {
  regex: string;
  regex_flag?: string;
  [replacement: string]: string | undefined;
}

interface Compiled {
  re: RegExp;
  rule: Rule;
}

let parsers: { ua: Compiled[]; os: Compiled[]; device: Compiled[] } | undefined;

/** Loaded on first use: the file is large and most apps never ask. */
function load(): NonNullable<typeof parsers> {
  if (parsers) return parsers;
  const path = createRequire(import.meta.url).resolve('uap-core/regexes.yaml');
  const doc = yaml.load(readFileSync(path, 'utf8')) as Record<'user_agent_parsers' | 'os_parsers' | 'device_parsers', Rule[]>;
  const compile = (rules: Rule[]) => rules.map((rule) => ({ re: new RegExp(rule.regex, rule.regex_flag ?? ''), rule }));
  parsers = { ua: compile(doc.user_agent_parsers), os: compile(doc.os_parsers), device: compile(doc.device_parsers) };
  return parsers;
}

function match(list: Compiled[], text: string): { m: RegExpExecArray; rule: Rule } | null {
  for (const { re, rule } of list) {
    const m = re.exec(text);
    if (m) return { m, rule };
  }
  return null;
}

/** A replacement with $1..$9 filled from the match (or the group itself when there is none), trimmed; null when empty. */
function pick(m: RegExpExecArray, replacement: string | undefined, group?: number): string | null {
  const value = replacement !== undefined ? replacement.replace(/\$(\d)/g, (_w, i: string) => m[Number(i)] ?? '') : group === undefined ? undefined : m[group];
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function version(parts: Array<string | null>): VersionInfo | null {
  const [major, minor = null, patch = null] = parts;
  if (!major) return null;
  return { version: parts.filter((p): p is string => p !== null).join('.'), major, minor, patch };
}

export function parseUserAgent(ua: string): ParsedUserAgent {
  const p = load();
  const agent = match(p.ua, ua);
  const device = match(p.device, ua);
  return {
    device: {
      family: (device && pick(device.m, device.rule.device_replacement, 1)) ?? 'Other',
      model: device ? (pick(device.m, device.rule.model_replacement, 1) ?? 'Other') : 'Other',
      brand: device ? pick(device.m, device.rule.brand_replacement) : null,
    },
    family: (agent && pick(agent.m, agent.rule.family_replacement, 1)) ?? 'Other',
    os: operatingSystem(match(p.os, ua)),
    version: agent
      ? version([pick(agent.m, agent.rule.v1_replacement, 2), pick(agent.m, agent.rule.v2_replacement, 3), pick(agent.m, agent.rule.v3_replacement, 4)])
      : null,
  };
}

function operatingSystem(os: { m: RegExpExecArray; rule: Rule } | null): ParsedUserAgent['os'] {
  if (!os) return { version: null, family: 'Other' };
  const family = pick(os.m, os.rule.os_replacement, 1) ?? 'Other';
  const v = version([pick(os.m, os.rule.os_v1_replacement, 2), pick(os.m, os.rule.os_v2_replacement, 3), pick(os.m, os.rule.os_v3_replacement, 4)]);
  // The regex data platformOS ships names Windows releases in the family ("Windows 7",
  // "Windows XP", no version), as the docs' example shows; today's uap-core splits them.
  if (family === 'Windows' && v) return { version: null, family: `Windows ${v.version}` };
  return { version: v, family };
}
