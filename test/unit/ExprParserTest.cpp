//===- ExprParserTest.cpp - The expression language -----------------------===//
#include "gradc/Frontend/Expr.h"
#include "gradc/IR/Verifier.h"

#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace gradc;
using namespace gradc::expr;

namespace {

/// Parses a text that must be valid.
std::unique_ptr<ir::Function> ok(std::string_view Text) {
  auto R = parseExpr(Text);
  if (const auto *E = std::get_if<ExprError>(&R)) {
    ADD_FAILURE() << "'" << Text << "' rejected at column " << E->Column << ": "
                  << E->Message;
    return nullptr;
  }
  return std::get<std::unique_ptr<ir::Function>>(std::move(R));
}

/// Parses a text that must be invalid.
ExprError err(std::string_view Text) {
  auto R = parseExpr(Text);
  if (!std::holds_alternative<ExprError>(R)) {
    ADD_FAILURE() << "'" << Text << "' accepted";
    return ExprError{~0u, ""};
  }
  return std::get<ExprError>(R);
}

void expectError(std::string_view Text, unsigned Column,
                 const std::string &Message) {
  SCOPED_TRACE("expr: '" + std::string(Text) + "'");
  ExprError E = err(Text);
  EXPECT_EQ(E.Column, Column);
  EXPECT_EQ(E.Message, Message);
}

/// A value fully parenthesized, so that tests read the tree the parser
/// built: variables by name, constants by value.
std::string tree(const ir::Value *V, bool Top = true) {
  using ir::OpCode;
  if (V->Code == OpCode::Param || (!Top && !V->Name.empty()))
    return V->Name;
  std::ostringstream OS;
  switch (V->Code) {
  case OpCode::Const:
    OS << V->FVal;
    return OS.str();
  case OpCode::Copy:
    return tree(V->Operands[0], false);
  case OpCode::Neg:
    return "(-" + tree(V->Operands[0], false) + ")";
  case OpCode::Call: {
    std::string S = std::string(ir::mathFnName(V->Fn)) + "(";
    for (size_t I = 0; I < V->Operands.size(); ++I)
      S += (I ? ", " : "") + tree(V->Operands[I], false);
    return S + ")";
  }
  default:
    return "(" + tree(V->Operands[0], false) + " " + ir::binarySymbol(V->Code) +
           " " + tree(V->Operands[1], false) + ")";
  }
}

/// The tree of what the function returns.
std::string returned(std::string_view Text) {
  std::unique_ptr<ir::Function> F = ok(Text);
  if (!F || F->Body.Ops.empty())
    return "<none>";
  const ir::Value *Ret = F->Body.Ops.back();
  EXPECT_EQ(Ret->Code, ir::OpCode::Return);
  return tree(Ret->Operands[0]);
}

/// The tree of a one-parameter body.
std::string body(const std::string &Expr) {
  return returned("f(x, y) = " + Expr);
}

TEST(ExprParser, Signature) {
  std::unique_ptr<ir::Function> F = ok("loss(w, x_1, B) = w");
  ASSERT_TRUE(F);
  EXPECT_EQ(F->Name, "loss");
  EXPECT_EQ(F->File, "<expr>");
  EXPECT_EQ(F->RetTy, ir::Type::f64());
  ASSERT_EQ(F->Params.size(), 3u);
  EXPECT_EQ(F->Params[1].V->Name, "x_1");
  EXPECT_EQ(F->Params[1].V->Ty, ir::Type::f64());
  EXPECT_EQ(F->Params[1].Spelling, "double");
  EXPECT_TRUE(ir::verify(*F).empty());
}

TEST(ExprParser, Precedence) {
  EXPECT_EQ(body("x + y * 2"), "(x + (y * 2))");
  EXPECT_EQ(body("(x + y) * 2"), "((x + y) * 2)");
  EXPECT_EQ(body("x - y - x"), "((x - y) - x)");
  EXPECT_EQ(body("x / y / x"), "((x / y) / x)");
  EXPECT_EQ(body("x * y / x"), "((x * y) / x)");
  EXPECT_EQ(body("x - y * x + y"), "((x - (y * x)) + y)");
  EXPECT_EQ(body("x * y^3"), "(x * pow(y, 3))");
  EXPECT_EQ(body("-x * y"), "((-x) * y)");
}

TEST(ExprParser, PowerIsRightAssociative) {
  EXPECT_EQ(body("x^y^x"), "pow(x, pow(y, x))");
  EXPECT_EQ(body("(x^y)^x"), "pow(pow(x, y), x)");
}

TEST(ExprParser, UnaryMinusBindsLooserThanPower) {
  EXPECT_EQ(body("-x^2"), "(-(x * x))");
  EXPECT_EQ(body("(-x)^2"), "((-x) * (-x))");
  EXPECT_EQ(body("x^-y"), "pow(x, (-y))");
  EXPECT_EQ(body("2^-x^y"), "pow(2, (-pow(x, y)))");
  EXPECT_EQ(body("- -x"), "(-(-x))");
  EXPECT_EQ(body("+x"), "x");
  EXPECT_EQ(body("x - -y"), "(x - (-y))");
}

TEST(ExprParser, SquareIsAProduct) {
  // As the seeds write it, for the derivative 2 * x * d.
  EXPECT_EQ(body("x^2"), "(x * x)");
  EXPECT_EQ(body("(x + y)^2.0"), "((x + y) * (x + y))");
  EXPECT_EQ(body("x^3"), "pow(x, 3)");
  EXPECT_EQ(body("x^-2"), "pow(x, -2)");
  EXPECT_EQ(body("pow(x, 2)"), "pow(x, 2)"); // as written
}

TEST(ExprParser, ConstantsFoldAndKeepTheirSpelling) {
  EXPECT_EQ(body("-2"), "-2");
  EXPECT_EQ(body("x * (1 / 2)"), "(x * 0.5)"); // never C++ integer division
  EXPECT_EQ(body("x + 2 * 3"), "(x + 6)");
  EXPECT_EQ(body("x * 1e-3"), "(x * 0.001)");
  EXPECT_EQ(body("x * .5 + 2."), "((x * 0.5) + 2)");
  std::unique_ptr<ir::Function> F = ok("f(x) = 1.50 * x");
  ASSERT_TRUE(F);
  EXPECT_EQ(F->Body.Ops[0]->Text, "1.50");
  // 010 is octal in C++: not kept as spelled.
  F = ok("f(x) = 010 * x");
  ASSERT_TRUE(F);
  EXPECT_EQ(F->Body.Ops[0]->FVal, 10);
  EXPECT_EQ(F->Body.Ops[0]->Text, "");
}

TEST(ExprParser, Functions) {
  EXPECT_EQ(body("exp(x) + log(y)"), "(exp(x) + log(y))");
  EXPECT_EQ(body("atan2(y, x)"), "atan2(y, x)");
  EXPECT_EQ(body("max(x, y) - min(x, y)"), "(max(x, y) - min(x, y))");
  EXPECT_EQ(body("fabs(x) * abs(y)"), "(fabs(x) * abs(y))");
  // As written in C++, which the reverse mode knows.
  EXPECT_EQ(body("sigmoid(x)"), "(1 / (1 + exp((-x))))");
  EXPECT_EQ(body("sigmoid(-2)"), "(1 / (1 + exp(2)))");
  EXPECT_EQ(body("relu(x)"), "max(0, x)");
  EXPECT_EQ(body("softplus(x)"), "log1p(exp(x))");
  EXPECT_EQ(body("exp(-x)"), "exp((-x))");
}

TEST(ExprParser, StatementsNameTheirOps) {
  std::unique_ptr<ir::Function> F =
      ok("f(x, y) = a = x * y; b = a + 1;\n return b * a");
  ASSERT_TRUE(F);
  std::vector<std::string> Names;
  for (const ir::Value *V : F->Body.Ops)
    if (V->hasResult() && !V->isConst())
      Names.push_back(V->Name);
  EXPECT_EQ(Names, (std::vector<std::string>{"a", "b", ""}));
  ASSERT_EQ(F->Stmts.size(), 3u);
  EXPECT_EQ(F->Stmts[0].Text, "a = x * y");
  EXPECT_EQ(F->Stmts[2].Text, "return b * a");
  // 1-based, as a compiler counts; the third statement is on line 2.
  EXPECT_EQ(F->Stmts[0].Loc.Line, 1u);
  EXPECT_EQ(F->Stmts[0].Loc.Col, 11u);
  EXPECT_EQ(F->Stmts[2].Loc.Line, 2u);
  EXPECT_EQ(F->Stmts[2].Loc.Col, 2u);
  EXPECT_EQ(F->Body.Ops[0]->Stmt, 0);
  EXPECT_EQ(returned("f(x, y) = a = x * y; b = a + 1; return b * a"),
            "(b * a)");
}

TEST(ExprParser, OneExpressionIsTheWholeDefinition) {
  std::unique_ptr<ir::Function> F = ok("f(x)  =  x *\tx");
  ASSERT_TRUE(F);
  ASSERT_EQ(F->Stmts.size(), 1u);
  EXPECT_EQ(F->Stmts[0].Text, "f(x) = x * x");
  EXPECT_EQ(F->Stmts[0].Loc.Col, 1u);
}

TEST(ExprParser, AssigningAnOlderValueCopiesIt) {
  std::unique_ptr<ir::Function> F = ok("f(x) = a = x; b = a; return a * b");
  ASSERT_TRUE(F);
  ASSERT_GE(F->Body.Ops.size(), 2u);
  EXPECT_EQ(F->Body.Ops[0]->Code, ir::OpCode::Copy);
  EXPECT_EQ(F->Body.Ops[0]->Name, "a");
  EXPECT_EQ(F->Body.Ops[1]->Code, ir::OpCode::Copy);
  EXPECT_EQ(F->Body.Ops[1]->Name, "b");
}

TEST(ExprParser, VariablesMayBeReassigned) {
  EXPECT_EQ(returned("f(x) = a = x * x; a = a + x; return a"), "(a + x)");
}

TEST(ExprParser, FormsOfTheBody) {
  const std::string Want = "(a * x)";
  EXPECT_EQ(returned("f(x) = a = x + 1; return a * x"), Want);
  EXPECT_EQ(returned("f(x) = a = x + 1; a * x"), Want);
  EXPECT_EQ(returned("f(x) = a = x + 1; return a * x;"), Want);
  EXPECT_EQ(returned("f(x) { a = x + 1; return a * x }"), Want);
  EXPECT_EQ(returned("f(x) {\n  a = x + 1;;\n  return a * x;\n}\n"), Want);
  EXPECT_EQ(returned("  f ( x ) = return x"), "x");
  // A keyword only as a whole word.
  EXPECT_EQ(returned("f(returns) = returns"), "returns");
}

TEST(ExprParser, SyntaxErrors) {
  expectError("", 0, "expected a function, as in f(x) = x * x");
  expectError("f", 1, "expected '(' and the parameters");
  expectError("f()", 2, "expected a parameter name");
  expectError("f(x", 3, "expected ',' or ')'");
  expectError("f(x,)", 4, "expected a parameter name");
  expectError("f(x)", 4, "expected '=' or '{' after the parameters");
  expectError("f(x) =", 6, "expected an expression");
  expectError("f(x) = x +", 10, "expected an expression");
  expectError("f(x) = x y", 9, "expected an operator or ';'");
  expectError("f(x) = (x", 9, "expected ')'");
  expectError("f(x) = exp(x", 12, "expected ',' or ')'");
  expectError("f(x) = max(x,)", 13, "expected an expression");
  expectError("f(x) = x^", 9, "expected an expression");
  expectError("f(x) { x", 8, "expected an operator, ';' or '}'");
  expectError("f(x) { x } y", 11, "unexpected text after '}'");
  expectError("f(x) = x == 1", 10, "expected an expression");
  expectError("f(x) = return", 13, "expected an expression");
}

TEST(ExprParser, UnexpectedCharacters) {
  expectError("f(x) = x $ 1", 9, "unexpected character '$'");
  expectError("f(x) = x\x01", 8, "unexpected character '\\x01'");
  expectError("f(x) = \xC3\xA9", 7, "unexpected character '\\xC3'");
  expectError(std::string_view("f(x) = x\0", 9), 8,
              "unexpected character '\\x00'");
}

TEST(ExprParser, MeaningErrors) {
  expectError("f(x) = sigmod(x)", 7,
              "unknown function 'sigmod'; did you mean 'sigmoid'?");
  expectError("f(x) = foo(x)", 7, "unknown function 'foo'");
  expectError("f(x) = sigmoid(x, x)", 7, "'sigmoid' takes 1 argument, not 2");
  expectError("f(x) = max(x)", 7, "'max' takes 2 arguments, not 1");
  expectError("f(x) = exp()", 7, "'exp' takes 1 argument, not 0");
  expectError("f(x) = x + z", 11, "undefined variable 'z'");
  expectError("f(x) = exp + 1", 7, "'exp' is a function; call it as exp(...)");
  expectError("f(x, y, x) = x", 8, "duplicate parameter 'x'");
  expectError("f(x) = x = 2; return x", 7,
              "cannot assign to the parameter 'x'; use a new name");
  expectError("f(x) = a = x * x", 16,
              "missing 'return': end the body with 'return <expr>'");
  expectError("f(x) { a = x; }", 12,
              "missing 'return': end the body with 'return <expr>'");
  expectError("f(x) = return x; a = 1", 17,
              "code after 'return'; 'return' ends the function");
  expectError("f(x) = x; return x", 7,
              "this value is neither assigned nor returned; write "
              "'name = ...' or 'return ...'");
  expectError("f(x) = a = b; b = x; return a", 11, "undefined variable 'b'");
  expectError("f(x) = 1e999 * x", 7,
              "number '1e999' is out of the range of double");
}

TEST(ExprParser, NamesThatCxxWouldMisread) {
  expectError("double(x) = x", 0,
              "'double' is a C++ keyword and cannot name the function");
  expectError("f(int) = 1", 2,
              "'int' is a C++ keyword and cannot name a parameter");
  expectError("f(x) = new = x; return new", 7,
              "'new' is a C++ keyword and cannot name a variable");
  expectError("f(__x) = 1", 2,
              "'__x' is reserved in C++ (it has a double underscore, or an "
              "underscore and a capital letter) and cannot name a parameter");
  expectError("f(x) = NAN = x; return NAN", 7,
              "'NAN' is a macro of <cmath> or <gradc/gradc.h> and cannot "
              "name a variable");
}

TEST(ExprParser, ErrorsInSourceOrder) {
  // The leftmost problem is the one reported.
  expectError("f(x) = foo(z)", 7, "unknown function 'foo'");
  expectError("f(x) = z + foo(x)", 7, "undefined variable 'z'");
  expectError("f(x) = a = z; x; b", 11, "undefined variable 'z'");
}

TEST(ExprParser, RenderError) {
  EXPECT_EQ(renderError("f(x) = sigmod(x)", {7, "unknown function 'sigmod'"}),
            "unknown function 'sigmod'\n"
            "  f(x) = sigmod(x)\n"
            "         ^\n");
  // At the end, past the last character.
  EXPECT_EQ(renderError("f(x) = x +", {10, "expected an expression"}),
            "expected an expression\n"
            "  f(x) = x +\n"
            "            ^\n");
  // A column past the end is clamped, never read.
  EXPECT_EQ(renderError("f", {99, "m"}), "m\n  f\n   ^\n");
  // Only the line holding the column; tabs kept so the caret lines up.
  EXPECT_EQ(renderError("f(x) =\n\tx + z", {12, "undefined variable 'z'"}),
            "undefined variable 'z'\n"
            "  \tx + z\n"
            "  \t    ^\n");
  // A UTF-8 character is one column; control bytes show as blanks.
  EXPECT_EQ(renderError("f(\xC3\xA9) = \x01", {8, "m"}),
            "m\n  f(\xC3\xA9) =  \n" + std::string(2 + 7, ' ') + "^\n");
}

TEST(ExprParser, DeepNestingIsAnErrorNotACrash) {
  std::string Parens =
      "f(x) = " + std::string(100000, '(') + "x" + std::string(100000, ')');
  EXPECT_NE(err(Parens).Message.find("nested too deeply"), std::string::npos);
  std::string Signs = "f(x) = " + std::string(100000, '-') + "x";
  EXPECT_NE(err(Signs).Message.find("nested too deeply"), std::string::npos);
  std::string Powers = "f(x) = x";
  for (int I = 0; I < 20000; ++I)
    Powers += "^x";
  EXPECT_NE(err(Powers).Message.find("nested too deeply"), std::string::npos);
  std::string Sum = "f(x) = x";
  for (int I = 0; I < 20000; ++I)
    Sum += "+x";
  EXPECT_NE(err(Sum).Message.find("too deep"), std::string::npos);
  // What a person writes is far from the limits.
  std::string Fine =
      "f(x) = " + std::string(50, '(') + "x" + std::string(50, ')');
  for (int I = 0; I < 100; ++I)
    Fine += "+x";
  EXPECT_TRUE(ok(Fine));
}

/// Whatever the text: an error inside or at the end of it, with a message,
/// or a function that verifies.
void checkRobust(const std::string &Text) {
  SCOPED_TRACE("expr: '" + Text + "'");
  auto R = parseExpr(Text);
  if (const auto *E = std::get_if<ExprError>(&R)) {
    EXPECT_LE(E->Column, Text.size());
    EXPECT_FALSE(E->Message.empty());
    EXPECT_FALSE(renderError(Text, *E).empty());
  } else {
    EXPECT_TRUE(
        ir::verify(*std::get<std::unique_ptr<ir::Function>>(R)).empty());
  }
}

TEST(ExprParser, AllPrefixesOfValidTexts) {
  for (std::string Valid :
       {"f(x, y) = (x + sigmoid(y)) / (sigmoid(x) + (x + y)^2)",
        "g(a) { b = -a^2; c = max(b, 1.5e-3); return relu(c) * b; }"}) {
    ASSERT_TRUE(ok(Valid)) << Valid;
    for (size_t N = 0; N <= Valid.size(); ++N)
      checkRobust(Valid.substr(0, N)); // a copy: ASan sees reads past it
  }
}

TEST(ExprParser, RandomTexts) {
  std::mt19937 Rng(20240612);
  const std::vector<std::string> Pieces = {
      "f",   "(",       ")",   "x", "y",      ",",
      "=",   ";",       "{",   "}", "return", "+",
      "-",   "*",       "/",   "^", "2",      "1.5e3",
      "exp", "sigmoid", "max", " ", "\n",     std::string(1, '\0'),
      "\xFF"};
  std::uniform_int_distribution<int> Len(0, 30), Byte(0, 255),
      Piece(0, static_cast<int>(Pieces.size()) - 1);
  size_t Accepted = 0;
  for (int Iter = 0; Iter < 5000; ++Iter) {
    std::string Text = Iter % 2 ? "" : "f(x, y) = ";
    int N = Len(Rng);
    for (int I = 0; I < N; ++I)
      Text += Iter % 4 == 1 ? std::string(1, static_cast<char>(Byte(Rng)))
                            : Pieces[Piece(Rng)];
    checkRobust(Text);
    Accepted += !std::holds_alternative<ExprError>(parseExpr(Text));
  }
  EXPECT_GT(Accepted, 0u);
}

} // namespace
