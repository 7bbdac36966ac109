//===- gradc_check.h - Checking generated gradients in tests ----*- C++ -*-===//
//
// Every run test holds the generated code against central finite
// differences, checks that adjoints are added into (never overwritten), and
// that the pullback scales by its seed. Exit status is the number of
// failures, so a wrong gradient fails the test. Each check also prints the
// point and the numbers for test/support/vs_interpreter.py, which reruns
// them through `gradc --at` and requires the very same digits.
//
// Scalar functions, every parameter wrt:
//
//   GRADC_CHECK_2(f, 3.0, -4.0);
//
// Functions of arrays (and of scalars and passive parameters) use
// check_arrays: name each wrt parameter with its values (a scalar is a
// one-element list), in parameter order; the lambdas get one array per wrt
// parameter (p[k], and the adjoints d[k], each as long as the values given)
// and pass the passive arguments themselves. Give the passive values too,
// so that the interpreter can rerun the point:
//
//   GRADC_DIFF("grad wrt(w, x, b)")
//   double affine(const double *w, const double *x, double b, int n);
//   ...
//   using gradc_check::Arrays;
//   gradc_check::check_arrays(
//       "affine", {{"w", {2, -3, -3}}, {"x", {-1, -2, 0.5}}, {"b", {0.25}}},
//       /*Passive=*/{{"n", {3}}},
//       [](const Arrays &p) { return affine(p[0].data(), p[1].data(),
//                                           p[2][0], 3); },
//       [](const Arrays &p, Arrays &d) {
//         return affine_grad(p[0].data(), p[1].data(), p[2][0], 3,
//                            d[0].data(), d[1].data(), d[2][0]);
//       },
//       [](const Arrays &p, double s, Arrays &d) {
//         affine_pullback(p[0].data(), p[1].data(), p[2][0], 3, s,
//                         d[0].data(), d[1].data(), d[2][0]);
//       });
//
// Finite differences are taken element by element. A void function with
// one scalar output is checked the same way: the primal lambda returns the
// output it wrote, the gradient lambda calls f_grad (which exists for one
// scalar output) and the pullback lambda passes the seed for the output;
// `gradc --at` then runs the pullback with seed 1. An output array must be
// among the Passive values (its initial contents, which give its size).
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_TEST_SUPPORT_CHECK_H
#define GRADC_TEST_SUPPORT_CHECK_H

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <string>
#include <type_traits>
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

/// close, for one entry of a gradient whose largest entry is Scale: an
/// entry summed from partials that cancel (0.87 from terms near 100)
/// rounds at Scale's epsilon, differently for another seed or start.
inline bool closeIn(double A, double B, double Rel, double Scale) {
  return close(A, B, Rel) || std::fabs(A - B) <= Rel * std::fabs(Scale);
}

template <class Rows> double largestEntry(const Rows &Grad) {
  double L = 0;
  for (const auto &Row : Grad)
    for (double X : Row)
      L = std::max(L, std::fabs(X));
  return L;
}

inline void fail(const std::string &What) {
  std::printf("FAIL: %s\n", What.c_str());
  ++Failures;
}

/// Checks f_grad and f_pullback of F at P; prints f and its gradient.
inline Vec check(const char *Name, const Primal &F, const Grad &G,
                 const Pullback &Pb, const Vec &P, double FDTol = 1e-6) {
  // Single-precision functions are checked with a coarse FDTol; their
  // pullbacks round differently from dout * gradient computed in double,
  // at float's epsilon times their largest intermediate adjoint (campaign
  // 106: 1.6e-6 relative on a float local beside adjoints near 800).
  const double Exact = FDTol > 1e-4 ? 1e-5 : 1e-13;
  // The gradient itself, from zeroed adjoints; then, from adjoints that
  // already hold something, the proof that they are added into.
  Vec Grad(P.size(), 0.0);
  double Value = G(P, Grad);
  const double Base = 0.5;
  Vec D(P.size(), Base);
  G(P, D);
  double Scale = largestEntry(std::vector<Vec>{Grad});
  for (size_t I = 0; I < P.size(); ++I)
    if (!closeIn(D[I] - Base, Grad[I], Exact, Scale))
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
    if (!closeIn(DP[I] - Base, Dout * Grad[I], Exact, Scale))
      fail(std::string(Name) + ": pullback d[" + std::to_string(I) +
           "] is not dout * gradient");
  return Grad;
}

