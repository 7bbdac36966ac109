// std::complex as two real numbers: locals, parameters, arithmetic, the
// functions of <complex>, helpers taking and returning complex values,
// and complex outputs. The adjoint of `std::complex<double> z` is
// `std::complex<double> &dz`: its real part is d/d(re z), its imaginary
// part d/d(im z).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function magnitude --at 'z=[0.5,0.25],c=[-0.25,0.5],n=3' -o - | FileCheck %s --check-prefix=AT
// CHECK: arith: at
// CHECK: functions: at
// CHECK: powers: at
// CHECK: pick: at
// CHECK: pick: at
// CHECK: magnitude: at
// CHECK: rotate: at
// CHECK: single: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 8 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <complex>

// Arithmetic between complex values and with reals; parts written and
// read.
GRADC_DIFF("grad")
double arith(double x, double y) {
  std::complex<double> z(x, y);
  std::complex<double> w{y, 0.5};
  using namespace std::complex_literals;
  w += 0.25i;
  std::complex<double> u = z * w + z / w - 2.0 * z + w * x;
  u += z;
  u -= w;
  u *= z;
  u /= w;
  u /= x;
  std::complex<double> v = -u + std::conj(z);
  v.imag(v.imag() * x);
  double same = z == w ? 1.0 : 0.0;
  return std::abs(v) + std::norm(z) + std::arg(w) + v.real() * std::imag(u) +
         std::real(z) * u.imag() + same + (x / z).real();
}
// TEXT-LABEL: inline double arith_pullback(double x, double y, double dout, double &dx,
// TEXT-NEXT:                                 double &dy) {
// TEXT-NEXT:    std::complex<double> z;
// TEXT-NEXT:    gradc::re(z) = x;
// TEXT-NEXT:    gradc::im(z) = y;

// The functions of <complex>.
GRADC_DIFF("grad")
double functions(double x, double y) {
  std::complex<double> z(x, y);
  std::complex<double> e = std::exp(z) + std::log(z) + std::sqrt(z);
  std::complex<double> t = std::sin(z) * std::cos(z) + std::tanh(z);
  return std::abs(e + t) + std::abs(std::polar(x, y)) * std::arg(std::polar(y, x));
}

GRADC_DIFF("grad")
double powers(double x, double y) {
  std::complex<double> z(x, y);
  std::complex<double> p = std::pow(z, 3) + std::pow(z, 1.5) +
                           std::pow(z, std::complex<double>(0.5, y)) +
                           std::pow(2.0, z);
  return p.real() + 0.5 * p.imag();
}

// `?:` on complex values: each arm runs only where C++ runs it.
GRADC_DIFF("grad")
double pick(double x, double y) {
  std::complex<double> z(x, y);
  std::complex<double> w = x > 0 ? std::sqrt(z) : z * z;
  std::complex<double> u = y > 0 ? w : std::complex<double>(1.0, 2.0);
  return std::abs(u) + (x < 1 ? w : u).imag();
}

// A helper taking and returning complex values.
static std::complex<double> step(const std::complex<double> &z,
                                 std::complex<double> c) {
  return z * z + c;
}

// Complex parameters: adjoints `std::complex<double> &dz`.
GRADC_DIFF("grad")
double magnitude(std::complex<double> z, const std::complex<double> &c, int n) {
  std::complex<double> w = z;
  for (int i = 0; i < n; ++i)
    w = step(w, c);
  return std::norm(w);
}
// TEXT-LABEL: inline double magnitude_pullback(std::complex<double> z,
// TEXT-NEXT: const std::complex<double> &c, int n,
// TEXT-NEXT: std::complex<double> &dz,
// TEXT-NEXT: std::complex<double> &dc) {
// AT: z.real()

// A complex output written through a reference.
GRADC_DIFF("grad wrt(z, t)")
void rotate(const std::complex<double> &z, double t, std::complex<double> &w) {
  w = z * std::polar(1.0, t);
}

// std::complex<float>.
GRADC_DIFF("grad")
float single(float x, float y) {
  std::complex<float> z(x, y);
  return std::abs(z * z + 1.0f);
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using C = std::complex<double>;
  GRADC_CHECK_2(arith, 0.75, -1.25);
  GRADC_CHECK_2(functions, 0.75, -1.25);
  GRADC_CHECK_2(powers, 0.75, -1.25);
  GRADC_CHECK_2(pick, 0.75, -1.25);
  GRADC_CHECK_2(pick, -0.5, 0.25);
  using gradc_check::Arrays;
  using gradc_check::as;
  gradc_check::check_arrays(
      "magnitude", {{"z", {0.5, 0.25}}, {"c", {-0.25, 0.5}}}, {{"n", {3}}},
      [](const Arrays &p) { return magnitude(as<C>(p[0]), as<C>(p[1]), 3); },
      [](const Arrays &p, Arrays &d) {
        C dz = as<C>(d[0]), dc = as<C>(d[1]);
        double f = magnitude_grad(as<C>(p[0]), as<C>(p[1]), 3, dz, dc);
        gradc_check::back(dz, d[0]);
        gradc_check::back(dc, d[1]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        C dz = as<C>(d[0]), dc = as<C>(d[1]);
        magnitude_pullback(as<C>(p[0]), as<C>(p[1]), 3, s, dz, dc);
        gradc_check::back(dz, d[0]);
        gradc_check::back(dc, d[1]);
      });
  using gradc_check::Role;
  gradc_check::check_vjp(
      "rotate", true,
      {{"z", {0.5, -0.75}, Role::In},
       {"t", {0.3}, Role::In},
       {"w", {0, 0}, Role::Out}},
      {},
      [](Arrays &p) {
        C w;
        rotate(as<C>(p[0]), p[1][0], w);
        gradc_check::back(w, p[2]);
        return 0.0;
      },
      [](Arrays &p, double, Arrays &d) {
        C w = as<C>(p[2]), dz = as<C>(d[0]);
        rotate_pullback(as<C>(p[0]), p[1][0], w, as<C>(d[2]), dz, d[1][0]);
        gradc_check::back(dz, d[0]);
        gradc_check::back(w, p[2]);
      });
  GRADC_CHECK_2_FLOAT(single, 0.75, -1.25, 1e-3);
  return gradc_check::finish();
}
#endif
