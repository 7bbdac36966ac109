// Structs holding std::vector members taken by non-const reference
// (`Layer &L`): read and written, in/out parameters. Their vectors and
// numbers are memory the function changes in place; one adjoint struct
// (`Layer &dL`) plays both roles: on entry the seed of L's final contents,
// on exit the gradient with respect to L as it came in. Helpers read it
// (`const Layer &`, `Layer &`).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function f2 --at 'L.W=[0.5,-0.25],L.scale=2,L.n=2,x=1.5' -o - | FileCheck %s --check-prefix=AT
// CHECK: f2: at
// CHECK: train: at
// CHECK: update: at
// CHECK: Layer_decay: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 4 checked against the interpreter, 0 mismatches
// AT: f2(L.W = [0.5, -0.25], L.scale = 2, L.n = 2, x = 1.5)
// AT: param L.W[0]
// AT: param L.scale
#include <gradc/gradc.h>

#include <cmath>
#include <vector>

struct Layer {
  std::vector<double> W;
  double scale;
  int n;

  // A member function changing its object: the object is in/out.
  GRADC_DIFF("grad")
  void decay(double lr) {
    for (int i = 0; i < n; ++i)
      W[i] *= 1 - lr * scale;
    scale = scale * scale;
  }
};

GRADC_DIFF("grad")
double f2(Layer &L, double x) {
  L.W[0] = x * 2;
  return L.W[0] * L.W[1] * L.scale;
}
// TEXT-LABEL: inline void Layer_decay_pullback(Layer &self, double lr, Layer &dself,
// TEXT-NEXT:                                  double &dlr) {
// TEXT-LABEL: inline double f2_pullback(Layer &L, double x, double dout, Layer &dL,
// TEXT-NEXT:                           double &dx) {

// Helpers that read it, by const and by non-const reference.
static double norm(const Layer &L) {
  double s = 0;
  for (double w : L.W)
    s += w * w;
  return L.scale * s;
}
static double first(Layer &L) { return L.W[0] * L.scale; }

GRADC_DIFF("grad wrt(L)")
double train(Layer &L, double x) {
  for (int i = 0; i < L.n; ++i)
    L.W[i] -= 0.25 * L.scale * L.W[i] * L.W[i];
  L.scale *= 0.5;
  double s = norm(L);
  for (int i = 0; i < L.n; ++i)
    s += std::sin(L.W[i] * x);
  L.scale = s * x;
  return L.scale + L.W[0] + first(L);
}
// TEXT-LABEL: inline double train_pullback(Layer &L, double x, double dout, Layer &dL) {
// L.scale changes after norm(L): the call is given the struct with the
// number as it was (a copy), and adds into dL itself.
// TEXT:          L.scale *= 0.5;
// TEXT-NEXT:     double scale_old = L.scale;
// TEXT-NEXT:     double norm_L = norm(Layer{L.W, scale_old, L.n});
// TEXT:          first_pullback(L, dout, dL);
// TEXT:          norm_pullback(Layer{L.W, scale_old, L.n}, ds, dL);

// A void function: L is its output, in/out.
GRADC_DIFF("grad")
void update(Layer &L, double lr) {
  for (int i = 0; i < L.n; ++i)
    L.W[i] = L.W[i] - lr * std::tanh(L.W[i]) * L.scale;
  L.scale = L.scale * (1 - lr);
}
// TEXT-LABEL: inline void update_pullback(Layer &L, double lr, Layer &dL, double &dlr) {

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  using gradc_check::Role;
  auto layer = [](const Arrays &p) { return Layer{p[0], p[1][0], 3}; };
  auto adjoint = [](const Arrays &d) { return Layer{d[0], d[1][0], 0}; };
  auto back = [](const Layer &L, Arrays &p) {
    p[0] = L.W;
    p[1][0] = L.scale;
  };
  const std::vector<double> W = {0.5, -0.25, 0.75};
  gradc_check::check_vjp(
      "f2", false,
      {{"L.W", W, Role::InOut}, {"L.scale", {1.5}, Role::In},
       {"x", {0.75}, Role::In}},
      {{"L.n", {3}}},
      [&](Arrays &p) {
        Layer L = layer(p);
        double f = f2(L, p[2][0]);
        back(L, p);
        return f;
      },
      [&](Arrays &p, double s, Arrays &d) {
        Layer L = layer(p), dL = adjoint(d);
        f2_pullback(L, p[2][0], s, dL, d[2][0]);
        back(L, p);
        back(dL, d);
      },
      [&](Arrays &p, Arrays &d) {
        Layer L = layer(p), dL = adjoint(d);
        double f = f2_grad(L, p[2][0], dL, d[2][0]);
        back(L, p);
        back(dL, d);
        return f;
      });
  gradc_check::check_vjp(
      "train", false,
      {{"L.W", W, Role::InOut}, {"L.scale", {0.5}, Role::InOut}},
      {{"L.n", {3}}, {"x", {0.75}}},
      [&](Arrays &p) {
        Layer L = layer(p);
        double f = train(L, 0.75);
        back(L, p);
        return f;
      },
      [&](Arrays &p, double s, Arrays &d) {
        Layer L = layer(p), dL = adjoint(d);
        train_pullback(L, 0.75, s, dL);
        back(L, p);
        back(dL, d);
      },
      [&](Arrays &p, Arrays &d) {
        Layer L = layer(p), dL = adjoint(d);
        double f = train_grad(L, 0.75, dL);
        back(L, p);
        back(dL, d);
        return f;
      });
  gradc_check::check_vjp(
      "update", true,
      {{"L.W", W, Role::InOut}, {"L.scale", {1.25}, Role::InOut},
       {"lr", {0.125}, Role::In}},
      {{"L.n", {3}}},
      [&](Arrays &p) {
        Layer L = layer(p);
        update(L, p[2][0]);
        back(L, p);
        return 0.0;
      },
      [&](Arrays &p, double, Arrays &d) {
        Layer L = layer(p), dL = adjoint(d);
        update_pullback(L, p[2][0], dL, d[2][0]);
        back(L, p);
        back(dL, d);
      });
  gradc_check::check_vjp(
      "Layer_decay", true,
      {{"self.W", W, Role::InOut}, {"self.scale", {0.75}, Role::InOut},
       {"lr", {0.25}, Role::In}},
      {{"self.n", {3}}},
      [&](Arrays &p) {
        Layer L = layer(p);
        L.decay(p[2][0]);
        back(L, p);
        return 0.0;
      },
      [&](Arrays &p, double, Arrays &d) {
        Layer L = layer(p), dL = adjoint(d);
        Layer_decay_pullback(L, p[2][0], dL, d[2][0]);
        back(L, p);
        back(dL, d);
      });
  return gradc_check::finish();
}
#endif
