// @ts-check
/*
 * Makes a built site work from any address inside a package: every root-absolute URL in the HTML
 * ("/moduulit/goals/", "/_astro/x.js", island props) becomes relative to the page and names a file
 * (folder addresses get their index.html, which no LMS adds for us); links to the site's own
 * address (canonical, hreflang) and the web-app manifest go; each page gets `data-package-root`
 * and the script that keeps links added while it runs inside the package (src/lms/packageLinks.ts).
 * Returns the problems found: links to files the package lacks, and anything still absolute.
 *
 * Nothing may reach outside the package, with one exception: the feedback collector named by
 * PUBLIC_FEEDBACK_ENDPOINT. An absolute endpoint is kept exactly as it is, and its origin (that one
 * origin only) may be named by the pages; a relative one ("/api/feedback", the website's default) is
 * left alone too, though inside an LMS it reaches the LMS's own server, where feedback just waits.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';

/**
 * Relative URL from the page at `pageFile` (package-relative) to the site path `href`.
 * @param {string} href
 * @param {string} pageFile
 */
function relativeHref(href, pageFile) {
  const match = /^([^?#]*)(.*)$/.exec(href);
  const path = match?.[1] ?? href;
  const rest = match?.[2] ?? '';
  const file = path.endsWith('/') ? `${path}index.html` : path;
  const from = posix.dirname(pageFile);
  const to = file.slice(1);
  let rel = posix.relative(from, to);
  if (rel === '') rel = posix.basename(to);
  return { rel: `${rel}${rest}`, target: to };
}

/**
 * The origin of an absolute http(s) endpoint; undefined for a relative one.
 * @param {string | undefined} endpoint
 */
export function collectorOriginOf(endpoint) {
  if (endpoint === undefined || !/^https?:\/\//.test(endpoint)) return undefined;
  try {
    return new URL(endpoint).origin;
  } catch {
    return undefined;
  }
}

/**
 * @param {string} site the built site's folder
 * @param {string[]} files every file of the site, relative to `site`, with forward slashes
 * @param {string} [feedbackEndpoint] the build's PUBLIC_FEEDBACK_ENDPOINT, if any
 */
export function rewriteSite(site, files, feedbackEndpoint) {
  /** @type {string[]} */
  const problems = [];
  const collectorOrigin = collectorOriginOf(feedbackEndpoint);
  // Root-absolute collector paths stay only when the collector is not elsewhere.
  const collectorPath = collectorOrigin === undefined ? (feedbackEndpoint ?? '/api/feedback') : undefined;
  /** @param {string | undefined} href */
  const isCollectorPath = (href) => collectorPath !== undefined && href !== undefined && href.startsWith(collectorPath);
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    const full = join(site, file);
    let html = readFileSync(full, 'utf8');
    const depth = file.split('/').length - 1;
    const root = '../'.repeat(depth);
    /** @param {string} href */
    const local = (href) => {
      // The feedback collector is a server address, not a file.
      if (isCollectorPath(href)) return href;
      const { rel, target } = relativeHref(href, file);
      if (!existsSync(join(site, target))) problems.push(`${file}: links to ${href}, which is not in the package`);
      return rel;
    };
    html = html
      .replace(/<link rel="(?:canonical|manifest)"[^>]*>/g, '')
      .replace(/<link rel="alternate" hreflang="[^"]*"[^>]*>/g, '')
      .replace(/(=")(\/(?!\/)[^"]*)(")/g, (_all, open, href, close) => `${open}${local(href)}${close}`)
      .replace(/(&quot;)(\/(?!\/)[^&"]*)(&quot;)/g, (_all, open, href, close) => `${open}${local(href)}${close}`)
      .replace(/<html([^>]*)>/, `<html$1 data-package-root="${root}">`)
      .replace('</head>', `<script src="${root}lms/links.js" defer></script></head>`);
    for (const left of html.matchAll(/(?:src|href|action)="(\/[^"]*)"/g)) {
      if (!isCollectorPath(left[1])) problems.push(`${file}: ${left[1] ?? ''} is still absolute`);
    }
    for (const outside of html.matchAll(
      /<(?:script|link|img|iframe|source|form)\b[^>]*(?:src|href|action)="(https?:[^"]*)"/g,
    )) {
      if (collectorOriginOf(outside[1]) !== collectorOrigin || collectorOrigin === undefined)
        problems.push(`${file}: loads ${outside[1] ?? ''} from outside the package`);
    }
    writeFileSync(full, html);
  }
  for (const file of files.filter((f) => f.endsWith('.css'))) {
    if (/url\(\s*['"]?\//.test(readFileSync(join(site, file), 'utf8'))) problems.push(`${file}: url() from the root`);
  }
  // The search island imports Pagefind by its site path; from a module in _astro/ the same file is
  // "../pagefind/pagefind.js", which a dynamic import resolves against the module's own address.
  for (const file of files.filter((f) => f.startsWith('_astro/') && f.endsWith('.js'))) {
    const full = join(site, file);
    const code = readFileSync(full, 'utf8');
    if (code.includes('/pagefind/pagefind.js')) {
      const rel = relative(dirname(full), join(site, 'pagefind/pagefind.js')).split('\\').join('/');
      writeFileSync(
        full,
        code.replace(/([`'"])\/pagefind\/pagefind\.js\1/g, (_all, quote) => `${quote}${rel}${quote}`),
      );
    }
  }
  // An installable web app makes no sense inside an LMS page.
  rmSync(join(site, 'manifest.webmanifest'), { force: true });
  return problems;
}
