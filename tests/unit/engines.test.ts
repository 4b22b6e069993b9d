import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const project = JSON.parse(read('package.json')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};
type LockEntry = { version?: string; optional?: boolean; engines?: { node?: string } | string[] };
const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, LockEntry> };
const lockedNode = lock.packages['node_modules/node']?.version ?? '';

describe("the project's Node", () => {
  it('is one that every locked package accepts', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !entry.optional)
      .flatMap(([path, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return range && !semver.subset(project.engines.node, range) ? [`${path} wants ${range}`] : [];
      });
    expect(refusing).toEqual([]);
  });

  it('is brought by the "node" devDependency, at a locked version the engines accept', () => {
    expect(semver.subset(project.devDependencies['node'] ?? '', project.engines.node)).toBe(true);
    expect(semver.satisfies(lockedNode, project.devDependencies['node'] ?? '')).toBe(true);
    expect(read('.nvmrc').trim()).toBe(String(semver.major(lockedNode)));
  });

  it('is the one the npm scripts run on, and the check before each script accepts it', () => {
    expect(process.versions.node).toBe(lockedNode);
    const check = spawnSync(process.execPath, ['scripts/checkNode.mjs'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
