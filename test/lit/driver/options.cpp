// RUN: %gradc --version | FileCheck %s --check-prefix=VERSION
// RUN: %gradc --help | FileCheck %s --check-prefix=HELP
// RUN: not %gradc %s %s -o %t.h 2>&1 | FileCheck %s --check-prefix=TWO
// RUN: not %gradc %t.does-not-exist.cpp -o %t.h 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: %gradc %S/Inputs/none.cpp -o %t.none.h 2>&1 | FileCheck %s --check-prefix=NONE
// RUN: FileCheck %s --check-prefix=EMPTY < %t.none.h
// VERSION: gradc 0.1.0
// HELP: gradc foo.cpp -o foo.grad.h
// HELP: --emit=<value>
// TWO: -o takes one input
// MISSING: error: no such file
// NONE: warning: {{.*}}none.cpp: no function definition is annotated with GRADC_DIFF
// EMPTY: #pragma once
// EMPTY-NOT: inline
