/**
 * Rules of ARCHITECTURE.md that the dependency check cannot see: a store never opens a transaction
 * (the commands that call it do, so one change is one transaction whoever starts it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const features = path.dirname(fileURLToPath(import.meta.url));
const stores = fs
  .readdirSync(features, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.store\.tsx?$/.test(f))
  .map((f) => path.join(features, f));

describe('stores', () => {
  it('are found', () => {
    expect(stores.length).toBeGreaterThan(10);
  });

  it.each(stores.map((f) => [path.relative(features, f), f]))('%s opens no transaction', (_name, file) => {
    const source = fs.readFileSync(file, 'utf8');
    expect(source).not.toMatch(/\binTransaction\s*\(/);
    expect(source).not.toMatch(/\.transaction\s*\(\s*\)/);
  });
});
