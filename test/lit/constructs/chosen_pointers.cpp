// A pointer chosen by a condition (`p = c ? a : b`, or an if and an else
// that assign it): the arrays it may point into are known, and each use
// through it (`p[k]`, `*p`, `p[k] = v`, `f(p)`) is lowered once for each,
// in a branch taken when it points there. Declared so and never assigned
// again, the condition itself says which array; otherwise `p_which`.
// Checked against finite differences, the interpreter and `--at`.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function pick --at 'a=[1,2,3],b=[4,5,6],flag=0' -o - | FileCheck %s --check-prefix=AT
// CHECK: layers: at
// CHECK: pick: at
// CHECK: pick_if: at
// CHECK: writes: at
// CHECK: calls: at
// CHECK: three: at
// CHECK: walk: at
// CHECK: moved_on: at
// CHECK: iterators: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 17 checked against the interpreter, 0 mismatches
// AT: pick(a = [1, 2, 3], b = [4, 5, 6], flag = 0)
// AT: param b[0] {{.*}} 5
// AT: param b[1] {{.*}} 4
// AT: param b[2] {{.*}} 1
#include <gradc/gradc.h>

#include <cmath>
#include <vector>

// Each layer reads the input, or the previous layer's values.
GRADC_DIFF("grad wrt(x)")
double layers(const std::vector<double> &x, int b, int n) {
  std::vector<double> s(2 * b * n);
  for (int j = 0; j < n; ++j) {
    const double *in = j == 0 ? x.data() : s.data() + 2 * b * (j - 1);
    for (int k = 0; k < b; ++k) {
      s[2 * b * j + k] = std::tanh(in[k] * 0.5 + 0.1 * k);
      s[2 * b * j + b + k] = in[k] * in[k];
    }
  }
  double total = 0;
  for (int k = 0; k < 2 * b * n; ++k)
    total += s[k];
  return total;
}
// TEXT-LABEL: inline double layers_pullback(
// TEXT:          for (int j = 0; j < n; ++j) {
// TEXT-NEXT:       int in_off = 0;
// TEXT-NEXT:       bool cond = j == 0;
// TEXT-NEXT:       if (!cond) {
// TEXT-NEXT:         in_off = 2 * b * (j - 1);
// TEXT-NEXT:       }
// TEXT:            for (int k = 0; k < b; ++k) {
// TEXT-NEXT:         double in;
// TEXT-NEXT:         if (cond) {
// TEXT-NEXT:           in = x[in_off_old + k];
// TEXT-NEXT:         } else {
// TEXT-NEXT:           in = s[in_off_old + k];
// TEXT-NEXT:         }
// TEXT:            // chosen_pointers.cpp:{{[0-9]+}}: s[2 * b * j + b + k] = in[k] * in[k];
// TEXT:            if (cond) {
// TEXT-NEXT:         dx[in_off_old + k] += din;
// TEXT-NEXT:       } else {
// TEXT-NEXT:         ds[in_off_old + k] += din;
// TEXT-NEXT:       }

GRADC_DIFF("grad wrt(a, b)")
double pick(const double *a, const double *b, bool flag) {
  const double *p = flag ? a : b;
  return p[0] * p[1] + p[2];
}
// Both from their first element: no offset.
// TEXT-LABEL: inline double pick_pullback(
// TEXT-NEXT:                             double dout, double *da, double *db) {
// TEXT-NEXT:   double p;
// TEXT-NEXT:   if (flag) {
// TEXT-NEXT:     p = a[0];
// TEXT-NEXT:   } else {
// TEXT-NEXT:     p = b[0];
// TEXT-NEXT:   }

// Assigned in an if and an else: `p_which` says which.
GRADC_DIFF("grad wrt(a, b, c)")
double pick_if(const double *a, const double *b, double c) {
  const double *p;
  if (c > 0)
    p = a;
  else
    p = b + 1;
  return p[0] * p[1] + c;
}
// TEXT-LABEL: inline double pick_if_pullback(
// TEXT:          int p_off = 0;
// TEXT-NEXT:     int p_which = 0;
// TEXT-NEXT:     if (c > 0) {
// TEXT-NEXT:       p_off = 0;
// TEXT-NEXT:       p_which = 0;
// TEXT-NEXT:     } else {
// TEXT-NEXT:       p_off = 1;
// TEXT-NEXT:       p_which = 1;
// TEXT-NEXT:     }

// Written through, in a loop and once more.
GRADC_DIFF("grad wrt(a, b, x)")
double writes(double *a, double *b, double x, int n) {
  double *p = x > 0 ? a : b;
  for (int i = 0; i < n; ++i)
    p[i] = p[i] * x + std::sin(x * i);
  p[0] += x;
  return a[0] * b[1] + a[1];
}
// TEXT-LABEL: inline double writes_pullback(
// TEXT:          if (cond) {
// TEXT-NEXT:       a_tape.push_reserved(a[i]);
// TEXT-NEXT:       a[i] = a[i] * x + std::sin(x * i);
// TEXT-NEXT:     } else {
// TEXT-NEXT:       b_tape.push_reserved(b[i]);
// TEXT-NEXT:       b[i] = b[i] * x + std::sin(x * i);
// TEXT-NEXT:     }

