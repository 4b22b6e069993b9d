// Lets Node run the app's TypeScript (src/) directly for a benchmark: src/ imports its modules
// without an extension, as Vite and Astro resolve them, so a relative specifier that does not
// resolve is tried again with `.ts`. Used with `node --import ./scripts/lib/benchResolveTs.ts
// --experimental-transform-types` (src/ has parameter properties, which plain type stripping refuses).
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (/^\.{1,2}\//.test(specifier) && !/\.[cm]?[jt]sx?$/.test(specifier))
        return nextResolve(`${specifier}.ts`, context);
      throw error;
    }
  },
});
