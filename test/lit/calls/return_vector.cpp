// Helpers returning a std::vector by value (issue 14): the vector a call
// returns is a local sized before the call by what the helper returns
// (`p(z.size())` returned is `h.size()` at `softmax(h)`, `y(m)` is the
// `4` given for m), and the helper writes it through a last, output
// parameter; the pullback takes its seed (`const std::vector<double>
// &dout`). Declared (`std::vector<double> h = matvec(W, x, 4);`, `auto p
// = softmax(h);`), assigned to a vector of the same size (`h = layer(x,
// k);`, `g = mix(g, y);`), indexed directly (`scaled(h, k)[1]`), passed
// on (`sum(relu(x))`), bound to a reference, measured (`mix(g, x).size()`),
// called in loops and branches, a parameter's copy returned (`std::vector<double> r =
// v; ... return r;`) and another helper's result returned (`return
// relu(scaled(x, k));`); a template, and methods, one sized by a member
// of its object. A struct holding arrays, and a std::array, returned as
// before.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function loss --at 'W=[0.5,-0.25,1,0.75,-1,0.5,0.25,0.125],x=[1.5,-0.5],label=2' -o - | FileCheck %s --check-prefix=AT
// CHECK: loss: at
// CHECK: net: at
// CHECK: steps: at
// CHECK: remade: at
// CHECK: affine: at
// CHECK: use: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 6 checked against the interpreter, 0 mismatches
// AT: loss(W = [0.5, -0.25, 1, 0.75, -1, 0.5, 0.25, 0.125], x = [1.5, -0.5], label = 2)
// AT: param W[0] 0.5 0.51260180298902{{[0-9]+}}
// AT: h[2] -1.75 (at the end)
// AT: p[2] 0.0247551667092296{{[0-9]*}} (at the end)
#include <gradc/gradc.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

static std::vector<double> softmax(const std::vector<double> &z) {
  std::vector<double> p(z.size());
  double m = *std::max_element(z.begin(), z.end());
  double s = 0;
  for (size_t i = 0; i < z.size(); ++i) {
    p[i] = std::exp(z[i] - m);
    s += p[i];
  }
  for (size_t i = 0; i < p.size(); ++i)
    p[i] /= s;
  return p;
}
// TEXT:      // Pullback of softmax(z) ({{.*}}return_vector.cpp:[[@LINE-12]]), for a caller's backward sweep.
// TEXT-NEXT: // Given dout, the seed of the vector it returns, adds dsoftmax/dz into dz.
// TEXT-NEXT: inline void softmax_pullback(const std::vector<double> &z,
// TEXT-NEXT:                              const std::vector<double> &dout,
// TEXT-NEXT:                              std::vector<double> &dz) {

static std::vector<double> matvec(const std::vector<double> &W,
                                  const std::vector<double> &x, int m) {
  int n = x.size();
  std::vector<double> y(m);
  for (int i = 0; i < m; ++i) {
    double s = 0;
    for (int j = 0; j < n; ++j)
      s += W[i * n + j] * x[j];
    y[i] = s;
  }
  return y;
}

GRADC_DIFF("grad wrt(W)")
double loss(const std::vector<double> &W, const std::vector<double> &x,
            int label) {
  std::vector<double> h = matvec(W, x, 4);
  auto p = softmax(h);
  return -std::log(p[label]);
}
// TEXT-LABEL: inline double loss_pullback(
// TEXT-NEXT:                             const std::vector<double> &x, int label,
// TEXT-NEXT:                             double dout, std::vector<double> &dW) {
// TEXT-NEXT:   std::vector<double> h = matvec(W, x, 4);
// TEXT-NEXT:   std::vector<double> p = softmax(h);
// TEXT-NEXT:   double loss = -std::log(p[label]);
// TEXT:        std::vector<double> dp(4);
// TEXT-NEXT:   dp[label] -= dout / p[label];
// TEXT:        std::vector<double> dh(4);
// TEXT-NEXT:   softmax_pullback(h, dp, dh);
// TEXT:        matvec_wrt_W_pullback(W, x, 4, dh, dW);

static std::vector<double> relu(const std::vector<double> &v) {
  std::vector<double> r = v;
  for (size_t i = 0; i < r.size(); ++i)
    r[i] = std::max(r[i], 0.0);
  return r;
}

