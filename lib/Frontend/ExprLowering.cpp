//===- ExprLowering.cpp - The expression language to IR -------------------===//
//
// Lowers an ast::Program to the IR the Clang front end would build from the
// same function written in C++: sigmoid(u) becomes `1.0 / (1 + exp(-u))`,
// x^2 becomes `x * x`, each assignment names the op it defines. So the
// reverse mode and the emitters treat both front ends' functions alike.
//
// Errors are reported in source order: each statement's shape is checked
// before its expression is lowered, and operands before the ops that use
// them.
//
//===----------------------------------------------------------------------===//
#include "Bytes.h"
#include "CxxNames.h"
#include "ExprAst.h"

#include "gradc/IR/Builder.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

using namespace gradc;
using namespace gradc::expr::ast;
using gradc::expr::ExprError;
namespace ast = gradc::expr::ast;
using ir::MathFn;
using ir::Scalar;
using ir::Value;

namespace {

/// Unwinds the lowering to lower(), which returns it.
struct Failure {
  ExprError E;
};

[[noreturn]] void fail(unsigned Col, std::string Message) {
  throw Failure{{Col, std::move(Message)}};
}

//===-- Functions ---------------------------------------------------------===//

/// The functions of the language beyond the IR's own math functions.
enum class Extra { None, Sigmoid, Relu, Softplus };

struct Callee {
  Extra X = Extra::None;
  MathFn Fn = MathFn::Exp;
  unsigned Arity = 1;
};

/// Every function name: the IR's math functions as C++ spells them without
/// `std::` (exp, ..., max, min, abs), then the language's own.
std::map<std::string, Callee> functionTable() {
  std::map<std::string, Callee> T;
  for (unsigned I = 0; I < ir::NumMathFns; ++I) {
    auto Fn = static_cast<MathFn>(I);
    // Of the same name, the first: hypot of two arguments.
    if (ir::mathFnKind(Fn) != ir::MathKind::Runtime)
      T.emplace(ir::mathFnName(Fn),
                Callee{Extra::None, Fn, ir::mathFnArity(Fn)});
  }
  T["sigmoid"] = {Extra::Sigmoid, MathFn::Exp, 1};
  T["relu"] = {Extra::Relu, MathFn::StdMax, 1};
  T["softplus"] = {Extra::Softplus, MathFn::Log1p, 1};
  return T;
}

const std::map<std::string, Callee> &functions() {
  static const std::map<std::string, Callee> Table = functionTable();
  return Table;
}

/// Levenshtein distance, for "did you mean".
unsigned distance(const std::string &A, const std::string &B) {
  std::vector<unsigned> Row(B.size() + 1);
  for (unsigned J = 0; J <= B.size(); ++J)
    Row[J] = J;
  for (unsigned I = 1; I <= A.size(); ++I) {
    unsigned Diagonal = Row[0];
    Row[0] = I;
    for (unsigned J = 1; J <= B.size(); ++J) {
      unsigned Up = Row[J];
      Row[J] = std::min({Row[J] + 1, Row[J - 1] + 1,
                         Diagonal + (A[I - 1] == B[J - 1] ? 0u : 1u)});
      Diagonal = Up;
    }
  }
  return Row[B.size()];
}

std::string unknownFunction(const std::string &Name) {
  std::string Message = "unknown function '" + Name + "'";
  const std::string *Best = nullptr;
  // Only near misses: one edit in three characters.
  unsigned BestDistance = std::max<unsigned>(2, Name.size() / 3 + 1);
  for (const auto &Entry : functions()) {
    unsigned D = distance(Name, Entry.first);
    if (D < BestDistance) {
      BestDistance = D;
      Best = &Entry.first;
    }
  }
  if (Best)
    Message += "; did you mean '" + *Best + "'?";
  return Message;
}

//===-- The lowering ------------------------------------------------------===//

class Lowering {
public:
  Lowering(const Program &P, std::string_view Text)
      : P(P), Text(Text), F(std::make_unique<ir::Function>()), B(*F, F->Body) {}

  std::unique_ptr<ir::Function> run();

private:
  void declare();
  void statement(unsigned I);
  int addStatement(const Stmt &St);
  Value *node(int I);
  Value *number(const Node &N);
  Value *variable(const Node &N);
  Value *binary(const Node &N);
  Value *call(const Node &N);
  Value *constant(double V, std::string Spelling = "");
  Value *negate(Value *V);
  Value *arith(char Op, Value *L, Value *R);

