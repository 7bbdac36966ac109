//===- ExprPrinter.cpp - C++ expressions with minimal parentheses ---------===//
#include "ExprPrinter.h"

#include "gradc/Emit/CppEmitter.h"
#include "gradc/IR/Printer.h"
#include "gradc/IR/Uses.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace gradc::emit {

using namespace ir;

namespace {
enum Prec : int {
  PrecAssign = 1,
  PrecSelect = 2,
  PrecLogicalOr = 3,
  PrecLogicalAnd = 4,
  PrecBitOr = 5,
  PrecBitXor = 6,
  PrecBitAnd = 7,
  PrecEquality = 8,
  PrecRelational = 9,
  PrecShift = 10,
  PrecAdditive = 11,
  PrecMultiplicative = 12,
  PrecUnary = 14,
  PrecPrimary = 16,
};

int binaryPrec(OpCode C) {
  switch (C) {
  case OpCode::Add:
  case OpCode::Sub:
    return PrecAdditive;
  case OpCode::Shl:
  case OpCode::Shr:
    return PrecShift;
  case OpCode::BitAnd:
    return PrecBitAnd;
  case OpCode::BitXor:
    return PrecBitXor;
  case OpCode::BitOr:
    return PrecBitOr;
  default:
    return PrecMultiplicative;
  }
}

/// Whether Name is `operator` followed by a symbol (`operator+`,
/// `operator()`), not an identifier (`operator_norm`).
bool isOperatorName(const std::string &Name) {
  return Name.size() > 8 && Name.compare(0, 8, "operator") == 0 &&
         !std::isalnum(static_cast<unsigned char>(Name[8])) && Name[8] != '_';
}

/// The precedence of the binary operator Sym, or 0.
int operatorPrec(const std::string &Sym) {
  if (Sym == "+" || Sym == "-")
    return PrecAdditive;
  if (Sym == "*" || Sym == "/")
    return PrecMultiplicative;
  if (Sym == "==" || Sym == "!=")
    return PrecEquality;
  if (Sym == "<" || Sym == "<=" || Sym == ">" || Sym == ">=")
    return PrecRelational;
  if (Sym.size() == 2 && Sym[1] == '=')
    return PrecAssign; // `+=`
  return 0;
}

/// The C++ type a literal's spelling has by itself.
enum class LiteralKind { Integer, Float, Double, LongDouble };

LiteralKind literalKind(const std::string &S) {
  bool Hex = S.size() > 1 && S[0] == '0' && (S[1] == 'x' || S[1] == 'X');
  bool Floating = S.find('.') != std::string::npos ||
                  (!Hex && S.find_first_of("eE") != std::string::npos) ||
                  (Hex && S.find_first_of("pP") != std::string::npos);
  if (!Floating)
    return LiteralKind::Integer;
  char Last = S.back();
  if (Last == 'f' || Last == 'F')
    return LiteralKind::Float;
  if (Last == 'l' || Last == 'L')
    return LiteralKind::LongDouble;
  return LiteralKind::Double;
}

/// The type an integer literal's suffix gives it (`5LL`: "long long"), or
/// "int" for none.
std::string suffixType(const std::string &S) {
  std::string Suffix;
  for (size_t I = S.find_last_of("0123456789abcdefABCDEF'") + 1; I < S.size();
       ++I)
    Suffix += static_cast<char>(std::tolower(static_cast<unsigned char>(S[I])));
  if (Suffix == "u")
    return "unsigned";
  if (Suffix == "l")
    return "long";
  if (Suffix == "ul" || Suffix == "lu")
    return "unsigned long";
  if (Suffix == "ll")
    return "long long";
  if (Suffix == "ull" || Suffix == "llu")
    return "unsigned long long";
  return "int";
}

LiteralKind kindOf(Scalar S) {
  switch (S) {
  case Scalar::Float32:
    return LiteralKind::Float;
  case Scalar::Float64:
    return LiteralKind::Double;
  case Scalar::Float80:
    return LiteralKind::LongDouble;
  default:
    return LiteralKind::Integer;
  }
}
} // namespace

ExprPrinter::Printed ExprPrinter::prefixed(const char *Sym, Printed Inner) {
  if (Inner.Prec < PrecUnary)
    Inner.Text = "(" + Inner.Text + ")";
  return {Sym + Inner.Text, PrecUnary};
}

