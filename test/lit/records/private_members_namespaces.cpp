// Two classes of one name in two namespaces, each with private members:
// each has accessors of its own, named after the class in full
// (`gradc_private::a_Particle_x_`, `gradc_private::b_Particle_x_`), so
// that the header compiles. Checked against central finite differences
// and the interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 1 checked against the interpreter, 0 mismatches
// TEXT-DAG: inline auto &a_Particle_x_(a::Particle &o) {
// TEXT-DAG: inline auto &b_Particle_x_(b::Particle &o) {
// TEXT-DAG: inline auto &Plain_x_(Plain &o) {
#include <gradc/gradc.h>

namespace a {
class Particle {
public:
  Particle() = default;
  explicit Particle(double x) : x_(x) {}
  double energy() const { return x_ * x_; }

private:
  double x_ = 0;
};
} // namespace a

namespace b {
class Particle {
public:
  Particle() = default;
  explicit Particle(double x) : x_(x) {}
  double energy() const { return 3 * x_; }

private:
  double x_ = 0;
};
} // namespace b

class Plain {
public:
  Plain() = default;
  explicit Plain(double x) : x_(x) {}
  double twice() const { return 2 * x_; }

private:
  double x_ = 0;
};

GRADC_DIFF("grad")
double total(double x, double y) {
  a::Particle p(x);
  b::Particle q(y);
  Plain r(x * y);
  return p.energy() + q.energy() * x + r.twice();
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_2(total, 1.5, -0.75);
  return gradc_check::finish();
}
#endif
