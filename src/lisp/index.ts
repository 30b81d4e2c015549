// The object model, re-exported for the layers above.
export * from './types.js';
export * from './symbol.js';
export * from './cons.js';
export * from './list-index.js';
export * from './intervals.js';
export * from './number.js';
export * from './string.js';
export * from './vector.js';
export * from './equality.js';
export * from './hashtable.js';
export * from './function.js';
export * from './signal.js';
export * from './q.js';
