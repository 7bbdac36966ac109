// Structs holding std::vector members (`struct Layer {
// std::vector<double> W, b; int n_in, n_out; };`), taken by const
// reference: members indexed (`L.W[o * L.n_in + i]`), measured
// (`L.W.size()`) and iterated (`for (double w : L.W)`), the struct passed
// to helpers, captured by lambdas and read by its const member functions. The adjoint is one
// struct of the same type (`Layer &dL`), whose vectors the caller sizes as
// the primal's, zeroed; its int members are passive. A struct holding a
// std::array member is a struct of numbers, as before.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function loss --at 'L.W=[0.5,-0.25,0.75,1,-0.5,0.25],L.b=[0.125,-0.375],L.n_in=3,L.n_out=2,x=[1,-2,0.5],y=0.25' -o - | FileCheck %s --check-prefix=AT
// RUN: not %gradc %s --function loss --at 'L.W=[0.5],x=[1],y=0.25' -o - 2>&1 | FileCheck %s --check-prefix=ATMISSING
// CHECK: loss: at
// CHECK: network: at
// CHECK: twolayer: at
// CHECK: captured: at
// CHECK: fit: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 5 checked against the interpreter, 0 mismatches
// AT: loss(L.W = [0.5, -0.25, 0.75, 1, -0.5, 0.25], L.b = [0.125, -0.375], L.n_in = 3, L.n_out = 2, x = [1, -2, 0.5], y = 0.25)
// AT: param L.W[0]
// AT: param L.n_in {{.*}}(passive)
// ATMISSING: no value for parameter 'L.b'
#include <gradc/gradc.h>

#include <array>
#include <cmath>
#include <vector>

struct Layer {
  std::vector<double> W; // n_out x n_in
  std::vector<double> b; // n_out
  int n_in, n_out;

  // A const member function reading the struct's vectors.
  double apply(const std::vector<double> &x, int o) const {
    double s = b[o];
    for (int i = 0; i < n_in; ++i)
      s += W[o * n_in + i] * x[i];
    return std::tanh(s);
  }
  // One writing its output through a parameter.
  void forward(const std::vector<double> &x, std::vector<double> &y) const {
    for (int o = 0; o < n_out; ++o)
      y[o] = apply(x, o);
  }
};

// A helper taking the struct: L.W.size() and a range-for over L.W.
static double penalty(const Layer &L) {
  double s = 0;
  for (double w : L.W)
    s += w * w;
  return s / L.W.size();
}
// TEXT-LABEL: inline void penalty_pullback(const Layer &L, double dout, Layer &dL) {
// TEXT-NEXT:     // vector_members.cpp:{{[0-9]+}}: return s / L.W.size();
// TEXT-NEXT:     double ds = dout / L.W.size();
// TEXT:          for (int i = 0; i < static_cast<int>(L.W.size()); ++i) {
// TEXT:          dL.W[i] += dw;
// The member function's pullback (made after penalty's, which its caller
// meets first) takes the object and its adjoint as structs.
// TEXT-LABEL: inline void Layer_apply_wrt_self_result_pullback(const Layer &self,
// TEXT:            double dout, Layer &dself) {
// TEXT:          dself.W[o * self.n_in + i] += x[i] * ds;
// TEXT:        dself.b[o] += ds;

GRADC_DIFF("grad wrt(L)")
double loss(const Layer &L, const std::vector<double> &x, double y) {
  double out = 0;
  for (int o = 0; o < L.n_out; ++o)
    out += L.apply(x, o);
  double e = out - y;
  return e * e + 0.125 * penalty(L) + L.b[0] * L.W[L.W.size() - 1];
}
// The struct and its adjoint are passed on whole.
// TEXT-LABEL: inline double loss_pullback(const Layer &L, const std::vector<double> &x,
// TEXT-NEXT:                             double y, double dout, Layer &dL) {
// TEXT:          double apply_L = L.apply(x, o);
// TEXT:          double penalty_L = penalty(L);
// TEXT:          double W_elem = L.W[diff];
// TEXT:          dL.W[diff] += L.b[0] * dout;
// TEXT-NEXT:     dL.b[0] += W_elem * dout;
// TEXT-NEXT:     penalty_pullback(L, 0.125 * dout, dL);
// TEXT:          Layer_apply_wrt_self_result_pullback(L, x, o, Layer_apply_v, d_out, dL);
// TEXT-LABEL: inline double loss_grad(const Layer &L, const std::vector<double> &x, double y,
// TEXT-NEXT:                         Layer &dL) {
// TEXT-NEXT:    return loss_pullback(L, x, y, 1, dL);

