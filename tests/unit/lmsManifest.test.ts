import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scormManifest } from '../../scripts/buildLms.manifest.mjs';

/*
 * imsmanifest.xml of the SCORM packages, checked with xmllint against the SCORM 1.2 schemas kept in
 * scorm/ (IMS CP 1.1.2, ADL CP 1.2, IMS MD 1.2.1). xmllint comes with libxml2-utils.
 */
const dir = mkdtempSync(join(tmpdir(), 'hankintapolku-imsmanifest-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function validate(xml: string): { ok: boolean; output: string } {
  const file = join(dir, 'imsmanifest.xml');
  writeFileSync(file, xml);
  const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', 'scorm/scorm12.xsd', file], {
    encoding: 'utf8',
  });
  if (result.error)
    throw new Error(`xmllint is needed for this test (apt-get install libxml2-utils): ${result.error.message}`);
  return { ok: result.status === 0, output: result.stderr };
}

const options = {
  lang: 'fi',
  title: 'Hankintapolku: Kestävät & innovatiiviset julkiset hankinnat',
  version: 'e813ccf29412',
  masteryScore: 80,
  launch: 'scorm-launch.html',
  files: ['scorm-launch.html', 'index.html', 'moduulit/goals/index.html', '_astro/x y.js', 'en/index.html'],
};

describe('imsmanifest.xml', () => {
  it('is valid SCORM 1.2 with one organisation, one SCO, the mastery score and every file', () => {
    const xml = scormManifest(options);
    const { ok, output } = validate(xml);
    expect(output).toContain('validates');
    expect(ok).toBe(true);
    expect(xml).toContain('<schemaversion>1.2</schemaversion>');
    expect(xml.match(/<organization /g)).toHaveLength(1);
    expect(xml.match(/adlcp:scormtype="sco"/g)).toHaveLength(1);
    expect(xml).toContain('href="scorm-launch.html"');
    expect(xml).toContain('<adlcp:masteryscore>80</adlcp:masteryscore>');
    expect(xml).toContain('<file href="_astro/x%20y.js"/>');
    expect(xml.match(/<file /g)).toHaveLength(options.files.length);
  });

  it('the schemas catch a manifest that breaks SCORM 1.2', () => {
    const xml = scormManifest(options).replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"');
    const { ok, output } = validate(xml);
    expect(ok).toBe(false);
    expect(output).toMatch(/scormtype/);
  });
});
