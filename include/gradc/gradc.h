// gradc.h - the one header that annotated code and generated code include.
//
// GRADC_DIFF(spec) marks a function for differentiation by the gradc tool.
// With Clang it becomes an annotation that gradc reads; with other compilers
// it expands to nothing, so annotated sources still build unchanged.
#ifndef GRADC_GRADC_H
#define GRADC_GRADC_H

#if defined(__clang__)
#define GRADC_DIFF(spec) [[clang::annotate("gradc " spec)]]
#else
#define GRADC_DIFF(spec)
#endif

#ifdef __cplusplus
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <type_traits>
#include <vector>

namespace gradc {

namespace detail {
/// Storage of finished tapes, kept per thread for the next call: a gradient
/// called in a training loop then neither allocates nor faults in pages.
template <typename T> std::vector<std::vector<T>> &tapeStore() {
  thread_local std::vector<std::vector<T>> Store;
  return Store;
}
/// How many finished tapes a thread keeps per type: a function whose
/// pullbacks open more tapes than this has its largest kept first.
constexpr std::size_t KeptTapes = 16;
/// memcpy of an array whose elements the program may not all have set (an
/// output a callee writes before it reads it, taped whole before the
/// call): copying them as bytes is defined, and GCC's warning is noise.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
inline void copyUnset(void *To, const void *From, std::size_t Bytes) {
  std::memcpy(To, From, Bytes);
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
} // namespace detail

/// A T with every number in it zero, whatever T's default member
/// initializers say (`T x{}` runs them): how an adjoint of a struct starts,
/// in generated code and in a caller's, `auto dcam = gradc::zero<Camera>();`.
/// Also of a class without a default constructor (`Gaussian(double mu,
/// double s)` only): how gradc declares a local of it, whose members the
/// inlined constructor then sets.
template <typename T> T zero() {
  static_assert(std::is_trivially_copyable<T>::value,
                "gradc::zero needs a struct of numbers");
  struct Bytes {
    unsigned char B[sizeof(T)];
  };
  return __builtin_bit_cast(T, Bytes{});
}

namespace detail {
/// What a new slot of a tape holds: T(), or, for a class without a default
/// constructor (which gradc declares by zero<T>()), its zero bytes.
template <typename T> T blank(std::true_type) { return T(); }
template <typename T> T blank(std::false_type) { return zero<T>(); }
template <typename T> T blank() {
  return blank<T>(std::is_default_constructible<T>());
}
} // namespace detail

/// The values that a generated backward sweep needs but that the forward
/// sweep overwrites (a loop-carried value, an array element written twice):
/// pushed in the forward sweep, popped in reverse order in the backward one.
/// Contiguous storage that grows geometrically and is reused across calls.
template <typename T> class tape {
public:
  tape() {
    std::vector<std::vector<T>> &Store = detail::tapeStore<T>();
    if (!Store.empty()) {
      Data = std::move(Store.back());
      Store.pop_back();
    }
  }
  ~tape() {
    std::vector<std::vector<T>> &Store = detail::tapeStore<T>();
    if (Store.size() < detail::KeptTapes) {
      Store.push_back(std::move(Data));
      return;
    }
    // Full: keep the larger buffers, which cost the most to grow again.
    auto Smallest =
        std::min_element(Store.begin(), Store.end(),
                         [](const std::vector<T> &A, const std::vector<T> &B) {
                           return A.size() < B.size();
                         });
    if (Smallest->size() < Data.size())
      *Smallest = std::move(Data);
  }
  tape(const tape &) = delete;
  tape &operator=(const tape &) = delete;

  void push(T Value) {
    if (Size == Data.size())
      Data.resize(Data.empty() ? 1024 : 2 * Data.size(), detail::blank<T>());
    Data[Size++] = Value;
  }
  /// Room for N more pushes, which push_reserved may then make without a
  /// check: a counted loop reserves its trip count before it runs, so its
  /// pushes compile to plain stores.
  void reserve(long long N) {
    if (N > 0 && Data.size() - Size < static_cast<std::size_t>(N))
      Data.resize(std::max(Size + static_cast<std::size_t>(N), 2 * Data.size()),
                  detail::blank<T>());
  }
  void push_reserved(T Value) { Data[Size++] = Value; }
  /// N elements from P, as one entry (the contents of a local array that
  /// a call read); pop_array gives them back in the same order.
  void push_array(const T *P, std::size_t N) {
    if (Data.size() - Size < N)
      Data.resize(std::max(Size + N, 2 * Data.size()), detail::blank<T>());
    detail::copyUnset(Data.data() + Size, P, N * sizeof(T));
    Size += N;
  }
  void pop_array(T *P, std::size_t N) {
    Size -= N;
    std::memcpy(P, Data.data() + Size, N * sizeof(T));
  }
  T pop() { return Data[--Size]; }

private:
  std::vector<T> Data; ///< Its size is the capacity; Size values are in use.
  std::size_t Size = 0;
};

/// A tape whose size gradc knows when it writes the code: at most N values
/// are pushed in one call (pushes outside loops, or in loops of constant
/// trip counts). It lives on the stack: no allocation, nothing to reuse.
template <typename T, std::size_t N,
          bool = std::is_default_constructible<T>::value>
class fixed_tape {
public:
  void push(T Value) { Data[Size++] = Value; }
  void reserve(long long) {}
  void push_reserved(T Value) { Data[Size++] = Value; }
  void push_array(const T *P, std::size_t Count) {
    detail::copyUnset(Data + Size, P, Count * sizeof(T));
    Size += Count;
  }
  void pop_array(T *P, std::size_t Count) {
    Size -= Count;
    std::memcpy(P, Data + Size, Count * sizeof(T));
  }
  T pop() { return Data[--Size]; }

private:
  // Zeroed: GCC cannot tell that a pop in one branch follows a push in
  // another (a loop's trip count), and every slot is pushed anyway.
  T Data[N] = {};
  std::size_t Size = 0;
};

/// A fixed_tape of a class without a default constructor: its slots are
/// bytes, each value copied in and out whole (it is trivially copyable).
template <typename T, std::size_t N> class fixed_tape<T, N, false> {
public:
  void push(const T &Value) { push_array(&Value, 1); }
  void reserve(long long) {}
  void push_reserved(const T &Value) { push_array(&Value, 1); }
  void push_array(const T *P, std::size_t Count) {
    detail::copyUnset(Bytes + Size * sizeof(T), P, Count * sizeof(T));
    Size += Count;
  }
  void pop_array(T *P, std::size_t Count) {
    Size -= Count;
    std::memcpy(static_cast<void *>(P), Bytes + Size * sizeof(T),
                Count * sizeof(T));
  }
  T pop() {
    T Value = zero<T>();
    pop_array(&Value, 1);
    return Value;
  }

private:
  alignas(T) unsigned char Bytes[N * sizeof(T)] = {};
  std::size_t Size = 0;
};

/// Each element of A zero, whatever its default member initializers say:
/// how an adjoint of an array of such structs starts (`Body dbs[3];
/// gradc::zero(dbs);`).
template <typename T, std::size_t N> void zero(T (&A)[N]) {
  for (T &E : A)
    E = zero<T>();
}

/// A std::vector (V) of N elements that are zero, whatever their default
/// member initializers say: `std::vector<Body> dbs =
/// gradc::zeros<std::vector<Body>>(n);`.
template <typename V> V zeros(std::size_t N) {
  return V(N, zero<typename V::value_type>());
}

/// Gives Dest the elements of a vector a helper returned, keeping Dest's
/// storage: its capacity stays the longest it has been in a loop, which
/// is what the backward sweep sizes its adjoint and copies by.
template <typename T, typename A>
void refill(std::vector<T, A> &Dest, const std::vector<T, A> &Src) {
  Dest.assign(Src.begin(), Src.end());
}

/// The length of the rows of X, a std::vector of std::vector that generated
/// code reads as a matrix (`X[i][j]`, `X[i].size()` the same for every
/// row): a jagged X (rows of different lengths) stops the program here,
/// with a message, rather than have its gradient computed for another
/// shape. An empty X has rows of length 0.
template <typename Row> std::size_t cols(const std::vector<Row> &X) {
  std::size_t N = X.empty() ? 0 : X[0].size();
  for (const Row &R : X)
    if (R.size() != N) {
      std::fprintf(stderr,
                   "gradc::cols: a std::vector of std::vector whose rows "
                   "have different lengths (%zu and %zu); gradc's code "
                   "for it takes every row to be as long as the first\n",
                   N, R.size());
      std::abort();
    }
  return N;
}

/// The real and imaginary parts of a std::complex as places, which
/// `z.real()` is not: generated code writes a part with `gradc::re(dz) +=
/// ...`. The standard lays a complex out as an array of its two parts and
/// allows this access ([complex.numbers.general]).
template <typename C> typename C::value_type &re(C &Z) {
  return reinterpret_cast<typename C::value_type(&)[2]>(Z)[0];
}
template <typename C> typename C::value_type &im(C &Z) {
  return reinterpret_cast<typename C::value_type(&)[2]>(Z)[1];
}

/// The digamma function psi(x) = d/dx lgamma(x), which <cmath> lacks:
/// generated code calls it in the derivatives of lgamma and tgamma. Within
/// a few ulps of double (about 1e-18 in long double): psi(x) = psi(x + 1) -
/// 1 / x takes x up to 12, where the asymptotic series has converged, and
/// psi(x) = psi(1 - x) - pi / tan(pi x) takes a negative x to a positive
/// one. At the poles (0, -1, -2, ...) it is NaN.
template <typename T> T digamma(T X) {
  const T Pi = static_cast<T>(3.141592653589793238462643383279502884L);
  T Sum = 0;
  if (X <= 0) {
    if (X == std::floor(X))
      return std::numeric_limits<T>::quiet_NaN();
    // tan has period pi: reduce first, so that a large |x| loses nothing.
    Sum = -Pi / std::tan(Pi * (X - std::round(X)));
    X = 1 - X;
  }
  for (; X < 12; X += 1)
    Sum -= 1 / X;
  // log x - 1 / (2x) - sum over n of B(2n) / (2n x^(2n)), B the Bernoulli
  // numbers.
  T Z = 1 / (X * X);
  T Tail =
      Z * (T(1) / 12 -
           Z * (T(1) / 120 -
                Z * (T(1) / 252 -
                     Z * (T(1) / 240 -
                          Z * (T(1) / 132 - Z * (T(691) / 32760 - Z / 12))))));
  return Sum + std::log(X) - T(0.5) / X - Tail;
}

} // namespace gradc

// Generated code reads the private data members of your classes through
// gradc_private: C++ lets an explicit instantiation name a private member
// ([temp.explicit]), and the friend function that `access` defines when it
// is instantiated hands out the member's pointer under the name of Tag (a
// struct of the generated header, which declares the friend first, so that
// argument-dependent lookup finds it).
namespace gradc_private {
template <typename Tag, typename Tag::type Member> struct access {
  friend typename Tag::type member(Tag) { return Member; }
};
/// `T C::*`, spelled the same way for arrays (`double (C::*)[3]`).
template <typename C, typename T> using member_pointer = T C::*;
} // namespace gradc_private
#endif

#define GRADC_VERSION_MAJOR 0
#define GRADC_VERSION_MINOR 1

#endif // GRADC_GRADC_H
