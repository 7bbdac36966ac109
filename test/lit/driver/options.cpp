// RUN: %gradc --version | FileCheck %s --check-prefix=VERSION
// RUN: %gradc --help | FileCheck %s --check-prefix=HELP
// RUN: not %gradc %s %s -o %t.h 2>&1 | FileCheck %s --check-prefix=TWO
// RUN: not %gradc %t.does-not-exist.cpp -o %t.h 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: %python %src_root/test/support/exit_code.py 2 %gradc %t.does-not-exist.cpp -o %t.h
// RUN: %python %src_root/test/support/exit_code.py 2 %gradc --emit=bogus %s
// RUN: %python %src_root/test/support/exit_code.py 1 %gradc %src_root/test/lit/errors/unsupported.cpp -o %t.h
// RUN: %python %src_root/test/support/exit_code.py 0 %gradc %s -o %t.h
// RUN: not %gradc --emit=bogus %s 2>&1 | FileCheck %s --check-prefix=BOGUS --implicit-check-not='gradc: {{$}}'
// RUN: %gradc %S/Inputs/none.cpp -o %t.none.h 2>&1 | FileCheck %s --check-prefix=NONE
// RUN: FileCheck %s --check-prefix=EMPTY < %t.none.h
// VERSION: gradc 0.1.0
// HELP: gradc foo.cpp -o foo.grad.h
// HELP: --emit=<value>
// HELP: EXAMPLES:
// HELP: gradc model.cpp --at x=3,y=-4
// HELP: gradc --expr 'f(x, y) = (x + sigmoid(y)) / (sigmoid(x) + (x + y)^2)'
// HELP: EXIT STATUS:
// HELP: 2  a usage error
// TWO: -o takes one input
// MISSING: error: no such file
// BOGUS: Cannot find option named 'bogus'
// NONE: warning: {{.*}}none.cpp: no function definition is annotated with GRADC_DIFF
// EMPTY: #pragma once
// EMPTY-NOT: inline
