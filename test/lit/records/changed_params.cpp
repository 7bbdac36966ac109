// Helpers and member functions that change a struct or a std::vector the
// annotated function was given by reference (`step(b, dt)` on a `Body &`
// parameter, on an element `bs[i]` of a `std::vector<Body> &`, `b.kick(dt)`,
// `scale(v, a)` on a `std::vector<double> &`): what the call changes goes
// on a tape before it, and its pullback runs on a copy of the callee's
// parameter type. A const member function reading a std::vector member
// that changes after the call (`L.dot(x)`, then `L.W[i] *= ...`) is given
// a copy of the member as it was. Local structs used whole (copied,
// assigned, passed by value). Checked against finite differences, the
// interpreter and `--at`.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function advance --at 'bs=[0.5,-1,1.25,0.75],dt=0.1' -o - | FileCheck %s --check-prefix=AT
// CHECK: train: at
// CHECK: advance: at
// CHECK: advance_one: at
// CHECK: scaled: at
// CHECK: wholes: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 5 checked against the interpreter, 0 mismatches
// AT: advance(bs = [0.5, -1, 1.25, 0.75], dt = 0.1)
// AT: param bs[0] {{.*}} 0.48446594156
// AT: param dt
#include <gradc/gradc.h>

#include <cmath>
#include <vector>

struct Layer {
  std::vector<double> W;
  double scale;
  int n;
  double dot(const std::vector<double> &x) const {
    double s = 0;
    for (int i = 0; i < n; ++i)
      s += W[i] * x[i] * scale;
    return s;
  }
};

// Reads L.W through a const member function, then changes it.
GRADC_DIFF("grad wrt(L, x)")
double train(Layer &L, const std::vector<double> &x) {
  double y = L.dot(x);
  for (int i = 0; i < L.n; ++i)
    L.W[i] *= 1 - 0.1 * std::tanh(y) * x[i];
  return y + L.W[0] * L.W[1];
}
// TEXT-LABEL: inline double train_pullback(
// TEXT:          double y = L.dot(x);
// TEXT-NEXT:     W_tape.push_array(L.W.data(), L.W.size());
// TEXT:          std::vector<double> W(size);
// TEXT-NEXT:     W_tape.pop_array(W.data(), size);
// TEXT-NEXT:     Layer_dot_pullback(Layer{W, L.scale, L.n}, x, {{.*}}, dL, dx);

struct Body {
  double x, v;
  void kick(double dt) { v -= std::sin(x) * dt; }
};

static void step(Body &b, double dt) {
  b.x += b.v * dt;
  b.v -= b.x * dt;
}
static double energy(Body b) { return b.x * b.x + b.v * b.v; }

// Each element of a vector of structs the caller was given.
GRADC_DIFF("grad")
double advance(std::vector<Body> &bs, double dt) {
  for (int k = 0; k < 2; ++k)
    for (int i = 0; i < (int)bs.size(); ++i)
      step(bs[i], dt);
  return energy(bs[0]) * bs[1].v;
}
// TEXT-LABEL: inline double advance_pullback(
// TEXT:              bs_tape.push(bs[i]);
// TEXT-NEXT:         step(bs[i], dt);
// TEXT:              Body bs_2;
// TEXT-NEXT:         bs_2 = bs_tape.pop();
// TEXT-NEXT:         step_pullback(bs_2, dt, dbs[i], ddt_sum);

// A struct parameter, changed by a helper and by a member function.
GRADC_DIFF("grad")
double advance_one(Body &b, double dt) {
  for (int k = 0; k < 3; ++k) {
    step(b, dt);
    b.kick(dt);
  }
  return b.x * b.v;
}
// TEXT-LABEL: inline double advance_one_pullback(
// TEXT:            b_tape_2.push(b);
// TEXT-NEXT:       step(b, dt);
// TEXT-NEXT:       b_tape.push(b);
// TEXT-NEXT:       b.kick(dt);
// TEXT:            Body_kick_pullback(b_2, dt, db, ddt_sum);

static void scale(std::vector<double> &v, double a) {
  for (double &e : v)
    e *= a * e;
}

