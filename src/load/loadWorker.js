// A worker thread of the load stage. Workers do not inherit the main thread's
// TypeScript loader, so this plain-JavaScript entry registers tsx first.
import { register } from 'tsx/esm/api';

register();
await import('./loadWorker.ts');
