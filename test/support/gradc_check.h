//===- gradc_check.h - Checking generated gradients in tests ----*- C++ -*-===//
//
// Every run test holds the generated code against central finite
// differences, checks that adjoints are added into (never overwritten), and
// that the pullback scales by its seed. Exit status is the number of
// failures, so a wrong gradient fails the test.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_TEST_SUPPORT_CHECK_H
#define GRADC_TEST_SUPPORT_CHECK_H

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace gradc_check {

using Vec = std::vector<double>;
using Primal = std::function<double(const Vec &)>;
/// Calls f_grad at P, adding into D; returns its value.
using Grad = std::function<double(const Vec &, Vec &)>;
/// Calls f_pullback at P with seed Dout, adding into D.
using Pullback = std::function<void(const Vec &, double, Vec &)>;

inline int Failures = 0;

inline bool close(double A, double B, double Rel) {
  return std::fabs(A - B) <= Rel * std::max({1.0, std::fabs(A), std::fabs(B)});
}

inline void fail(const std::string &What) {
  std::printf("FAIL: %s\n", What.c_str());
  ++Failures;
}

/// Checks f_grad and f_pullback of F at P; prints f and its gradient.
inline Vec check(const char *Name, const Primal &F, const Grad &G,
                 const Pullback &Pb, const Vec &P, double FDTol = 1e-6) {
  // Single-precision functions are checked with a coarse FDTol; their
  // pullbacks round differently from dout * gradient computed in double.
  const double Exact = FDTol > 1e-4 ? 1e-6 : 1e-13;
  // The gradient itself, from zeroed adjoints; then, from adjoints that
  // already hold something, the proof that they are added into.
  Vec Grad(P.size(), 0.0);
  double Value = G(P, Grad);
  const double Base = 0.5;
  Vec D(P.size(), Base);
  G(P, D);
  for (size_t I = 0; I < P.size(); ++I)
    if (!close(D[I] - Base, Grad[I], Exact))
      fail(std::string(Name) + ": d[" + std::to_string(I) +
           "] is overwritten, not added into");
  if (!close(Value, F(P), Exact))
    fail(std::string(Name) + ": grad returns " + std::to_string(Value) +
         ", primal " + std::to_string(F(P)));
  // For test/support/vs_interpreter.py, which reruns this point in gradc's
  // interpreter and wants the same digits.
  std::printf("%s: at", Name);
  for (double X : P)
    std::printf(" %.17g", X);
  std::printf("\n%s: f = %.17g\n", Name, Value);
  for (size_t I = 0; I < P.size(); ++I) {
    // A float's rounding error swamps a small step: take a larger one.
    double H = (FDTol > 1e-4 ? 1e-2 : 1e-6) * std::max(1.0, std::fabs(P[I]));
    Vec Hi = P, Lo = P;
    Hi[I] += H;
    Lo[I] -= H;
    double FD = (F(Hi) - F(Lo)) / (2 * H);
    std::printf("%s: d[%zu] = %.17g (finite difference %.10g)\n", Name, I,
                Grad[I], FD);
    if (!close(Grad[I], FD, FDTol))
      fail(std::string(Name) + ": d[" + std::to_string(I) +
           "] disagrees with finite differences");
  }
  const double Dout = 0.75;
  Vec DP(P.size(), Base);
  Pb(P, Dout, DP);
  for (size_t I = 0; I < P.size(); ++I)
    if (!close(DP[I] - Base, Dout * Grad[I], Exact))
      fail(std::string(Name) + ": pullback d[" + std::to_string(I) +
           "] is not dout * gradient");
  return Grad;
}

/// A value given by the seeds, to 1e-12 relative.
inline void expect(const char *What, double Got, double Want) {
  double Scale = Want == 0 ? 1.0 : std::fabs(Want);
  if (!(std::fabs(Got - Want) <= 1e-12 * Scale))
    fail(std::string(What) + " = " + std::to_string(Got) + ", expected " +
         std::to_string(Want));
}

inline int finish() {
  if (Failures)
    std::printf("%d FAILURES\n", Failures);
  else
    std::printf("ALL OK\n");
  return Failures;
}

} // namespace gradc_check

/// Checks name_grad and name_pullback of a function of one or two double
/// parameters, all of them wrt, at the given point.
#define GRADC_CHECK_1(name, a)                                                 \
  gradc_check::check(                                                          \
      #name, [](const gradc_check::Vec &p) { return name(p[0]); },             \
      [](const gradc_check::Vec &p, gradc_check::Vec &d) {                     \
        return name##_grad(p[0], d[0]);                                        \
      },                                                                       \
      [](const gradc_check::Vec &p, double s, gradc_check::Vec &d) {           \
        name##_pullback(p[0], s, d[0]);                                        \
      },                                                                       \
      {a})
#define GRADC_CHECK_2(name, a, b)                                              \
  gradc_check::check(                                                          \
      #name, [](const gradc_check::Vec &p) { return name(p[0], p[1]); },       \
      [](const gradc_check::Vec &p, gradc_check::Vec &d) {                     \
        return name##_grad(p[0], p[1], d[0], d[1]);                            \
      },                                                                       \
      [](const gradc_check::Vec &p, double s, gradc_check::Vec &d) {           \
        name##_pullback(p[0], p[1], s, d[0], d[1]);                            \
      },                                                                       \
      {a, b})

#endif // GRADC_TEST_SUPPORT_CHECK_H
