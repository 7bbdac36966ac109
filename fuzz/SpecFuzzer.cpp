//===- SpecFuzzer.cpp - libFuzzer target for the spec grammar -------------===//
//
// Whatever the bytes, parseSpec returns a diagnostic or a spec, never
// crashes, and what it returns is consistent with the input:
//  - an error points inside the input (or just past it) and has a printable,
//    non-empty message; one that quotes a word or a character of the input
//    points at it;
//  - a spec names identifiers that stand in the input at their columns, with
//    no name twice in a list;
//  - the spec printed back in canonical form parses to the same spec.
//
//===----------------------------------------------------------------------===//
#include "FuzzCheck.h"

#include "gradc/Frontend/Spec.h"

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <variant>
#include <vector>

using namespace gradc::spec;

namespace {

/// True when Quoted starts with the byte C as messages show it: itself if
/// printable ASCII, else `\xHH`, followed by the closing quote.
bool showsByte(std::string_view Quoted, char C) {
  unsigned char U = static_cast<unsigned char>(C);
  if (U >= 0x20 && U < 0x7f)
    return Quoted.substr(0, 2) == std::string{C, '\''};
  if (Quoted.size() < 5 || Quoted.substr(0, 2) != "\\x" || Quoted[4] != '\'')
    return false;
  unsigned Hex = 0;
  auto [End, Err] =
      std::from_chars(Quoted.data() + 2, Quoted.data() + 4, Hex, 16);
  return Err == std::errc() && End == Quoted.data() + 4 && Hex == U;
}

/// For the messages that quote what stands at their column ("unknown word
/// 'foo' ...", "'w' is listed twice ...", "unexpected character '%'"),
/// checks that it does.
void checkQuoted(std::string_view Text, const SpecError &E) {
  std::string_view M = E.Message;
  std::string_view At = Text.substr(E.Column);
  std::string Where =
      "'" + E.Message + "' at column " + std::to_string(E.Column);
  auto StartsWith = [](std::string_view S, std::string_view Prefix) {
    return S.substr(0, Prefix.size()) == Prefix;
  };
  constexpr std::string_view Char = "unexpected character '";
  if (StartsWith(M, Char)) {
    FUZZ_CHECK(!At.empty() && showsByte(M.substr(Char.size()), At[0]), Where);
    return;
  }
  for (std::string_view Prefix : {"unknown word '", "mode '", "'"}) {
    if (!StartsWith(M, Prefix))
      continue;
    size_t Close = M.find('\'', Prefix.size());
    std::string_view Word = M.substr(Prefix.size(), Close - Prefix.size());
    FUZZ_CHECK(!Word.empty() && StartsWith(At, Word), Where);
    return;
  }
}

void checkIdent(std::string_view Text, const Ident &I) {
  FUZZ_CHECK(gradc::fuzz::isIdentifier(I.Name), "'" + I.Name + "'");
  FUZZ_CHECK(I.Column <= Text.size() &&
                 Text.substr(I.Column, I.Name.size()) == I.Name,
             "'" + I.Name + "' at column " + std::to_string(I.Column));
}

void checkList(std::string_view Text,
               const std::optional<std::vector<Ident>> &List) {
  if (!List)
    return;
  FUZZ_CHECK(!List->empty(), "an empty list was accepted");
  std::set<std::string> Seen;
  for (const Ident &I : *List) {
    checkIdent(Text, I);
    FUZZ_CHECK(Seen.insert(I.Name).second, "'" + I.Name + "' twice");
  }
}

/// The spec in canonical form: every clause it has, single-spaced.
std::string print(const Spec &S) {
  std::string Out = S.M == Spec::Mode::Custom ? "custom" : "grad";
  auto List = [&](const char *Keyword, const std::vector<Ident> &Ids) {
    Out += std::string(" ") + Keyword + "(";
    for (size_t I = 0; I < Ids.size(); ++I)
      Out += (I ? ", " : "") + Ids[I].Name;
    Out += ")";
  };
  if (S.Wrt)
    List("wrt", *S.Wrt);
  if (S.Out)
    List("out", *S.Out);
  if (S.Name)
    Out += " name(" + S.Name->Name + ")";
  return Out;
}

std::vector<std::string> names(const std::optional<std::vector<Ident>> &L) {
  std::vector<std::string> R;
  if (L)
    for (const Ident &I : *L)
      R.push_back(I.Name);
  return R;
}

bool sameSpec(const Spec &A, const Spec &B) {
  return A.M == B.M && A.Wrt.has_value() == B.Wrt.has_value() &&
         names(A.Wrt) == names(B.Wrt) &&
         A.Out.has_value() == B.Out.has_value() &&
         names(A.Out) == names(B.Out) &&
         A.Name.has_value() == B.Name.has_value() &&
         (!A.Name || A.Name->Name == B.Name->Name);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string_view Text(reinterpret_cast<const char *>(Data), Size);
  auto R = parseSpec(Text);
  if (const auto *E = std::get_if<SpecError>(&R)) {
    FUZZ_CHECK(E->Column <= Text.size(), "column " + std::to_string(E->Column) +
                                             " of " +
                                             std::to_string(Text.size()));
    FUZZ_CHECK(!E->Message.empty(), "an empty message");
    FUZZ_CHECK(gradc::fuzz::isPrintable(E->Message), E->Message);
    checkQuoted(Text, *E);
    return 0;
  }
  const Spec &S = std::get<Spec>(R);
  checkList(Text, S.Wrt);
  checkList(Text, S.Out);
  if (S.Name)
    checkIdent(Text, *S.Name);

  std::string Canonical = print(S);
  auto Again = parseSpec(Canonical);
  FUZZ_CHECK(std::holds_alternative<Spec>(Again) &&
                 sameSpec(S, std::get<Spec>(Again)),
             "'" + Canonical + "' does not parse back to the same spec");
  return 0;
}
