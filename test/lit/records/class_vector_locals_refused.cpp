// Locals of a class holding std::vector members made by a constructor of
// its own that gradc refuses, each at its source line with a way out; no
// header is written. Such a local is followed through accessors and
// member functions returning one expression, when its constructor sets
// every member in its initializer list.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <vector>

class Matrix {
public:
  Matrix(int r, int c) : r_(r), c_(c), d_(r * c, 0.0) {}
  double &operator()(int i, int j) { return d_[i * c_ + j]; }
  int rows() const { return r_; }
  double trace() const {
    double t = 0;
    for (int i = 0; i < r_; ++i)
      t += d_[i * c_ + i];
    return t;
  }

private:
  int r_, c_;
  std::vector<double> d_;
};

// A member function that does more than return one expression.
GRADC_DIFF("grad")
double traced(double x) {
  Matrix c(2, 2);
  c(0, 0) = x;
  c(1, 1) = x * x;
  // CHECK-DAG: class_vector_locals_refused.cpp:[[@LINE+1]]:12: error: calling 'trace' on the local 'c' of class 'Matrix', which holds std::vector members, is not supported yet: gradc follows such a local through accessors returning a reference to an element ('double &operator()(int i, int j)') and member functions that return one number ('int rows() const { return r_; }'); write the loop in the annotated function, or make the 'Matrix' a parameter of it
  return c.trace();
}

// Passed whole to a helper.
static double corner(const Matrix &m) { return m.rows() * 1.0; }

GRADC_DIFF("grad")
double passed(double x) {
  Matrix c(2, 2);
  c(0, 0) = x;
  // CHECK-DAG: class_vector_locals_refused.cpp:[[@LINE+1]]:17: error: passing the local 'c' of class 'Matrix', which holds std::vector members, whole to 'corner' is not supported yet; gradc follows such a local through its accessors and member functions that return one expression ('c(i, j)', 'c.rows()'); pass the members the helper reads, or make the 'Matrix' a parameter of the annotated function ('const Matrix &c')
  return corner(c) * c(0, 0);
}

// Copied.
GRADC_DIFF("grad")
double copied(double x) {
  Matrix c(2, 2);
  c(0, 0) = x;
  // CHECK-DAG: class_vector_locals_refused.cpp:[[@LINE+1]]:10: error: copying the local 'c' of class 'Matrix', which holds std::vector members, is not supported yet; gradc follows such a local through its accessors and member functions that return one expression ('c(i, j)', 'c.rows()'): declare 'd' with the constructor ('Matrix d(...);') and copy the elements, or use 'c' itself
  Matrix d = c;
  return d(0, 0);
}

// A constructor whose body does more than its initializers.
class Busy {
public:
  // CHECK-DAG: class_vector_locals_refused.cpp:[[@LINE+1]]:3: error: this constructor of 'Busy', a class holding std::vector members, does more than initialize its members; gradc follows a local 'Busy b' made by a constructor whose members are all set by its initializer list and whose body is empty (': r_(r), d_(r * c, 0.0) {}'): move the rest into the initializers, or into a helper called after the declaration
  Busy(int n) : n_(n), v_(n) { v_[0] = 1; }
  double &operator[](int i) { return v_[i]; }

private:
  int n_;
  std::vector<double> v_;
};

GRADC_DIFF("grad")
double busy(double x) {
  Busy b(2);
  b[1] = x;
  return b[0] * b[1];
}

// A vector member the constructor leaves empty.
class Empty {
public:
  // CHECK-DAG: class_vector_locals_refused.cpp:[[@LINE+1]]:12: error: member 'v_' of 'Empty' must be given its size in the constructor's initializer list ('v_(n, 0.0)') for gradc to follow a local 'Empty'
  explicit Empty(int n) : n_(n) {}
  double &operator[](int i) { return v_[i]; }

private:
  int n_;
  std::vector<double> v_;
};

GRADC_DIFF("grad")
double empty(double x) {
  Empty e(2);
  e[0] = x;
  return e[0];
}

// Captured by a lambda.
GRADC_DIFF("grad")
double captured(double x) {
  Matrix c(2, 2);
  c(0, 0) = x;
  // CHECK-DAG: class_vector_locals_refused.cpp:[[@LINE+1]]:14: error: a lambda capturing the local 'c' of class 'Matrix', which holds std::vector members, is not supported yet; read what the lambda needs into locals first ('double a = c(i, j);') and capture those
  auto f = [&c](int i) { return c(i, i); };
  return f(0) * x;
}

// Returned by value from a helper (issue 14's `matmul`).
static Matrix eye(int n) {
  Matrix m(n, n);
  for (int i = 0; i < n; ++i)
    m(i, i) = 1;
  return m;
}

GRADC_DIFF("grad")
double made(double x) {
  // CHECK-DAG: class_vector_locals_refused.cpp:[[@LINE+1]]:10: error: 'Matrix e' is made by a helper returning a class holding std::vector members by value, which gradc does not follow yet; compute it in this function ('Matrix e(...);' made by its constructor, then its elements), or make it a parameter ('const Matrix &e')
  Matrix e = eye(2);
  e(0, 1) = x;
  return e(0, 1) * x;
}
