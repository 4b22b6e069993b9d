// Runs Astro's command line with its anonymous usage reports switched off, for every command the
// project runs (`npm run dev`, `npm run typecheck`, the build): the course promises that nothing is
// sent anywhere, and `astro telemetry disable` would only switch it off for one user on one machine.
// Usage: `node scripts/astro.mjs <astro arguments>`.
process.env.ASTRO_TELEMETRY_DISABLED = '1';
// Astro's command line reads its arguments from process.argv, after the script's own path.
await import(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url).href);