bool ExprPrinter::bareCast(const Value *V) const {
  return V->Code == OpCode::Cast && V->IVal != 0 && Plan.Inlined[V->Id];
}

bool ExprPrinter::promotion(const Value *V) const {
  if (!bareCast(V) || V->Ty.scalarKind() != Scalar::Int32 || V->Ty.name())
    return false;
  Type From = V->Operands[0]->Ty;
  return From.isScalar() && !From.isFloating() &&
         intBits(From.scalarKind()) < 32;
}

std::string ExprPrinter::literal(const Value *C, bool BesideFloating,
                                 bool Exact) const {
  if (C->Ty.isBool())
    return C->IVal ? "true" : "false";
  if (!C->Ty.isFloating()) {
    if (!C->Text.empty())
      return C->Text;
    return std::to_string(C->IVal);
  }
  double V = C->FVal;
  LiteralKind Want = kindOf(C->Ty.scalarKind());
  // The user's own spelling, where it means the same thing here: a narrower
  // floating literal widens exactly (0.1 in a long double context is the
  // long double the user's code had; 0.1L would be another number).
  // A named constant (`std::numeric_limits<double>::max()`, `INFINITY`)
  // is made of the type it names.
  if (!C->Text.empty() &&
      (std::isalpha(static_cast<unsigned char>(C->Text[0])) ||
       C->Text[0] == '_'))
    return C->Text;
  if (!C->Text.empty()) {
    LiteralKind Has = literalKind(C->Text);
    if (Has == LiteralKind::Integer ? BesideFloating
        : Exact                     ? Has == Want
                                    : Has <= Want)
      return C->Text;
  }
  bool Integral = std::isfinite(V) && V == std::trunc(V) && std::fabs(V) < 1e15;
  if (Integral && BesideFloating)
    return formatNumber(V);
  if (!std::isfinite(V)) {
    std::string T = cxxTypeName(C->Ty);
    if (std::isnan(V))
      return "std::numeric_limits<" + T + ">::quiet_NaN()";
    return std::string(V < 0 ? "-" : "") + "std::numeric_limits<" + T +
           ">::infinity()";
  }
  std::string Text = formatNumber(V);
  if (Text.find_first_of(".e") == std::string::npos)
    Text += ".0";
  // Constants are held as doubles: a long double context takes the double
  // as it is, while a float context wants a float literal.
  if (Want == LiteralKind::Float)
    Text += "f";
  // Where the type chooses (a template's argument), so does the suffix.
  if (Want == LiteralKind::LongDouble && Exact)
    Text += "L";
  return Text;
}

std::string ExprPrinter::operand(const Value *Op, const Value *Sibling,
                                 int Prec, bool Right) const {
  std::string Text;
  int P;
  // A constant sibling is floating only as written (`2.5`): one spelled
  // `2` prints as the user wrote it beside a floating operand, and two
  // such (`c / 2` with `double c = 3`) would divide as integers.
  bool SiblingFloating = Sibling->Ty.isFloating() && !bareCast(Sibling) &&
                         !(Sibling->isConst() && (Sibling->Text.empty() ||
                                                  literalKind(Sibling->Text) ==
                                                      LiteralKind::Integer));
  if (Op->isConst()) {
    Text = literal(Op, SiblingFloating);
    P = Text[0] == '-' ? PrecUnary : PrecPrimary;
  } else if ((bareCast(Op) && (SiblingFloating || sameInteger(Op, Sibling)) &&
              !(Right && bareCast(Sibling))) ||
             promotion(Op)) {
    // The usual arithmetic conversions do what the cast did (and C++
    // promotes a `short` to int anyway).
    Printed Inner = expr(unpromoted(Op->Operands[0]));
    Text = Inner.Text;
    P = Inner.Prec;
  } else {
    Printed E = expr(Op);
    Text = E.Text;
    P = E.Prec;
  }
  if (P < Prec || (Right && P == Prec))
    return "(" + Text + ")";
  return Text;
}

const Value *ExprPrinter::unpromoted(const Value *V) const {
  return promotion(V) ? V->Operands[0] : V;
}