// The members read in place, and the input differentiated too.
GRADC_DIFF("grad wrt(L, x)")
double network(const Layer &L, const std::vector<double> &x) {
  double s = 0;
  for (int o = 0; o < L.n_out; ++o) {
    double a = L.b[o];
    for (int i = 0; i < L.n_in; ++i)
      a += L.W[o * L.n_in + i] * x[i];
    s += std::log1p(a * a);
  }
  return s;
}
// TEXT-LABEL: inline double network_pullback(const Layer &L, const std::vector<double> &x,
// TEXT-NEXT:                                double dout, Layer &dL,
// TEXT-NEXT:                                std::vector<double> &dx) {
// TEXT:            dx[i] += L.W[sum] * da;
// TEXT-NEXT:       dL.W[sum] += x[i] * da;
// TEXT:          dL.b[o] += da;

// Two layers, each passed to the other's helper too.
static double mix(const Layer &a, const Layer &b) {
  return a.W[0] * b.b[0] + a.b[0] * b.W[1];
}

GRADC_DIFF("grad wrt(L1, L2)")
double twolayer(const Layer &L1, const Layer &L2, const std::vector<double> &x) {
  std::vector<double> h(L1.n_out), y(L2.n_out);
  L1.forward(x, h);
  L2.forward(h, y);
  double s = 0;
  for (double v : y)
    s += v * v;
  return s + mix(L1, L1) + mix(L2, L1);
}
// TEXT-LABEL: inline double twolayer_pullback(const Layer &L1, const Layer &L2,
// TEXT:          L1.forward(x, h);
// TEXT:          Layer_forward_pullback(L2, h, y, dy, dL2, dh);
// TEXT:          Layer_forward_wrt_self_pullback(L1, x, h, dh, dL1);

// Captured by lambdas, by reference and by value (read only either way),
// also one passed to a template: each lambda's function takes the struct.
template <class F> static double twice(F f, double x) {
  return f(x) + f(0.5 * x);
}

GRADC_DIFF("grad wrt(L)")
double captured(const Layer &L, double x) {
  auto f = [&](int i) { return L.W[i] * x + L.b[0]; };
  auto g = [=](double t) { return L.W[0] * t * L.b[1]; };
  double s = 0;
  for (int i = 0; i < L.n_in; ++i)
    s += f(i) * f(i);
  return s + twice(g, x) + twice([&](double t) { return std::sin(t * L.W[1]); }, x);
}
// TEXT-LABEL: inline double captured_pullback(const Layer &L, double x, double dout,
// TEXT-NEXT:                                 Layer &dL) {
// TEXT:          twice_captured_g_wrt_L_pullback(x, L, dout, dL);
// TEXT:          double captured_f_v = captured_f(i, L, x);
// TEXT:          captured_f_wrt_L_pullback(i, L, x, captured_f_v * ds, dL);

struct Params {
  std::array<double, 3> w;
  double bias;
};

