// Standard library classes gradc does not follow, in parameters and
// locals: refused where they are declared, with what to write instead.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <functional>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <valarray>

GRADC_DIFF("grad")
// CHECK: library_classes_refused.cpp:[[@LINE+1]]:43: error: parameter 'name' cannot be differentiated or read: 'std::string' is text, which gradc does not follow: keep names and messages out of the function to differentiate (print or log them where it is called)
double named(double x, const std::string &name) { return x * x; }

GRADC_DIFF("grad")
double table(double x) {
  // CHECK: library_classes_refused.cpp:[[@LINE+1]]:25: error: gradc cannot hold this struct: 'std::map<int, double>' is a standard library class; {{.*}}: hold the values in a std::vector<double> indexed by the key (or by its position in a sorted list of keys)
  std::map<int, double> m;
  return x;
}

GRADC_DIFF("grad")
double maybe(double x) {
  // CHECK: library_classes_refused.cpp:[[@LINE+1]]:25: error: gradc cannot hold this struct: 'std::optional<double>' is a standard library class; {{.*}}: hold the value in a double and a bool that says whether it is set
  std::optional<double> o;
  return x;
}

GRADC_DIFF("grad")
double vectorised(double x) {
  // CHECK: library_classes_refused.cpp:[[@LINE+1]]:25: error: gradc cannot hold this struct: 'std::valarray<double>' is a standard library class; {{.*}}: use a std::vector<double> and write its arithmetic as loops
  std::valarray<double> v(x, 3);
  return x;
}

GRADC_DIFF("grad")
double noisy(double x) {
  // CHECK: library_classes_refused.cpp:[[@LINE+1]]:16: error: gradc cannot hold this struct: 'std::mt19937' is a random number generator, which gradc does not follow: draw the numbers before the call and pass them in ('const double *noise'); they are constants of the differentiation
  std::mt19937 gen(42);
  return x;
}

GRADC_DIFF("grad")
// CHECK: library_classes_refused.cpp:[[@LINE+1]]:56: error: std::function is not supported; pass the lambda to a template parameter (template <class F>) or call it directly
double applied(double x, std::function<double(double)> g) { return g(x) * x; }
