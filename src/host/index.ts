// The host layer as the Lisp side sees it. The main-thread half
// (main-link.ts) and the worker's implementation (worker-host.ts) are
// imported by the entry points only: they use worker_threads.
export { type Host, type HostEvent, setHost, host } from './host.js';
export { InlineHost, type InlineHostOptions } from './inline-host.js';
export { quitRequested, clearQuit, requestQuit, killRequested, quitWord, attachSharedBlock } from './quit.js';
export { exitStatus, HostExit } from './exit.js';
export type { ToWorker, FromWorker, BatchPlan, BatchAction } from './protocol.js';
