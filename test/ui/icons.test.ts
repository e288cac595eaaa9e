/**
 * Every icon the interface names is drawn in the sprite (assets/icons.svg), with a title: a name
 * with no drawing would show an empty square beside a button's words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const sprite = readFileSync(join(ROOT, 'assets/icons.svg'), 'utf8');
const drawn = new Set([...sprite.matchAll(/<symbol id="([\w-]+)"[^>]*>\s*<title>[^<]+<\/title>/g)].map((m) => m[1]));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

describe('the icon sprite', () => {
  it('draws, with a title, every icon named as <Icon name="…"> in the interface', () => {
    const named = new Set(sources(join(ROOT, 'src/ui')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/<Icon name="([\w-]+)"/g)].map((m) => m[1])));
    expect(named.size).toBeGreaterThan(20);
    expect([...named].filter((name) => !drawn.has(name))).toEqual([]);
  });
});
