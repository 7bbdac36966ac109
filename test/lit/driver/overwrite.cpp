// An output that would overwrite a file gradc reads (the input, another
// input, a header it includes), or a dependency file that is the input or
// the output, is refused with exit status 2 before anything is written.
// Files are compared by identity: another spelling or a link is the same
// file.
// RUN: rm -rf %t && mkdir -p %t/sub
// RUN: cp %s %t/model.cpp && cp %s %t/keep.cpp && cp %S/Inputs/scale.h %t/scale.h
// RUN: cp %S/Inputs/none.cpp %t/other.cpp
// RUN: ln -s %t/model.cpp %t/link.cpp
//
// RUN: %python %src_root/test/support/exit_code.py 2 %gradc %t/model.cpp -o %t/model.cpp
// RUN: not %gradc %t/model.cpp -o %t/model.cpp 2>&1 | FileCheck %s --check-prefix=SELF -DDIR=%t
// RUN: not %gradc %t/model.cpp -o %t/sub/../model.cpp 2>&1 | FileCheck %s --check-prefix=SELF2
// RUN: cd %t && not %gradc model.cpp -o ./link.cpp 2>&1 | FileCheck %s --check-prefix=LINK
// RUN: cmp %t/model.cpp %s
//
// RUN: %python %src_root/test/support/exit_code.py 2 %gradc %t/model.cpp -o %t/scale.h
// RUN: not %gradc %t/model.cpp -o %t/scale.h 2>&1 | FileCheck %s --check-prefix=HEADER -DDIR=%t
// RUN: cmp %t/scale.h %S/Inputs/scale.h
//
// -MF that is the input, a header, or the output.
// RUN: not %gradc %t/model.cpp -o %t/out.h -MF %t/model.cpp 2>&1 | FileCheck %s --check-prefix=MF-INPUT
// RUN: not %gradc %t/model.cpp -o %t/out.h -MF %t/scale.h 2>&1 | FileCheck %s --check-prefix=MF-HEADER
// RUN: not %gradc %t/model.cpp -o %t/out.h -MF %t/sub/../out.h 2>&1 | FileCheck %s --check-prefix=MF-OUT
// RUN: not test -e %t/out.h
// RUN: cmp %t/model.cpp %s
// RUN: cmp %t/scale.h %S/Inputs/scale.h
//
// Pictures too.
// RUN: not %gradc %t/model.cpp --emit=dot -o %t/model.cpp 2>&1 | FileCheck %s --check-prefix=SELF2
// RUN: cmp %t/model.cpp %s
//
// SELF: gradc: error: the output '[[DIR]]/model.cpp' is the input '[[DIR]]/model.cpp'; gradc would overwrite it: write to another file
// SELF2: gradc: error: the output '{{.*}}model.cpp' is the input '{{.*}}model.cpp'; gradc would overwrite it
// LINK: gradc: error: the output './link.cpp' is the input 'model.cpp'
// HEADER: gradc: error: the output '[[DIR]]/scale.h' is a header that the input includes; gradc would overwrite it: write to another file (a source that includes its own generated header does so under #ifndef __GRADC__)
// MF-INPUT: gradc: error: -MF '{{.*}}model.cpp' is the input
// MF-HEADER: gradc: error: -MF '{{.*}}scale.h' is a header that the input includes
// MF-OUT: gradc: error: -MF '{{.*}}sub/../out.h' is the output '{{.*}}out.h': give the dependency file a name of its own
#include "scale.h"
#include <gradc/gradc.h>

GRADC_DIFF("grad")
double model(double x) { return kScale * x; }