bool ExprPrinter::sameInteger(const Value *Op, const Value *Sibling) const {
  if (!Op->Ty.isInteger() || !Op->Operands[0]->Ty.isInteger() ||
      Sibling->Ty != Op->Ty || Sibling->isConst() || bareCast(Sibling))
    return false;
  // Only a conversion that keeps every value (to a wider type of the same
  // signedness, or from unsigned to a wider signed one): beside a value of
  // the wider type, C++ converts so by itself. `i < size` would compare
  // as unsigned.
  Scalar From = Op->Operands[0]->Ty.scalarKind(), To = Op->Ty.scalarKind();
  return intBits(From) < intBits(To) ||
         (intBits(From) == intBits(To) && isSignedInt(From) == isSignedInt(To));
}

ExprPrinter::Printed ExprPrinter::expr(const Value *V, bool Define) const {
  if (V->isConst())
    return {literal(V, false), PrecPrimary};
  // A struct where a pointer is wanted: `&cam`; a std::array or vector:
  // `v.data()`.
  if (isObject(V))
    return {"&" + Plan.Var[V->Id], PrecUnary};
  if (isContainer(V) && !(Define && V->Code == OpCode::Offset))
    return {Plan.Var[V->Id] + ".data()", PrecPrimary};
  if (!Define && !Plan.Inlined[V->Id])
    return {Plan.Var[V->Id], PrecPrimary};
  const auto &Ops = V->Operands;
  switch (V->Code) {
  case OpCode::Copy:
    return expr(Ops[0]);
  case OpCode::Cast:
    // What a `short` was promoted to int for converts the same from it.
    return {std::string("static_cast<") + cxxTypeName(V->Ty) + ">(" +
                print(unpromoted(Ops[0])) + ")",
            PrecPrimary};
  case OpCode::Neg: {
    Printed Inner = expr(Ops[0]);
    if (Inner.Prec < PrecUnary || Inner.Text[0] == '-')
      Inner.Text = "(" + Inner.Text + ")";
    return {"-" + Inner.Text, PrecUnary};
  }
  case OpCode::Add:
  case OpCode::Sub:
  case OpCode::Mul:
  case OpCode::Div:
  case OpCode::Rem: {
    int P = binaryPrec(V->Code);
    // `i + -1`, `i + -k` (a position before an iterator's) read `i - 1`,
    // `i - k`: the same number.
    if (V->Code == OpCode::Add && Ops[1]->isConst() && Ops[1]->Ty.isInteger() &&
        Ops[1]->IVal < 0)
      return {operand(Ops[0], Ops[1], P, false) + " - " +
                  std::to_string(-Ops[1]->IVal),
              P};
    if (V->Code == OpCode::Add && Ops[1]->Code == OpCode::Neg &&
        Plan.Inlined[Ops[1]->Id])
      return {operand(Ops[0], Ops[1], P, false) + " - " +
                  operand(Ops[1]->Operands[0], Ops[0], P, true),
              P};
    return {operand(Ops[0], Ops[1], P, false) + " " + binarySymbol(V->Code) +
                " " + operand(Ops[1], Ops[0], P, true),
            P};
  }
  case OpCode::Call: {
    std::string Text = std::string(mathFnCallee(V->Fn)) + "(";
    // The arguments' types choose the overload: of constants alone, 2.0f
    // would make std::log(2.0f) a float log where a double one is meant.
    bool AllConst = std::all_of(Ops.begin(), Ops.end(),
                                [](const Value *Op) { return Op->isConst(); });
    for (size_t I = 0; I < Ops.size(); ++I) {
      // std::max and the like are templates: a constant has its type.
      bool Typed = AllConst || (isStdFn(V->Fn) && Ops[I]->isConst());
      std::string Arg = Typed ? literal(Ops[I], false, true) : print(Ops[I]);
      // `std::max(k, v.size())` with `std::size_t k = 2`: the constant has
      // k's type, or the template deduces int beside std::size_t.
      // An enumerator (`Kind::Box`) has its type already.
      std::string T = cxxTypeName(Ops[I]->Ty);
      if (Ops[I]->isConst() && Ops[I]->Ty.isInteger() && T != suffixType(Arg) &&
          (Arg[0] == '-' || std::isdigit(static_cast<unsigned char>(Arg[0]))))
        Arg = "static_cast<" + T + ">(" + Arg + ")";
      Text += (I ? ", " : "") + Arg;
    }
    return {Text + ")", PrecPrimary};
  }
  case OpCode::BitAnd:
  case OpCode::BitOr:
  case OpCode::BitXor:
  case OpCode::Shl:
  case OpCode::Shr: {
    // Any other operator inside is parenthesized: `(a + b) << k`,
    // `(n & 1) | m`, which -Wparentheses asks for and readers want.
    int P = binaryPrec(V->Code);
    auto Side = [&](const Value *X, const Value *Sibling, bool Right) {
      bool Chain = !Right && X->Code == V->Code; // `a & b & c`
      return operand(X, Sibling, Chain ? P : PrecUnary, Right);
    };
    return {Side(Ops[0], Ops[1], false) + " " + binarySymbol(V->Code) + " " +
                Side(Ops[1], Ops[0], true),
            P};
  }
  case OpCode::BitNot:
    return prefixed("~", expr(Ops[0]));
  case OpCode::Cmp: {
    int P = V->Pred == CmpPred::EQ || V->Pred == CmpPred::NE ? PrecEquality
                                                             : PrecRelational;
    return {operand(Ops[0], Ops[1], P, false) + " " + cmpPredSymbol(V->Pred) +
                " " + operand(Ops[1], Ops[0], P, true),
            P};
  }
  case OpCode::Select: {
    auto Part = [&](const Value *X, int Min) {
      Printed E = X == Ops[0] ? conditionExpr(X) : expr(X);
      return E.Prec <= Min ? "(" + E.Text + ")" : E.Text;
    };
    return {Part(Ops[0], PrecSelect) + " ? " + Part(Ops[1], PrecSelect - 1) +
                " : " + Part(Ops[2], PrecSelect - 1),
            PrecSelect};
  }
  case OpCode::And:
  case OpCode::Or: {
    int P = V->Code == OpCode::And ? PrecLogicalAnd : PrecLogicalOr;
    auto Side = [&](const Value *X) {
      Printed E = conditionExpr(X);
      return E.Prec < P || (E.Prec == PrecLogicalOr && P == PrecLogicalAnd)
                 ? "(" + E.Text + ")"
                 : E.Text;
    };
    return {Side(Ops[0]) + (V->Code == OpCode::And ? " && " : " || ") +
                Side(Ops[1]),
            P};
  }
  case OpCode::Not:
    return prefixed("!", conditionExpr(Ops[0]));
  case OpCode::Pop:
    return {Plan.Var[Ops[0]->Id] + ".pop()", PrecPrimary};
  case OpCode::Load:
    if (Ops[0]->Code == OpCode::Field && Ops[0]->ComplexPart)
      return {member(Ops[0]), PrecPrimary}; // `z.real()`
    return {lvalue(Ops[0], V->index()), PrecPrimary};
  case OpCode::Invoke: {
    // A struct returned: `c = add(a, b)`, c the last argument.
    bool Returns = V->Callee && V->Callee->ReturnsRecord && !Ops.empty();
    if (isOperatorName(V->Text))
      return invokeOperator(V, Returns);
    std::string Text = V->Text + "(";
    size_t First = 0;
    if (size_t N = V->Callee && V->Callee->Method ? viewArgs(V, 0) : 0) {
      // `L.apply(x)` of a struct holding vectors: its members.
      Text = viewArgument(V, 0, N) + "." + Text;
      First = N;
    } else if (V->Callee && V->Callee->Method && !Ops.empty()) {
      // `cam.project(x)`, `p->project(x)`.
      Text = access(Ops[0], false) + Text;
      First = 1;
    }
    size_t End = Ops.size() - (Returns ? 1 : 0);
    for (size_t I = First; I < End; ++I) {
      Text += I > First ? ", " : "";
      if (size_t N = viewArgs(V, I)) {
        Text += viewArgument(V, I, N);
        I += N - 1;
        continue;
      }
      Text += argument(V, I).Text;
    }
    if (Returns) {
      // A vector that is emptied and refilled (declared in a loop): its
      // capacity, the longest it has been, must not shrink to the call's.
      // (Not an element of it: `v[k] = make(a, b)` is a plain store.)
      const Value *Dest = Ops.back();
      if (!Declaring && Dest->Code == OpCode::Local && Dest->IVal < 0 &&
          Dest->Operands.size() > 2)
        return {"gradc::refill(" + object(Ops.back()) + ", " + Text + "))",
                PrecPrimary};
      return {object(Ops.back()) + " = " + Text + ")", PrecAssign};
    }
    return {Text + ")", PrecPrimary};
  }
  case OpCode::Field:
    // An array member decays to a pointer; others are pointed at.
    if (V->StdArray) // `b.x`, a std::array, is no pointer
      return {member(V) + ".data()", PrecPrimary};
    if (V->Member == MemberKind::Array || V->Member == MemberKind::RecordArray)
      return {member(V), PrecPrimary};
    return {"&" + member(V), PrecUnary};
  case OpCode::Size:
    if (V->Text == "cols") // checks that X's rows are all as long
      return {"gradc::cols(" + Plan.Var[Ops[0]->Id] + ")", PrecPrimary};
    return {Plan.Var[Ops[0]->Id] + ".size()", PrecPrimary};
  case OpCode::Offset:
    // A row of an array of arrays, `m[i]`, or an element's address.
    if (rowDims(Ops[0])) {
      std::string Text = rowElement(Ops[0], Ops[1], /*AsPointer=*/true,
                                    /*WholeRow=*/!V->Text.empty());
      return {Text, Text[0] == '&' ? PrecUnary : PrecPrimary};
    }
    return {operand(Ops[0], Ops[1], PrecAdditive, false) + " + " +
                operand(Ops[1], Ops[0], PrecAdditive, true),
            PrecAdditive};
  default:
    return {"/* unprintable */", PrecPrimary};
  }
}

