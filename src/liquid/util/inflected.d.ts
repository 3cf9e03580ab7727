/** Types for the parts of `inflected` (ActiveSupport's inflector for Node) posemu uses. */
declare module 'inflected' {
  interface Inflector {
    pluralize(word: string, locale?: string): string;
    singularize(word: string, locale?: string): string;
    humanize(word: string, options?: { capitalize?: boolean }): string;
    titleize(word: string): string;
    transliterate(word: string, options?: { locale?: string; replacement?: string }): string;
  }
  const inflector: Inflector;
  export default inflector;
}