// A std::vector parameter changed by a helper.
GRADC_DIFF("grad")
double scaled(std::vector<double> &v, double a) {
  scale(v, a);
  scale(v, 0.5);
  return v[0] * v[1];
}
// TEXT-LABEL: inline double scaled_pullback(
// TEXT:          v_tape_2.push_array(v.data(), v.size());
// TEXT-NEXT:     scale(v, a);
// TEXT:          std::vector<double> v_3(size_2);
// TEXT-NEXT:     v_tape_2.pop_array(v_3.data(), size_2);
// TEXT-NEXT:     scale_pullback(v_3, a, dv, da);

// Local structs used whole: copied, changed, assigned, passed by value.
GRADC_DIFF("grad")
double wholes(const Body &b, double s) {
  Body a = b;
  a.x += s;
  double e = energy(a);
  a = b;
  step(a, s);
  return e + energy(a) + a.x;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  using gradc_check::Role;
  auto layer = [](const Arrays &p) { return Layer{p[0], p[1][0], 3}; };
  auto ladj = [](const Arrays &d) { return Layer{d[0], d[1][0], 0}; };
  auto lback = [](const Layer &L, Arrays &p) {
    p[0] = L.W;
    p[1][0] = L.scale;
  };
  gradc_check::check_vjp(
      "train", false,
      {{"L.W", {0.5, -0.25, 0.75}, Role::InOut},
       {"L.scale", {1.5}, Role::In},
       {"x", {0.75, 1.25, -0.5}, Role::In}},
      {{"L.n", {3}}},
      [&](Arrays &p) {
        Layer L = layer(p);
        double f = train(L, p[2]);
        lback(L, p);
        return f;
      },
      [&](Arrays &p, double s, Arrays &d) {
        Layer L = layer(p), dL = ladj(d);
        train_pullback(L, p[2], s, dL, d[2]);
        lback(L, p);
        lback(dL, d);
      });
  auto bodies = [](const std::vector<double> &f) {
    std::vector<Body> bs;
    for (size_t i = 0; i + 1 < f.size(); i += 2)
      bs.push_back({f[i], f[i + 1]});
    return bs;
  };
  auto flat = [](const std::vector<Body> &bs) {
    std::vector<double> f;
    for (const Body &b : bs) {
      f.push_back(b.x);
      f.push_back(b.v);
    }
    return f;
  };
  gradc_check::check_vjp(
      "advance", false,
      {{"bs", {0.5, -1, 1.25, 0.75}, Role::InOut}, {"dt", {0.1}, Role::In}},
      {},
      [&](Arrays &p) {
        std::vector<Body> bs = bodies(p[0]);
        double f = advance(bs, p[1][0]);
        p[0] = flat(bs);
        return f;
      },
      [&](Arrays &p, double s, Arrays &d) {
        std::vector<Body> bs = bodies(p[0]), dbs = bodies(d[0]);
        advance_pullback(bs, p[1][0], s, dbs, d[1][0]);
        p[0] = flat(bs);
        d[0] = flat(dbs);
      });
  gradc_check::check_vjp(
      "advance_one", false,
      {{"b", {0.5, -1}, Role::InOut}, {"dt", {0.2}, Role::In}}, {},
      [&](Arrays &p) {
        Body b{p[0][0], p[0][1]};
        double f = advance_one(b, p[1][0]);
        p[0] = {b.x, b.v};
        return f;
      },
      [&](Arrays &p, double s, Arrays &d) {
        Body b{p[0][0], p[0][1]}, db{d[0][0], d[0][1]};
        advance_one_pullback(b, p[1][0], s, db, d[1][0]);
        p[0] = {b.x, b.v};
        d[0] = {db.x, db.v};
      });
  gradc_check::check_vjp(
      "scaled", false,
      {{"v", {0.5, -1.25, 0.75}, Role::InOut}, {"a", {0.8}, Role::In}}, {},
      [&](Arrays &p) { return scaled(p[0], p[1][0]); },
      [&](Arrays &p, double s, Arrays &d) {
        scaled_pullback(p[0], p[1][0], s, d[0], d[1][0]);
      });
  gradc_check::check_vjp(
      "wholes", false,
      {{"b", {0.5, -1}, Role::In}, {"s", {0.3}, Role::In}}, {},
      [&](Arrays &p) { return wholes(Body{p[0][0], p[0][1]}, p[1][0]); },
      [&](Arrays &p, double s, Arrays &d) {
        Body db{d[0][0], d[0][1]};
        wholes_pullback(Body{p[0][0], p[0][1]}, p[1][0], s, db, d[1][0]);
        d[0] = {db.x, db.v};
      });
  return gradc_check::finish();
}
#endif
