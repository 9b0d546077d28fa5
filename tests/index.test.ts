import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as api from '../src/index.ts';

test('the public API exposes exactly these names', () => {
  assert.deepEqual(Object.keys(api).sort(), [
    'articleSchema',
    'buildArchive',
    'buildSite',
    'checkContent',
    'formatProblem',
    'loadBuildContent',
    'pagesOf',
    'problemKinds',
    'readArticle',
    'sanitizeBody',
    'siteSchema',
  ]);
});
