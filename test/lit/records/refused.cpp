// Structs and containers gradc refuses, each at its source line with a
// reason and a way out; no header is written.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <array>
#include <vector>

struct V {
  double x, y;
};

struct U {
  double a;
  const double *p;
};
union Un {
  double a;
  long b;
};
struct Virt {
  double a;
  virtual double f() const { return a; }
};
class Hidden {
  double a;
  double half() const { return a / 2; }

public:
  double b;
  double get() const { return half() * b; }
};
struct K {
  double a;
  K(double v) : a(v) {}
  K(const K &o) : a(o.a) {}
};

// CHECK: refused.cpp:[[@LINE+1]]:39: error: parameter 'u' cannot be differentiated or read: 'U' holds pointers and the number 'a'; gradc supports structs of numbers, and view structs of pointers and integers: keep the numbers in a struct of their own, or pass them as parameters
GRADC_DIFF("grad") double e1(const U &u) { return u.a; }
// CHECK: refused.cpp:[[@LINE+1]]:40: error: parameter 'u' cannot be differentiated or read: 'Un' is a union; gradc supports structs of numbers
GRADC_DIFF("grad") double e2(const Un &u) { return u.a; }
// CHECK: refused.cpp:[[@LINE+1]]:42: error: parameter 'v' cannot be differentiated or read: 'Virt' has virtual functions; gradc supports classes without them: make the functions non-virtual, or write a function for each class
GRADC_DIFF("grad") double e4(const Virt &v) { return v.f(); }

GRADC_DIFF("grad wrt(x)")
double e7(double x, int n) {
  // CHECK: refused.cpp:[[@LINE+1]]:23: error: std::vector 't' must be given its size where it is declared, as in 'std::vector<double> t(n);', or grow it with push_back
  std::vector<double> t;
  return x * n + t.size();
}

V made(double x); // defined elsewhere

GRADC_DIFF("grad")
double e9(V a, const V &b, double x) {
  a = b; // (its own copy: test/lit/records/by_value_writes.cpp)
  // CHECK: refused.cpp:[[@LINE+1]]:9: error: gradc cannot see the body of 'made', which returns a struct; only functions defined in your own code can return one
  V c = made(x);
  return c.x + a.x;
}

// CHECK: refused.cpp:[[@LINE+1]]:57: error: arithmetic on a pointer to a struct is not supported; index it instead ('p[i].m', '&p[i]')
GRADC_DIFF("grad") double e10(const V *vs) { return (vs + 1)->x; }
// CHECK: refused.cpp:[[@LINE-34]]:31: error: member function 'half' is not public; gradc writes its calls outside the class: make it public
GRADC_DIFF("grad") double e11(const Hidden &h) { return h.get() + h.b; }

GRADC_DIFF("grad")
double e12(double x) {
  // CHECK: refused.cpp:[[@LINE+1]]:5: error: 'K' has no default constructor that leaves it zeroed, and copies of it run code of yours; gradc declares 'k' and its adjoint zeroed: add 'K() = default;'
  K k(x);
  return k.a;
}

struct Loopy {
  double a[3];
  Loopy() = default;
  // CHECK: refused.cpp:[[@LINE+1]]:3: error: constructors with loops, branches or returns are not supported yet; assign the members after the declaration, or write a helper function that returns a 'Loopy'
  Loopy(double v) {
    for (int i = 0; i < 3; ++i)
      a[i] = v;
  }
};

GRADC_DIFF("grad")
double e20(double x) {
  Loopy l(x);
  return l.a[0];
}

// CHECK: gradc: {{.*}}refused.cpp: 9 errors; no output written

