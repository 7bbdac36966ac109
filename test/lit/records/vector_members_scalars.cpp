// Structs holding std::vector members beside numbers (`struct Layer {
// std::vector<double> W; float scale; double bias; int n; };`), taken by
// const reference: the numbers are differentiated as the vectors are, and
// their adjoints are members of the one adjoint struct (`dL.scale`), in
// the annotated function, helpers taking the struct, its const member
// functions and lambdas capturing it.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function f1 --at 'L.W=[0.5,-0.25],L.scale=2,L.bias=0.25,L.n=2,x=1.5' -o - | FileCheck %s --check-prefix=AT
// RUN: not %gradc %s --function f1 --at 'L.W=[0.5,-0.25],L.bias=0.25,L.n=2,x=1.5' -o - 2>&1 | FileCheck %s --check-prefix=ATMISSING
// CHECK: f1: at
// CHECK: layer: at
// CHECK: captured: at
// CHECK: Layer_energy: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 4 checked against the interpreter, 0 mismatches
// AT: f1(L.W = [0.5, -0.25], L.scale = 2, L.bias = 0.25, L.n = 2, x = 1.5)
// AT: param L.scale
// AT: param L.n {{.*}}(passive)
// ATMISSING: no value for parameter 'L.scale'
#include <gradc/gradc.h>

#include <cmath>
#include <vector>

struct Layer {
  std::vector<double> W;
  float scale;
  double bias;
  int n;

  // A const member function reading the numbers and the vector.
  double apply(double x, int i) const { return std::tanh(W[i] * x * scale + bias); }
  // Annotated: the object is every floating-point member (dself.W,
  // dself.scale, dself.bias), by default.
  GRADC_DIFF("grad")
  double energy(double x) const { return W[0] * W[1] * x + scale * bias; }
};

// A helper taking the struct: in its loop, the number's adjoint is summed
// in a local named after it.
static double reg(const Layer &L) {
  double s = L.bias * L.bias;
  for (double w : L.W)
    s += L.scale * w * w;
  return s;
}
// TEXT-LABEL: inline void reg_pullback(const Layer &L, double dout, Layer &dL) {
// TEXT:          float dL_scale_sum = 0;
// TEXT:            dL_scale_sum += static_cast<float>(w * prod);
// TEXT:          dL.bias += 2 * L.bias * ds;
// TEXT-NEXT:     dL.scale += dL_scale_sum;
// TEXT-LABEL: inline void Layer_apply_wrt_self_result_pullback(const Layer &self, double x,
// TEXT:          dself.bias += prod;
// TEXT-NEXT:     dself.scale += static_cast<float>(self.W[i] * x * prod);

// The annotated member function's pullback.
// TEXT-LABEL: inline double Layer_energy_pullback(const Layer &self, double x, double dout,
// TEXT-NEXT:                                      Layer &dself, double &dx) {
// TEXT:          dself.bias += {{.*}};
// TEXT:          dself.scale += {{.*}};

GRADC_DIFF("grad")
double f1(const Layer &L, double x) { return L.W[0] * x * L.scale + L.bias; }
// TEXT-LABEL: inline double f1_pullback(const Layer &L, double x, double dout, Layer &dL,
// TEXT-NEXT:                           double &dx) {
// TEXT:          dL.bias += dout;
// TEXT-NEXT:     double prod_2 = L.scale * dout;
// TEXT-NEXT:     dL.scale += static_cast<float>(prod * dout);

GRADC_DIFF("grad wrt(L)")
double layer(const Layer &L, double x) {
  double s = 0;
  for (int i = 0; i < L.n; ++i)
    s += L.apply(x, i);
  return s + 0.5 * reg(L);
}
// TEXT-LABEL: inline double layer_pullback(const Layer &L, double x, double dout, Layer &dL) {
// The member function's pullback in a loop adds into dL itself.
// TEXT:          reg_pullback(L, 0.5 * dout, dL);
// TEXT:          Layer_apply_wrt_self_result_pullback(L, x, i, apply_L, ds, dL);

