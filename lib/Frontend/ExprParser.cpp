//===- ExprParser.cpp - The expression language (Boost.Spirit X3) ---------===//
//
// The grammar of Expr.h, building an ast::Program. Syntax errors surface as
// x3::expectation_failure at `>` points, named by the rule that failed;
// the actions raise a Failure for a number out of range or an expression
// nested too deeply. Both become an ExprError; nothing escapes. Names,
// functions and arities are the lowering's business (ExprLowering.cpp).
//
//===----------------------------------------------------------------------===//
#include "Bytes.h"
#include "ExprAst.h"
#include "ParseFailure.h"

#include "gradc/IR/Verifier.h"

#include <boost/spirit/home/x3.hpp>

#include <algorithm>
#include <charconv>
#include <string>
#include <utility>

using namespace gradc;
using namespace gradc::expr::ast;
using gradc::expr::ExprError;
namespace ast = gradc::expr::ast;
namespace x3 = boost::spirit::x3;
using gradc::parse::fail;
using gradc::parse::Failure;
namespace fusion = boost::fusion;

namespace {

using Iterator = const char *;

/// What the actions build. Reached through x3::with<StateTag>.
struct State {
  Iterator Begin;
  Program Result;
  unsigned Nesting = 0; ///< Open levels of the recursive rules.
};
struct StateTag;

template <typename Context> State &stateOf(const Context &Ctx) {
  return x3::get<StateTag>(Ctx);
}

template <typename Range> unsigned columnOf(const State &S, const Range &R) {
  return static_cast<unsigned>(R.begin() - S.Begin);
}

template <typename Range> std::string textOf(const Range &R) {
  return std::string(R.begin(), R.end());
}

/// Appends N; refuses a node deeper than MaxDepth.
int addNode(State &S, Node N) {
  for (int K : N.Kids)
    N.Depth = std::max(N.Depth, S.Result.Nodes[K].Depth + 1);
  if (N.Depth > MaxDepth)
    fail(S.Begin + N.Col, "expression too deep (more than " +
                              std::to_string(MaxDepth) +
                              " operations inside one another); split it "
                              "into statements");
  S.Result.Nodes.push_back(std::move(N));
  return static_cast<int>(S.Result.Nodes.size() - 1);
}

//===-- nest[p]: bounds the recursion of the grammar ----------------------===//
//
// Parentheses and signs nest without making nodes ("((((x))))", "----x"), so
// the node depth alone does not bound the parser's own recursion.

template <typename Subject>
struct NestDirective : x3::unary_parser<Subject, NestDirective<Subject>> {
  using Base = x3::unary_parser<Subject, NestDirective<Subject>>;
  static bool const is_pass_through_unary = true;
  constexpr NestDirective(const Subject &S) : Base(S) {}

  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It &First, const It &Last, const Ctx &C, RCtx &R, Attr &A) const {
    State &S = stateOf(C);
    if (S.Nesting >= MaxDepth)
      fail(First, "expression nested too deeply (more than " +
                      std::to_string(MaxDepth) + " levels)");
    ++S.Nesting;
    struct Leave {
      unsigned &N;
      ~Leave() { --N; }
    } L{S.Nesting};
    return this->subject.parse(First, Last, C, R, A);
  }
};

struct NestGen {
  template <typename Subject>
  constexpr NestDirective<
      typename x3::extension::as_parser<Subject>::value_type>
  operator[](const Subject &S) const {
    return {x3::as_parser(S)};
  }
};
constexpr NestGen nest{};

//===-- ranged[p]: the text p matched ------------------------------------===//
//
// x3::raw[p] inside a sequence gives the actions a placeholder, not the
// range; a rule with the range as its attribute makes it one.

using Range = boost::iterator_range<Iterator>;

struct RangedGen {
  template <typename Subject> auto operator[](const Subject &S) const {
    return x3::rule<struct RangedTag, Range>{"ranged"} = x3::raw[S];
  }
};
constexpr RangedGen ranged{};

