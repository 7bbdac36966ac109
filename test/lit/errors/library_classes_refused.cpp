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

// Text is followed as a parameter the function compares (test/lit/
// constructs/text_params.cpp); text built, changed or turned into numbers
// is refused.
GRADC_DIFF("grad")
// CHECK: library_classes_refused.cpp:[[@LINE+1]]:39: error: parameter 'name' is a 'std::string &', which the function could change; gradc follows text that a function only compares: take it as 'const std::string &name' or by value
double renamed(double x, std::string &name) { return x * x; }

GRADC_DIFF("grad")
double measured(double x, const std::string &name) {
  // CHECK: library_classes_refused.cpp:[[@LINE+1]]:19: error: 'name.size()' uses text in a way gradc does not follow; gradc follows a 'std::string' parameter that the function only compares ('kind == "tanh"', 'kind != other') or passes on to a function of yours: keep building, changing or converting text out of the function to differentiate
  return x * name.size();
}

GRADC_DIFF("grad")
double suffixed(double x, const std::string &name) {
  // CHECK: library_classes_refused.cpp:[[@LINE+1]]:7: error: 'name + "_v2"' is text that gradc does not follow here; gradc follows a 'std::string' parameter
  if (name + "_v2" == "a_v2")
    return x;
  return x * x;
}

GRADC_DIFF("grad")
double parsed(double x, const std::string &name) {
  // CHECK: library_classes_refused.cpp:[[@LINE+1]]:14: error: 'std::stod(name)' uses text in a way gradc does not follow; gradc follows a 'std::string' parameter
  return x * std::stod(name);
}

GRADC_DIFF("grad")
double ordered(double x, const std::string &a, const std::string &b) {
  // CHECK: library_classes_refused.cpp:[[@LINE+1]]:12: error: 'a < b' uses text in a way gradc does not follow; gradc follows a 'std::string' parameter
  return a < b ? x : x * x;
}

GRADC_DIFF("grad")
double labelled(double x) {
  // CHECK: library_classes_refused.cpp:[[@LINE+1]]:15: error: gradc cannot hold this struct: 'std::string' is text, which gradc follows only as a parameter that the function compares ('const std::string &kind', 'kind == "tanh"'): keep other text out of the function to differentiate (print or log it where it is called)
  std::string label = "a";
  return x;
}

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
