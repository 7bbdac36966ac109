// Containers of std::complex: std::vector<std::complex<double>> and
// std::array<std::complex<double>, N> parameters (const & and &, whose
// adjoints are containers of the same type) and locals sized where they
// are declared, read as zs[i], zs[i].real() and by range-for, written
// element by element, and passed to helpers.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function spectrum --at 'zs=[0.5,0.25,-0.75,1],t=0.5' -o - | FileCheck %s --check-prefix=AT
// CHECK: spectrum: at
// CHECK: rotated: at
// CHECK: squares: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 3 checked against the interpreter, 0 mismatches
// AT: spectrum(zs = [0.5, 0.25, -0.75, 1], t = 0.5)
// AT: param zs[3] 1
#include <gradc/gradc.h>

#include <array>
#include <complex>
#include <vector>

using C = std::complex<double>;

// A helper reading a vector of complex values.
static double energy(const std::vector<C> &zs) {
  double s = 0;
  for (const C &z : zs)
    s += std::norm(z);
  return s;
}

// A helper writing into one.
static void scale(std::vector<C> &zs, double k) {
  for (size_t i = 0; i < zs.size(); ++i)
    zs[i] *= k;
}

GRADC_DIFF("grad")
double spectrum(const std::vector<C> &zs, double t) {
  std::vector<C> ws(zs.size());
  for (size_t i = 0; i < zs.size(); ++i)
    ws[i] = zs[i] * std::polar(1.0, t * double(i)) + zs[i].real();
  scale(ws, t);
  double s = 0;
  for (size_t i = 0; i < ws.size(); ++i)
    s += ws[i].real() * zs[i].imag() + std::abs(ws[i]);
  return s + energy(ws);
}
// TEXT-LABEL: inline double spectrum_pullback(const std::vector<C> &zs, double t, double dout,
// TEXT-NEXT: std::vector<C> &dzs, double &dt) {
// TEXT: std::vector<C> ws(size);

// A std::array taken by (non-const) reference and only read, and a local
// std::array of complex values, which starts at zero as C++'s does.
GRADC_DIFF("grad")
double rotated(std::array<C, 3> &zs, double t) {
  std::array<C, 3> ws;
  C sum;
  for (int i = 0; i < 3; ++i) {
    ws[i] = zs[i] * std::exp(C(0.0, t));
    sum += ws[i];
  }
  double s = 0;
  for (const auto &w : ws)
    s += w.imag() * w.real();
  return s + std::norm(sum);
}
// TEXT-LABEL: inline double rotated_pullback(std::array<C, 3> &zs, double t, double dout,
// TEXT-NEXT: std::array<C, 3> &dzs, double &dt) {
// TEXT: std::array<C, 3> ws{};

// A container of complex values written: an output.
GRADC_DIFF("grad")
void squares(const std::vector<C> &zs, std::vector<C> &ws) {
  for (size_t i = 0; i < zs.size(); ++i)
    ws[i] = zs[i] * zs[i] + std::conj(zs[i]);
}
// TEXT-LABEL: inline void squares_pullback(const std::vector<C> &zs, std::vector<C> &ws,
// TEXT-NEXT: std::vector<C> &dws, std::vector<C> &dzs) {

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  using gradc_check::as_array;
  using gradc_check::back;
  const std::vector<double> Zs = {0.5, 0.25, -0.75, 1, 1.25, -0.5};
  gradc_check::check_arrays(
      "spectrum", {{"zs", Zs}, {"t", {0.5}}}, {},
      [](const Arrays &p) { return spectrum(as_array<C>(p[0]), p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        std::vector<C> dzs = as_array<C>(d[0]);
        double f = spectrum_grad(as_array<C>(p[0]), p[1][0], dzs, d[1][0]);
        back(dzs, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        std::vector<C> dzs = as_array<C>(d[0]);
        spectrum_pullback(as_array<C>(p[0]), p[1][0], s, dzs, d[1][0]);
        back(dzs, d[0]);
      });
  auto arr = [](const std::vector<double> &v) {
    std::array<C, 3> a;
    std::vector<C> c = as_array<C>(v);
    for (int i = 0; i < 3; ++i)
      a[i] = c[i];
    return a;
  };
  auto put = [](const std::array<C, 3> &a, std::vector<double> &v) {
    back(std::vector<C>(a.begin(), a.end()), v);
  };
  gradc_check::check_arrays(
      "rotated", {{"zs", Zs}, {"t", {0.75}}}, {},
      [&](const Arrays &p) {
        std::array<C, 3> zs = arr(p[0]);
        return rotated(zs, p[1][0]);
      },
      [&](const Arrays &p, Arrays &d) {
        std::array<C, 3> zs = arr(p[0]), dzs = arr(d[0]);
        double f = rotated_grad(zs, p[1][0], dzs, d[1][0]);
        put(dzs, d[0]);
        return f;
      },
      [&](const Arrays &p, double s, Arrays &d) {
        std::array<C, 3> zs = arr(p[0]), dzs = arr(d[0]);
        rotated_pullback(zs, p[1][0], s, dzs, d[1][0]);
        put(dzs, d[0]);
      });
  using gradc_check::Role;
  gradc_check::check_vjp(
      "squares", true, {{"zs", Zs, Role::In}, {"ws", {0, 0, 0, 0, 0, 0}, Role::Out}},
      {},
      [](Arrays &p) {
        std::vector<C> ws(3);
        squares(as_array<C>(p[0]), ws);
        back(ws, p[1]);
        return 0.0;
      },
      [](Arrays &p, double, Arrays &d) {
        std::vector<C> ws = as_array<C>(p[1]), dzs = as_array<C>(d[0]);
        std::vector<C> dws = as_array<C>(d[1]);
        squares_pullback(as_array<C>(p[0]), ws, dws, dzs);
        back(dzs, d[0]);
        back(ws, p[1]);
      });
  return gradc_check::finish();
}
#endif
