// A helper that reads and writes a std::vector of std::vector parameter
// of the function is refused at the call, with what to write instead. No
// header is written.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <vector>

using Matrix = std::vector<std::vector<double>>;

static void square(Matrix &A) { A[0][0] = A[0][0] * A[0][0]; }

GRADC_DIFF("grad")
double changed(Matrix &X) {
  // CHECK: vector_of_vectors_refused.cpp:[[@LINE+1]]:3: error: square reads and writes 'X', a std::vector of std::vector that is not a local variable here, which gradc does not support yet; make the change in this function itself ('X[i][j] = ...')
  square(X);
  return X[0][0];
}
