//===- SpecParser.cpp - The annotation spec grammar (Boost.Spirit X3) -----===//
//
// Parses the string of GRADC_DIFF("...") into a Spec (see Spec.h for the
// grammar). Syntax errors surface as x3::expectation_failure at `>` points;
// semantic errors (a clause or an identifier given twice, an unknown word)
// are raised by the semantic actions as they happen, so that the leftmost
// error is the one reported. Both become a SpecError; nothing escapes.
//
// No LLVM or Clang headers here: the grammar is tested on its own.
//
//===----------------------------------------------------------------------===//
#include "gradc/Frontend/Spec.h"

#include "Bytes.h"
#include "ParseFailure.h"

#include <boost/spirit/home/x3.hpp>

#include <string>
#include <utility>

using namespace gradc::spec;
namespace x3 = boost::spirit::x3;
using gradc::bytes::describeByte;
using gradc::bytes::isBlank;
using gradc::parse::fail;
using gradc::parse::Failure;

namespace {

using Iterator = const char *;

/// What the semantic actions build. Reached through x3::with<StateTag>.
struct State {
  Iterator Begin;
  Spec Result;
  bool SawGrad = false;
  bool SawCustom = false;
  std::vector<Ident> *List = nullptr; ///< The wrt/out list being filled.
  const char *ListKeyword = "";       ///< "wrt" or "out", for messages.
};
struct StateTag;

template <typename Context> State &stateOf(const Context &Ctx) {
  return x3::get<StateTag>(Ctx);
}

unsigned columnOf(const State &S, Iterator Where) {
  return static_cast<unsigned>(Where - S.Begin);
}

bool isReservedMode(const std::string &Word) {
  return Word == "jvp" || Word == "hessian" || Word == "jacobian";
}

//===-- Lexical pieces ---------------------------------------------------===//
//
// Explicit character sets rather than x3::alpha or x3::space: the ascii and
// standard classifiers are undefined for bytes >= 0x80, and a spec may hold
// any byte. A char_set tests the byte as unsigned, which is always safe.

auto const IdentHead = x3::char_("a-zA-Z_");
auto const IdentTail = x3::char_("a-zA-Z0-9_");
auto const Blank = x3::char_(" \t\n\v\f\r");
auto const Word = x3::lexeme[IdentHead >> *IdentTail];

/// A keyword, which must not be the prefix of a longer word (`gradx` is an
/// unknown word, not `grad` followed by `x`).
auto keyword(const char *K) { return x3::lexeme[x3::lit(K) >> !IdentTail]; }

//===-- Semantic actions -------------------------------------------------===//

/// Builds an Ident from the x3::raw[] range of a word.
template <typename Context> Ident identOf(const Context &Ctx) {
  const auto &Range = x3::_attr(Ctx);
  return Ident{std::string(Range.begin(), Range.end()),
               columnOf(stateOf(Ctx), Range.begin())};
}

auto const onGrad = [](auto &Ctx) {
  State &S = stateOf(Ctx);
  if (S.SawGrad)
    fail(x3::_attr(Ctx).begin(), "'grad' is given twice");
  if (S.SawCustom)
    fail(x3::_attr(Ctx).begin(), "'grad' and 'custom' exclude each other");
  S.SawGrad = true;
  S.Result.M = Spec::Mode::Grad;
};

auto const onCustom = [](auto &Ctx) {
  State &S = stateOf(Ctx);
  if (S.SawCustom)
    fail(x3::_attr(Ctx).begin(), "'custom' is given twice");
  if (S.SawGrad)
    fail(x3::_attr(Ctx).begin(), "'custom' and 'grad' exclude each other");
  S.SawCustom = true;
  S.Result.M = Spec::Mode::Custom;
};

/// The action on `wrt` or `out`: opens the list its identifiers go into.
auto startList(std::optional<std::vector<Ident>> Spec::*Field,
               const char *Keyword) {
  return [Field, Keyword](auto &Ctx) {
    State &S = stateOf(Ctx);
    auto &List = S.Result.*Field;
    if (List)
      fail(x3::_attr(Ctx).begin(),
           "'" + std::string(Keyword) + "' is given twice");
    S.List = &List.emplace();
    S.ListKeyword = Keyword;
  };
}

auto const onListIdent = [](auto &Ctx) {
  State &S = stateOf(Ctx);
  Ident I = identOf(Ctx);
  for (const Ident &Prev : *S.List)
    if (Prev.Name == I.Name)
      fail(x3::_attr(Ctx).begin(),
           "'" + I.Name + "' is listed twice in " + S.ListKeyword + "(...)");
  S.List->push_back(std::move(I));
};

auto const onName = [](auto &Ctx) {
  // Result.Name is set by the time a second `name` is seen: any error in
  // between would have ended the parse.
  if (stateOf(Ctx).Result.Name)
    fail(x3::_attr(Ctx).begin(), "'name' is given twice");
};

auto const onNameIdent = [](auto &Ctx) {
  stateOf(Ctx).Result.Name = identOf(Ctx);
};

auto const onUnknownWord = [](auto &Ctx) {
  const auto &Range = x3::_attr(Ctx);
  std::string W(Range.begin(), Range.end());
  if (isReservedMode(W))
    fail(Range.begin(), "mode '" + W + "' is not supported yet");
  fail(Range.begin(), "unknown word '" + W +
                          "' in spec; expected grad, custom, wrt(...), "
                          "out(...) or name(...)");
};

auto const onUnexpectedChar = [](auto &Ctx) {
  Iterator At = x3::_attr(Ctx).begin();
  std::string Message = "unexpected character '" + describeByte(*At) + "'";
  if (*At == ',')
    Message += "; clauses are separated by white space, not commas";
  fail(At, Message);
};

//===-- Grammar ----------------------------------------------------------===//
//
// An expectation failure carries the name of the rule that failed to match,
// so each rule after a `>` is named by the complete error message.

auto const WrtOpen = x3::rule<class WrtOpenTag>{"expected '(' after 'wrt'"} =
    x3::lit('(');
auto const OutOpen = x3::rule<class OutOpenTag>{"expected '(' after 'out'"} =
    x3::lit('(');
auto const NameOpen = x3::rule<class NameOpenTag>{"expected '(' after 'name'"} =
    x3::lit('(');

auto const ListIdent = x3::rule<class ListIdentTag>{"expected an identifier"} =
    x3::raw[Word][onListIdent];
auto const NameIdent = x3::rule<class NameIdentTag>{"expected an identifier"} =
    x3::raw[Word][onNameIdent];

auto const ListClose = x3::rule<class ListCloseTag>{"expected ',' or ')'"} =
    x3::lit(')');

/// Always fails: reached only to report its name at a ',' inside name(...).
auto const NameArity =
    x3::rule<class NameArityTag>{"name(...) takes exactly one identifier"} =
        x3::eps(false);
auto const NameClose = x3::rule<class NameCloseTag>{"expected ')'"} =
    x3::lit(')') | (&x3::lit(',') > NameArity);

auto const GradClause = x3::raw[keyword("grad")][onGrad];
auto const CustomClause = x3::raw[keyword("custom")][onCustom];
auto const WrtClause = x3::raw[keyword("wrt")][startList(&Spec::Wrt, "wrt")] >
                       WrtOpen > ListIdent > *(',' > ListIdent) > ListClose;
auto const OutClause = x3::raw[keyword("out")][startList(&Spec::Out, "out")] >
                       OutOpen > ListIdent > *(',' > ListIdent) > ListClose;
auto const NameClause =
    x3::raw[keyword("name")][onName] > NameOpen > NameIdent > NameClose;

// The last two alternatives match anything the clauses do not, and report
// it; so `*Clause` either consumes the whole spec or throws.
auto const Clause = GradClause | CustomClause | WrtClause | OutClause |
                    NameClause | x3::raw[Word][onUnknownWord] |
                    x3::raw[x3::char_][onUnexpectedChar];

} // namespace

