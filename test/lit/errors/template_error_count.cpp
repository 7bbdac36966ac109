// An error in a template is said once, though each instance (`sumsq<2>`,
// `sumsq<3>`) meets it, and gradc's summary counts it once.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

template <int N> double sumsq(const double *x) {
  double s = 0;
  for (int i = 0; i < N; ++i)
    // CHECK: template_error_count.cpp:[[@LINE+1]]:5: error: 'goto' statements are not supported yet
    goto out;
out:
  return s * x[0];
}

GRADC_DIFF("grad")
double twice(const double *x) { return sumsq<2>(x) + sumsq<3>(x); }
// CHECK-NOT: error:
// CHECK: 1 error generated.
// CHECK-NEXT: gradc: {{.*}}template_error_count.cpp: 1 error; no output written
