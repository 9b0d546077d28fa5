// One preview build, in a worker thread of its own: see serveSite.ts.
// Workers do not inherit the main thread's TypeScript loader, so this
// plain-JavaScript entry registers tsx first.
import { register } from 'tsx/esm/api';

register();
await import('./buildWorker.ts');