GRADC_DIFF("grad wrt(p)")
double fit(const Params &p, const double *x, const double *y, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    double r = p.w[0] + p.w[1] * x[i] + p.w[2] * x[i] * x[i] + p.bias - y[i];
    s += r * r;
  }
  return s / n;
}
// TEXT-LABEL: inline double fit_pullback(const Params &p, const double *x, const double *y,
// TEXT-NEXT:                            int n, double dout, Params &dp) {

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  const std::vector<double> W = {0.5, -0.25, 0.75, 1, -0.5, 0.25};
  const std::vector<double> Bias = {0.125, -0.375};
  const std::vector<double> X = {1, -2, 0.5};
  // The adjoint struct: its vectors sized as the primal's, zeroed by the
  // caller, as for a std::vector parameter.
  auto layer = [](const Arrays &p) { return Layer{p[0], p[1], 3, 2}; };
  auto adjoint = [](const Arrays &d) { return Layer{d[0], d[1], 0, 0}; };
  auto back = [](const Layer &dL, Arrays &d) {
    d[0] = dL.W;
    d[1] = dL.b;
  };
  gradc_check::check_arrays(
      "loss", {{"L.W", W}, {"L.b", Bias}},
      {{"L.n_in", {3}}, {"L.n_out", {2}}, {"x", X}, {"y", {0.25}}},
      [&](const Arrays &p) { return loss(layer(p), X, 0.25); },
      [&](const Arrays &p, Arrays &d) {
        Layer dL = adjoint(d);
        double f = loss_grad(layer(p), X, 0.25, dL);
        back(dL, d);
        return f;
      },
      [&](const Arrays &p, double s, Arrays &d) {
        Layer dL = adjoint(d);
        loss_pullback(layer(p), X, 0.25, s, dL);
        back(dL, d);
      });
  gradc_check::check_arrays(
      "network", {{"L.W", W}, {"L.b", Bias}, {"x", X}},
      {{"L.n_in", {3}}, {"L.n_out", {2}}},
      [&](const Arrays &p) { return network(layer(p), p[2]); },
      [&](const Arrays &p, Arrays &d) {
        Layer dL = adjoint(d);
        double f = network_grad(layer(p), p[2], dL, d[2]);
        back(dL, d);
        return f;
      },
      [&](const Arrays &p, double s, Arrays &d) {
        Layer dL = adjoint(d);
        network_pullback(layer(p), p[2], s, dL, d[2]);
        back(dL, d);
      });
  const std::vector<double> W2 = {0.3, -0.6};
  const std::vector<double> Bias2 = {0.05};
  auto second = [](const Arrays &p) { return Layer{p[2], p[3], 2, 1}; };
  gradc_check::check_arrays(
      "twolayer", {{"L1.W", W}, {"L1.b", Bias}, {"L2.W", W2}, {"L2.b", Bias2}},
      {{"L1.n_in", {3}}, {"L1.n_out", {2}}, {"L2.n_in", {2}}, {"L2.n_out", {1}},
       {"x", X}},
      [&](const Arrays &p) { return twolayer(layer(p), second(p), X); },
      [&](const Arrays &p, Arrays &d) {
        Layer dL1 = adjoint(d), dL2{d[2], d[3], 0, 0};
        double f = twolayer_grad(layer(p), second(p), X, dL1, dL2);
        back(dL1, d);
        d[2] = dL2.W;
        d[3] = dL2.b;
        return f;
      },
      [&](const Arrays &p, double s, Arrays &d) {
        Layer dL1 = adjoint(d), dL2{d[2], d[3], 0, 0};
        twolayer_pullback(layer(p), second(p), X, s, dL1, dL2);
        back(dL1, d);
        d[2] = dL2.W;
        d[3] = dL2.b;
      });
  gradc_check::check_arrays(
      "captured", {{"L.W", W}, {"L.b", Bias}},
      {{"L.n_in", {3}}, {"L.n_out", {2}}, {"x", {0.75}}},
      [&](const Arrays &p) { return captured(layer(p), 0.75); },
      [&](const Arrays &p, Arrays &d) {
        Layer dL = adjoint(d);
        double f = captured_grad(layer(p), 0.75, dL);
        back(dL, d);
        return f;
      },
      [&](const Arrays &p, double s, Arrays &d) {
        Layer dL = adjoint(d);
        captured_pullback(layer(p), 0.75, s, dL);
        back(dL, d);
      });
  const double Xs[4] = {-1, 0.5, 1.5, 2};
  const double Ys[4] = {0.25, 1, -0.5, 2};
  auto params = [](const std::vector<double> &v) {
    return Params{{v[0], v[1], v[2]}, v[3]};
  };
  auto put = [](const Params &q, std::vector<double> &v) {
    v = {q.w[0], q.w[1], q.w[2], q.bias};
  };
  gradc_check::check_arrays(
      "fit", {{"p", {0.5, -0.25, 0.75, 0.125}}},
      {{"x", {-1, 0.5, 1.5, 2}}, {"y", {0.25, 1, -0.5, 2}}, {"n", {4}}},
      [&](const Arrays &p) { return fit(params(p[0]), Xs, Ys, 4); },
      [&](const Arrays &p, Arrays &d) {
        Params dp = params(d[0]);
        double f = fit_grad(params(p[0]), Xs, Ys, 4, dp);
        put(dp, d[0]);
        return f;
      },
      [&](const Arrays &p, double s, Arrays &d) {
        Params dp = params(d[0]);
        fit_pullback(params(p[0]), Xs, Ys, 4, s, dp);
        put(dp, d[0]);
      });
  return gradc_check::finish();
}
#endif
