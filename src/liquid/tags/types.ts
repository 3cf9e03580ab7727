import type { Liquid } from 'liquidjs';

/** A tag class as liquidjs registers it. */
export type TagClass = Parameters<Liquid['registerTag']>[1];
