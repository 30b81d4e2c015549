// Loads every builtin module (each registers its builtins as it is imported),
// then the Lisp library under lisp/.
import { intern, Subr } from '../lisp/index.js';
import './errors.js';
import './buffer.js';
import './editfns.js';
import './marker.js';
import './buffer-files.js';
import './eval.js';
import './macros.js';
import './macroexp.js';
import { lispDirectory } from './load.js';
import { installLibraryAutoloads } from './lisp-autoloads.js';
import './data.js';
import './alloc.js';
import './arith.js';
import './floatfns.js';
import './fns.js';
import './seq.js';
import './hash.js';
import './strings.js';
import './textprop.js';
import './overlays.js';
import './search.js';
import './decompress.js';
import './xml.js';
import './html.js';
import './keyboard.js';
import './minibuf.js';
import './sysinfo.js';
import './syntax.js';
import './syntax-scan.js';
import './casefiddle.js';
import './character.js';
import './coding.js';
import './json.js';
import './print.js';
import './format.js';
import './lread.js';
import './timefns.js';
import './fileio.js';
import './dired.js';
import './process.js';
import './callproc.js';
import './timers.js';
import { add2, sub2, lt2, gt2, le2, ge2, numEq2, add1, sub1 } from './arith.js';

// Two-argument fast paths for the hottest &rest builtins.
function fast2(name: string, fn: Subr['fast2']): void {
  const f = intern(name).fn;
  if (f instanceof Subr) f.fast2 = fn;
}
function fast1(name: string, fn: Subr['fast1']): void {
  const f = intern(name).fn;
  if (f instanceof Subr) f.fast1 = fn;
}
fast2('+', add2);
fast2('-', sub2);
fast2('<', lt2);
fast2('>', gt2);
fast2('<=', le2);
fast2('>=', ge2);
fast2('=', numEq2);
fast1('1+', add1);
fast1('1-', sub1);

export { lispDirectory };

// The Lisp library: autoloads for its definitions (see lisp-autoloads.ts).
installLibraryAutoloads(lispDirectory);
