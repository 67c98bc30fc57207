// Every browser module of platform-web links (each name it imports is exported where it imports it from) and runs
// on a page that is not its own: ESLint checks each file alone and would miss a misspelt import.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { it } from 'node:test';

const root = fileURLToPath(new URL('../../../platform-web/src/main/resources/static/js/', import.meta.url));

function modules(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return modules(path);
    }
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

it('loads every module of static/js', async () => {
  // a page without any [data-page] root, so no page starts
  globalThis.document = { querySelector: () => null, getElementById: () => null, addEventListener: () => {} };
  try {
    const files = modules(root);
    assert.ok(files.length > 10, 'found the modules under ' + root);
    for (const file of files) {
      await assert.doesNotReject(import(pathToFileURL(file).href), relative(root, file));
    }
  } finally {
    delete globalThis.document;
  }
});
