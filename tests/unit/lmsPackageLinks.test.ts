import { describe, expect, it } from 'vitest';
import { toPackageHref } from '../../src/lms/packageLinks';

describe('links built while a package page runs', () => {
  const root = new URL('https://lms.example/pluginfile.php/27/mod_scorm/content/3/');

  it('a site path is read from the package root and names a file', () => {
    expect(toPackageHref('/moduulit/goals/why/', root)).toBe(`${root.href}moduulit/goals/why/index.html`);
    expect(toPackageHref('/en/modules/goals/#main', root)).toBe(`${root.href}en/modules/goals/index.html#main`);
    expect(toPackageHref('/', root)).toBe(`${root.href}index.html`);
  });

  it('a path already inside the package is kept, and relative and other links are left alone', () => {
    expect(toPackageHref('/pluginfile.php/27/mod_scorm/content/3/haku/?q=a', root)).toBe(
      `${root.href}haku/index.html?q=a`,
    );
    expect(toPackageHref('../goals/index.html', root)).toBe('../goals/index.html');
    expect(toPackageHref('https://www.hankinnat.fi/', root)).toBe('https://www.hankinnat.fi/');
    expect(toPackageHref('//cdn.example/x.js', root)).toBe('//cdn.example/x.js');
  });
});
