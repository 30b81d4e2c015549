// syntax.c: character syntax classes. There is no syntax-table object yet:
// every buffer uses the standard syntax table (src/regex/syntax.ts).
import { declareModule, defun, character } from '../lisp/defun.js';
import { syntaxClass, SYNTAX_DESIGNATORS } from '../regex/index.js';

declareModule('syntax');

defun('char-syntax', [character], (c) => SYNTAX_DESIGNATORS.charCodeAt(syntaxClass(c)));
