/**
 * Nunjucks keeps a template's variables in frames, and sets them through
 * `Frame.set`: for every turn of a `{% for %}` eight times (the item, then
 * `loop.index`, `loop.first` and the rest), each time splitting the name at
 * its dots. In a rendering process of a cold build of 10,000 articles that
 * was 0.7-1.5 s, the most of any one function. `fasterFrames` puts in its
 * place a `set` that does the same, with each name's parts worked out once
 * (a template's names are the few its compiled code holds). Nunjucks 3.2.4,
 * its last release, is the one this follows; the tests hold the pages it
 * renders to be those Nunjucks' own `set` renders.
 */
import nunjucks from 'nunjucks';

/** What `set` needs of a frame (`nunjucks/src/runtime.js`, which the package's types do not describe). */
interface Frame {
  variables: Record<string, unknown>;
  resolve(name: string, forWrite: boolean): Frame | undefined;
  set(name: string, value: unknown, resolveUp?: boolean): void;
}

interface FramePrototype {
  set: Frame['set'];
}

/** A variable's name, as `set` walks it: `loop.index` is `index` in the object `loop`. */
interface NamePath {
  head: string;
  /** The names before the last: the objects on its way. */
  parents: string[];
  last: string;
}

const paths = new Map<string, NamePath>();

function pathOf(name: string): NamePath {
  let path = paths.get(name);
  if (path === undefined) {
    const parts = name.split('.');
    path = { head: parts[0]!, parents: parts.slice(0, -1), last: parts.at(-1)! };
    paths.set(name, path);
  }
  return path;
}

/** Nunjucks' `Frame.set`: `{% set %}` with `resolveUp` writes where the name already lives; a dotted name makes the objects on its way. */
function set(this: Frame, name: string, value: unknown, resolveUp?: boolean): void {
  const path = pathOf(name);
  if (resolveUp) {
    const frame = this.resolve(path.head, true);
    if (frame) {
      frame.set(name, value);
      return;
    }
  }
  if (path.parents.length === 0) {
    this.variables[name] = value;
    return;
  }
  let object = this.variables;
  for (const id of path.parents) {
    if (!object[id]) object[id] = {};
    object = object[id] as Record<string, unknown>;
  }
  object[path.last] = value;
}

const framePrototype = (): FramePrototype => (nunjucks as unknown as { runtime: { Frame: { prototype: FramePrototype } } }).runtime.Frame.prototype;

/** Nunjucks' own `Frame.set`, put back by `fasterFrames(false)`. */
const nunjucksOwnSet = framePrototype().set;

/** Every Nunjucks template of this process sets its variables with the `set` above, or again with Nunjucks' own (`false`). */
export function fasterFrames(faster = true): void {
  framePrototype().set = faster ? set : nunjucksOwnSet;
}