// Passed to helpers, chosen anew in each iteration; `*(u + 1)`.
static double dot(const double *u, const double *w, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += u[i] * w[i];
  return s;
}
static void axpy(double a, const double *u, double *y, int n) {
  for (int i = 0; i < n; ++i)
    y[i] += a * u[i];
}
GRADC_DIFF("grad wrt(a, b, w, t)")
double calls(const double *a, const double *b, const double *w, double t,
             int n) {
  double y[3] = {0, 0, 0};
  double s = 0;
  for (int r = 0; r < 4; ++r) {
    const double *u = r % 2 == 0 ? a : b + 1;
    s += dot(u, w, n) * t;
    axpy(t, u, y, n);
    s += *u * *(u + 1);
  }
  return s + y[0] * y[2];
}

// Three arrays: a nested choice, and an if, else if and else.
GRADC_DIFF("grad wrt(a, b, c, x)")
double three(const double *a, const double *b, const double *c, int k,
             double x) {
  const double *p = k == 0 ? a : k == 1 ? b : c;
  double s = 0;
  for (int i = 0; i < 2; ++i)
    s += p[i] * x;
  const double *q;
  if (k > 0)
    q = a + 1;
  else if (k < 0)
    q = b;
  else
    q = c + 1;
  return s * q[0];
}
// TEXT-LABEL: inline double three_pullback(
// TEXT:          int p_which = 0;
// TEXT:          if (k == 0) {
// TEXT-NEXT:       p_off = 0;
// TEXT-NEXT:       p_which = 0;
// TEXT-NEXT:     } else if (k == 1) {
// TEXT-NEXT:       p_off = 0;
// TEXT-NEXT:       p_which = 1;
// TEXT-NEXT:     } else {
// TEXT-NEXT:       p_off = 0;
// TEXT-NEXT:       p_which = 2;
// TEXT-NEXT:     }
// TEXT:            if (p_which_old == 0) {
// TEXT-NEXT:         p = a[p_off_old + i];
// TEXT-NEXT:       } else if (p_which_old == 1) {

// Chosen, then walked: `*p++` reads, and moves, in the chosen array.
GRADC_DIFF("grad wrt(a, b)")
double walk(const double *a, const double *b, bool c, int n) {
  const double *p = a;
  if (c)
    p = b + 1;
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += *p++ * (i + 1);
  return s * *(p - 1);
}

// Moved into other arrays after it was read through (ADBench's LSTM: `xp =
// x2`, a layer reads through it, then `xp = &s[i]`): every array it is
// assigned anywhere is known where it is declared, so each use chooses.
GRADC_DIFF("grad wrt(a, b)")
double moved_on(const double *a, const double *b, int n) {
  std::vector<double> h(n);
  const double *p = a;
  double s = 0;
  for (int k = 0; k < 3; ++k) {
    for (int i = 0; i < n - 2; ++i) {
      h[i] = std::sin(p[i]) * p[i + 1];
      s += h[i];
    }
    if (k == 0)
      p = b + 1;
    else
      p = h.data();
  }
  return s + p[0];
}
// TEXT-LABEL: inline double moved_on_pullback(
// TEXT:         int p_which = 0;

