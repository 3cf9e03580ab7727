import type { Liquid } from 'liquidjs';

type TagClass = Parameters<Liquid['registerTag']>[1];

/**
 * Tags that reach the database or forms (graphql, include_form, form, render_form...).
 * Kept apart from index.ts so the forms/records work and the Liquid dialect work do not
 * edit the same registry.
 */
export const DATA_TAGS: Record<string, TagClass> = {};
