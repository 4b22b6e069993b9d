// The security headers of every answer, and each page's Content-Security-Policy.
// Astro writes a few small inline scripts into the pages (the island loader, the service worker's
// registration) and one inline style; the policy allows exactly those by their SHA-256 hashes, read
// from the page that is being served, so a rebuild under a running server gets its own hashes and
// nothing else inline can run. That keeps the feedback review's admin token out of reach of any
// script but ours. 'wasm-unsafe-eval' is for the search (Pagefind runs WebAssembly); it lets no
// JavaScript be evaluated from text.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

/** `'none'` (no site may frame the course), `'self'`, or origins, space-separated. */
export type FrameAncestors = string;

/** Headers every answer carries, pages, files and the API alike. */
export const baseHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
} as const;

const EXECUTABLE = /^(?:|module|text\/javascript|application\/javascript)$/i;
// Astro emits plain <script> and <style> elements with no nested end tag, so a pattern is enough here;
// a page it cannot read simply gets no hashes, and its inline code is blocked rather than allowed.
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
const TYPE = /\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The hashes of a page's inline scripts (data blocks such as JSON are not run, so not listed) and styles. */
export function inlineHashes(html: string): { scripts: string[]; styles: string[] } {
  const scripts = new Set<string>();
  for (const [, attributes = '', body = ''] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const type = TYPE.exec(attributes);
    if (!EXECUTABLE.test((type?.[1] ?? type?.[2] ?? type?.[3] ?? '').trim())) continue;
    scripts.add(hash(body));
  }
  const styles = new Set<string>();
  for (const [, body = ''] of html.matchAll(STYLE)) styles.add(hash(body));
  return { scripts: [...scripts], styles: [...styles] };
}

/** The policy for one page. */
export function pagePolicy(html: string, frameAncestors: FrameAncestors): string {
  const { scripts, styles } = inlineHashes(html);
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...scripts].join(' '),
    ["style-src 'self'", ...styles].join(' '),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/**
 * The policy of a page file, read and hashed once per version of the file (path, size and time), so
 * a page is hashed on its first request after a build, not on every request.
 */
export function createPagePolicies(frameAncestors: FrameAncestors): (file: string) => string {
  const cache = new Map<string, { version: string; policy: string }>();
  return (file) => {
    try {
      const stat = statSync(file);
      const version = `${String(stat.size)}:${String(stat.mtimeMs)}`;
      const cached = cache.get(file);
      if (cached?.version === version) return cached.policy;
      const policy = pagePolicy(readFileSync(file, 'utf8'), frameAncestors);
      cache.set(file, { version, policy });
      return policy;
    } catch {
      // The page went away between being found and being hashed (a rebuild): allow no inline code.
      return pagePolicy('', frameAncestors);
    }
  };
}

/** Checks FRAME_ANCESTORS: 'none', 'self' or scheme://host[:port] origins. */
export function parseFrameAncestors(raw: string | undefined): FrameAncestors {
  const value = (raw ?? '').trim();
  if (value === '') return "'none'";
  const sources = value.split(/\s+/);
  for (const source of sources) {
    if (source === "'none'" || source === "'self'") continue;
    let origin: string | undefined;
    try {
      origin = new URL(source).origin;
    } catch {
      origin = undefined;
    }
    if (origin !== source) {
      throw new Error(
        `FRAME_ANCESTORS: "${source}" is not 'none', 'self' or an origin such as https://intra.example.fi (separate several with spaces).`,
      );
    }
  }
  if (sources.includes("'none'") && sources.length > 1)
    throw new Error("FRAME_ANCESTORS: 'none' cannot be combined with other sources.");
  return sources.join(' ');
}