size_t ExprPrinter::viewArgs(const Value *V, size_t I) const {
  if (!V->Callee || I >= V->Callee->Params.size())
    return 0;
  const std::vector<Param> &Ps = V->Callee->Params;
  const std::string &Name = Ps[I].ViewName;
  size_t N = 0;
  while (!Name.empty() && I + N < Ps.size() && Ps[I + N].ViewName == Name)
    ++N;
  return N;
}

std::string ExprPrinter::viewArgument(const Value *V, size_t I,
                                      size_t N) const {
  // A member of the caller's own view, or a number of a `Layer &` read
  // where it is passed (printed as the member, `L.scale`).
  auto Member = [&](size_t K) {
    const Value *Op = V->Operands[I + K];
    if (const Param *P = paramOf(Op))
      return P;
    const Param *P = Op->Code == OpCode::Load && Op->Operands.size() == 1
                         ? paramOf(Op->Operands[0])
                         : nullptr;
    return P && argument(V, I + K).Text == P->V->Name ? P : nullptr;
  };
  // The caller's own view parameter, passed on whole: its name.
  const Param *Own = Member(0);
  bool Whole = Own && !Own->ViewName.empty();
  for (size_t K = 0; Whole && K < N; ++K) {
    const Param *P = Member(K);
    Whole =
        P && P->ViewName == Own->ViewName &&
        P->V->Name == Own->ViewName + V->Callee->Params[I + K].V->Name.substr(
                                          V->Callee->Params[I].ViewName.size());
  }
  size_t Members = 0;
  for (const Param &P : Params)
    Members += Whole && P.ViewName == Own->ViewName;
  // A struct holding vectors is passed whole, also where the callee
  // differentiates some of its members only (its adjoint).
  if (Whole && (Members == N || !Own->ViewRecord.empty()))
    return Own->ViewName;
  // Otherwise the struct made of its members: `Layer{w, w + 6, 2, 3}`.
  std::string Type = V->Callee->Params[I].ViewSpelling;
  if (Type.compare(0, 6, "const ") == 0)
    Type.erase(0, 6);
  while (!Type.empty() && (Type.back() == '&' || Type.back() == ' '))
    Type.pop_back();
  std::string Text = Type + "{";
  for (size_t K = 0; K < N; ++K)
    Text += (K ? ", " : "") + argument(V, I + K).Text;
  return Text + "}";
}