// Captured by a lambda, by reference.
GRADC_DIFF("grad wrt(L, x)")
double captured(const Layer &L, double x) {
  auto f = [&](int i) { return L.W[i] * L.scale * x - L.bias; };
  double s = 0;
  for (int i = 0; i < L.n; ++i)
    s += f(i) * f(i);
  return s;
}
// TEXT-LABEL: inline double captured_pullback(const Layer &L, double x, double dout,
// TEXT-NEXT:                                 Layer &dL, double &dx) {
// TEXT:          captured_f_pullback(i, L, x, captured_f_v * ds, dL, dx_sum);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  const std::vector<double> W = {0.5, -0.25, 0.75};
  // The adjoint struct: its vector sized as the primal's, its numbers
  // zeroed.
  auto layer_of = [](const Arrays &p) {
    return Layer{p[0], static_cast<float>(p[1][0]), p[2][0], 3};
  };
  auto adjoint = [](const Arrays &d) {
    return Layer{d[0], static_cast<float>(d[1][0]), d[2][0], 0};
  };
  auto back = [](const Layer &dL, Arrays &d) {
    d[0] = dL.W;
    d[1][0] = dL.scale;
    d[2][0] = dL.bias;
  };
  // float scale: given a value a float holds exactly, checked to a float's
  // precision.
  gradc_check::check_arrays(
      "f1", {{"L.W", W}, {"L.scale", {2}}, {"L.bias", {0.25}}, {"x", {1.5}}},
      {{"L.n", {3}}},
      [&](const Arrays &p) { return f1(layer_of(p), p[3][0]); },
      [&](const Arrays &p, Arrays &d) {
        Layer dL = adjoint(d);
        double f = f1_grad(layer_of(p), p[3][0], dL, d[3][0]);
        back(dL, d);
        return f;
      },
      [&](const Arrays &p, double s, Arrays &d) {
        Layer dL = adjoint(d);
        f1_pullback(layer_of(p), p[3][0], s, dL, d[3][0]);
        back(dL, d);
      },
      1e-3);
  gradc_check::check_arrays(
      "layer", {{"L.W", W}, {"L.scale", {0.5}}, {"L.bias", {-0.125}}},
      {{"L.n", {3}}, {"x", {0.75}}},
      [&](const Arrays &p) { return layer(layer_of(p), 0.75); },
      [&](const Arrays &p, Arrays &d) {
        Layer dL = adjoint(d);
        double f = layer_grad(layer_of(p), 0.75, dL);
        back(dL, d);
        return f;
      },
      [&](const Arrays &p, double s, Arrays &d) {
        Layer dL = adjoint(d);
        layer_pullback(layer_of(p), 0.75, s, dL);
        back(dL, d);
      },
      1e-3);
  gradc_check::check_arrays(
      "captured",
      {{"L.W", W}, {"L.scale", {1.5}}, {"L.bias", {0.375}}, {"x", {-0.5}}},
      {{"L.n", {3}}},
      [&](const Arrays &p) { return captured(layer_of(p), p[3][0]); },
      [&](const Arrays &p, Arrays &d) {
        Layer dL = adjoint(d);
        double f = captured_grad(layer_of(p), p[3][0], dL, d[3][0]);
        back(dL, d);
        return f;
      },
      [&](const Arrays &p, double s, Arrays &d) {
        Layer dL = adjoint(d);
        captured_pullback(layer_of(p), p[3][0], s, dL, d[3][0]);
        back(dL, d);
      },
      1e-3);
  gradc_check::check_arrays(
      "Layer_energy",
      {{"self.W", W}, {"self.scale", {1.5}}, {"self.bias", {0.375}},
       {"x", {-0.5}}},
      {{"self.n", {3}}},
      [&](const Arrays &p) { return layer_of(p).energy(p[3][0]); },
      [&](const Arrays &p, Arrays &d) {
        Layer dself = adjoint(d);
        double f = Layer_energy_grad(layer_of(p), p[3][0], dself, d[3][0]);
        back(dself, d);
        return f;
      },
      [&](const Arrays &p, double s, Arrays &d) {
        Layer dself = adjoint(d);
        Layer_energy_pullback(layer_of(p), p[3][0], s, dself, d[3][0]);
        back(dself, d);
      },
      1e-3);
  return gradc_check::finish();
}
#endif
