import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every page component under src/. */
function components(dir = path.resolve('src')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return components(full);
    return e.name.endsWith('.tsx') && !e.name.endsWith('.test.tsx') ? [full] : [];
  });
}

describe('page markup', () => {
  it('makes every sideways-scrolling table a named region the keyboard can reach', () => {
    const missing = components().flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (line.includes('class="table-scroll"') && !/tabIndex=\{0\}.*role="region".*aria-label=/.test(line) ? [`${path.relative('.', file)}:${i + 1}`] : [])),
    );
    expect(missing).toEqual([]);
  });
});
