// Where every worker process starts (see workerProcess.ts): a child process
// does not inherit the parent's TypeScript loader, so tsx is registered first.
import { register } from 'tsx/esm/api';

register();
await import(/** @type {string} */ (process.argv[2]));
