// @ts-check
/** The module Vite imports its preload helper from. */
export const preloadHelperId = '\0vite/preload-helper.js';

/**
 * Vite wraps every dynamic import in its preload helper (3.4 KB, 0.9 KB gzip, on every page with an
 * island), which adds `<link>` elements for the imported chunk's dependencies before importing it.
 * With module preloading off (noModulePreload in astro.config.mjs) it is left with the stylesheets
 * of a dynamically imported chunk, and no such chunk has any: island styles are in the page's head
 * (islandStylesInHead). So the helper here only imports, and keeps Vite's `vite:preloadError` event
 * for a failed import. The build fails, naming the chunk and the stylesheet, if a dynamically
 * imported chunk ever does bring one, since this helper would not load it.
 * @returns {import('vite').Plugin}
 */
export function importOnlyPreloadHelper() {
  return {
    name: 'hankintapolku:import-only-preload-helper',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.name === 'client',
    load(id) {
      if (id !== preloadHelperId) return null;
      return (
        'export const __vitePreload = (load) => load().catch((error) => {\n' +
        "  const event = new Event('vite:preloadError', { cancelable: true });\n" +
        '  event.payload = error;\n' +
        '  window.dispatchEvent(event);\n' +
        '  if (!event.defaultPrevented) throw error;\n' +
        '});'
      );
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const target of chunk.dynamicImports) {
          const imported = bundle[target];
          const css = imported?.type === 'chunk' ? [...(imported.viteMetadata?.importedCss ?? [])] : [];
          if (css.length > 0)
            this.error(
              `${target}, imported dynamically by ${chunk.fileName}, brings the stylesheet ${css.join(', ')}, which the import-only preload helper does not load: put the style in the page instead.`,
            );
        }
      }
    },
  };
}
