// A std::string parameter that the function decides by (`kind ==
// "tanh"`): passive, compared with literals and with other text, passed
// on to helpers; the generated functions keep it with its type. Checked
// against central finite differences, compiled and in the interpreter
// (`--check` and `--at` take text in quotes: kind="tanh").
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %gradc %s --check --function act --at 'x=0.7,kind="tanh"' | FileCheck %s --check-prefix=CHECK-TANH
// RUN: %gradc %s --check --function act --at 'x=-0.4,kind="relu"' | FileCheck %s --check-prefix=CHECK-RELU
// RUN: %gradc %s --check --function act --at 'x=0.3,kind="sigmoid"' | FileCheck %s --check-prefix=CHECK-SIG
// RUN: %gradc %s --check --function layer --at 'w=[0.5,-0.25,1.5],x=0.8,kind="tanh",other="relu"' | FileCheck %s --check-prefix=CHECK-LAYER
// RUN: %gradc %s --check --function layer --at 'w=[0.5,-0.25,1.5],x=0.8,kind="a, b",other="a, b"' | FileCheck %s --check-prefix=CHECK-LAYER
// RUN: %gradc %s --check --function viewed --at 'x=0.3,kind="relu",other="tanh"' | FileCheck %s --check-prefix=CHECK-VIEWED
// RUN: %gradc %s --check --function viewed --at 'x=0.3,kind="sin",other="sin"' | FileCheck %s --check-prefix=CHECK-VIEWED
// RUN: %gradc %s --function act --at 'x=0.7,kind="tanh"' -o - | FileCheck %s --check-prefix=AT
// RUN: not %gradc %s --function act --at 'x=0.7,kind=2' -o - 2>&1 | FileCheck %s --check-prefix=NOTTEXT
// CHECK-NOT: FAIL
// CHECK: ALL OK
// CHECK-TANH: ok: the entry agrees with finite differences
// CHECK-RELU: ok: the entry agrees with finite differences
// CHECK-SIG: ok: the entry agrees with finite differences
// CHECK-LAYER: ok: all 4 entries agree with finite differences
// CHECK-VIEWED: ok: the entry agrees with finite differences
// AT: act(x = 0.7, kind = "tanh")
// AT: param kind "tanh" (passive)
// NOTTEXT: error: --at: 'kind' is text (std::string): give it in quotes, kind="tanh"
#include <gradc/gradc.h>

#include <cmath>
#include <string>
#include <string_view>

static double activate(double x, const std::string &kind) {
  if (kind == "tanh")
    return std::tanh(x);
  if (kind != "relu")
    return 1 / (1 + std::exp(-x));
  return x > 0 ? x : 0.0;
}

GRADC_DIFF("grad")
double act(double x, const std::string &kind) {
  if (kind == "tanh")
    return std::tanh(x);
  if (kind == "relu")
    return x > 0 ? x : 0.0;
  return 1 / (1 + std::exp(-x));
}
// TEXT-LABEL: inline void activate_pullback(double x, const std::string &kind, double dout,
// TEXT:         } else if (kind != "relu") {
// TEXT-LABEL: inline double act_pullback(double x, const std::string &kind, double dout,
// TEXT:         bool cond = kind == "tanh";
// TEXT:         } else if (kind == "relu") {

GRADC_DIFF("grad")
double layer(const double *w, double x, std::string kind,
             const std::string &other) {
  double s = 0;
  for (int i = 0; i < 3; ++i)
    s += activate(w[i] * x, kind);
  s += activate(s, "relu") + activate(x, other);
  return kind == other ? 2 * s : s;
}
// TEXT-LABEL: inline double layer_pullback(const double *w, double x, std::string kind,
// TEXT:         s = s_old + (activate(s_old, "relu") + activate(x, other));
// TEXT:         activate_pullback(s_old, "relu", ds_old, dx_activate);

// A std::string_view, compared with a literal on either side and with a
// std::string.
GRADC_DIFF("grad")
double viewed(double x, std::string_view kind, const std::string &other) {
  double s = 0;
  for (int i = 1; i < 3; ++i)
    s += "relu" == kind ? x * i : std::sin(x * i);
  return kind != other ? s : 2 * s;
}
// TEXT-LABEL: inline double viewed_pullback(double x, std::string_view kind,
// TEXT:           if ("relu" == kind) {
// TEXT:         bool kind_ne_other = kind != other;

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Vec;
  for (const char *kind : {"tanh", "relu", "sigmoid"})
    for (double x : {0.7, -0.4}) {
      std::string k = kind, name = "act_" + k;
      gradc_check::check(
          name.c_str(), [&](const Vec &p) { return act(p[0], k); },
          [&](const Vec &p, Vec &d) { return act_grad(p[0], k, d[0]); },
          [&](const Vec &p, double s, Vec &d) {
            act_pullback(p[0], k, s, d[0]);
          },
          {x});
    }
  for (const char *other : {"tanh", "relu", "sigmoid"}) {
    std::string kind = "tanh", o = other, name = std::string("layer_") + other;
    gradc_check::check(
        name.c_str(),
        [&](const Vec &p) {
          double w[3] = {p[0], p[1], p[2]};
          return layer(w, p[3], kind, o);
        },
        [&](const Vec &p, Vec &d) {
          double w[3] = {p[0], p[1], p[2]}, dw[3] = {d[0], d[1], d[2]};
          double f = layer_grad(w, p[3], kind, o, dw, d[3]);
          d[0] = dw[0], d[1] = dw[1], d[2] = dw[2];
          return f;
        },
        [&](const Vec &p, double s, Vec &d) {
          double w[3] = {p[0], p[1], p[2]}, dw[3] = {d[0], d[1], d[2]};
          layer_pullback(w, p[3], kind, o, s, dw, d[3]);
          d[0] = dw[0], d[1] = dw[1], d[2] = dw[2];
        },
        {0.5, -0.25, 1.5, 0.8});
  }
  for (const char *kind : {"relu", "sin"})
    for (const char *other : {"relu", "tanh"}) {
      std::string o = other, name = std::string("viewed_") + kind + "_" + o;
      std::string_view k = kind;
      gradc_check::check(
          name.c_str(), [&](const Vec &p) { return viewed(p[0], k, o); },
          [&](const Vec &p, Vec &d) { return viewed_grad(p[0], k, o, d[0]); },
          [&](const Vec &p, double s, Vec &d) {
            viewed_pullback(p[0], k, o, s, d[0]);
          },
          {0.3});
    }
  return gradc_check::finish();
}
#endif