ExprPrinter::Printed ExprPrinter::argument(const Value *V, size_t I) const {
  const std::vector<Value *> &Ops = V->Operands;
  // A reference parameter is given the variable itself.
  const Param *P = V->Callee && I < V->Callee->Params.size()
                       ? &V->Callee->Params[I]
                       : nullptr;
  if (P && !P->Record.empty() && !P->RecordPtr) {
    std::string Text = object(Ops[I]);
    return {Text, Text[0] == '*' ? PrecUnary : PrecPrimary};
  }
  if (P && P->V->Ty.kind() == Type::Ref)
    return {lvalue(Ops[I], nullptr), PrecPrimary};
  if (P && P->V->Ty.kind() == Type::Ptr && Ops[I]->Code == OpCode::Local &&
      Ops[I]->IVal == 0 && Ops[I]->Member == MemberKind::Scalar)
    return {"&" + Plan.Var[Ops[I]->Id], PrecUnary}; // a scalar's address
  std::string Text = V->TypedArgs && Ops[I]->isConst()
                         ? literal(Ops[I], /*BesideFloating=*/false,
                                   /*Exact=*/true)
                         : printStored(Ops[I]);
  if (Ops[I]->isConst() || bareCast(Ops[I]))
    return {Text, Text[0] == '-' ? PrecUnary : PrecPrimary};
  return {Text, expr(Ops[I]).Prec};
}