static std::vector<double> scaled(const std::vector<double> &v, double k) {
  std::vector<double> r(v.size());
  for (size_t i = 0; i < v.size(); ++i)
    r[i] = k * v[i];
  return r;
}

static std::vector<double> layer(const std::vector<double> &x, double k) {
  return relu(scaled(x, k));
}

static double sum(const std::vector<double> &v) {
  double s = 0;
  for (double e : v)
    s += e;
  return s;
}

GRADC_DIFF("grad wrt(x, k)")
double net(const std::vector<double> &x, double k, int m) {
  std::vector<double> h(x.size());
  h = layer(x, k);
  double t = scaled(h, k)[1] + sum(relu(x));
  for (int j = 0; j < m; ++j) {
    auto g = scaled(h, 0.5);
    t += sum(g) * k;
    h = relu(g);
  }
  return t;
}
// TEXT-LABEL: inline double net_pullback(
// TEXT:         std::vector<double> layer_result = layer(x, k);
// TEXT:         std::vector<double> scaled_result = scaled(h, k);
// TEXT:         std::vector<double> relu_result = relu(x);
// TEXT:           std::vector<double> g = scaled(h, 0.5);
// TEXT:           relu_pullback(g, drelu_result, dg);
// TEXT:         layer_pullback(x, k, dlayer_result, dx, dk);

// Vectors declared by a call and assigned again (`g = mix(g, y);`), in a
// loop and in a branch in it; a reference to a returned vector and its
// size.
static std::vector<double> make(double u, double v, int n) {
  std::vector<double> r(n);
  for (int i = 0; i < n; ++i)
    r[i] = u * std::sin(0.5 * i + v) + 0.25 * i;
  return r;
}

static std::vector<double> mix(const std::vector<double> &x, double t) {
  std::vector<double> r = x;
  for (size_t i = 0; i < r.size(); ++i)
    r[i] = std::tanh(x[i] * t) + 0.5 * x[(i + 1) % x.size()];
  return r;
}

GRADC_DIFF("grad")
double steps(double x, double y) {
  double t = x;
  auto g = make(x, y, 3);
  g = mix(g, y);
  t += g[1];
  for (int i = 0; i < 3; ++i) {
    std::vector<double> g2 = make(t, y, 4);
    t += mix(g2, x)[2] + sum(layer(g2, y));
    g2 = softmax(g2);
    t += g2[0];
    if (t > 0.5) {
      auto q = make(y, t, 2);
      q = layer(q, x);
      t += q[1];
    }
  }
  const std::vector<double> &r = softmax(g);
  return t + r[2] * static_cast<double>(mix(g, x).size());
}
// TEXT-LABEL: inline double steps_pullback(
// TEXT:         std::vector<double> g = make(x, y, 3);
// TEXT-NEXT:    std::vector<double> mix_result = mix(g, y);
// TEXT:           std::vector<double> g2 = make(t, y, 4);
// TEXT:             std::vector<double> q = make(y, t, 2);
// TEXT:         std::vector<double> r = softmax(g);
// TEXT:         make_pullback(x, y, 3, dg, dx, dy);

// A vector made by a call of constants only, then assigned what depends
// on x (random tester, f39_4: the call's pullback had nothing to add to,
// and writing its comment threw).
GRADC_DIFF("grad")
double remade(double x) {
  double s = 0;
  for (int i = 0; i < 2; ++i) {
    auto g = make(0.25, 0.75, 4);
    g = mix(g, x);
    s += g[1];
  }
  return s;
}
// TEXT-LABEL: inline double remade_pullback(
// TEXT:           std::vector<double> g = make(0.25, 0.75, 4);

// A template and member functions returning a vector, one sized by a
// member of its object.
template <class T> std::vector<T> doubled(const std::vector<T> &v) {
  std::vector<T> r(v.size());
  for (size_t i = 0; i < v.size(); ++i)
    r[i] = 2 * v[i];
  return r;
}

struct Lin {
  double a, b;
  int n;
  std::vector<double> apply(const std::vector<double> &x) const {
    std::vector<double> r(x.size());
    for (size_t i = 0; i < x.size(); ++i)
      r[i] = a * x[i] + b;
    return r;
  }
  std::vector<double> tiled(const std::vector<double> &x) const {
    std::vector<double> r(n);
    for (int i = 0; i < n; ++i)
      r[i] = a * x[i % x.size()] + b * i;
    return r;
  }
};

