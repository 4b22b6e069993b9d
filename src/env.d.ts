// The project's own client directive (src/client/idleYieldDirective.ts, registered in astro.config.mjs).
declare module 'astro' {
  interface AstroClientDirectives {
    'client:idle-yield'?: boolean;
  }
}

export {};