/// The parameters that are a std::vector of std::vector, by name, with the
/// length of their rows (their values are the rows one after another):
/// `gradc_check::rowLengths()["X"] = 3;` prints X=[[..],[..]].
inline std::map<std::string, size_t> &rowLengths() {
  static std::map<std::string, size_t> Lengths;
  return Lengths;
}

/// Prints `name=[v0,v1,...]` of a point as `gradc --at` takes it, after a
/// comma unless First; rows `name=[[v0,v1],[v2,v3]]` for a std::vector of
/// std::vector.
inline void printNamed(const std::string &Name, const Vec &Values, bool First) {
  auto It = rowLengths().find(Name);
  size_t Cols = It == rowLengths().end() ? 0 : It->second;
  std::printf("%s%s=[%s", First ? "" : ",", Name.c_str(), Cols ? "[" : "");
  for (size_t I = 0; I < Values.size(); ++I)
    std::printf("%s%.17g",
                !I                      ? ""
                : Cols && I % Cols == 0 ? "],["
                                        : ",",
                Values[I]);
  std::printf("%s]", Cols ? "]" : "");
}

/// One array per wrt parameter, in parameter order (a scalar: one element).
using Arrays = std::vector<Vec>;
/// A parameter's name and its values; a scalar has one value.
struct Named {
  const char *Name;
  Vec Values;
};

/// Checks name_grad and name_pullback of a function of arrays at the point
/// Wrt, the other parameters having the values Passive (printed for
/// vs_interpreter.py only; the lambdas pass them). Returns the gradient.
inline Arrays
check_arrays(const char *Name, const std::vector<Named> &Wrt,
             const std::vector<Named> &Passive,
             const std::function<double(const Arrays &)> &F,
             const std::function<double(const Arrays &, Arrays &)> &G,
             const std::function<void(const Arrays &, double, Arrays &)> &Pb,
             double FDTol = 1e-6) {
  const double Exact = FDTol > 1e-4 ? 1e-5 : 1e-13; // as in check above
  Arrays P;
  for (const Named &N : Wrt)
    P.push_back(N.Values);
  auto Filled = [&](double V) {
    Arrays D;
    for (const Vec &A : P)
      D.push_back(Vec(A.size(), V));
    return D;
  };
  auto Element = [&](size_t K, size_t I) {
    return std::string(Name) + ": d(" + Wrt[K].Name + "[" + std::to_string(I) +
           "])";
  };
  Arrays Grad = Filled(0);
  double Value = G(P, Grad);
  const double Base = 0.5;
  Arrays D = Filled(Base);
  G(P, D);
  for (size_t K = 0; K < P.size(); ++K)
    for (size_t I = 0; I < P[K].size(); ++I)
      if (!closeIn(D[K][I] - Base, Grad[K][I], Exact, largestEntry(Grad)))
        fail(Element(K, I) + " is overwritten, not added into");
  if (!close(Value, F(P), Exact))
    fail(std::string(Name) + ": grad returns " + std::to_string(Value) +
         ", primal " + std::to_string(F(P)));
  // The point as `gradc --at` takes it, every value as a list:
  // vs_interpreter.py unwraps the scalars.
  std::printf("%s: at ", Name);
  for (size_t K = 0; K < Wrt.size(); ++K)
    printNamed(Wrt[K].Name, Wrt[K].Values, K == 0);
  for (size_t K = 0; K < Passive.size(); ++K)
    printNamed(Passive[K].Name, Passive[K].Values, Wrt.empty() && K == 0);
  std::printf("\n%s: f = %.17g\n", Name, Value);
  for (size_t K = 0; K < P.size(); ++K)
    for (size_t I = 0; I < P[K].size(); ++I) {
      double H =
          (FDTol > 1e-4 ? 1e-2 : 1e-6) * std::max(1.0, std::fabs(P[K][I]));
      Arrays Hi = P, Lo = P;
      Hi[K][I] += H;
      Lo[K][I] -= H;
      double FD = (F(Hi) - F(Lo)) / (2 * H);
      // "d(w[0])"; vs_interpreter.py reads "d(b[0])" of a scalar b as b.
      std::printf("%s: d(%s[%zu]) = %.17g (finite difference %.10g)\n", Name,
                  Wrt[K].Name, I, Grad[K][I], FD);
      if (!close(Grad[K][I], FD, FDTol))
        fail(Element(K, I) + " disagrees with finite differences");
    }
  const double Dout = 0.75;
  Arrays DP = Filled(Base);
  Pb(P, Dout, DP);
  for (size_t K = 0; K < P.size(); ++K)
    for (size_t I = 0; I < P[K].size(); ++I)
      if (!closeIn(DP[K][I] - Base, Dout * Grad[K][I], Exact,
                   largestEntry(Grad)))
        fail(std::string(Name) + ": pullback " + Element(K, I) +
             " is not dout * gradient");
  return Grad;
}

