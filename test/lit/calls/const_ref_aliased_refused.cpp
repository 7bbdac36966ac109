// A helper's `const double &` parameter (and a capture by reference that a
// lambda only reads) is lowered as the value its argument has at the call.
// When the call itself writes that memory through another argument, C++
// reads the changed value there: such a call is refused at the argument,
// with the copy to write when the value before the call is meant. The
// advised copies, and arguments gradc sees apart from what the call
// writes, are accepted, and compiled against the C++ functions themselves.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h -- -DREFUSED 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
// RUN: %gradc %s -o %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s --check-prefix=OUT < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function copied --at 'y=0.7' -o - | FileCheck %s --check-prefix=AT
// OUT-NOT: FAIL
// OUT: ALL OK
// INTERP: 0 mismatches
#include <gradc/gradc.h>

#include <algorithm>
#include <vector>

static void fma_into(double &out, const double &a) {
  out = out * a;
  out += a;
}

static void subtract_ref(double *a, int n, const double &ref) {
  for (int i = 0; i < n; ++i)
    a[i] -= ref;
}

struct V2 {
  double x, y;
};

static void shift(V2 &v, const double &d) {
  v.x += d;
  v.y += d;
}

struct Acc {
  double s;
  void add(const double &x) {
    s += x;
    s += x;
  }
};

static void twice(double &o, const double &a) {
  o += a;
  o += a;
}

#ifdef REFUSED
static void divide_by(std::vector<double> &h, const double &d) {
  for (double &v : h)
    v /= d;
}

GRADC_DIFF("grad")
double scalar(double y) {
  double s = y;
  // CHECK: const_ref_aliased_refused.cpp:[[@LINE+1]]:15: error: 'a' of fma_into is a const reference to 's', which this call writes through 'out': C++ reads there what the call writes, while gradc reads 's' once, where the call is made; if the value before the call is meant, copy it first ('double a = s; fma_into(s, a);')
  fma_into(s, s);
  return s;
}

GRADC_DIFF("grad")
double element(const double *x) {
  double a[3] = {x[0], x[1], x[2]};
  // CHECK: const_ref_aliased_refused.cpp:[[@LINE+1]]:22: error: 'ref' of subtract_ref is a const reference to 'a[0]', which this call writes through 'a': {{.*}}; if the value before the call is meant, copy it first ('double ref = a[0]; subtract_ref(a, 3, ref);')
  subtract_ref(a, 3, a[0]);
  // The index is not known: the element may be one the call writes.
  int k = int(x[0] > 0);
  // CHECK: const_ref_aliased_refused.cpp:[[@LINE+1]]:15: error: 'a' of twice is a const reference to 'a[k]', which this call writes through 'o': {{.*}} ('double a0 = a[k]; twice(a[2], a0);')
  twice(a[2], a[k]);
  // CHECK: const_ref_aliased_refused.cpp:[[@LINE+1]]:15: error: 'a' of twice is a const reference to 'a[1]', which this call writes through 'o'
  twice(a[1], a[1]);
  return a[0] + 2 * a[1] + 3 * a[2];
}

GRADC_DIFF("grad")
double peak(const std::vector<double> &x) {
  std::vector<double> h(x.size());
  for (std::size_t i = 0; i < x.size(); ++i)
    h[i] = x[i] * x[i];
  // CHECK: const_ref_aliased_refused.cpp:[[@LINE+1]]:16: error: 'd' of divide_by is a const reference to '*std::max_element(h.begin(), h.end())', which this call writes through 'h'
  divide_by(h, *std::max_element(h.begin(), h.end()));
  // CHECK: const_ref_aliased_refused.cpp:[[@LINE+1]]:16: error: 'd' of divide_by is a const reference to 'std::max(h[0], h[1])', which this call writes through 'h'
  divide_by(h, std::max(h[0], h[1]));
  return h[0] + 2 * h[1];
}

