// keyboard.c's command-loop variables. A script runs outside the command
// loop, so they keep the values batch Emacs gives them (nil), but Lisp
// commands read and set them (kill-region appends while last-command is
// kill-region).
import { NIL, intern, list } from '../lisp/index.js';
import { declareModule, defvar } from '../lisp/defun.js';

declareModule('keyboard');

for (const name of ['last-command', 'this-command', 'real-last-command', 'real-this-command', 'current-prefix-arg', 'prefix-arg', 'last-prefix-arg', 'executing-kbd-macro', 'unread-command-events']) {
  defvar(name, NIL);
}

// Keymaps exist before lisp/keymap.el (their functions) loads: code binds keys in them at top level.
defvar('meta-prefix-char', 27);
for (const name of ['global-map', 'esc-map', 'ctl-x-map']) defvar(name, list(intern('keymap')));