ExprPrinter::Printed ExprPrinter::invokeOperator(const Value *V,
                                                 bool Returns) const {
  std::string Sym = V->Text.substr(8);
  size_t End = V->Operands.size() - (Returns ? 1 : 0);
  std::vector<Printed> Args;
  for (size_t I = 0; I < End; ++I) {
    // `A(i, j)` of a struct holding vectors: its members are one operand.
    if (size_t N = viewArgs(V, I)) {
      Args.push_back({viewArgument(V, I, N), PrecPrimary});
      I += N - 1;
      continue;
    }
    Args.push_back(argument(V, I));
  }
  auto Wrap = [](const Printed &A, int Min) {
    return A.Prec < Min ? "(" + A.Text + ")" : A.Text;
  };
  Printed Out{"", PrecPrimary};
  if (Sym == "()" || Sym == "[]") {
    std::string Inner;
    for (size_t I = 1; I < Args.size(); ++I)
      Inner += (I > 1 ? ", " : "") + Args[I].Text;
    Out.Text = Wrap(Args[0], PrecPrimary) + Sym[0] + Inner + Sym[1];
  } else if (Args.size() == 1) {
    Out = {Sym + Wrap(Args[0], PrecUnary), PrecUnary};
  } else {
    int P = operatorPrec(Sym);
    // `+=` groups to the right, the others to the left.
    bool Right = P == PrecAssign;
    Out = {Wrap(Args[0], Right ? P + 1 : P) + " " + Sym + " " +
               Wrap(Args[1], Right ? P : P + 1),
           P};
  }
  if (Returns)
    return {object(V->Operands.back()) + " = " + Out.Text, PrecAssign};
  return Out;
}

std::string ExprPrinter::member(const Value *F) const {
  const Value *Base = F->Operands[0];
  // Through a pointer (`cams[i].f`, `p->f`), or on an object (`cam.f`).
  if (F->index()) {
    Printed P = isContainer(Base) ? Printed{Plan.Var[Base->Id], PrecPrimary}
                                  : expr(Base);
    std::string B = P.Prec < PrecPrimary ? "(" + P.Text + ")" : P.Text;
    B += "[" + print(F->index()) + "]";
    if (F->Private)
      return privateMember(F, B);
    if (F->ComplexPart) // `zs[i].real()`
      return B + "." + F->Text + "()";
    return F->Text.empty() ? B : B + "." + F->Text; // `cams[i]`, `cams[i].f`
  }
  // A base class of `d` is `d`, which C++ converts.
  if (F->Text.empty())
    return object(Base);
  if (F->Private)
    return privateMember(F, object(Base));
  if (F->ComplexPart)
    return access(Base, F->Arrow) + F->Text + "()";
  return access(Base, F->Arrow) + F->Text;
}

std::string ExprPrinter::complexPart(const Value *F) const {
  // `z.real()` is a value: a part is written through a reference to it,
  // which the standard allows (gradc.h).
  std::string Read = member(F);
  std::string Object = Read.substr(0, Read.size() - F->Text.size() - 2);
  if (Object.size() > 2 && Object.compare(Object.size() - 2, 2, "->") == 0)
    Object = "*" + Object.substr(0, Object.size() - 2);
  else
    Object.pop_back(); // the '.'
  return std::string("gradc::") + (F->Text == "real" ? "re(" : "im(") + Object +
         ")";
}