GRADC_DIFF("grad")
double members(double y) {
  V2 v{y, 2 * y};
  // CHECK: const_ref_aliased_refused.cpp:[[@LINE+1]]:12: error: 'd' of shift is a const reference to 'v.x', which this call writes through 'v'
  shift(v, v.x);
  Acc acc{y};
  // CHECK: const_ref_aliased_refused.cpp:[[@LINE+1]]:11: error: 'x' of acc.add is a const reference to 'acc.s', which this call writes through its object: {{.*}} ('double x = acc.s; acc.add(x);')
  acc.add(acc.s);
  return v.x + v.y + acc.s;
}

template <class F> static void apply_twice(double &o, F f) {
  o = f();
  o += f();
}

GRADC_DIFF("grad")
double lambdas(double y) {
  double s = y;
  auto add2 = [&s](const double &v) {
    s += v;
    s += v;
  };
  // CHECK: const_ref_aliased_refused.cpp:[[@LINE+1]]:8: error: 'v' of add2 is a const reference to 's', which this call writes through the capture 's'
  add2(s);
  double t = y;
  double &r = t;
  auto three = [&t](double &out) {
    out = 2 * t;
    out += t;
  };
  // CHECK: const_ref_aliased_refused.cpp:[[@LINE+1]]:3: error: 't', which a lambda this call runs captures by reference, is written by the call through 'out': C++ reads there what the call writes, while gradc reads 't' once, where the call is made; pass it to the lambda as a parameter instead (a copy made before the call, if the value before the call is meant)
  three(r);
  double w = y;
  // CHECK: const_ref_aliased_refused.cpp:[[@LINE+1]]:3: error: 'w', which a lambda this call runs captures by reference, is written by the call through 'o'
  apply_twice(w, [&w]() { return 2 * w; });
  return s + t + w;
}
// CHECK: no output written
#endif

// The advised copies.
GRADC_DIFF("grad")
double copied(double y) {
  double s = y;
  double a = s;
  fma_into(s, a);
  V2 v{y, 2 * y};
  double d = v.x;
  shift(v, d);
  Acc acc{y};
  double x = acc.s;
  acc.add(x);
  return s + v.x * v.y + acc.s;
}
// AT: copied(y = 0.7) = 6.229999999999999
// AT: param y 0.7 13.799999999999999

// Places gradc sees apart from what the call writes.
struct Q {
  V2 p;
  double m;
};

GRADC_DIFF("grad")
double apart(const double *x) {
  double a[4] = {x[0], x[1], x[2], x[3]};
  twice(a[0], a[1]);
  for (int i = 1; i < 4; ++i)
    twice(a[i], a[i - 1]);
  subtract_ref(a + 1, 3, a[0]);
  double s = x[0], t = x[1];
  twice(s, t);
  Q q{{x[0], x[1]}, x[2]};
  shift(q.p, q.m);
  double c = a[2];
  twice(a[2], c + 0);
  return a[0] + 2 * a[1] + 3 * a[2] + a[3] + s + q.p.x * q.p.y;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  gradc_check::check(
      "copied", [](const gradc_check::Vec &p) { return copied(p[0]); },
      [](const gradc_check::Vec &p, gradc_check::Vec &d) {
        return copied_grad(p[0], d[0]);
      },
      [](const gradc_check::Vec &p, double s, gradc_check::Vec &d) {
        copied_pullback(p[0], s, d[0]);
      },
      {0.7});
  gradc_check::check_arrays(
      "apart", {{"x", {0.5, -1.2, 0.8, 1.7}}}, {},
      [](const gradc_check::Arrays &p) { return apart(p[0].data()); },
      [](const gradc_check::Arrays &p, gradc_check::Arrays &d) {
        return apart_grad(p[0].data(), d[0].data());
      },
      [](const gradc_check::Arrays &p, double s, gradc_check::Arrays &d) {
        apart_pullback(p[0].data(), s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