std::variant<Spec, SpecError> gradc::spec::parseSpec(std::string_view Text) {
  Iterator First = Text.data();
  Iterator Last = First + Text.size();
  State S;
  S.Begin = First;
  try {
    x3::phrase_parse(First, Last, x3::with<StateTag>(S)[*Clause], Blank);
  } catch (const x3::expectation_failure<Iterator> &E) {
    // where() is before the skipper ran; point at the offending character.
    Iterator At = E.where();
    while (At != Last && isBlank(*At))
      ++At;
    return SpecError{columnOf(S, At), E.which()};
  } catch (const Failure &F) {
    return SpecError{columnOf(S, F.Where), F.Message};
  }
  // Unreachable by construction (see Clause), but never accept silently.
  if (First != Last)
    return SpecError{columnOf(S, First),
                     "unexpected character '" + describeByte(*First) + "'"};
  // A custom pullback says what it differentiates by its own signature.
  if (S.Result.M == Spec::Mode::Custom) {
    const Ident *Extra = S.Result.Name  ? &*S.Result.Name
                         : S.Result.Wrt ? &S.Result.Wrt->front()
                         : S.Result.Out ? &S.Result.Out->front()
                                        : nullptr;
    if (Extra)
      return SpecError{Extra->Column,
                       "a custom pullback takes no wrt(...), out(...) or "
                       "name(...): its signature says what it "
                       "differentiates"};
  }
  return std::move(S.Result);
}