std::string ExprPrinter::privateMember(const Value *F,
                                       const std::string &Object) const {
  // A qualified accessor is the standard library's (`std::get<1>`, for a
  // std::tuple's elements, which have no names): called as it is.
  const std::string &Accessor = F->Private->Accessor;
  bool Std = Accessor.find("::") != std::string::npos;
  return (Std ? "" : "gradc_private::") + Accessor + "(" + Object + ")";
}

std::string ExprPrinter::access(const Value *Base, bool Arrow) const {
  // `(*p).f` is written `p->f`.
  if (Arrow || (Base->Code != OpCode::Field && !isObject(Base))) {
    Printed P = expr(Base);
    return (P.Prec < PrecPrimary ? "(" + P.Text + ")" : P.Text) + "->";
  }
  return object(Base) + ".";
}

const Param *ExprPrinter::paramOf(const Value *V) const {
  if (V->Code == OpCode::Param)
    for (const Param &P : Params)
      if (P.V == V)
        return &P;
  return nullptr;
}

bool ExprPrinter::isContainer(const Value *V) const {
  if (const Param *P = paramOf(V))
    return P->Container;
  if (V->Code == OpCode::Offset) // a row of a std::array of std::array
    return !V->Text.empty();
  return V->Code == OpCode::Local && V->Member == MemberKind::Array &&
         !V->Text.empty();
}

bool ExprPrinter::isObject(const Value *V) const {
  if (const Param *P = paramOf(V))
    return !P->Record.empty() && !P->RecordPtr && !P->Container;
  return V->Code == OpCode::Local && V->Member == MemberKind::Record &&
         !V->Text.empty();
}

std::string ExprPrinter::object(const Value *Ptr) const {
  if (Ptr->Code == OpCode::Field)
    return member(Ptr);
  // A record parameter passed by reference, or a local, is its name; so is
  // a container.
  if (isObject(Ptr) || isContainer(Ptr))
    return Plan.Var[Ptr->Id];
  Printed E = expr(Ptr);
  return "*" + (E.Prec < PrecUnary ? "(" + E.Text + ")" : E.Text);
}

std::string ExprPrinter::lvalue(const Value *Ptr, const Value *Index) const {
  // A scalar variable or a reference is its name; a pointer is indexed.
  bool Named = Ptr->Ty.kind() == Type::Ref ||
               (Ptr->Code == OpCode::Local && Ptr->IVal == 0);
  if (Named)
    return print(Ptr);
  if (!Index && Ptr->Code == OpCode::Field && Ptr->ComplexPart)
    return complexPart(Ptr);
  if (!Index && Ptr->Code == OpCode::Field && Ptr->Member == MemberKind::Scalar)
    return member(Ptr);
  if (rowDims(Ptr)) // before a container: `m[i][j]` of a std::array's
    return rowElement(Ptr, Index, /*AsPointer=*/false);
  if (const Param *P = paramOf(Ptr); P && P->VectorRows)
    return vectorRowElement(Ptr, Index);
  if (isContainer(Ptr))
    return Plan.Var[Ptr->Id] + (Index ? "[" + print(Index) + "]" : "[0]");
  if (Ptr->Code == OpCode::Field && Ptr->StdArray) // `b.x[i]`
    return member(Ptr) + "[" + (Index ? print(Index) : "0") + "]";
  Printed Base = expr(Ptr);
  std::string B = Base.Prec < PrecPrimary ? "(" + Base.Text + ")" : Base.Text;
  if (!Index)
    return "*" + B;
  return B + "[" + print(Index) + "]";
}

std::string ExprPrinter::print(const Value *V) const { return expr(V).Text; }

ExprPrinter::Printed ExprPrinter::conditionExpr(const Value *V) const {
  if (bareCast(V) && V->Ty.isBool() && V->Operands[0]->Ty.isInteger())
    return expr(V->Operands[0]);
  return expr(V);
}

std::string ExprPrinter::condition(const Value *V) const {
  return conditionExpr(V).Text;
}

std::string ExprPrinter::printStored(const Value *V) const {
  // Storing converts: an integer literal may stay as the user wrote it.
  if (V->isConst())
    return literal(V, /*BesideFloating=*/true);
  if (bareCast(V))
    return expr(unpromoted(V->Operands[0])).Text;
  return expr(V).Text;
}

std::string ExprPrinter::printDefinition(const Value *V) const {
  return expr(V, /*Define=*/true).Text;
}

} // namespace gradc::emit
