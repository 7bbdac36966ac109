//===- Spec.h - The annotation spec language --------------------*- C++ -*-===//
//
// GRADC_DIFF("grad wrt(w, b) name(loss)") carries a spec string. This header
// is the parsed form; the grammar (Boost.Spirit X3) is in SpecParser.cpp:
//
//   spec   := clause*            clauses separated by white space
//   clause := "grad" | "custom"
//           | "wrt"  "(" ident ("," ident)* ")"
//           | "out"  "(" ident ("," ident)* ")"
//           | "name" "(" ident ")"
//
// Unknown words are errors, never ignored. Columns are 0-based offsets into
// the spec string, so that callers can point at the exact character.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_FRONTEND_SPEC_H
#define GRADC_FRONTEND_SPEC_H

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gradc::spec {

/// An identifier in a spec and where it starts.
struct Ident {
  std::string Name;
  unsigned Column = 0;
};

struct Spec {
  /// Grad: generate f_grad and f_pullback. Custom: this function is the
  /// user's own pullback of another (`g_pullback` for `g`).
  enum class Mode { Grad, Custom };
  Mode M = Mode::Grad;
  std::optional<std::vector<Ident>> Wrt; ///< Set when `wrt(...)` is given.
  std::optional<std::vector<Ident>> Out; ///< Set when `out(...)` is given.
  std::optional<Ident> Name;             ///< Set when `name(...)` is given.
};

struct SpecError {
  unsigned Column = 0;
  std::string Message;
};

/// Parses a spec. Never throws.
std::variant<Spec, SpecError> parseSpec(std::string_view Text);

} // namespace gradc::spec

#endif // GRADC_FRONTEND_SPEC_H
