import { getState } from '../state.js';
import { toOutput } from '../escape.js';
import { FilterError, type FilterThis } from './types.js';
import { HttpError } from '../../http/client.js';

const MB = 1024 * 1024;
/** The docs' ceiling for max_size. */
const MAX_SIZE_MB = 50;

/**
 * `url | download_file[: max_size]`: GET the URL (through the instance's HTTP client, so
 * outbound redirects apply) and return the body. max_size is in megabytes, default 1, at
 * most 50. Redirects are followed; a 4xx/5xx answer or a failed call is a Liquid error
 * naming the URL, as a missing file should not pass silently.
 */
export async function download_file(this: FilterThis, input: unknown, maxSize?: unknown): Promise<string> {
  const url = toOutput(input).trim();
  if (!url) throw new FilterError('download_file', 'url is empty');
  const mb = maxSize === undefined || maxSize === null ? 1 : Number(maxSize);
  if (!Number.isFinite(mb) || mb <= 0 || mb > MAX_SIZE_MB) {
    throw new FilterError('download_file', `max_size must be a number of megabytes above 0 and at most ${MAX_SIZE_MB}, got ${toOutput(maxSize)}`);
  }
  const { http } = getState(this.context).services;
  try {
    const res = await http.request({ method: 'GET', url, followRedirects: true, maxBytes: Math.round(mb * MB) });
    if (res.status >= 400) throw new FilterError('download_file', `GET ${url} answered ${res.status}`);
    return res.body;
  } catch (err) {
    if (err instanceof HttpError) throw new FilterError('download_file', err.message.replace(/^Outgoing HTTP call failed: /, ''));
    throw err;
  }
}
