// -p DIR reads the flags from DIR/compile_commands.json, as every libTooling
// tool does; flags after -- do the same without a database.
// RUN: rm -rf %t && mkdir -p %t/src %t/build
// RUN: cp %s %t/src/model.cpp
// RUN: echo '[{"directory": "%t/build", "file": "%t/src/model.cpp", "command": "c++ -DSCALE=3.0 -c %t/src/model.cpp -o model.o"}]' > %t/build/compile_commands.json
// RUN: %gradc -p %t/build %t/src/model.cpp -o %t/a.grad.h
// RUN: FileCheck %s < %t/a.grad.h
// RUN: %gradc %t/src/model.cpp -o %t/b.grad.h -- -DSCALE=3.0
// RUN: cmp %t/a.grad.h %t/b.grad.h
// Without the macro the file does not compile: nothing is written.
// RUN: not %gradc %t/src/model.cpp -o %t/c.grad.h 2>&1 | FileCheck %s --check-prefix=NOFLAG
// RUN: not test -e %t/c.grad.h
// CHECK: double scaled = 3.0 * x;
// NOFLAG: error: use of undeclared identifier 'SCALE'
#include <gradc/gradc.h>

GRADC_DIFF("grad")
double scaled(double x) { return SCALE * x; }