// An iterator that may be moved to another vector.
GRADC_DIFF("grad wrt(x, y)")
double iterators(const std::vector<double> &x, const std::vector<double> &y,
                 bool c) {
  auto it = x.begin();
  if (c)
    it = y.begin();
  double s = *it * it[1];
  ++it;
  return s + *it;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  using gradc_check::Role;
  const std::vector<double> A = {0.5, -1.5, 2, 0.25}, B = {1.25, 0.75, -0.5, 3},
                            C = {0.3, -0.7, 1.1, 0.4};
  gradc_check::check_arrays(
      "layers", {{"x", {0.5, -0.3, 0.8}}}, {{"b", {3}}, {"n", {3}}},
      [](const Arrays &p) { return layers(p[0], 3, 3); },
      [](const Arrays &p, Arrays &d) { return layers_grad(p[0], 3, 3, d[0]); },
      [](const Arrays &p, double s, Arrays &d) {
        layers_pullback(p[0], 3, 3, s, d[0]);
      });
  for (bool Flag : {true, false})
    gradc_check::check_arrays(
        "pick", {{"a", A}, {"b", B}}, {{"flag", {double(Flag)}}},
        [&](const Arrays &p) { return pick(p[0].data(), p[1].data(), Flag); },
        [&](const Arrays &p, Arrays &d) {
          return pick_grad(p[0].data(), p[1].data(), Flag, d[0].data(),
                           d[1].data());
        },
        [&](const Arrays &p, double s, Arrays &d) {
          pick_pullback(p[0].data(), p[1].data(), Flag, s, d[0].data(),
                        d[1].data());
        });
  for (double Cv : {0.75, -0.75})
    gradc_check::check_arrays(
        "pick_if", {{"a", A}, {"b", B}, {"c", {Cv}}}, {},
        [](const Arrays &p) {
          return pick_if(p[0].data(), p[1].data(), p[2][0]);
        },
        [](const Arrays &p, Arrays &d) {
          return pick_if_grad(p[0].data(), p[1].data(), p[2][0], d[0].data(),
                              d[1].data(), d[2][0]);
        },
        [](const Arrays &p, double s, Arrays &d) {
          pick_if_pullback(p[0].data(), p[1].data(), p[2][0], s, d[0].data(),
                           d[1].data(), d[2][0]);
        });
  for (double X : {0.7, -0.7})
    gradc_check::check_vjp(
        "writes", false,
        {{"a", {1, 2, 3}, Role::InOut},
         {"b", {5, 6, 7}, Role::InOut},
         {"x", {X}, Role::In}},
        {{"n", {3}}},
        [](Arrays &p) {
          return writes(p[0].data(), p[1].data(), p[2][0], 3);
        },
        [](Arrays &p, double s, Arrays &d) {
          writes_pullback(p[0].data(), p[1].data(), p[2][0], 3, s,
                          d[0].data(), d[1].data(), d[2][0]);
        });
  gradc_check::check_arrays(
      "calls", {{"a", A}, {"b", B}, {"w", {0.5, 0.25, -1}}, {"t", {0.3}}},
      {{"n", {3}}},
      [](const Arrays &p) {
        return calls(p[0].data(), p[1].data(), p[2].data(), p[3][0], 3);
      },
      [](const Arrays &p, Arrays &d) {
        return calls_grad(p[0].data(), p[1].data(), p[2].data(), p[3][0], 3,
                          d[0].data(), d[1].data(), d[2].data(), d[3][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        calls_pullback(p[0].data(), p[1].data(), p[2].data(), p[3][0], 3, s,
                       d[0].data(), d[1].data(), d[2].data(), d[3][0]);
      });
  for (int K : {-1, 0, 1, 2})
    gradc_check::check_arrays(
        "three", {{"a", A}, {"b", B}, {"c", C}}, {{"k", {double(K)}}, {"x", {0.3}}},
        [&](const Arrays &p) {
          return three(p[0].data(), p[1].data(), p[2].data(), K, 0.3);
        },
        [&](const Arrays &p, Arrays &d) {
          double dx = 0;
          return three_grad(p[0].data(), p[1].data(), p[2].data(), K, 0.3,
                            d[0].data(), d[1].data(), d[2].data(), dx);
        },
        [&](const Arrays &p, double s, Arrays &d) {
          double dx = 0;
          three_pullback(p[0].data(), p[1].data(), p[2].data(), K, 0.3, s,
                         d[0].data(), d[1].data(), d[2].data(), dx);
        });
  for (bool Cv : {true, false})
    gradc_check::check_arrays(
        "walk", {{"a", A}, {"b", B}}, {{"c", {double(Cv)}}, {"n", {3}}},
        [&](const Arrays &p) { return walk(p[0].data(), p[1].data(), Cv, 3); },
        [&](const Arrays &p, Arrays &d) {
          return walk_grad(p[0].data(), p[1].data(), Cv, 3, d[0].data(),
                           d[1].data());
        },
        [&](const Arrays &p, double s, Arrays &d) {
          walk_pullback(p[0].data(), p[1].data(), Cv, 3, s, d[0].data(),
                        d[1].data());
        });
  gradc_check::check_arrays(
      "moved_on", {{"a", A}, {"b", B}}, {{"n", {4}}},
      [&](const Arrays &p) { return moved_on(p[0].data(), p[1].data(), 4); },
      [&](const Arrays &p, Arrays &d) {
        return moved_on_grad(p[0].data(), p[1].data(), 4, d[0].data(),
                             d[1].data());
      },
      [&](const Arrays &p, double s, Arrays &d) {
        moved_on_pullback(p[0].data(), p[1].data(), 4, s, d[0].data(),
                          d[1].data());
      });
  for (bool Cv : {true, false})
    gradc_check::check_arrays(
        "iterators", {{"x", A}, {"y", B}}, {{"c", {double(Cv)}}},
        [&](const Arrays &p) { return iterators(p[0], p[1], Cv); },
        [&](const Arrays &p, Arrays &d) {
          return iterators_grad(p[0], p[1], Cv, d[0], d[1]);
        },
        [&](const Arrays &p, double s, Arrays &d) {
          iterators_pullback(p[0], p[1], Cv, s, d[0], d[1]);
        });
  return gradc_check::finish();
}
#endif
