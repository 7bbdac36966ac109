// An error in an expression shows the expression with a caret under the
// column, and gradc exits with status 1 writing nothing. (With
// --strict-whitespace a pattern starts right after its prefix's colon, so
// that the caret's column is checked.)
// RUN: not %gradc --expr 'f(x) = sigmod(x)' 2>&1 | FileCheck %s --check-prefix=UNKNOWN --match-full-lines --strict-whitespace
// UNKNOWN:gradc: error: unknown function 'sigmod'; did you mean 'sigmoid'?
// UNKNOWN-NEXT:  f(x) = sigmod(x)
// UNKNOWN-NEXT:         ^
// UNKNOWN-EMPTY:
// RUN: %python %src_root/test/support/exit_code.py 1 %gradc --expr 'f(x) = sigmod(x)'
// RUN: %python %src_root/test/support/exit_code.py 1 %gradc --expr 'f(x) = sigmod(x)' --at x=1
// RUN: %python %src_root/test/support/exit_code.py 1 %gradc --expr 'f(x) = sigmod(x)' --emit=dot
//
// RUN: not %gradc --expr 'f(x, y) = (x + y' 2>&1 | FileCheck %s --check-prefix=SYNTAX --match-full-lines --strict-whitespace
// SYNTAX:gradc: error: expected ')'
// SYNTAX-NEXT:  f(x, y) = (x + y
// SYNTAX-NEXT:                  ^
//
// RUN: not %gradc --expr 'f(x) = max(x)' 2>&1 | FileCheck %s --check-prefix=ARITY --match-full-lines --strict-whitespace
// ARITY:gradc: error: 'max' takes 2 arguments, not 1
// ARITY-NEXT:  f(x) = max(x)
// ARITY-NEXT:         ^
//
// RUN: not %gradc --expr 'f(x) = s = sigmoid(x); return s * t' 2>&1 | FileCheck %s --check-prefix=UNDEFINED --match-full-lines --strict-whitespace
// UNDEFINED:gradc: error: undefined variable 't'
// UNDEFINED-NEXT:  f(x) = s = sigmoid(x); return s * t
// UNDEFINED-NEXT:                                    ^
//
// RUN: not %gradc --expr 'f(x) { s = sigmoid(x); }' 2>&1 | FileCheck %s --check-prefix=RETURN --match-full-lines --strict-whitespace
// RETURN:gradc: error: missing 'return': end the body with 'return <expr>'
// RETURN-NEXT:  f(x) { s = sigmoid(x); }
// RETURN-NEXT:                       ^
//
// RUN: not %gradc --expr 'f(x, y, x) = x' 2>&1 | FileCheck %s --check-prefix=DUPLICATE --match-full-lines --strict-whitespace
// DUPLICATE:gradc: error: duplicate parameter 'x'
// DUPLICATE-NEXT:  f(x, y, x) = x
// DUPLICATE-NEXT:          ^
//
// RUN: not %gradc --expr 'f(x) = x = x * 2; return x' 2>&1 | FileCheck %s --check-prefix=PARAM --match-full-lines --strict-whitespace
// PARAM:gradc: error: cannot assign to the parameter 'x'; use a new name
// PARAM-NEXT:  f(x) = x = x * 2; return x
// PARAM-NEXT:         ^
//
// RUN: not %gradc --expr 'f(x) = x # 2' 2>&1 | FileCheck %s --check-prefix=CHAR --match-full-lines --strict-whitespace
// CHAR:gradc: error: unexpected character '#'
// CHAR-NEXT:  f(x) = x # 2
// CHAR-NEXT:           ^
//
// Usage errors are status 2.
// RUN: %python %src_root/test/support/exit_code.py 2 %gradc --expr 'f(x) = x' %s
// RUN: not %gradc --expr 'f(x) = x' %s 2>&1 | FileCheck %s --check-prefix=USAGE
// USAGE: gradc: --expr takes no input file and no -MF
// RUN: %python %src_root/test/support/exit_code.py 2 %gradc
// RUN: not %gradc 2>&1 | FileCheck %s --check-prefix=NOINPUT
// NOINPUT: gradc: no input: give a C++ file, or --expr '...'
// RUN: %python %src_root/test/support/exit_code.py 2 %gradc --expr 'f(x) = x' --at y=1