//===-- Lexical pieces ----------------------------------------------------===//

auto const IdentHead = x3::char_("a-zA-Z_");
auto const IdentTail = x3::char_("a-zA-Z0-9_");
auto const Digit = x3::char_("0-9");
auto const Blank = x3::char_(" \t\n\v\f\r");
auto const Word = x3::lexeme[IdentHead >> *IdentTail];
/// A decimal literal, as C++ spells one: 2, 2.5, .5, 2., 1e-3.
auto const NumberText =
    x3::lexeme[(+Digit >> -('.' >> *Digit) | '.' >> +Digit) >>
               -(x3::char_("eE") >> -x3::char_("+-") >> +Digit)];
auto keyword(const char *K) { return x3::lexeme[x3::lit(K) >> !IdentTail]; }

/// The bytes the language is written in; anything else is reported as an
/// unexpected character rather than as a missing piece of grammar.
bool inAlphabet(char C) {
  return (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z') ||
         (C >= '0' && C <= '9') || bytes::isBlank(C) ||
         std::string_view("_.+-*/^(),;={}").find(C) != std::string_view::npos;
}

//===-- Actions: expressions ----------------------------------------------===//

auto const setVal = [](auto &Ctx) { x3::_val(Ctx) = x3::_attr(Ctx); };

/// A node of kind K named by the text R: a number, a variable, a call.
template <typename Range>
Node namedNode(const State &S, Node::Kind K, const Range &R) {
  Node N;
  N.K = K;
  N.Col = N.OpCol = columnOf(S, R);
  N.Text = textOf(R);
  return N;
}

auto const onNumber = [](auto &Ctx) {
  State &S = stateOf(Ctx);
  const auto &R = x3::_attr(Ctx);
  Node N = namedNode(S, Node::Number, R);
  // from_chars, not strtod: the decimal point must not depend on the locale.
  auto [End, Err] = std::from_chars(R.begin(), R.end(), N.Val);
  if (Err != std::errc() || End != R.end())
    fail(R.begin(), "number '" + N.Text + "' is out of the range of double");
  x3::_val(Ctx) = addNode(S, std::move(N));
};

auto const onVar = [](auto &Ctx) {
  State &S = stateOf(Ctx);
  x3::_val(Ctx) = addNode(S, namedNode(S, Node::Var, x3::_attr(Ctx)));
};

auto const onCall = [](auto &Ctx) {
  State &S = stateOf(Ctx);
  Node N = namedNode(S, Node::Call, fusion::at_c<0>(x3::_attr(Ctx)));
  N.Kids = fusion::at_c<1>(x3::_attr(Ctx));
  x3::_val(Ctx) = addNode(S, std::move(N));
};

/// `-u` or `+u`.
auto const onSign = [](auto &Ctx) {
  State &S = stateOf(Ctx);
  const auto &R = fusion::at_c<0>(x3::_attr(Ctx));
  Node N;
  N.K = *R.begin() == '-' ? Node::Neg : Node::Plus;
  N.Col = N.OpCol = columnOf(S, R);
  N.Kids = {fusion::at_c<1>(x3::_attr(Ctx))};
  x3::_val(Ctx) = addNode(S, std::move(N));
};

/// `_val op rhs`, where the operator's range and rhs are the attribute.
auto const onBinary = [](auto &Ctx) {
  State &S = stateOf(Ctx);
  const auto &R = fusion::at_c<0>(x3::_attr(Ctx));
  int Lhs = x3::_val(Ctx);
  Node N;
  N.K = Node::Binary;
  N.Op = *R.begin();
  N.Col = S.Result.Nodes[Lhs].Col;
  N.OpCol = columnOf(S, R);
  N.Kids = {Lhs, fusion::at_c<1>(x3::_attr(Ctx))};
  x3::_val(Ctx) = addNode(S, std::move(N));
};

//===-- Actions: statements and the function ------------------------------===//

template <typename Context> Ident identOf(const Context &Ctx) {
  const auto &R = x3::_attr(Ctx);
  return Ident{textOf(R), columnOf(stateOf(Ctx), R)};
}

auto const onFunctionName = [](auto &Ctx) {
  stateOf(Ctx).Result.Name = identOf(Ctx);
};

auto const onParam = [](auto &Ctx) {
  stateOf(Ctx).Result.Params.push_back(identOf(Ctx));
};

/// Appends a statement of kind K whose attribute is (range, expression).
template <Stmt::Kind K> auto onStmt() {
  return [](auto &Ctx) {
    State &S = stateOf(Ctx);
    const auto &R = fusion::at_c<0>(x3::_attr(Ctx));
    Stmt St;
    St.K = K;
    St.Begin = columnOf(S, R);
    if (K == Stmt::Assign)
      St.Target = Ident{textOf(R), St.Begin};
    St.Expr = fusion::at_c<1>(x3::_attr(Ctx));
    S.Result.Body.push_back(std::move(St));
  };
}

auto const onBareStmt = [](auto &Ctx) {
  Stmt St;
  St.K = Stmt::Bare;
  St.Expr = x3::_attr(Ctx);
  stateOf(Ctx).Result.Body.push_back(std::move(St));
};

/// Around a whole statement: where its text begins and ends.
auto const onStmtText = [](auto &Ctx) {
  State &S = stateOf(Ctx);
  const auto &R = x3::_attr(Ctx);
  Stmt &St = S.Result.Body.back();
  St.Begin = columnOf(S, R);
  St.End = static_cast<unsigned>(R.end() - S.Begin);
  S.Result.BodyEnd = St.End;
};

//===-- Grammar -----------------------------------------------------------===//
//
// An expectation failure carries the name of the rule that failed to match,
// so each rule after a `>` is named by the complete error message.

x3::rule<class ExprTag, int> const Expr = "expected an expression";
x3::rule<class TermTag, int> const Term = "expected an expression";
x3::rule<class UnaryTag, int> const Unary = "expected an expression";
x3::rule<class PowerTag, int> const Power = "expected an expression";
x3::rule<class PrimaryTag, int> const Primary = "expected an expression";
x3::rule<class NumberTag, int> const Number = "expected a number";
x3::rule<class VarTag, int> const Var = "expected a name";
x3::rule<class CallTag, int> const Call = "expected a call";
x3::rule<class ArgsTag, std::vector<int>> const Args = "expected arguments";

auto const CloseParen = x3::rule<class CloseParenTag>{"expected ')'"} = ')';
auto const CloseCall = x3::rule<class CloseCallTag>{"expected ',' or ')'"} =
    ')';

auto const Expr_def = Term[setVal] >>
                      *(ranged[x3::char_("+-")] > Term)[onBinary];
auto const Term_def = Unary[setVal] >>
                      *(ranged[x3::char_("*/")] > Unary)[onBinary];
// Signs bind looser than ^ (-x^2 is -(x^2)) and the exponent may carry one
// (x^-2); ^ is right-associative (x^y^z is x^(y^z)).
auto const Unary_def =
    nest[(ranged[x3::char_("+-")] > Unary)[onSign] | Power[setVal]];
auto const Power_def = Primary[setVal] >>
                       -(ranged[x3::lit('^')] > Unary)[onBinary];
auto const Primary_def = Number | Call | Var | ('(' > Expr > CloseParen);
auto const Number_def = x3::raw[NumberText][onNumber];
auto const Var_def = x3::raw[Word][onVar];
auto const Call_def = ((ranged[Word] >> '(') > Args > CloseCall)[onCall];
auto const Args_def = -(Expr >> *(',' > Expr));

BOOST_SPIRIT_DEFINE(Expr, Term, Unary, Power, Primary, Number, Var, Call, Args)

auto const ReturnStmt =
    (ranged[keyword("return")] > Expr)[onStmt<Stmt::Return>()];
auto const AssignStmt = ((ranged[Word] >> '=') > Expr)[onStmt<Stmt::Assign>()];
auto const Statement =
    x3::raw[ReturnStmt | AssignStmt | Expr[onBareStmt]][onStmtText];
// Empty statements (`;;`, a `;` at the end) are allowed, as in C++.
auto const Body = x3::rule<class BodyTag>{
    "expected an expression"} = Statement % +x3::lit(';') >> *x3::lit(';');

auto const FunctionName =
    x3::rule<class FunctionNameTag>{
        "expected a function name, as in f(x, y) = x * y"} =
        x3::raw[Word][onFunctionName];
auto const ParamName =
    x3::rule<class ParamNameTag>{"expected a parameter name"} =
        x3::raw[Word][onParam];
auto const OpenParams =
    x3::rule<class OpenParamsTag>{"expected '(' and the parameters"} = '(';
auto const CloseParams = x3::rule<class CloseParamsTag>{"expected ',' or ')'"} =
    ')';
auto const EndOfText =
    x3::rule<class EndOfTextTag>{"expected an operator or ';'"} = x3::eoi;
auto const CloseBrace =
    x3::rule<class CloseBraceTag>{"expected an operator, ';' or '}'"} = '}';
auto const AfterBrace =
    x3::rule<class AfterBraceTag>{"unexpected text after '}'"} = x3::eoi;
auto const Definition =
    x3::rule<class DefinitionTag>{"expected '=' or '{' after the parameters"} =
        ('=' > Body > EndOfText) | ('{' > Body > CloseBrace > AfterBrace);

auto const Function = FunctionName > OpenParams > ParamName >
                      *(',' > ParamName) > CloseParams > Definition;

ExprError errorAt(const State &S, Iterator At, Iterator Last,
                  std::string Message) {
  if (At != Last && !inAlphabet(*At))
    Message = "unexpected character '" + bytes::describeByte(*At) + "'";
  return ExprError{static_cast<unsigned>(At - S.Begin), std::move(Message)};
}

} // namespace

