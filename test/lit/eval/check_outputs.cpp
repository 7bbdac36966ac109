// --at and --check on a void function's outputs: an output written before
// the function reads it (`*err = a; *err = *err + b;`, as ADBench's GMM
// writes its objective) is a pure output, whose value on entry the result
// does not depend on: no `param` row, nothing to check. (They showed its
// seed as the gradient of its value on entry, and --check failed on it.)
// An output read before it is written and listed in wrt(...) is in/out:
// its value on entry is an input, with a gradient.
// RUN: %gradc %s --function written_first --at 'x=0.5,err=[7]' | FileCheck %s --check-prefix=AT
// RUN: %gradc %s --function written_first --check --at 'x=0.5,err=[7]' | FileCheck %s --check-prefix=CHECK1
// RUN: %gradc %s --function read_first --check --at 'x=0.5,acc=[2]' | FileCheck %s --check-prefix=CHECK2
// RUN: %gradc %s --function overwritten --check --at 'x=0.5,acc=[2]' | FileCheck %s --check-prefix=CHECK3
// AT:      written_first(x = 0.5, err = [7]): err = [0.75]
// AT:      param  x              0.5                      2
// AT-NOT:  param  err
// AT:      out    err[0]         0.75                     1
// CHECK1:     x              2                        2
// CHECK1-NOT: err[0]
// CHECK1:     ok: the entry agrees with finite differences
// CHECK2:     acc[0]         0.5
// CHECK2:     ok: all 2 entries agree with finite differences
// CHECK3:     acc[0]         0                        0
// CHECK3:     ok: all 2 entries agree with finite differences
#include <gradc/gradc.h>

GRADC_DIFF("grad wrt(x)")
void written_first(double x, double *err) {
  *err = x * x;
  *err = *err + x;
}

GRADC_DIFF("grad wrt(x, acc)")
void read_first(double x, double *acc) { *acc = *acc * x + x; }

GRADC_DIFF("grad wrt(x, acc)")
void overwritten(double x, double *acc) {
  *acc = x;
  *acc *= x;
}
