// A lambda that std::for_each gives each row of a parameter changes the
// caller's rows in place, which the reverse mode follows only for local
// variables: refused with a copy the user can write (the caller's type,
// not the row's); no header is written. The copy it advises is
// vector_of_arrays_local.cpp's `inplace`.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <algorithm>
#include <array>
#include <vector>

using Row = std::array<double, 3>;
using Points = std::vector<Row>;

GRADC_DIFF("grad")
void changed(Points &pts, double k) {
  // CHECK: vector_of_arrays_inout_refused.cpp:[[@LINE+1]]:3: error: changed_lambda reads and writes the struct 'pts', which is not a local variable here; gradc supports that for local structs: copy it into one ('Points copy = pts;'), call on the copy, and assign it back ('pts = copy;')
  std::for_each(pts.begin(), pts.end(), [&](Row &p) { p[0] *= p[1] * k; });
}
