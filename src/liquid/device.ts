import { parseUserAgent } from './util/useragent.js';

/** `context.device`: the fields objects.json lists, read from the User-Agent header. */
export interface Device {
  bot: boolean;
  bot_name: string | null;
  device_brand: string | null;
  device_name: string | null;
  device_type: string;
  full_version: string | null;
  known: boolean;
  name: string | null;
  os_full_version: string | null;
  os_name: string | null;
}

/**
 * Built from the same user agent parser as the useragent filter. The docs give only the
 * field names and types, so device_type is inferred from the parsed device: `bot` for
 * crawlers, `tablet` and `smartphone` from the device and OS, otherwise `desktop`.
 */
export function deviceOf(userAgent: string): Device {
  const ua = parseUserAgent(userAgent);
  const bot = ua.device.family === 'Spider';
  const known = ua.family !== 'Other';
  const mobileOs = /^(Android|iOS|Windows Phone|BlackBerry OS)$/.test(ua.os.family);
  const tablet = /iPad|Tablet|Kindle/i.test(`${ua.device.family} ${userAgent}`);
  return {
    bot,
    bot_name: bot ? ua.family : null,
    device_brand: ua.device.brand,
    device_name: ua.device.model,
    device_type: bot ? 'bot' : tablet ? 'tablet' : mobileOs ? 'smartphone' : 'desktop',
    full_version: ua.version?.version ?? null,
    known,
    name: known ? ua.family : null,
    os_full_version: ua.os.version?.version ?? null,
    os_name: ua.os.family === 'Other' ? null : ua.os.family,
  };
}
