// Containers of containers (issue 14) are refused at the user's line with
// what to write instead: std::array of std::array as a parameter and a
// local, std::vector of std::vector as a parameter and a local, and a
// std::vector of a struct holding a std::vector (one such struct is
// followed: records/vector_members.cpp). No header is written.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <array>
#include <vector>

GRADC_DIFF("grad")
// CHECK: nested_containers_refused.cpp:[[@LINE+1]]:57: error: parameter 'm' cannot be differentiated or read: 'std::array<std::array<double, 3>, 2>' is a std::array of std::array, which gradc does not support yet; use an array of arrays ('double m[2][3]', indexed m[i][j]) or one 'std::array<double, 6>' indexed m[i * 3 + j]
double arr2(const std::array<std::array<double, 3>, 2> &m) {
  return m[0][1] * m[1][2];
}

GRADC_DIFF("grad")
double arr2_local(double x) {
  // CHECK: nested_containers_refused.cpp:[[@LINE+1]]:39: error: gradc cannot hold this struct: 'std::array<std::array<float, 2>, 2>' is a std::array of std::array, which gradc does not support yet; use an array of arrays ('float m[2][2]', indexed m[i][j]) or one 'std::array<float, 4>' indexed m[i * 2 + j]
  std::array<std::array<float, 2>, 2> a{};
  a[0][1] = static_cast<float>(x);
  return a[0][1] * x;
}

GRADC_DIFF("grad")
// CHECK: nested_containers_refused.cpp:[[@LINE+1]]:51: error: parameter 'X' cannot be differentiated or read: 'std::vector<std::vector<double>>' is a container of containers, which gradc does not support yet; keep the rows one after another in one 'std::vector<double>' indexed x[i * n + j] (with where each row starts in a 'std::vector<int>' when their lengths differ)
double vv(const std::vector<std::vector<double>> &X) {
  return X[0][1] * X[1][0];
}

GRADC_DIFF("grad")
double vv_local(double x, int n) {
  // CHECK: nested_containers_refused.cpp:[[@LINE+1]]:36: error: gradc cannot hold this struct: 'std::vector<std::vector<double>>' is a container of containers
  std::vector<std::vector<double>> A(n, std::vector<double>(2));
  A[0][1] = x;
  return A[0][1] * x;
}

struct Layer {
  std::vector<double> W;
  int n;
};

GRADC_DIFF("grad")
// CHECK: nested_containers_refused.cpp:[[@LINE+1]]:41: error: parameter 'Ls' cannot be differentiated or read: 'Layer' has member 'W', a std::vector; gradc supports such a struct as a parameter ('const Layer &p'), and not as a local, a copy, or inside an array, a container or another struct: pass it as a parameter, or use a member of a size fixed by its type ('std::array<double, 3> W;')
double layers(const std::vector<Layer> &Ls, double x) { return Ls[0].W[0] * x; }
