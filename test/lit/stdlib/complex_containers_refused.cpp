// What stays refused around containers of std::complex: a vector not
// sized where it is declared, one that grows, containers of containers,
// and complex numbers of integers. Each is an error at the user's line,
// and no output is written.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <complex>
#include <vector>

using C = std::complex<double>;

GRADC_DIFF("grad")
double unsized(const std::vector<C> &zs) {
  // CHECK: complex_containers_refused.cpp:[[@LINE+1]]:18: error: std::vector 'ws' of structs must be given its size where it is declared, as in 'std::vector<std::complex<double>> ws(n);' or 'std::vector<std::complex<double>> ws(n, std::complex<double>{...});', or copy a vector ('= pts'); then assign its elements
  std::vector<C> ws;
  return std::abs(zs[0]);
}

GRADC_DIFF("grad")
double grown(const std::vector<C> &zs) {
  std::vector<C> ws(1);
  // CHECK: complex_containers_refused.cpp:[[@LINE+1]]:6: error: 'push_back' of a std::vector of std::complex is not supported yet; give it its final size where it is declared ('std::vector<std::complex<double>> ws(n);') and assign its elements
  ws.push_back(zs[0]);
  return std::abs(ws[1]);
}

GRADC_DIFF("grad")
// CHECK: complex_containers_refused.cpp:[[@LINE+1]]:51: error: parameter 'ks' cannot be differentiated or read: 'std::complex<int>' is not supported; gradc supports std::complex of float, double and long double ('std::complex<double>')
double ints(const std::vector<std::complex<int>> &ks, double x) {
  return x * ks[0].real();
}

GRADC_DIFF("grad")
// CHECK: complex_containers_refused.cpp:[[@LINE+1]]:50: error: parameter 'zs' cannot be differentiated or read: 'std::vector<std::vector<C>>' is a standard library class; gradc supports std::array and std::vector of numbers and of your structs, as parameters and variables (not temporaries: declare a variable), and structs of your own
double nested(const std::vector<std::vector<C>> &zs) {
  return std::abs(zs[0][0]);
}
