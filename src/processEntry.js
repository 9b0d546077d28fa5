// Where every worker process starts (see workerProcess.ts): a child process
// does not inherit the parent's TypeScript loader, so tsx is registered first
// when the module is TypeScript (the tool run from its sources, not `lib/`).
const module = /** @type {string} */ (process.argv[2]);
if (module.endsWith('.ts')) (await import('tsx/esm/api')).register();
await import(module);
