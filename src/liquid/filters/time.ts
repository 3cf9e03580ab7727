import { FilterError } from './types.js';
import { addTime, timeUnit, toTime } from '../time-parse.js';

/** time | add_to_time: number = 1, unit = 'd'. Units y, mo, w, d, h, m, s (and long names). */
export function add_to_time(input: unknown, number: unknown = 1, unit: unknown = 'd'): Date {
  const time = toTime(input);
  if (!time) throw new FilterError('add_to_time', `cannot read ${JSON.stringify(input)} as a time`);
  const n = Number(number ?? 1);
  if (!Number.isFinite(n)) throw new FilterError('add_to_time', `number (argument 1) must be a number, got ${JSON.stringify(number)}`);
  const u = timeUnit(String(unit ?? 'd'));
  if (!u) throw new FilterError('add_to_time', `unknown unit ${JSON.stringify(unit)} (argument 2); use y, mo, w, d, h, m or s`);
  return addTime(time, n, u);
}
