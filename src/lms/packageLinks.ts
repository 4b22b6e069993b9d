/*
 * Links inside a package. An LMS serves the package from an address of its own choosing (Moodle:
 * …/pluginfile.php/<context>/mod_scorm/content/<n>/), so no path may start at the server's root, and
 * no server turns a folder address into its index.html. scripts/buildLms.mjs rewrites the links in
 * the built HTML and marks each page with the way back to the package root (`data-package-root`
 * on <html>, e.g. "../../"); the links islands build while the page runs are rewritten here.
 */

/** A site path ("/moduulit/goals/#main") as a link relative to this page, to a file. */
export function toPackageHref(href: string, packageRoot: string): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  const match = /^([^?#]*)(.*)$/.exec(href);
  const path = match?.[1] ?? href;
  const rest = match?.[2] ?? '';
  const file = path.endsWith('/') ? `${path}index.html` : path;
  return `${packageRoot}${file.slice(1)}${rest}`;
}

/** Keeps every link on the page relative to the package, including those added later. */
export function keepLinksInPackage(doc: Document): void {
  const root = doc.documentElement.dataset['packageRoot'];
  if (root === undefined) return;
  const fix = (el: Element): void => {
    const href = el.getAttribute('href');
    if (href?.startsWith('/')) {
      const local = toPackageHref(href, root);
      if (local !== href) el.setAttribute('href', local);
    }
  };
  const fixTree = (node: Node): void => {
    if (!(node instanceof Element)) return;
    if (node.hasAttribute('href')) fix(node);
    for (const el of node.querySelectorAll('[href^="/"]')) fix(el);
  };
  fixTree(doc.body);
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') fixTree(record.target);
      for (const node of record.addedNodes) fixTree(node);
    }
  }).observe(doc.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['href'] });
}
