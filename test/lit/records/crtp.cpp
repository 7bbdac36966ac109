// CRTP: a base class template calls its derived class through
// `static_cast<const Derived &>(*this)`. The cast names the object itself,
// so the base's member function is lowered with the derived object
// (`const Circle &self`), and the derived member it calls is reached from
// it: `self.area_impl()`, whose pullback writes `dself.r`; a member
// function of the base calling one of those on its object takes the
// derived object too.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 3 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

template <class Derived> struct Shape {
  double area() const {
    return static_cast<const Derived &>(*this).area_impl();
  }
  double scaled(double k) const {
    return k * static_cast<const Derived &>(*this).area_impl() +
           static_cast<const Derived *>(this)->perimeter();
  }
  double twice() const { return 2 * area(); }
};

struct Circle : Shape<Circle> {
  double r = 1;
  double area_impl() const { return M_PI * r * r; }
  double perimeter() const { return 2 * M_PI * r; }
};

struct Rect : Shape<Rect> {
  double w, h;
  double area_impl() const { return w * h; }
  double perimeter() const { return 2 * (w + h); }
};

GRADC_DIFF("grad")
double circle_area(const Circle &c) { return c.area(); }
// TEXT-LABEL: inline void Shape_area_pullback(const Circle &self, double dout,
// TEXT-NEXT:                                 Circle &dself) {
// TEXT:         Circle_area_impl_pullback(self, dout, dself);
// TEXT-LABEL: inline void Shape_twice_pullback(const Circle &self, double dout,
// TEXT:         Shape_area_pullback(self, 2 * dout, dself);
// TEXT-LABEL: inline void Shape_scaled_pullback(const Circle &self, double k, double dout,
// TEXT-NEXT:                                  Circle &dself, double &dk) {
// TEXT-NEXT:    double area_impl_self = self.area_impl();
// TEXT:         Circle_perimeter_pullback(self, dout, dself);
// TEXT-LABEL: inline double circle_area_pullback(const Circle &c, double dout, Circle &dc) {
// TEXT:         Shape_area_pullback(c, dout, dc);

GRADC_DIFF("grad")
double shapes(double r, double w, double k) {
  Circle c;
  c.r = r;
  Rect q;
  q.w = w;
  q.h = r + w;
  return c.scaled(k) + q.area() * q.scaled(0.5) - c.twice();
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  gradc_check::check_arrays(
      "circle_area", {{"c", {0.75}}}, {},
      [](const gradc_check::Arrays &p) {
        Circle c;
        c.r = p[0][0];
        return circle_area(c);
      },
      [](const gradc_check::Arrays &p, gradc_check::Arrays &d) {
        Circle c, dc;
        c.r = p[0][0];
        dc.r = d[0][0];
        double f = circle_area_grad(c, dc);
        d[0][0] = dc.r;
        return f;
      },
      [](const gradc_check::Arrays &p, double s, gradc_check::Arrays &d) {
        Circle c, dc;
        c.r = p[0][0];
        dc.r = d[0][0];
        circle_area_pullback(c, s, dc);
        d[0][0] = dc.r;
      });
  GRADC_CHECK_3(shapes, 0.8, 1.3, -0.4);
  GRADC_CHECK_3(shapes, 1.5, 0.2, 2.0);
  return gradc_check::finish();
}
#endif