/// check_arrays for f(const C &x) of one container, a std::vector<double>
/// or a std::array<double, N> (named Param, at At), given f, f_grad and
/// f_pullback: `check_container("arr", "a", arr, arr_grad, arr_pullback,
/// {0.5, -0.25, 0.75})`.
template <class C>
void check_container(const char *Name, const char *Param,
                     double (*F)(const C &), double (*G)(const C &, C &),
                     double (*Pb)(const C &, double, C &), const Vec &At) {
  auto Make = [](const Vec &V) {
    if constexpr (std::is_same_v<C, Vec>) {
      return V;
    } else {
      C Out{};
      std::copy(V.begin(), V.end(), Out.begin());
      return Out;
    }
  };
  check_arrays(
      Name, {{Param, At}}, {}, [&](const Arrays &p) { return F(Make(p[0])); },
      [&](const Arrays &p, Arrays &d) {
        C D = Make(d[0]);
        double Value = G(Make(p[0]), D);
        d[0].assign(D.begin(), D.end());
        return Value;
      },
      [&](const Arrays &p, double s, Arrays &d) {
        C D = Make(d[0]);
        Pb(Make(p[0]), s, D);
        d[0].assign(D.begin(), D.end());
      });
}

/// check_arrays for f(const double *x, int n) of one array (named Param,
/// at At) and its length N (named IntName), given f, f_grad and
/// f_pullback: `check_pointer("chain", "w", "n", chain, chain_grad,
/// chain_pullback, {0.3, -0.7}, 2)`.
inline void check_pointer(const char *Name, const char *Param,
                          const char *IntName, double (*F)(const double *, int),
                          double (*G)(const double *, int, double *),
                          double (*Pb)(const double *, int, double, double *),
                          const Vec &At, int N) {
  check_arrays(
      Name, {{Param, At}}, {{IntName, {double(N)}}},
      [&](const Arrays &p) { return F(p[0].data(), N); },
      [&](const Arrays &p, Arrays &d) {
        return G(p[0].data(), N, d[0].data());
      },
      [&](const Arrays &p, double s, Arrays &d) {
        Pb(p[0].data(), N, s, d[0].data());
      });
}

/// What a function does with an array (or a scalar, as one element) it is
/// given: reads it (In), reads and writes it (InOut), or writes it (Out,
/// whose incoming contents are passive).
enum class Role { In, InOut, Out };
struct Memory {
  const char *Name;
  Vec Values;
  Role R;
};

/// The seed check_vjp gives element I of array K's final contents.
inline double seedOf(size_t K, size_t I) {
  return 0.25 + 0.125 * double((3 * K + 7 * I) % 11);
}

