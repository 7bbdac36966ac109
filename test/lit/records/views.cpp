// View structs: structs of pointers into arrays and integers (`struct
// Layer { const double *W, *b; int in, out; };`), made in the annotated
// function over the parameter differentiated, over passive data and over a
// local array, copied and referenced, and passed to helpers, which pass
// them on. A helper keeps the view in its signature; the adjoint of each
// pointer member is a pointer of its own (`dL_W`).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: FileCheck %s --check-prefix=HEAD < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK:      net: at w=
// CHECK:      fit: at w=
// CHECK:      smooth: at w=
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 3 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

// A layer's weights and biases, pointing into one parameter array.
struct Layer {
  const double *W;
  const double *b;
  int in, out;
};

// Data the loss reads, passive.
struct Batch {
  const double *x, *t;
  int n;
};

static double neuron(const Layer &L, const double *x, int j) {
  double s = L.b[j];
  for (int i = 0; i < L.in; ++i)
    s += L.W[j * L.in + i] * x[i];
  return std::tanh(s);
}

static void forward(const Layer &L, const double *x, double *y) {
  for (int j = 0; j < L.out; ++j)
    y[j] = neuron(L, x, j);
}
// A helper keeps the view; each pointer member has an adjoint pointer. It
// is given the tanh it returned (the caller's y[j]), so it runs no loop
// forward.
// TEXT-LABEL: inline void neuron_result_pullback(const Layer &L, const double *x, int j,
// TEXT-NEXT:                                     double neuron_value, double dout,
// TEXT-NEXT:                                     double *dL_W, double *dL_b, double *dx) {
// TEXT-NEXT:    // views.cpp:40: return std::tanh(s);
// TEXT-NEXT:    double ds = (1 - neuron_value * neuron_value) * dout;
// TEXT:           dL_W[sum] += x[i] * ds;
// TEXT:         dL_b[j] += ds;
// A view passed on is passed by name. (The loop's backward sweep runs
// inside it, given the value just computed: no need to write y.)
// TEXT-LABEL: inline void forward_pullback(const Layer &L, const double *x, double * /*y*/,
// TEXT:           double neuron_L = neuron(L, x, j);
// TEXT:           neuron_result_pullback(L, x, j, neuron_L, dy[j], dL_W, dL_b, dx);

GRADC_DIFF("grad wrt(w)")
double net(const double *w, const double *x) {
  Layer L1{w, w + 6, 2, 3};
  Layer L2{w + 9, w + 12, 3, 1};
  double h[3], y[1];
  forward(L1, x, h);
  forward(L2, h, y);
  return y[0] * y[0];
}
// A view made here is passed as its members; a pointer member made here is
// named after it.
// TEXT-LABEL: inline double net_pullback(const double *w, const double *x, double dout,
// TEXT-NEXT:                            double *dw) {
// TEXT-NEXT:    const double *L1_b = w + 6;
// TEXT-NEXT:    const double *L2_W = w + 9;
// TEXT:         forward(Layer{w, L1_b, 2, 3}, x, h);
// TEXT:         double *dL2_W = dw + 9;
// TEXT-NEXT:    double *dL2_b = dw + 12;
// TEXT:         forward_pullback(Layer{L2_W, L2_b, 3, 1}, h, y, dy, dL2_W, dL2_b, dh);
// TEXT:         double *dL1_b = dw + 6;
// TEXT-NEXT:    forward_wrt_L_W_L_b_pullback(Layer{w, L1_b, 2, 3}, x, h, dh, dw, dL1_b);

static double sqerr(Batch bt, const double *w) {
  double s = 0;
  for (int i = 0; i < bt.n; ++i) {
    double e = w[0] * bt.x[i] + w[1] - bt.t[i];
    s += e * e;
  }
  return s;
}

GRADC_DIFF("grad wrt(w)")
double fit(const double *w, const double *data, int n) {
  Batch bt{data, data + n, n};
  Layer L{w, w + n, n, 1};
  const Layer &R = L;
  Layer C = L;
  double s = R.b[0] * C.W[1];
  for (int i = 0; i < bt.n; ++i)
    s += L.W[i] * bt.x[i];
  return s * s + sqerr(bt, w);
}
// Copies and references of a view are the view; one of passive data has
// no adjoint.
// TEXT-LABEL: inline double fit_pullback(const double *w, const double *data, int n,
// TEXT:         double s = L_b_elem * w[1];
// TEXT:         sqerr_wrt_w_pullback(Batch{data, bt_t, n}, w, dout, dw);


// A view of a local array, written through by a helper (`double *y`).
struct Out {
  double *y;
  int n;
};

static void fill_out(const Out &o, const double *w) {
  for (int i = 0; i < o.n; ++i)
    o.y[i] = w[i] * w[i + 1];
}

GRADC_DIFF("grad wrt(w)")
double smooth(const double *w, int n) {
  double h[4] = {};
  Out o{h, n - 1};
  fill_out(o, w);
  double s = 0;
  for (int i = 0; i < o.n; ++i)
    s += std::sin(o.y[i]);
  return s;
}
// Written through a view: the seed of its pointer member.
// HEAD: inline void fill_out_pullback(const Out &o, const double *w, const double *do_y,
// TEXT-LABEL: inline double smooth_pullback(const double *w, int n, double dout, double *dw) {
// TEXT:         int o_n = n - 1;
// TEXT-NEXT:    fill_out(Out{h, o_n}, w);
// TEXT:         fill_out_pullback(Out{h, o_n}, w, dh, dw);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  gradc_check::check_arrays(
      "net",
      {{"w", {0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.05, -0.1, 0.2, 0.7, -0.3, 0.2,
              0.1}}},
      {{"x", {0.5, -1.5}}},
      [](const Arrays &p) {
        const double x[2] = {0.5, -1.5};
        return net(p[0].data(), x);
      },
      [](const Arrays &p, Arrays &d) {
        const double x[2] = {0.5, -1.5};
        return net_grad(p[0].data(), x, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        const double x[2] = {0.5, -1.5};
        net_pullback(p[0].data(), x, s, d[0].data());
      });
  static const double Data[] = {0.5, -1, 2, 1.5, 0.25, -2};
  gradc_check::check_arrays(
      "fit", {{"w", {0.3, -0.7, 1.1, 0.2}}},
      {{"data", {0.5, -1, 2, 1.5, 0.25, -2}}, {"n", {3}}},
      [](const Arrays &p) { return fit(p[0].data(), Data, 3); },
      [](const Arrays &p, Arrays &d) {
        return fit_grad(p[0].data(), Data, 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        fit_pullback(p[0].data(), Data, 3, s, d[0].data());
      });
  gradc_check::check_arrays(
      "smooth", {{"w", {0.3, -0.7, 1.1, 0.2}}}, {{"n", {4}}},
      [](const Arrays &p) { return smooth(p[0].data(), 4); },
      [](const Arrays &p, Arrays &d) {
        return smooth_grad(p[0].data(), 4, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        smooth_pullback(p[0].data(), 4, s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