GRADC_DIFF("grad wrt(x)")
double affine(const std::vector<double> &x, const Lin &L) {
  auto y = L.apply(doubled(x));
  auto m = L.tiled(x);
  return y[0] * y[1] + m[1] * x[0];
}
// TEXT-LABEL: inline double affine_pullback(
// TEXT:         std::vector<double> y = L.apply(doubled_result);
// TEXT-NEXT:    std::vector<double> m = L.tiled(x);
// TEXT:         std::vector<double> dm(L.n);

// A struct holding arrays, and a std::array, returned.
struct Hidden {
  std::array<double, 3> h;
  double c[2];
  double s;
};

static Hidden forward(const std::array<double, 3> &x, double k) {
  Hidden r{};
  for (int i = 0; i < 3; ++i)
    r.h[i] = std::tanh(k * x[i]);
  r.c[0] = r.h[0] * r.h[1];
  r.c[1] = r.h[2] + k;
  r.s = r.c[0] + r.c[1];
  return r;
}

static std::array<double, 3> twice(const std::array<double, 3> &x) {
  std::array<double, 3> r;
  for (int i = 0; i < 3; ++i)
    r[i] = 2 * x[i];
  return r;
}

GRADC_DIFF("grad")
double use(std::array<double, 3> x, double k) {
  Hidden a = forward(twice(x), k);
  return a.s * a.h[1] + a.c[1] + twice(x)[2];
}
// TEXT-LABEL: inline double use_pullback(
// TEXT:         a = forward(twice_result, k);
// TEXT:         forward_pullback(twice_result, k, da, d_twice_result, dk);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  const std::vector<double> X = {1.5, -0.5};
  gradc_check::check_arrays(
      "loss", {{"W", {0.5, -0.25, 1, 0.75, -1, 0.5, 0.25, 0.125}}},
      {{"x", X}, {"label", {2}}},
      [&](const Arrays &p) { return loss(p[0], X, 2); },
      [&](const Arrays &p, Arrays &d) { return loss_grad(p[0], X, 2, d[0]); },
      [&](const Arrays &p, double s, Arrays &d) {
        loss_pullback(p[0], X, 2, s, d[0]);
      });
  gradc_check::check_arrays(
      "net", {{"x", {0.5, -0.25, 1.5}}, {"k", {0.75}}}, {{"m", {3}}},
      [](const Arrays &p) { return net(p[0], p[1][0], 3); },
      [](const Arrays &p, Arrays &d) {
        return net_grad(p[0], p[1][0], 3, d[0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        net_pullback(p[0], p[1][0], 3, s, d[0], d[1][0]);
      });
  GRADC_CHECK_2(steps, 0.3, 0.7);
  GRADC_CHECK_1(remade, 0.7);
  const Lin L{0.5, 0.25, 3};
  gradc_check::check_arrays(
      "affine", {{"x", {0.5, 1.5}}}, {{"L", {0.5, 0.25, 3}}},
      [&](const Arrays &p) { return affine(p[0], L); },
      [&](const Arrays &p, Arrays &d) { return affine_grad(p[0], L, d[0]); },
      [&](const Arrays &p, double s, Arrays &d) {
        affine_pullback(p[0], L, s, d[0]);
      });
  using A3 = std::array<double, 3>;
  gradc_check::check_arrays(
      "use", {{"x", {0.25, -0.5, 0.75}}, {"k", {0.5}}}, {},
      [](const Arrays &p) { return use({p[0][0], p[0][1], p[0][2]}, p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        A3 dx{d[0][0], d[0][1], d[0][2]};
        double f = use_grad({p[0][0], p[0][1], p[0][2]}, p[1][0], dx, d[1][0]);
        d[0] = {dx[0], dx[1], dx[2]};
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        A3 dx{d[0][0], d[0][1], d[0][2]};
        use_pullback({p[0][0], p[0][1], p[0][2]}, p[1][0], s, dx, d[1][0]);
        d[0] = {dx[0], dx[1], dx[2]};
      });
  return gradc_check::finish();
}
#endif
