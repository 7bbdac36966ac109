//===- CxxNames.cpp - Which names generated C++ can use -------------------===//
#include "CxxNames.h"

#include <algorithm>
#include <iterator>

namespace gradc::cxx {

namespace {

// Every keyword and alternative token of C++20.
const char *const Keywords[] = {
    "alignas",       "alignof",     "and",
    "and_eq",        "asm",         "auto",
    "bitand",        "bitor",       "bool",
    "break",         "case",        "catch",
    "char",          "char16_t",    "char32_t",
    "char8_t",       "class",       "co_await",
    "co_return",     "co_yield",    "compl",
    "concept",       "const",       "const_cast",
    "consteval",     "constexpr",   "constinit",
    "continue",      "decltype",    "default",
    "delete",        "do",          "double",
    "dynamic_cast",  "else",        "enum",
    "explicit",      "export",      "extern",
    "false",         "float",       "for",
    "friend",        "goto",        "if",
    "inline",        "int",         "long",
    "mutable",       "namespace",   "new",
    "noexcept",      "not",         "not_eq",
    "nullptr",       "operator",    "or",
    "or_eq",         "private",     "protected",
    "public",        "register",    "reinterpret_cast",
    "requires",      "return",      "short",
    "signed",        "sizeof",      "static",
    "static_assert", "static_cast", "struct",
    "switch",        "template",    "this",
    "thread_local",  "throw",       "true",
    "try",           "typedef",     "typeid",
    "typename",      "union",       "unsigned",
    "using",         "virtual",     "void",
    "volatile",      "wchar_t",     "while",
    "xor",           "xor_eq",
};

/// Object-like macros of <cmath> (and the M_ constants glibc adds).
const char *const Macros[] = {"HUGE_VAL", "HUGE_VALF",       "HUGE_VALL",
                              "INFINITY", "MATH_ERREXCEPT",  "MATH_ERRNO",
                              "NAN",      "math_errhandling"};

bool startsWith(const std::string &S, const char *Prefix) {
  return S.rfind(Prefix, 0) == 0;
}

bool among(const char *const *Begin, const char *const *End,
           const std::string &Name) {
  return std::any_of(Begin, End, [&](const char *K) { return Name == K; });
}

} // namespace

std::optional<std::string> nameProblem(const std::string &Name) {
  if (among(std::begin(Keywords), std::end(Keywords), Name))
    return "'" + Name + "' is a C++ keyword";
  if (Name.find("__") != std::string::npos ||
      (Name.size() > 1 && Name[0] == '_' && Name[1] >= 'A' && Name[1] <= 'Z'))
    return "'" + Name +
           "' is reserved in C++ (it has a double underscore, "
           "or an underscore and a capital letter)";
  if (among(std::begin(Macros), std::end(Macros), Name) ||
      startsWith(Name, "M_") || startsWith(Name, "FP_") ||
      startsWith(Name, "GRADC_"))
    return "'" + Name + "' is a macro of <cmath> or <gradc/gradc.h>";
  return std::nullopt;
}

} // namespace gradc::cxx
