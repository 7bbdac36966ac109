// Integer types are written as the user declared them: `long`, `short`,
// `char`, `unsigned long`, `std::int64_t`, `std::ptrdiff_t`, ... in
// declarations, in casts and beside constants given to std::min and
// std::max, whose template deduces one type from both arguments (a `long`
// written `long long`, or a `short` written `int`, did not compile).
// Narrow types wrap as C++ converts into them, in the interpreter too.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function narrow --at 'x=0.5,s=300' -o - | FileCheck %s --check-prefix=AT
// CHECK: mixed: at
// CHECK: narrow: at
// CHECK: aliases: at
// CHECK: counters: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 4 checked against the interpreter, 0 mismatches
// AT: narrow(x = 0.5, s = 300)
// AT: c{{ +}}44
#include <gradc/gradc.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>

GRADC_DIFF("grad")
double mixed(double x, unsigned n, long L, float y) {
  unsigned k = 2;
  unsigned a = std::max(k, n);
  long lo = 1;
  long b = std::min(lo, L);
  unsigned long u = 3;
  unsigned long v = std::max(u, static_cast<unsigned long>(n));
  long long w = std::min(static_cast<long long>(L), 5LL);
  float fz = 0.5f;
  float c = std::max(fz, y);
  return x * a + b * x + c * x + x * v + x * w;
}
// TEXT-LABEL: inline double mixed_pullback(double x, unsigned int n, long L,
// TEXT:   unsigned a = std::max(static_cast<unsigned>(2), n);
// TEXT:   long b = std::min(static_cast<long>(1), L);
// TEXT:   unsigned long v =
// TEXT:       std::max(static_cast<unsigned long>(3), static_cast<unsigned long>(n));
// TEXT:   long long w = std::min(static_cast<long long>(L), 5LL);

// A `short` and a `char` stay so (C++ promotes them to int wherever they
// are read, which the generated code leaves to C++), and a value stored
// into one wraps as it does in C++: 300 in a signed char is 44.
GRADC_DIFF("grad")
double narrow(double x, short s) {
  short k = 3;
  short m = std::max(k, s);
  signed char c = static_cast<signed char>(s);
  unsigned char b = 200;
  char t = 'a';
  signed char folded = static_cast<signed char>(200); // -56
  return x * m + x * c + x * (b + t) + x * (s * s) + x * folded;
}
// TEXT-LABEL: inline double narrow_pullback(double x, short s, double dout,
// TEXT:   short m = std::max(static_cast<short>(3), s);
// TEXT:   signed char c = static_cast<signed char>(s);
// TEXT:   static_cast<double>(200 + 'a');
// TEXT:   static_cast<double>(s * s);
// TEXT:   x * -56;

// The standard aliases are written as written.
GRADC_DIFF("grad")
double aliases(double x, std::int64_t n, std::size_t m) {
  std::int64_t lo = 2;
  std::int64_t a = std::max(lo, n);
  std::ptrdiff_t d = a - 1;
  std::uint8_t small = 7;
  std::int32_t i = std::min(static_cast<std::int32_t>(m), 4);
  std::uint64_t big = std::max(static_cast<std::uint64_t>(m), std::uint64_t{1});
  return x * a + x * d + x * small + x * i + x * big;
}
// TEXT-LABEL: inline double aliases_pullback(double x, std::int64_t n, std::size_t m,
// TEXT:   std::int64_t a = std::max(static_cast<std::int64_t>(2), n);
// TEXT:   std::ptrdiff_t d = a - 1;
// TEXT:   std::int32_t i = std::min(static_cast<std::int32_t>(m), 4);

// Counters of every width, run back in the backward sweep as declared.
GRADC_DIFF("grad")
double counters(const double *w, double x, long n) {
  double s = 0;
  for (long i = 0; i < n; ++i)
    s = s * x + w[i] * static_cast<double>(std::min(i, n - 2));
  for (short j = 0; j < 2; ++j)
    s = s * x + j;
  return s;
}
// TEXT-LABEL: inline double counters_pullback(
// TEXT:   for (long i = 0; i < n; ++i) {
// TEXT:   for (short j = 0; j < 2; ++j) {
// TEXT:     s = s * x + j;
// TEXT:   for (long i = n - 1; i >= 0; --i) {

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "mixed", {{"x", {0.75}}, {"y", {0.25}}}, {{"n", {3}}, {"L", {4}}},
      [](const Arrays &p) { return mixed(p[0][0], 3u, 4L, float(p[1][0])); },
      [](const Arrays &p, Arrays &d) {
        float dy = float(d[1][0]);
        double f = mixed_grad(p[0][0], 3u, 4L, float(p[1][0]), d[0][0], dy);
        d[1][0] = dy;
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        float dy = float(d[1][0]);
        mixed_pullback(p[0][0], 3u, 4L, float(p[1][0]), s, d[0][0], dy);
        d[1][0] = dy;
      },
      1e-3);
  gradc_check::check_arrays(
      "narrow", {{"x", {0.5}}}, {{"s", {300}}},
      [](const Arrays &p) { return narrow(p[0][0], short(300)); },
      [](const Arrays &p, Arrays &d) {
        return narrow_grad(p[0][0], short(300), d[0][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        narrow_pullback(p[0][0], short(300), s, d[0][0]);
      });
  gradc_check::check_arrays(
      "aliases", {{"x", {1.5}}}, {{"n", {5}}, {"m", {9}}},
      [](const Arrays &p) { return aliases(p[0][0], 5, 9); },
      [](const Arrays &p, Arrays &d) {
        return aliases_grad(p[0][0], 5, 9, d[0][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        aliases_pullback(p[0][0], 5, 9, s, d[0][0]);
      });
  gradc_check::check_arrays(
      "counters", {{"w", {0.5, -1.5, 2, 0.25}}, {"x", {0.75}}}, {{"n", {4}}},
      [](const Arrays &p) { return counters(p[0].data(), p[1][0], 4); },
      [](const Arrays &p, Arrays &d) {
        return counters_grad(p[0].data(), p[1][0], 4, d[0].data(), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        counters_pullback(p[0].data(), p[1][0], 4, s, d[0].data(), d[1][0]);
      });
  return gradc_check::finish();
}
#endif