/// Functions that write memory (in/out parameters, outputs written any
/// number of times), checked as vector-Jacobian products. With a seed dout
/// for the result and seedOf(k, i) for the final contents of each InOut and
/// Out array, L = dout * f + sum of seed * final contents; the pullback must
/// leave in the adjoint of each In and InOut array dL/d(its incoming
/// contents), that of an In array added to what it held. F runs the
/// function on P, changing its InOut and Out arrays, and returns f (0 when
/// Void); Pb runs the pullback on P with dout and the adjoints
/// D: an InOut adjoint holds its seed on entry, an Out adjoint is the seed
/// to pass. G, if given, runs f_grad (dout = 1) the same way.
inline void
check_vjp(const char *Name, bool Void, const std::vector<Memory> &Mem,
          const std::vector<Named> &Passive,
          const std::function<double(Arrays &)> &F,
          const std::function<void(Arrays &, double, Arrays &)> &Pb,
          const std::function<double(Arrays &, Arrays &)> &G = nullptr) {
  Arrays P0;
  for (const Memory &M : Mem)
    P0.push_back(M.Values);
  auto Loss = [&](const Arrays &At, double Dout) {
    Arrays P = At;
    double L = Dout * F(P);
    for (size_t K = 0; K < Mem.size(); ++K)
      if (Mem[K].R != Role::In)
        for (size_t I = 0; I < P[K].size(); ++I)
          L += seedOf(K, I) * P[K][I];
    return L;
  };
  // Adjoints as the pullback takes them: In ones holding Base.
  auto Adjoints = [&](double Base) {
    Arrays D;
    for (size_t K = 0; K < Mem.size(); ++K) {
      D.push_back(Vec(P0[K].size(), Base));
      if (Mem[K].R != Role::In)
        for (size_t I = 0; I < P0[K].size(); ++I)
          D[K][I] = seedOf(K, I);
    }
    return D;
  };
  auto Element = [&](size_t K, size_t I) {
    return std::string(Name) + ": d(" + Mem[K].Name + "[" + std::to_string(I) +
           "])";
  };
  Arrays P = P0, D = Adjoints(0);
  Pb(P, 1.0, D);
  Arrays Final = P0;
  double Value = F(Final);
  // To rounding: the pullback may compute a value another way than the
  // library does (std::complex's functions, constants folded by gradc).
  for (size_t K = 0; K < Mem.size(); ++K)
    for (size_t I = 0; I < P[K].size(); ++I)
      if (!close(P[K][I], Final[K][I], 1e-13)) {
        fail(std::string(Name) + ": the pullback leaves " + Mem[K].Name +
             " otherwise than the function does");
        break;
      }
  if (G) {
    Arrays PG = P0, DG = Adjoints(0);
    double GValue = G(PG, DG);
    if (!close(GValue, Value, 1e-13))
      fail(std::string(Name) + ": grad returns " + std::to_string(GValue) +
           ", the function " + std::to_string(Value));
    for (size_t K = 0; K < Mem.size(); ++K)
      for (size_t I = 0; I < P0[K].size(); ++I)
        if (Mem[K].R != Role::Out && !close(DG[K][I], D[K][I], 1e-13))
          fail(Element(K, I) + ": grad and pullback disagree");
  }
  // The point as `gradc --at` takes it: the seeds of InOut and Out arrays
  // as their adjoints' values (`du=[...]`); f as the interpreter shows it,
  // for a void function the seeded sum of what it writes.
  std::printf("%s: at ", Name);
  bool First = true;
  auto Print = [&](const std::string &N, const Vec &V) {
    printNamed(N, V, First);
    First = false;
  };
  for (size_t K = 0; K < Mem.size(); ++K)
    Print(Mem[K].Name, P0[K]);
  for (const Named &N : Passive)
    Print(N.Name, N.Values);
  Arrays Seeds = Adjoints(0);
  for (size_t K = 0; K < Mem.size(); ++K)
    if (Mem[K].R != Role::In)
      Print(std::string("d") + Mem[K].Name, Seeds[K]);
  // One element written: the interpreter shows it, not the seeded sum.
  size_t Written = 0;
  double Only = 0;
  for (size_t K = 0; K < Mem.size(); ++K)
    if (Mem[K].R != Role::In) {
      Written += P0[K].size();
      Only = Final[K][0];
    }
  std::printf("\n%s: f = %.17g\n", Name,
              !Void          ? Value
              : Written == 1 ? Only
                             : Loss(P0, 0));
  for (size_t K = 0; K < Mem.size(); ++K) {
    if (Mem[K].R == Role::Out)
      continue;
    for (size_t I = 0; I < P0[K].size(); ++I) {
      double H = 1e-6 * std::max(1.0, std::fabs(P0[K][I]));
      Arrays Hi = P0, Lo = P0;
      Hi[K][I] += H;
      Lo[K][I] -= H;
      double FD = (Loss(Hi, 1) - Loss(Lo, 1)) / (2 * H);
      std::printf("%s: d(%s[%zu]) = %.17g (finite difference %.10g)\n", Name,
                  Mem[K].Name, I, D[K][I], FD);
      if (!close(D[K][I], FD, 1e-6))
        fail(Element(K, I) + " disagrees with finite differences");
    }
  }
  // dout scales the result's part, and In adjoints are added into.
  const double Dout = 0.75, Base = 0.5;
  Arrays PS = P0, DS = Adjoints(Base);
  Pb(PS, Dout, DS);
  Arrays PZ = P0;
  Arrays DSeedOnly = Adjoints(0);
  Pb(PZ, 0.0, DSeedOnly);
  for (size_t K = 0; K < Mem.size(); ++K) {
    if (Mem[K].R == Role::Out)
      continue;
    for (size_t I = 0; I < P0[K].size(); ++I) {
      double Want = DSeedOnly[K][I] + Dout * (D[K][I] - DSeedOnly[K][I]) +
                    (Mem[K].R == Role::In ? Base : 0);
      if (!close(DS[K][I], Want, 1e-12))
        fail("pullback " + Element(K, I) +
             " is not the seeds' part plus dout times the result's");
    }
  }
}

