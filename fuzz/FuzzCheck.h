//===- FuzzCheck.h - Invariant checks for the fuzz targets ------*- C++ -*-===//
//
// A broken invariant aborts, which libFuzzer reports as a crash, with the
// input that caused it saved as an artifact.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_FUZZ_FUZZCHECK_H
#define GRADC_FUZZ_FUZZCHECK_H

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#define FUZZ_CHECK(Cond, What)                                                 \
  do {                                                                         \
    if (!(Cond))                                                               \
      gradc::fuzz::fail(__FILE__, __LINE__, #Cond, What);                      \
  } while (false)

namespace gradc::fuzz {

[[noreturn]] inline void fail(const char *File, int Line, const char *Cond,
                              const std::string &What) {
  std::fprintf(stderr, "%s:%d: invariant broken: %s\n  %s\n", File, Line, Cond,
               What.c_str());
  std::abort();
}

/// True when every byte is printable ASCII: what a diagnostic may hold.
inline bool isPrintable(std::string_view S) {
  for (char C : S) {
    unsigned char U = static_cast<unsigned char>(C);
    if (U < 0x20 || U >= 0x7f)
      return false;
  }
  return true;
}

/// True for [A-Za-z_][A-Za-z0-9_]*.
inline bool isIdentifier(std::string_view S) {
  if (S.empty())
    return false;
  for (size_t I = 0; I < S.size(); ++I) {
    char C = S[I];
    bool Alpha = (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z') || C == '_';
    if (!Alpha && !(I > 0 && C >= '0' && C <= '9'))
      return false;
  }
  return true;
}

} // namespace gradc::fuzz

#endif // GRADC_FUZZ_FUZZCHECK_H
