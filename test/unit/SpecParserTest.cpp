//===- SpecParserTest.cpp - The annotation spec grammar -------------------===//
#include "gradc/Frontend/Spec.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

using namespace gradc::spec;

namespace {

/// Parses a spec that must be valid.
Spec ok(std::string_view Text) {
  auto R = parseSpec(Text);
  if (const auto *E = std::get_if<SpecError>(&R)) {
    ADD_FAILURE() << "spec '" << Text << "' rejected at column " << E->Column
                  << ": " << E->Message;
    return Spec();
  }
  return std::get<Spec>(R);
}

/// Parses a spec that must be invalid.
SpecError err(std::string_view Text) {
  auto R = parseSpec(Text);
  if (!std::holds_alternative<SpecError>(R)) {
    ADD_FAILURE() << "spec '" << Text << "' accepted";
    return SpecError{~0u, ""};
  }
  return std::get<SpecError>(R);
}

/// Checks the exact column and the exact message of an error.
void expectError(std::string_view Text, unsigned Column,
                 const std::string &Message) {
  SCOPED_TRACE("spec: '" + std::string(Text) + "'");
  SpecError E = err(Text);
  EXPECT_EQ(E.Column, Column);
  EXPECT_EQ(E.Message, Message);
}

std::vector<std::string> names(const std::vector<Ident> &Ids) {
  std::vector<std::string> R;
  for (const Ident &I : Ids)
    R.push_back(I.Name);
  return R;
}

std::vector<unsigned> columns(const std::vector<Ident> &Ids) {
  std::vector<unsigned> R;
  for (const Ident &I : Ids)
    R.push_back(I.Column);
  return R;
}

using Strings = std::vector<std::string>;
using Columns = std::vector<unsigned>;

TEST(SpecParser, EmptySpecIsGradWithDefaults) {
  for (std::string_view Text : {"", " ", " \t\n\r\v\f "}) {
    SCOPED_TRACE(std::string(Text));
    Spec S = ok(Text);
    EXPECT_EQ(S.M, Spec::Mode::Grad);
    EXPECT_FALSE(S.Wrt.has_value());
    EXPECT_FALSE(S.Out.has_value());
    EXPECT_FALSE(S.Name.has_value());
  }
}

TEST(SpecParser, Grad) {
  Spec S = ok("grad");
  EXPECT_EQ(S.M, Spec::Mode::Grad);
  EXPECT_FALSE(S.Wrt.has_value());
  EXPECT_FALSE(S.Out.has_value());
  EXPECT_FALSE(S.Name.has_value());
}

TEST(SpecParser, GradWrtRecordsNamesAndColumns) {
  Spec S = ok("grad wrt(w, b)");
  EXPECT_EQ(S.M, Spec::Mode::Grad);
  ASSERT_TRUE(S.Wrt.has_value());
  EXPECT_EQ(names(*S.Wrt), (Strings{"w", "b"}));
  EXPECT_EQ(columns(*S.Wrt), (Columns{9, 12}));
  EXPECT_FALSE(S.Out.has_value());
  EXPECT_FALSE(S.Name.has_value());
}

TEST(SpecParser, WrtAlone) {
  Spec S = ok("wrt(x)");
  EXPECT_EQ(S.M, Spec::Mode::Grad);
  ASSERT_TRUE(S.Wrt.has_value());
  EXPECT_EQ(names(*S.Wrt), (Strings{"x"}));
  EXPECT_EQ(columns(*S.Wrt), (Columns{4}));
}

TEST(SpecParser, Name) {
  Spec S = ok("name(loss_fn)");
  ASSERT_TRUE(S.Name.has_value());
  EXPECT_EQ(S.Name->Name, "loss_fn");
  EXPECT_EQ(S.Name->Column, 5u);
  EXPECT_FALSE(S.Wrt.has_value());
}

TEST(SpecParser, Out) {
  Spec S = ok("out(err)");
  ASSERT_TRUE(S.Out.has_value());
  EXPECT_EQ(names(*S.Out), (Strings{"err"}));
  EXPECT_EQ(columns(*S.Out), (Columns{4}));
  EXPECT_FALSE(S.Wrt.has_value());
}

TEST(SpecParser, WhiteSpaceAroundParenthesesAndCommas) {
  Spec S = ok("grad  wrt ( w ,b )");
  ASSERT_TRUE(S.Wrt.has_value());
  EXPECT_EQ(names(*S.Wrt), (Strings{"w", "b"}));
  EXPECT_EQ(columns(*S.Wrt), (Columns{12, 15}));

  Spec T = ok("\tname (\n_f2 ) \n");
  ASSERT_TRUE(T.Name.has_value());
  EXPECT_EQ(T.Name->Name, "_f2");
  EXPECT_EQ(T.Name->Column, 8u);
}

TEST(SpecParser, AllClausesInAnyOrder) {
  Spec S = ok("name(step) out(y, z) grad wrt(a_1, B, c)");
  ASSERT_TRUE(S.Name.has_value());
  EXPECT_EQ(S.Name->Name, "step");
  ASSERT_TRUE(S.Out.has_value());
  EXPECT_EQ(names(*S.Out), (Strings{"y", "z"}));
  EXPECT_EQ(columns(*S.Out), (Columns{15, 18}));
  ASSERT_TRUE(S.Wrt.has_value());
  EXPECT_EQ(names(*S.Wrt), (Strings{"a_1", "B", "c"}));
  EXPECT_EQ(columns(*S.Wrt), (Columns{30, 35, 38}));
}

TEST(SpecParser, KeywordsAreValidIdentifiers) {
  // Parameters may be called like clauses; only position matters.
  Spec S = ok("wrt(grad, wrt) name(out)");
  EXPECT_EQ(names(*S.Wrt), (Strings{"grad", "wrt"}));
  EXPECT_EQ(S.Name->Name, "out");
}

TEST(SpecParser, UnknownWords) {
  const std::string Tail =
      "' in spec; expected grad, custom, wrt(...), out(...) or name(...)";
  expectError("foo", 0, "unknown word 'foo" + Tail);
  expectError("grad  wrtx(w)", 6, "unknown word 'wrtx" + Tail);
  expectError("gradient", 0, "unknown word 'gradient" + Tail);
  expectError("Grad", 0, "unknown word 'Grad" + Tail);
}

TEST(SpecParser, ReservedModesAreNotSupportedYet) {
  expectError("jvp", 0, "mode 'jvp' is not supported yet");
  expectError("grad hessian", 5, "mode 'hessian' is not supported yet");
  expectError("wrt(x) jacobian", 7, "mode 'jacobian' is not supported yet");
}

TEST(SpecParser, CustomStandsAlone) {
  EXPECT_EQ(ok(" custom ").M, Spec::Mode::Custom);
  expectError("custom grad", 7, "'grad' and 'custom' exclude each other");
  expectError("grad custom", 5, "'custom' and 'grad' exclude each other");
  expectError("custom custom", 7, "'custom' is given twice");
  expectError("custom wrt(x)", 11,
              "a custom pullback takes no wrt(...), out(...) or name(...): "
              "its signature says what it differentiates");
}

TEST(SpecParser, MissingOpenParenthesis) {
  expectError("wrt", 3, "expected '(' after 'wrt'");
  expectError("grad wrt x", 9, "expected '(' after 'wrt'");
  expectError("out)", 3, "expected '(' after 'out'");
  expectError("name  [f]", 6, "expected '(' after 'name'");
}

TEST(SpecParser, ExpectedAnIdentifier) {
  expectError("wrt()", 4, "expected an identifier");
  expectError("wrt(w, )", 7, "expected an identifier");
  expectError("wrt(1x)", 4, "expected an identifier");
  expectError("out(", 4, "expected an identifier");
  expectError("name( )", 6, "expected an identifier");
  expectError("wrt(w,,b)", 6, "expected an identifier");
}

TEST(SpecParser, ExpectedCommaOrCloseInLists) {
  expectError("wrt(w b)", 6, "expected ',' or ')'");
  expectError("wrt(w", 5, "expected ',' or ')'");
  expectError("out(a, b  ", 10, "expected ',' or ')'");
  expectError("wrt(w; b)", 5, "expected ',' or ')'");
}

TEST(SpecParser, NameTakesExactlyOneIdentifier) {
  expectError("name(a, b)", 6, "name(...) takes exactly one identifier");
  expectError("name(a , b)", 7, "name(...) takes exactly one identifier");
  expectError("name(a b)", 7, "expected ')'");
  expectError("name(a", 6, "expected ')'");
}

TEST(SpecParser, ClauseGivenTwice) {
  expectError("grad grad", 5, "'grad' is given twice");
  expectError("wrt(a) grad wrt(b)", 12, "'wrt' is given twice");
  expectError("out(a) out(a)", 7, "'out' is given twice");
  expectError("name(f) name(f)", 8, "'name' is given twice");
}

TEST(SpecParser, IdentifierListedTwice) {
  expectError("wrt(w, b, w)", 10, "'w' is listed twice in wrt(...)");
  expectError("out(err,err)", 8, "'err' is listed twice in out(...)");
  // The leftmost error wins, even before the list is closed.
  expectError("wrt(a, a", 7, "'a' is listed twice in wrt(...)");
}

TEST(SpecParser, UnexpectedCharacters) {
  expectError("grad %", 5, "unexpected character '%'");
  expectError("grad(", 4, "unexpected character '('");
  expectError("wrt(w))", 6, "unexpected character ')'");
  expectError("9", 0, "unexpected character '9'");
  expectError("grad, wrt(w)", 4,
              "unexpected character ','; clauses are separated by white "
              "space, not commas");
  expectError("grad \x01", 5, "unexpected character '\\x01'");
  expectError("\xC3\xA9", 0, "unexpected character '\\xC3'");
  expectError(std::string_view("grad\0wrt(w)", 11), 4,
              "unexpected character '\\x00'");
  expectError("grad \x7F", 5, "unexpected character '\\x7F'");
}

TEST(SpecParser, NonAsciiBytesInsideClauses) {
  expectError("wrt(\xFF)", 4, "expected an identifier");
  expectError("wrt(w\x80)", 5, "expected ',' or ')'");
  expectError(std::string_view("name(f\0)", 8), 6, "expected ')'");
}

/// Whatever the input: no crash, no exception, a column inside the text,
/// a message, and on success identifiers that point at their own text.
void checkRobust(std::string_view Text) {
  auto R = parseSpec(Text);
  if (const auto *E = std::get_if<SpecError>(&R)) {
    EXPECT_LE(E->Column, Text.size()) << "spec: '" << Text << "'";
    EXPECT_FALSE(E->Message.empty()) << "spec: '" << Text << "'";
    return;
  }
  const Spec &S = std::get<Spec>(R);
  auto CheckIdent = [&](const Ident &I) {
    ASSERT_LE(I.Column + I.Name.size(), Text.size());
    EXPECT_EQ(Text.substr(I.Column, I.Name.size()), I.Name);
  };
  for (const auto *List : {&S.Wrt, &S.Out})
    if (*List)
      for (const Ident &I : **List)
        CheckIdent(I);
  if (S.Name)
    CheckIdent(*S.Name);
}

TEST(SpecParser, AllPrefixesOfValidSpecs) {
  for (std::string Valid :
       {"grad wrt(w, b)", "  grad  wrt ( w ,b ) out(e) name( f_1 )  ",
        "name(step) out(y, z) grad wrt(a_1, B, c)"}) {
    ASSERT_TRUE(std::holds_alternative<Spec>(parseSpec(Valid))) << Valid;
    for (size_t N = 0; N <= Valid.size(); ++N) {
      // A copy, so that reading past the prefix would be caught by ASan.
      std::string Prefix = Valid.substr(0, N);
      checkRobust(Prefix);
    }
  }
}

TEST(SpecParser, RandomBytes) {
  std::mt19937 Rng(20240611);
  // Half the strings come from grammar pieces, to reach deep states; the
  // other half are arbitrary bytes, NULs included.
  const std::vector<std::string> Pieces = {
      "grad", "wrt", "out", "name", "jvp",
      "(",    ")",   ",",   " ",    "\t",
      "w",    "b",   "x_1", "%",    std::string(1, '\0'),
      "\xFF"};
  std::uniform_int_distribution<int> Len(0, 24), Byte(0, 255),
      Piece(0, static_cast<int>(Pieces.size()) - 1);
  size_t Accepted = 0;
  for (int Iter = 0; Iter < 5000; ++Iter) {
    std::string Text;
    int N = Len(Rng);
    for (int I = 0; I < N; ++I) {
      if (Iter % 2)
        Text += static_cast<char>(Byte(Rng));
      else
        Text += Pieces[Piece(Rng)];
    }
    checkRobust(Text);
    Accepted += std::holds_alternative<Spec>(parseSpec(Text));
  }
  // The empty string is always among them; the fuzzer is not vacuous.
  EXPECT_GT(Accepted, 0u);
}

} // namespace