std::variant<Program, ExprError> ast::parse(std::string_view Text) {
  Iterator First = Text.data();
  Iterator Last = First + Text.size();
  State S;
  S.Begin = First;
  try {
    x3::phrase_parse(First, Last, x3::with<StateTag>(S)[Function], Blank);
  } catch (const x3::expectation_failure<Iterator> &E) {
    // where() is before the skipper ran; point at the offending character.
    Iterator At = E.where();
    while (At != Last && bytes::isBlank(*At))
      ++At;
    return errorAt(S, At, Last, E.which());
  } catch (const Failure &F) {
    return ExprError{static_cast<unsigned>(F.Where - S.Begin), F.Message};
  }
  // Function starts with an expectation point, so a failure to match is
  // always reported above; never accept silently all the same.
  if (First != Last || S.Result.Body.empty())
    return errorAt(S, First, Last, "expected a function, as in f(x) = x * x");
  return std::move(S.Result);
}

std::variant<std::unique_ptr<ir::Function>, ExprError>
expr::parseExpr(std::string_view Text) {
  try {
    std::variant<Program, ExprError> P = ast::parse(Text);
    if (auto *E = std::get_if<ExprError>(&P))
      return std::move(*E);
    auto F = ast::lower(std::get<Program>(P), Text);
    if (auto *Fn = std::get_if<std::unique_ptr<ir::Function>>(&F)) {
      std::vector<std::string> Problems = ir::verify(**Fn);
      if (!Problems.empty())
        return ExprError{0, "internal error: invalid IR: " + Problems.front()};
    }
    return F;
  } catch (const std::exception &E) {
    // Out of memory, in practice: still a diagnostic, not a crash.
    return ExprError{0, std::string("internal error: ") + E.what()};
  }
}
