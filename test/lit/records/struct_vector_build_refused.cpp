// Helpers returning a std::vector of structs that gradc does not write
// where they are called: refused at the call, with what to change.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <vector>

struct Item {
  double k, w;
};

std::vector<Item> build(const std::vector<double> &x) {
  std::vector<Item> r;
  for (double v : x)
    r.push_back({v, v * v});
  return r;
}

// Used where no variable is declared.
GRADC_DIFF("grad")
double not_declared(const std::vector<double> &x) {
  double s = 0;
  // CHECK: struct_vector_build_refused.cpp:[[@LINE+1]]:25: error: a helper returning a std::vector of structs ('build') is followed where it gives a variable its value ('auto v = build(...);'); declare one and use it here
  for (const Item &it : build(x))
    s += it.k * it.w;
  return s;
}

std::vector<Item> two_returns(const std::vector<double> &x) {
  std::vector<Item> r;
  if (x.empty())
    return r;
  r.push_back({x[0], 1.0});
  return r;
}

GRADC_DIFF("grad")
double early(const std::vector<double> &x) {
  // CHECK: struct_vector_build_refused.cpp:[[@LINE+1]]:16: error: a helper returning a std::vector of structs ('two_returns') is followed when it declares one vector empty at the top of its body, fills it and returns it at its end ('std::vector<Item> r; ... r.push_back(...); ... return r;'), reading its arguments only; here it returns from more than one place: write it so, or have it fill a vector it is given ('void two_returns(..., std::vector<Item> &out)')
  auto items = two_returns(x);
  return items[0].k;
}

std::vector<Item> counting(const std::vector<double> &x, int &n) {
  std::vector<Item> r;
  for (double v : x)
    r.push_back({v, static_cast<double>(n++)});
  return r;
}

GRADC_DIFF("grad")
double changes_arg(const std::vector<double> &x) {
  int n = 0;
  // CHECK: struct_vector_build_refused.cpp:[[@LINE+1]]:16: error: {{.*}}; here it may change its parameter 'n': write it so
  auto items = counting(x, n);
  return items[0].k * n;
}
