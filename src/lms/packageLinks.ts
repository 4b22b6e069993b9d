/*
 * Links inside a package. An LMS serves the package from an address of its own choosing (Moodle:
 * …/pluginfile.php/<context>/mod_scorm/content/<n>/), so no path may start at the server's root, and
 * no server turns a folder address into its index.html. scripts/buildLms.mjs rewrites the links in
 * the built HTML and marks each page with the way back to the package root (`data-package-root`
 * on <html>, e.g. "../../"); the links islands build while the page runs are rewritten here.
 */

/**
 * Where a root-absolute link on a page of the package really points. A site path ("/moduulit/goals/")
 * is read from the package root; a path already inside the package (Pagefind, for one, prefixes its
 * results with the address it was loaded from) is kept. Folder addresses get their index.html.
 * @param packageRoot the package root's absolute URL, ending in "/"
 */
export function toPackageHref(href: string, packageRoot: URL): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  const asIs = new URL(href, packageRoot);
  const target = asIs.pathname.startsWith(packageRoot.pathname) ? asIs : new URL(href.slice(1), packageRoot);
  if (target.pathname.endsWith('/')) target.pathname += 'index.html';
  return target.href;
}

/** Keeps every link on the page relative to the package, including those added later. */
export function keepLinksInPackage(doc: Document): void {
  const rootPath = doc.documentElement.dataset['packageRoot'];
  if (rootPath === undefined) return;
  const root = new URL(rootPath, doc.baseURI);
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
