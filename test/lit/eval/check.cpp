// gradc --check compares every entry of the gradient, run in the
// interpreter, with 4-point central differences of the function, also run
// in the interpreter: at --at's point, or at a seeded random point that it
// names so that it can be rerun. Exit status 0 when all agree, 1 when one
// does not.
//
// At a random point, the same on every run; n defaults to 3, so arrays
// get 3 elements.
// RUN: %gradc %s --check --function dot_sigmoid | FileCheck %s --check-prefix=RANDOM --match-full-lines
// RUN: %gradc %s --check --function dot_sigmoid > %t.again && %gradc %s --check --function dot_sigmoid | diff - %t.again
// RANDOM: check: dot_sigmoid(w = [{{.*}}], x = [{{.*}}], n = 3) = {{.*}}
// RANDOM-NEXT: at a random point; rerun it with --at 'w=[{{.*}}],x=[{{.*}}],n=3'
// RANDOM-EMPTY:
// RANDOM-NEXT: entry          gradient                 finite difference        error
// RANDOM-NEXT: w[0]           {{[-0-9.e]+ +[-0-9.e]+ +[0-9.e-]+}}   ok
// RANDOM-NEXT: w[1]           {{.*}} ok
// RANDOM-NEXT: w[2]           {{.*}} ok
// RANDOM-NEXT: x[0]           {{.*}} ok
// RANDOM-NEXT: x[1]           {{.*}} ok
// RANDOM-NEXT: x[2]           {{.*}} ok
// RANDOM-EMPTY:
// RANDOM-NEXT: error = |gradient - finite difference| / max(1, |gradient|, |finite difference|); 4-point central differences of dot_sigmoid in the interpreter; tolerance 1e-06
// RANDOM-NEXT: ok: all 6 entries agree with finite differences
//
// At a given point.
// RUN: %gradc %s --check --function dot_sigmoid --at 'w=[2,-3],x=[-1,-2],n=2' | FileCheck %s --check-prefix=AT
// AT: check: dot_sigmoid(w = [2, -3], x = [-1, -2], n = 2) = 0.9820137900379085
// AT-NOT: random
// AT: w[0]           -0.017662706213291107    -0.0176627062133{{[0-9]*}}
// AT: ok: all 4 entries agree with finite differences
//
// A void function with an output: the gradient of the sum of its outputs
// weighted by their seeds (ones by default, or as given).
// RUN: %gradc %s --check --function residual | FileCheck %s --check-prefix=OUT
// RUN: %gradc %s --check --function residual --at 'theta=[1,2,3],err=[0,0,0],derr=[1,0,0]' | FileCheck %s --check-prefix=SEED
// OUT: check: residual(theta = [{{.*}}], err = [0, 0, 0]): err = [{{.*}}]
// OUT: seeds: derr = [1, 1, 1] (default: ones)
// OUT: ok: all 3 entries agree
// SEED: seeds: derr = [1, 0, 0]
// SEED: theta[0]       2                        2                        0         ok
// SEED: theta[1]       -1                       -1                       0         ok
// SEED: theta[2]       0                        0                        0         ok
//
// A float result: steps and tolerance follow the float, also for the
// double inputs (a double's step would drown in the float's rounding).
// RUN: %gradc %s --check --function mixed | FileCheck %s --check-prefix=FLOAT
// FLOAT: tolerance 0.001
// FLOAT-NEXT: ok: all 4 entries agree
//
// A custom pullback written wrong on purpose (2x^2 for the derivative of
// x^3): --check flags it, and only it, with exit status 1.
// RUN: not %gradc %s --check --function wrong --at x=2,y=0.5 | FileCheck %s --check-prefix=WRONG
// RUN: %python %src_root/test/support/exit_code.py 1 %gradc %s --check --function wrong
// WRONG: check: wrong(x = 2, y = 0.5) = 4
// WRONG: x              4                        6                        0.33      FAIL
// WRONG: y              8                        8{{.*}}ok
// WRONG: FAIL: 1 of 2 entries disagree with finite differences
//
// cos(x * x) at x = 30 turns faster than the first step assumes (it gives
// -43.7): a smaller step settles on the gradient, -60 sin(900) = -59.868.
// At x = 100 no step settles in double: the entry is unsure, not failed.
// RUN: %gradc %s --check --function ripple --at x=30 | FileCheck %s --check-prefix=RIPPLE
// RIPPLE: x              -59.86819646531823       -59.868{{[0-9]*}} {{.*}}ok
// RIPPLE: ok: the entry agrees with finite differences
// RUN: %gradc %s --check --function ripple --at x=100 | FileCheck %s --check-prefix=UNSURE
// UNSURE: x              61.12287777765043 {{.*}} unsure
// UNSURE: unsure: at 1 of 1 entries finite differences do not settle
// UNSURE: ok: no entry disagrees with finite differences that settle
//
// (0.625 - e + s + e) * s at e = 1.9e15 rounds s to a multiple of 0.25: a
// staircase whose differences settle on 0.75, where the gradient, 2s + 0.625,
// is what C++'s arithmetic means. Rounding up rather than down moves the
// value by 0.15 there, which explains the disagreement: unsure, not failed.
// At e = 3 the same entry agrees.
// RUN: %gradc %s --check --function staircase --at 's=0.3,e=1.9e15' | FileCheck %s --check-prefix=STAIR
// STAIR: s              1.05                     0.75 {{.*}} unsure
// STAIR: rounding: the value here changes by 0.15 when the arithmetic rounds up
// STAIR: ok: no entry disagrees with finite differences that settle
// RUN: %gradc %s --check --function staircase --at 's=0.3,e=3' | FileCheck %s --check-prefix=STAIR3
// STAIR3: ok: all 2 entries agree with finite differences
//
// What cannot be checked is an error, with exit status 2.
// RUN: %python %src_root/test/support/exit_code.py 2 %gradc %s --check --function dot_sigmoid --at x=1
// RUN: not %gradc %s --check --function dot_sigmoid --at 'w=[1],x=[1],n=2' 2>&1 | FileCheck %s --check-prefix=BAD
// BAD: gradc: error: {{.*}}reads w[1], but w has 1 element
//
// --help says so.
// RUN: %gradc --help | FileCheck %s --check-prefix=HELP
// HELP: --check
// HELP: gradc model.cpp --check
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("grad")
double dot_sigmoid(const double *w, const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += w[i] * x[i];
  return 1 / (1 + std::exp(-s));
}

GRADC_DIFF("grad")
void residual(const double *theta, double *err) {
  err[0] = theta[0] * theta[0] - theta[1];
  err[1] = std::sin(theta[1]);
  err[2] = theta[2] * theta[0];
}

GRADC_DIFF("grad")
float mixed(float x, const double *v) {
  return static_cast<float>(v[0] * v[1]) * std::exp(x);
}

double cube(double x) { return x * x * x; }

GRADC_DIFF("custom")
void cube_pullback(double x, double dout, double &dx) {
  dx += dout * 2 * x * x; // wrong on purpose: 3 * x * x
}

GRADC_DIFF("grad")
double wrong(double x, double y) { return cube(x) * y; }

GRADC_DIFF("grad")
double ripple(double x) { return std::cos(x * x); }

GRADC_DIFF("grad") double staircase(double s, double e) {
  return (0.625 - e + s + e) * s;
}
