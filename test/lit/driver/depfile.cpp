// -MF writes a Make-style dependency file naming the source and every header
// it includes, so a build reruns gradc exactly when one of them changes.
// RUN: rm -rf %t && mkdir -p "%t/with space"
// RUN: cp %s %t/model.cpp
// RUN: echo 'constexpr double kScale = 2.0;' > "%t/with space/params.h"
// RUN: %gradc %t/model.cpp -o %t/model.grad.h -MF %t/model.d -- "-I%t/with space"
// RUN: FileCheck %s --input-file=%t/model.d -DDIR=%t
// CHECK: [[DIR]]/model.grad.h: \
// CHECK-NEXT: [[DIR]]/model.cpp \
// CHECK: [[DIR]]/with\ space/params.h
// CHECK: gradc/gradc.h
//
// A failing run leaves the dependency file as it was.
// RUN: cp %t/model.d %t/before.d
// RUN: echo 'garbage' >> %t/model.cpp
// RUN: not %gradc %t/model.cpp -o %t/model.grad.h -MF %t/model.d -- "-I%t/with space" 2> /dev/null
// RUN: cmp %t/model.d %t/before.d
//
// A dependency file that cannot be written leaves the header as it was too:
// both are written, or neither.
// RUN: cp %s %t/model.cpp && cp %t/model.grad.h %t/before.h
// RUN: echo 'constexpr double kScale = 3.0;' > "%t/with space/params.h"
// RUN: not %gradc %t/model.cpp -o %t/model.grad.h -MF %t/no-such-dir/model.d -- "-I%t/with space" 2>&1 | FileCheck %s --check-prefix=NODIR
// RUN: cmp %t/model.grad.h %t/before.h
// RUN: ls %t | FileCheck %s --check-prefix=FILES --implicit-check-not=tmp
// NODIR: gradc: error: cannot create a file beside '{{.*}}no-such-dir/model.d': No such file or directory
// FILES: model.grad.h
// RUN: %gradc %t/model.cpp -o %t/model.grad.h -MF %t/model.d -- "-I%t/with space"
// RUN: not cmp %t/model.grad.h %t/before.h
#include "params.h"
#include <gradc/gradc.h>

GRADC_DIFF("grad")
double model(double x) { return kScale * x; }
