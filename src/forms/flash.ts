/**
 * Flash messages (flash_notice / flash_alert) live in the session until the next page shows
 * them: the form handler sets them, the pages plugin takes them (and so clears them).
 */
const KEY = 'flash';

export function setFlash(session: Record<string, unknown>, flash: Record<string, string>): void {
  session[KEY] = { ...((session[KEY] as Record<string, unknown> | undefined) ?? {}), ...flash };
}

/** The pending flash (for `context.flash`), removed from the session: it shows once. */
export function takeFlash(session: Record<string, unknown>): Record<string, unknown> {
  const flash = session[KEY];
  if (flash === undefined) return {};
  delete session[KEY];
  return flash && typeof flash === 'object' && !Array.isArray(flash) ? (flash as Record<string, unknown>) : {};
}