  ir::SourceLoc locOf(unsigned Col) const;
  void at(unsigned Col) { B.setOrigin(CurStmt, locOf(Col)); }
  void checkName(const Ident &Id, const char *What) const;

  const Program &P;
  std::string_view Text;
  std::unique_ptr<ir::Function> F;
  ir::Builder B;
  std::map<std::string, Value *> Vars;
  int CurStmt = -1;
};

ir::SourceLoc Lowering::locOf(unsigned Col) const {
  // Line and column as a C++ compiler counts them, 1-based, should the
  // expression span several lines.
  ir::SourceLoc L{1, 1};
  for (unsigned I = 0; I < Col && I < Text.size(); ++I) {
    if (Text[I] == '\n') {
      ++L.Line;
      L.Col = 1;
    } else {
      ++L.Col;
    }
  }
  return L;
}

void Lowering::checkName(const Ident &Id, const char *What) const {
  if (std::optional<std::string> Problem = cxx::nameProblem(Id.Name))
    fail(Id.Col, *Problem + " and cannot name " + What);
}

std::unique_ptr<ir::Function> Lowering::run() {
  declare();
  for (unsigned I = 0; I < P.Body.size(); ++I)
    statement(I);
  return std::move(F);
}

void Lowering::declare() {
  checkName(P.Name, "the function");
  F->Name = P.Name.Name;
  F->File = "<expr>";
  F->Loc = locOf(P.Name.Col);
  F->RetTy = ir::Type::f64();
  for (const Ident &Id : P.Params) {
    checkName(Id, "a parameter");
    if (Vars.count(Id.Name))
      fail(Id.Col, "duplicate parameter '" + Id.Name + "'");
    Vars[Id.Name] = F->addParam(Id.Name, ir::Type::f64(), "double");
  }
}

int Lowering::addStatement(const Stmt &St) {
  ir::Statement S;
  S.Loc = locOf(St.Begin);
  // A body of one expression is the whole definition: `f(x) = x * x` says
  // more in a comment than `x * x`.
  if (P.Body.size() == 1 && St.K == Stmt::Bare) {
    S.Loc = locOf(P.Name.Col);
    S.Text = bytes::collapseBlanks(Text);
  } else {
    S.Text = bytes::collapseBlanks(Text.substr(St.Begin, St.End - St.Begin));
  }
  F->Stmts.push_back(std::move(S));
  return static_cast<int>(F->Stmts.size() - 1);
}

void Lowering::statement(unsigned I) {
  const Stmt &St = P.Body[I];
  bool Last = I + 1 == P.Body.size();
  if (I > 0 && P.Body[I - 1].K == Stmt::Return)
    fail(St.Begin, "code after 'return'; 'return' ends the function");
  if (St.K == Stmt::Bare && !Last)
    fail(St.Begin, "this value is neither assigned nor returned; write "
                   "'name = ...' or 'return ...'");
  if (St.K == Stmt::Assign) {
    checkName(St.Target, "a variable");
    auto It = Vars.find(St.Target.Name);
    if (It != Vars.end() && It->second->Code == ir::OpCode::Param)
      fail(St.Target.Col, "cannot assign to the parameter '" + St.Target.Name +
                              "'; use a new name");
  }

  CurStmt = addStatement(St);
  unsigned Mark = F->numValues();
  Value *V = node(St.Expr);
  if (St.K != Stmt::Assign) {
    at(St.Begin);
    B.ret(V);
    return;
  }
  // As the C++ front end does: a value computed by this very statement
  // becomes the variable; anything older is copied, so that every version
  // of every variable is a value of its own.
  if (V->Code == ir::OpCode::Param || !V->Name.empty() || V->Id < Mark) {
    at(St.Begin);
    V = B.copy(V);
  }
  V->Name = St.Target.Name;
  Vars[St.Target.Name] = V;
  if (Last)
    fail(P.BodyEnd, "missing 'return': end the body with 'return <expr>'");
}

Value *Lowering::node(int I) {
  const Node &N = P.Nodes[I];
  switch (N.K) {
  case Node::Number:
    return number(N);
  case Node::Var:
    return variable(N);
  case Node::Plus:
    return node(N.Kids[0]);
  case Node::Neg: {
    Value *V = node(N.Kids[0]);
    at(N.Col);
    return negate(V);
  }
  case Node::Binary:
    return binary(N);
  case Node::Call:
    return call(N);
  }
  fail(N.Col, "internal error: unknown node");
}

Value *Lowering::number(const Node &N) {
  // The user's spelling where C++ reads it as the same number: not `010`
  // (octal) nor an integer too long for any integer type.
  bool Integer = N.Text.find_first_of(".eE") == std::string::npos;
  bool Keep = !Integer ||
              ((N.Text.size() == 1 || N.Text[0] != '0') && N.Text.size() <= 15);
  at(N.Col);
  return constant(N.Val, Keep ? N.Text : "");
}

Value *Lowering::variable(const Node &N) {
  auto It = Vars.find(N.Text);
  if (It != Vars.end())
    return It->second;
  if (functions().count(N.Text))
    fail(N.Col,
         "'" + N.Text + "' is a function; call it as " + N.Text + "(...)");
  fail(N.Col, "undefined variable '" + N.Text + "'");
}

Value *Lowering::constant(double V, std::string Spelling) {
  return B.constant(V, Scalar::Float64, std::move(Spelling));
}

Value *Lowering::negate(Value *V) {
  // A negative literal is a constant (-2), as in the C++ front end, so that
  // pow(x, -2) gets the constant-exponent derivative.
  if (!V->isConst())
    return B.neg(V);
  std::string Spelling = V->Text;
  if (!Spelling.empty())
    Spelling = Spelling[0] == '-' ? Spelling.substr(1) : "-" + Spelling;
  return constant(-V->FVal, Spelling);
}

Value *Lowering::arith(char Op, Value *L, Value *R) {
  // Constants are folded: `1 / 2` kept as written would be integer
  // division in the generated C++.
  if (L->isConst() && R->isConst()) {
    double A = L->FVal, C = R->FVal;
    return constant(Op == '+'   ? A + C
                    : Op == '-' ? A - C
                    : Op == '*' ? A * C
                                : A / C);
  }
  switch (Op) {
  case '+':
    return B.add(L, R);
  case '-':
    return B.sub(L, R);
  case '*':
    return B.mul(L, R);
  default:
    return B.div(L, R);
  }
}

Value *Lowering::binary(const Node &N) {
  Value *L = node(N.Kids[0]);
  Value *R = node(N.Kids[1]);
  at(N.Col);
  if (N.Op != '^')
    return arith(N.Op, L, R);
  // x^2 is written x * x, as the seeds write it: its derivative reads
  // `2 * x * d`, where pow's would read `2 * std::pow(x, 1) * d`.
  if (R->isConstValue(2))
    return arith('*', L, L);
  return B.call(MathFn::Pow, {L, R});
}

Value *Lowering::call(const Node &N) {
  auto It = functions().find(N.Text);
  if (It == functions().end())
    fail(N.OpCol, unknownFunction(N.Text));
  Callee C = It->second;
  // hypot(x, y, z): another function of the same name.
  if (std::optional<MathFn> Other =
          C.X == Extra::None
              ? ir::lookupMathFn(N.Text, /*InStd=*/true, N.Kids.size())
              : std::nullopt;
      Other && ir::mathFnArity(*Other) == N.Kids.size())
    C = {Extra::None, *Other, ir::mathFnArity(*Other)};
  if (N.Kids.size() != C.Arity)
    fail(N.OpCol, "'" + N.Text + "' takes " + std::to_string(C.Arity) +
                      (C.Arity == 1 ? " argument" : " arguments") + ", not " +
                      std::to_string(N.Kids.size()));
  std::vector<Value *> Args;
  for (int K : N.Kids)
    Args.push_back(node(K));
  at(N.Col);
  switch (C.X) {
  case Extra::None:
    return B.call(C.Fn, std::move(Args));
  case Extra::Sigmoid: {
    // Exactly as a C++ author writes it, which the reverse mode recognises
    // and differentiates as (1 - s) * s.
    // Ops in the order C++ evaluates them.
    Value *One = constant(1, "1.0");
    Value *Inner = constant(1, "1");
    Value *Exp = B.call(MathFn::Exp, {negate(Args[0])});
    return B.div(One, B.add(Inner, Exp));
  }
  case Extra::Relu:
    return B.call(MathFn::StdMax, {constant(0, "0.0"), Args[0]});
  case Extra::Softplus:
    return B.call(MathFn::Log1p, {B.call(MathFn::Exp, {Args[0]})});
  }
  fail(N.Col, "internal error: unknown function kind");
}

} // namespace

std::variant<std::unique_ptr<ir::Function>, ExprError>
ast::lower(const Program &P, std::string_view Text) {
  try {
    return Lowering(P, Text).run();
  } catch (const Failure &Fail) {
    return Fail.E;
  }
}