/// Structs of doubles (with arrays and structs of them) as check_arrays
/// sees them: their elements in order. `as<Camera>(p[0])` is the struct,
/// `back(dcam, d[0])` puts an adjoint back; arrays of N structs likewise.
template <class T> std::vector<T> as_array(const Vec &V) {
  static_assert(std::is_trivially_copyable_v<T> &&
                sizeof(T) % sizeof(double) == 0);
  std::vector<T> Out(V.size() * sizeof(double) / sizeof(T));
  if (Out.size() * sizeof(T) != V.size() * sizeof(double))
    fail("a struct's values do not fill it");
  std::memcpy(static_cast<void *>(Out.data()), V.data(),
              Out.size() * sizeof(T));
  return Out;
}
template <class T> T as(const Vec &V) { return as_array<T>(V).at(0); }
template <class T> void back(const std::vector<T> &X, Vec &V) {
  std::memcpy(V.data(), static_cast<const void *>(X.data()),
              X.size() * sizeof(T));
}
template <class T> void back(const T &X, Vec &V) { back(std::vector<T>{X}, V); }

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

/// Checks name_grad and name_pullback of a function of one, two or three
/// double parameters, all of them wrt, at the given point. _TOL: held to
/// finite differences within Tol (a function that computes in float takes
/// 1e-2, and a larger step).
#define GRADC_CHECK_1_TOL(name, a, Tol)                                        \
  gradc_check::check(                                                          \
      #name, [](const gradc_check::Vec &p) { return name(p[0]); },             \
      [](const gradc_check::Vec &p, gradc_check::Vec &d) {                     \
        return name##_grad(p[0], d[0]);                                        \
      },                                                                       \
      [](const gradc_check::Vec &p, double s, gradc_check::Vec &d) {           \
        name##_pullback(p[0], s, d[0]);                                        \
      },                                                                       \
      {a}, Tol)
#define GRADC_CHECK_1(name, a) GRADC_CHECK_1_TOL(name, a, 1e-6)
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
/// GRADC_CHECK_2 of a function of two floats, to finite differences
/// within Tol (1e-3 or more: a larger step).
#define GRADC_CHECK_2_FLOAT(name, a, b, Tol)                                   \
  gradc_check::check(                                                          \
      #name,                                                                   \
      [](const gradc_check::Vec &p) {                                          \
        return double(name(float(p[0]), float(p[1])));                         \
      },                                                                       \
      [](const gradc_check::Vec &p, gradc_check::Vec &d) {                     \
        float dx = float(d[0]), dy = float(d[1]);                              \
        double f = name##_grad(float(p[0]), float(p[1]), dx, dy);              \
        d[0] = dx;                                                             \
        d[1] = dy;                                                             \
        return f;                                                              \
      },                                                                       \
      [](const gradc_check::Vec &p, double s, gradc_check::Vec &d) {           \
        float dx = float(d[0]), dy = float(d[1]);                              \
        name##_pullback(float(p[0]), float(p[1]), float(s), dx, dy);           \
        d[0] = dx;                                                             \
        d[1] = dy;                                                             \
      },                                                                       \
      {a, b}, Tol)
#define GRADC_CHECK_3(name, a, b, c)                                           \
  gradc_check::check(                                                          \
      #name, [](const gradc_check::Vec &p) { return name(p[0], p[1], p[2]); }, \
      [](const gradc_check::Vec &p, gradc_check::Vec &d) {                     \
        return name##_grad(p[0], p[1], p[2], d[0], d[1], d[2]);                \
      },                                                                       \
      [](const gradc_check::Vec &p, double s, gradc_check::Vec &d) {           \
        name##_pullback(p[0], p[1], p[2], s, d[0], d[1], d[2]);                \
      },                                                                       \
      {a, b, c})

#endif // GRADC_TEST_SUPPORT_CHECK_H
