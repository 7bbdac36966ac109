//===- CppEmitter.cpp - IR to readable C++ --------------------------------===//
#include "gradc/Emit/CppEmitter.h"

#include "ExprPrinter.h"
#include "Naming.h"
#include "gradc/IR/Uses.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <sstream>
#include <utility>

namespace gradc::emit {

using namespace ir;

const char *cxxTypeName(Scalar S) {
  switch (S) {
  case Scalar::Bool:
    return "bool";
  case Scalar::Int8:
    return "signed char";
  case Scalar::UInt8:
    return "unsigned char";
  case Scalar::Int16:
    return "short";
  case Scalar::UInt16:
    return "unsigned short";
  case Scalar::Int32:
    return "int";
  case Scalar::UInt32:
    return "unsigned";
  case Scalar::Int64:
    return "long long";
  case Scalar::UInt64:
    // What .size() returns, and what size_t locals and counters were
    // (unsigned long on LP64): `std::min(n, v.size())` must deduce one type.
    return "std::size_t";
  case Scalar::Float32:
    return "float";
  case Scalar::Float64:
    return "double";
  case Scalar::Float80:
    return "long double";
  }
  return "double";
}

std::string cxxTypeName(Type T) {
  if (T.name())
    return typeNameOf(T.name());
  return cxxTypeName(T.scalarKind());
}

namespace {

std::string typeName(Type T) {
  switch (T.kind()) {
  case Type::Void:
    return "void";
  case Type::Value:
    return cxxTypeName(T);
  case Type::Ref:
  case Type::Ptr:
    return std::string(T.isConstPointee() ? "const " : "") + cxxTypeName(T) +
           (T.kind() == Type::Ref ? " &" : " *");
  case Type::Tape:
    return std::string("gradc::tape<") + cxxTypeName(T) + ">";
  }
  return "void";
}

/// `+=` for Add, ...: the compound assignment of a binary op, or null.
const char *compoundSymbol(OpCode C) {
  switch (C) {
  case OpCode::Add:
    return "+=";
  case OpCode::Sub:
    return "-=";
  case OpCode::Mul:
    return "*=";
  case OpCode::Div:
    return "/=";
  case OpCode::BitAnd:
    return "&=";
  case OpCode::BitOr:
    return "|=";
  case OpCode::BitXor:
    return "^=";
  case OpCode::Shl:
    return "<<=";
  case OpCode::Shr:
    return ">>=";
  default:
    return nullptr;
  }
}

/// Whether `a op b` is `b op a` (so `x = y op x` is `x op= y`).
bool commutes(OpCode C) {
  return C == OpCode::Add || C == OpCode::Mul || C == OpCode::BitAnd ||
         C == OpCode::BitOr || C == OpCode::BitXor;
}

/// `x += y` for `x = x + y` when the value replaces its own left operand.
const char *compoundOp(const Value &V, const Value *Old, const Value *&Rhs) {
  const auto &Ops = V.Operands;
  if (Ops.size() != 2)
    return nullptr;
  if (Ops[0] == Old)
    Rhs = Ops[1];
  else if (commutes(V.Code) && Ops[1] == Old)
    Rhs = Ops[0];
  else
    return nullptr;
  return compoundSymbol(V.Code);
}

/// A note that fits on one 80-column line at body indentation, cut at a
/// space: a formatter would otherwise break the statement mid-expression.
std::string shorten(const std::string &Note) {
  const size_t Max = 80 - 2 - 3; // indentation and "// "
  if (Note.size() <= Max)
    return Note;
  size_t Cut = Note.rfind(' ', Max - 4);
  if (Cut == std::string::npos || Cut == 0)
    Cut = Max - 4;
  return Note.substr(0, Cut) + " ...";
}

/// !C, parenthesised unless C is a name; `!n` negated is `n`.
std::string negation(const std::string &C) {
  auto IsName = [](const std::string &S) {
    return !S.empty() && std::all_of(S.begin(), S.end(), [](char Ch) {
      return std::isalnum(static_cast<unsigned char>(Ch)) || Ch == '_';
    });
  };
  if (IsName(C))
    return "!" + C;
  if (C[0] == '!' && IsName(C.substr(1)))
    return C.substr(1);
  return "!(" + C + ")";
}

bool isIdentChar(char C) {
  return std::isalnum(static_cast<unsigned char>(C)) || C == '_';
}

/// Whether Text holds Word as an identifier of its own.
bool namesWord(const std::string &Text, const std::string &Word) {
  for (size_t At = Text.find(Word); At != std::string::npos;
       At = Text.find(Word, At + 1))
    if ((At == 0 || !isIdentChar(Text[At - 1])) &&
        (At + Word.size() == Text.size() ||
         !isIdentChar(Text[At + Word.size()])))
      return true;
  return false;
}

class FunctionEmitter {
public:
  explicit FunctionEmitter(const Function &F)
      : F(F), Plan(planNames(F)), P(Plan, F.Params) {}

  std::string run() {
    for (const std::string &Line : F.Doc)
      OS << "// " << Line << "\n";
    head();
    OS << " {\n";
    std::string Head = OS.str();
    OS.str("");
    block(F.Body, 1);
    std::string Body = OS.str();
    OS.str("");
    return Head + localTypes(Body) + Body + "}\n";
  }

  /// The function declared, for a caller defined before it.
  std::string declaration() {
    head();
    OS << ";\n";
    return OS.str();
  }

private:
  void head() {
    OS << "inline " << typeName(F.RetTy) << " " << F.Name << "(";
    for (size_t I = 0; I < F.Params.size(); ++I) {
      const ir::Param &Prm = F.Params[I];
      // The members of a view parameter are declared as the struct.
      if (!Prm.ViewName.empty()) {
        if (I && F.Params[I - 1].ViewName == Prm.ViewName)
          continue;
        OS << (I ? ", " : "") << viewParam(I);
        continue;
      }
      OS << (I ? ", " : "") << param(Prm);
    }
    OS << ")";
  }

  /// `const Layer &L`: the view whose members start at parameter First.
  std::string viewParam(size_t First) {
    const ir::Param &Prm = F.Params[First];
    bool Used = false;
    for (size_t I = First;
         I < F.Params.size() && F.Params[I].ViewName == Prm.ViewName; ++I)
      Used |= Plan.Uses[F.Params[I].V->Id] != 0;
    const std::string &Type = Prm.ViewSpelling;
    char Last = Type.back();
    return Type + (Last == '&' || Last == '*' ? "" : " ") +
           (Used ? Prm.ViewName : "/*" + Prm.ViewName + "*/");
  }

  std::string param(const ir::Param &Prm) {
    std::string Type =
        Prm.Spelling.empty() ? typeName(Prm.V->Ty) : Prm.Spelling;
    std::string Suffix = Prm.Suffix;
    if (Prm.Spelling.empty() && !Prm.RowDims.empty()) {
      // The adjoint of an array of arrays points to rows as it does:
      // `double (*dm)[3]`, indexed `dm[i][j]`.
      Type = std::string(Prm.V->Ty.isConstPointee() ? "const " : "") +
             cxxTypeName(Prm.V->Ty) + " (*";
      Suffix = ")";
      for (std::int64_t D : Prm.RowDims)
        Suffix += "[" + std::to_string(D) + "]";
    }
    std::string Name = Prm.V->Name;
    // Unused here: commented out to keep -Wunused quiet, unless a later
    // value is assigned into it (`y = 2 * x;` before y is read).
    bool Assigned = std::find(Plan.Replaces.begin(), Plan.Replaces.end(),
                              Prm.V) != Plan.Replaces.end();
    if (Plan.Uses[Prm.V->Id] == 0 && !Assigned && !Name.empty())
      Name = "/*" + Name + "*/";
    if (Name.empty())
      return Type + Suffix;
    // `double (&w)[3]`: the declarator goes around the name.
    char Last = Type.back();
    return Type + (Last == '&' || Last == '*' || Last == '(' ? "" : " ") +
           Name + Suffix;
  }

  struct Scope {
    explicit Scope(unsigned Depth) : Depth(Depth) {}
    unsigned Depth;
    bool Emitted = false;
    /// Scalar locals declared at their first store, if it comes before
    /// anything else is said.
    std::vector<const Value *> PendingLocals;
    /// A struct local that a call returning a struct may initialize
    /// (`Vec3 c = add(a, b);`); declared before any other line.
    const Value *PendingRecord = nullptr;
  };

  void line(Scope &S, const std::string &Text, bool Declare = true) {
    if (const Value *L = std::exchange(S.PendingRecord, nullptr)) {
      OS << std::string(2 * S.Depth, ' ') << declaration(*L) << ";\n";
      S.Emitted = true;
    }
    if (Declare && !S.PendingLocals.empty()) {
      // Declared before the first line that names them; the others wait.
      std::vector<const Value *> Now, Later;
      for (const Value *L : S.PendingLocals)
        (Saying && !Saying->isRegionOp() && !mentions(*Saying, L) ? Later : Now)
            .push_back(L);
      S.PendingLocals = std::move(Later);
      for (const Value *L : Now)
        line(S, declaration(*L) + ";");
    }
    if (Text.empty())
      return;
    std::string Indent(2 * S.Depth, ' ');
    if (!PendingNote.empty()) {
      if (S.Emitted)
        OS << "\n";
      OS << Indent << "// " << shorten(PendingNote) << "\n";
      PendingNote.clear();
    }
    OS << Indent << Text << "\n";
    S.Emitted = true;
  }

  std::string declaration(const Value &L) {
    // A struct (`Camera c{}`), std::array or std::vector (`std::vector<
    // double> v(n)`) is declared by its type's name.
    if (L.IVal < 0 && L.Operands.size() > 1 && L.Operands[0]->isConstValue(0))
      return L.Text + " " + Plan.Var[L.Id]; // empty, until it grows
    // (`{}` and `(n)` would run default member initializers.)
    if (L.IVal < 0 && L.MemberDefaults)
      return L.Text + " " + Plan.Var[L.Id] + " = gradc::zeros<" + L.Text +
             ">(" + P.print(L.Operands[0]) + ")";
    if (L.IVal < 0)
      return L.Text + " " + Plan.Var[L.Id] + "(" + P.print(L.Operands[0]) + ")";
    if (L.Member == MemberKind::RecordArray) { // `Vec3 p[4]`
      std::string Text = L.Text + " " + Plan.Var[L.Id] + "[" +
                         std::to_string(L.IVal / L.Stride) + "]";
      if (L.ZeroInit && L.MemberDefaults)
        return Text + ";\n" + "gradc::zero(" + Plan.Var[L.Id] + ")";
      return Text + (L.ZeroInit ? " = {}" : "");
    }
    // `Camera dc{}` would run them; `Gaussian g;` may not compile.
    if ((L.ZeroInit || L.NoDefault) && L.MemberDefaults)
      return L.Text + " " + Plan.Var[L.Id] + " = gradc::zero<" + L.Text + ">()";
    if (!L.Text.empty())
      return L.Text + " " + Plan.Var[L.Id] + (L.ZeroInit ? "{}" : "");
    std::string Text = std::string(cxxTypeName(L.Ty)) + " " + Plan.Var[L.Id];
    if (L.IVal)
      Text += ExprPrinter::dimensions(L);
    if (L.ZeroInit)
      Text += " = {}";
    return Text;
  }

  void block(const Block &B, unsigned Depth, bool InBranch = false) {
    Scope S(Depth);
    for (const Value *V : B.Ops) {
      if (!InBranch && V->Code == OpCode::If)
        declareKept(S, *V);
      statement(S, *V);
    }
    line(S, "");         // declares what is still pending
    PendingNote.clear(); // a note over nothing
  }

  /// The variables of V's branches' values that are read after them.
  void declareKept(Scope &S, const Value &V) {
    forEachKept(V, [&](const Value &K) {
      if (K.Code == OpCode::Local)
        line(S, declaration(K) + ";");
      else if (K.Ty.name()) // an enum class takes no 0
        line(S, typeName(K.Ty) + " " + Plan.Var[K.Id] + "{};");
      else
        line(S, typeName(K.Ty) + " " + Plan.Var[K.Id] + " = " +
                    (K.Ty.isBool() ? "false" : "0") + ";");
    });
  }

  /// A store that changes a vector's length, as the call that does:
  /// `v.push_back(x)`, `v.resize(n)`; the length's own upkeep says nothing.
  void lengthChange(Scope &S, const Value &St) {
    const Value *Vec = Plan.VectorOf[St.Operands[0]->Id];
    if (!Vec) { // an element appended
      line(S, Plan.Var[St.Operands[0]->Id] + "." + St.Text + "(" +
                  P.printStored(St.Operands[1]) + ");");
      return;
    }
    std::string Obj = Plan.Var[Vec->Id];
    if (St.Text == "clear" || St.Text == "pop_back")
      line(S, Obj + "." + St.Text + "();");
    else if (St.Text == "resize")
      line(S, Obj + ".resize(" + P.print(St.Operands[1]) + ");");
    else if (St.Text == "append") // a zeroed struct, its members set next
      line(S, Obj + ".emplace_back();");
  }

  /// `s += e`, `w[i] = v`, `++i`: a store as an expression.
  std::string storeText(const Value &St) {
    const Value *Ptr = St.Operands[0], *Val = St.Operands[1];
    const Value *Idx = St.index();
    std::string L = P.lvalue(Ptr, Idx);
    auto IsOld = [&](const Value *X) {
      return X->Code == OpCode::Load && X->Operands[0] == Ptr &&
             X->index() == Idx && Plan.Inlined[X->Id];
    };
    if (Plan.Inlined[Val->Id] && Val->Operands.size() == 2) {
      const Value *Rhs = nullptr;
      if (IsOld(Val->Operands[0]))
        Rhs = Val->Operands[1];
      else if (commutes(Val->Code) && IsOld(Val->Operands[1]))
        Rhs = Val->Operands[0];
      const char *Op = compoundSymbol(Val->Code);
      if (Rhs && Op) {
        bool Additive = Val->Code == OpCode::Add || Val->Code == OpCode::Sub;
        if (Val->Ty.isInteger() && Additive && Rhs->isConst() &&
            (Rhs->constValue() == 1 || Rhs->constValue() == -1)) {
          bool Up = (Val->Code == OpCode::Add) == (Rhs->constValue() == 1);
          return (Up ? "++" : "--") + L;
        }
        return L + " " + Op + " " + P.printStored(Rhs);
      }
    }
    return L + " = " + P.printStored(Val);
  }

  /// What a Throw throws: `std::invalid_argument("n must be positive")`.
  std::string thrown(const Value &V) {
    std::string Args;
    unsigned Next = 0;
    for (const std::string &A : V.ThrowArgs)
      Args += (Args.empty() ? "" : ", ") +
              (A.empty() ? P.print(V.Operands[Next++]) : A);
    return V.Text.empty() ? Args : V.Text + "(" + Args + ")";
  }

  std::string addToText(const Value &V) {
    const Value *Rhs = V.Operands[1];
    const char *Op = "+=";
    std::string Text = P.printStored(Rhs);
    if (Rhs->Code == OpCode::Neg && Plan.Inlined[Rhs->Id]) {
      Text = P.printStored(Rhs->Operands[0]);
      Op = "-=";
    } else if (Rhs->isConst() && Text[0] == '-') {
      Text = Text.substr(1);
      Op = "-=";
    }
    return P.lvalue(V.Operands[0], V.index()) + " " + Op + " " + Text;
  }

  /// The three parts of a for statement, each on the header line.
  std::string loopHeader(Scope &S, const Value &L) {
    const Block &Init = L.Regions[ir::Init];
    const Block &Cond = L.Regions[ir::Cond];
    std::string CondText =
        Cond.Ops.empty() ? "" : P.condition(Cond.Ops.back()->Operands[0]);
    if (L.loopKind() == LoopKind::While)
      return "while (" + CondText + ") {";
    if (L.loopKind() == LoopKind::DoWhile)
      return "do {";
    std::string InitText;
    const Value *Local = nullptr;
    for (const Value *V : Init.Ops) {
      if (V->Code == OpCode::Local && !Local) {
        Local = V;
      } else if (V->Code == OpCode::Store && Local && V->Operands[0] == Local &&
                 InitText.empty()) {
        InitText = declaration(*Local) + " = " + P.printStored(V->Operands[1]);
      } else if (V->hasEffect()) {
        // Not one declaration: say it before the loop.
        statement(S, *V);
      }
    }
    std::string StepText;
    for (const Value *V : L.Regions[ir::Step].Ops)
      if (V->Code == OpCode::Store)
        StepText += (StepText.empty() ? "" : ", ") + storeText(*V);
    return "for (" + InitText + "; " + CondText + "; " + StepText + ") {";
  }

  /// Whether V, as printed (with what is inlined into it), names L.
  bool mentions(const Value &V, const Value *L) const {
    if (&V == L)
      return true;
    for (const Value *Op : V.Operands)
      if (Op == L || (Plan.Inlined[Op->Id] && mentions(*Op, L)))
        return true;
    return false;
  }

  void statement(Scope &S, const Value &V) {
    Saying = &V;
    say(S, V);
    Saying = nullptr;
  }

  void say(Scope &S, const Value &V) {
    switch (V.Code) {
    case OpCode::Note:
      PendingNote = V.Text;
      return;
    case OpCode::Return:
      PendingNote.clear(); // its statement left no backward code
      if (!V.Operands.empty())
        line(S, "return " + P.printStored(V.Operands[0]) + ";");
      return;
    case OpCode::AddTo:
      line(S, addToText(V) + ";");
      return;
    case OpCode::Invoke:
      if (V.Callee && V.Callee->ReturnsRecord &&
          S.PendingRecord == V.Operands.back()) {
        // `Vec3 c = add(a, b);`: the text after `c = `.
        const Value *L = std::exchange(S.PendingRecord, nullptr);
        P.Declaring = true;
        std::string Call = P.printDefinition(&V);
        P.Declaring = false;
        // (`std::vector<double> h = f(x);`, without the size the call gives.)
        std::string Decl = L->IVal < 0 || L->NoDefault
                               ? L->Text + " " + Plan.Var[L->Id]
                               : declaration(*L);
        line(S, Decl + Call.substr(Call.find(" = ")) + ";");
        return;
      }
      // A call made for what it writes, its value unused: `g(b);`, not an
      // unused variable.
      if (V.Ty.isVoid() || (Plan.Uses[V.Id] == 0 && !V.Kept)) {
        line(S, P.printDefinition(&V) + ";");
        return;
      }
      break;
    case OpCode::Local:
      if (Plan.VectorOf[V.Id]) {
        // A vector's length: `v.size()`.
      } else if (V.Kept) {
        // Declared before the branch (declareKept).
      } else if (V.IVal == 0 && !V.ZeroInit) {
        S.PendingLocals.push_back(&V);
      } else if ((V.Member == MemberKind::Record ||
                  (V.Member == MemberKind::Array && V.IVal != 0 &&
                   !V.Text.empty())) &&
                 !V.ZeroInit && PendingNote.empty()) {
        // (A std::array or std::vector too: `auto c = cross(a, b);`.)
        line(S, ""); // the one before
        S.PendingRecord = &V;
      } else {
        line(S, declaration(V) + ";");
      }
      return;
    case OpCode::Store:
      if (!V.Text.empty()) {
        lengthChange(S, V);
        return;
      }
      if (auto It = std::find(S.PendingLocals.begin(), S.PendingLocals.end(),
                              static_cast<const Value *>(V.Operands[0]));
          It != S.PendingLocals.end() && !V.index()) {
        S.PendingLocals.erase(It);
        line(S,
             declaration(*V.Operands[0]) + " = " +
                 P.printStored(V.Operands[1]) + ";",
             /*Declare=*/false);
        return;
      }
      line(S, storeText(V) + ";");
      return;
    case OpCode::Tape: {
      // A tape of structs (copies of a struct a call read) names its type;
      // one of known size (IVal) lives on the stack.
      std::string Of = V.Text.empty() ? cxxTypeName(V.Ty) : V.Text;
      line(S, V.IVal > 0
                  ? "gradc::fixed_tape<" + Of + ", " + std::to_string(V.IVal) +
                        "> " + Plan.Var[V.Id] + ";"
                  : "gradc::tape<" + Of + "> " + Plan.Var[V.Id] + ";");
      return;
    }
    case OpCode::Push:
      line(S, Plan.Var[V.Operands[0]->Id] +
                  (V.IVal == 1 ? ".push_reserved(" : ".push(") +
                  P.printStored(V.Operands[1]) + ");");
      return;
    case OpCode::PushArray:
    case OpCode::PopArray:
      if (const Value *Arr = V.Operands[1];
          !V.Operands[0]->Text.empty() &&
          Arr->Member == MemberKind::RecordArray) {
        // `Vec3 p[4]`, on a tape of Vec3.
        line(S, Plan.Var[V.Operands[0]->Id] +
                    (V.Code == OpCode::PushArray ? ".push_array("
                                                 : ".pop_array(") +
                    Plan.Var[Arr->Id] + ", " +
                    std::to_string(Arr->IVal / Arr->Stride) + ");");
        return;
      }
      if (!V.Operands[0]->Text.empty()) {
        std::string Tape = Plan.Var[V.Operands[0]->Id];
        if (V.Code == OpCode::PopArray && S.PendingRecord == V.Operands[1] &&
            V.Operands[1]->IVal >= 0) {
          // `Vec3 p_2 = p_tape.pop();`, declared with what it holds (a
          // vector is declared with its size, which the pop sets again).
          const Value *L = std::exchange(S.PendingRecord, nullptr);
          line(S, L->Text + " " + Plan.Var[L->Id] + " = " + Tape + ".pop();");
          return;
        }
        std::string Obj = P.object(V.Operands[1]);
        line(S, V.Code == OpCode::PushArray ? Tape + ".push(" + Obj + ");"
                                            : Obj + " = " + Tape + ".pop();");
        return;
      }
      line(S,
           Plan.Var[V.Operands[0]->Id] +
               (V.Code == OpCode::PushArray ? ".push_array(" : ".pop_array(") +
               // A scalar variable is copied through its address.
               (V.Operands[1]->Code == OpCode::Local && V.Operands[1]->IVal == 0
                    ? "&"
                    : "") +
               P.flatPointer(V.Operands[1]) + ", " + P.print(V.Operands[2]) +
               ");");
      return;
    case OpCode::Reserve:
      line(S, Plan.Var[V.Operands[0]->Id] + ".reserve(" +
                  P.print(V.Operands[1]) + ");");
      return;
    case OpCode::Pop:
      if (Plan.Inlined[V.Id])
        return;                   // printed where it is stored
      if (Plan.Uses[V.Id] == 0) { // keeps the tape in step
        line(S, Plan.Var[V.Operands[0]->Id] + ".pop();");
        return;
      }
      line(S, typeName(V.Ty) + " " + Plan.Var[V.Id] + " = " +
                  Plan.Var[V.Operands[0]->Id] + ".pop();");
      return;
    case OpCode::Break:
      line(S, "break;");
      return;
    case OpCode::Throw:
      line(S, "throw " + thrown(V) + ";");
      return;
    case OpCode::Continue:
      line(S, "continue;");
      return;
    case OpCode::If: {
      // `if (c) {} else { e }` (a branch that only skips the rest of a
      // loop body or function) reads as `if (!c) { e }`; an else that is
      // one if reads as `else if`.
      const Value *If = &V;
      std::string Keyword = "if (";
      for (;;) {
        std::string Cond = P.condition(If->Operands[0]);
        const Block *Taken = &If->Regions[Then];
        const Block *Other = &If->Regions[Else];
        if (saysNothing(*Taken) && !saysNothing(*Other)) {
          Cond = negation(Cond);
          std::swap(Taken, Other);
        }
        line(S, Keyword + Cond + ") {");
        block(*Taken, S.Depth + 1, /*InBranch=*/true);
        if (saysNothing(*Other))
          break;
        if (const Value *Next = soleIf(*Other)) {
          If = Next;
          Keyword = "} else if (";
          continue;
        }
        line(S, "} else {");
        block(*Other, S.Depth + 1, /*InBranch=*/true);
        break;
      }
      line(S, "}");
      return;
    }
    case OpCode::Loop: {
      line(S, loopHeader(S, V));
      block(V.Regions[LoopBody], S.Depth + 1);
      if (V.loopKind() == LoopKind::DoWhile)
        line(S, "} while (" + P.print(V.Regions[Cond].Ops.back()->Operands[0]) +
                    ");");
      else
        line(S, "}");
      return;
    }
    case OpCode::Yield:
      return;
    default:
      break;
    }
    if (!V.hasResult() || V.isConst() || Plan.Inlined[V.Id])
      return;
    const std::string &Var = Plan.Var[V.Id];
    if (V.Kept) {
      line(S, Var + " = " + P.printDefinition(&V) + ";");
      return;
    }
    if (const Value *Old = Plan.Replaces[V.Id]) {
      const Value *Rhs = nullptr;
      if (const char *Op = compoundOp(V, Old, Rhs))
        line(S, Var + " " + Op + " " + P.printStored(Rhs) + ";");
      else
        line(S, Var + " = " + P.printDefinition(&V) + ";");
      return;
    }
    // The rows' length that only subscripts hold: checked all the same.
    if (V.Code == OpCode::Size && V.Text == "cols" && !Plan.Uses[V.Id]) {
      line(S, P.printDefinition(&V) + ";");
      return;
    }
    // A row of a std::array of std::array is a reference to it.
    std::string Type =
        V.Code == OpCode::Offset && !V.Text.empty()
            ? (V.Ty.isConstPointee() ? "const " : "") + V.Text + " &"
            : typeName(V.Ty) + " ";
    line(S, Type + Var + " = " + P.printDefinition(&V) + ";");
  }

  /// The If that Blk consists of, when everything else in it is printed
  /// inside that If's condition.
  const Value *soleIf(const Block &Blk) const {
    if (Blk.Ops.empty() || Blk.Ops.back()->Code != OpCode::If)
      return nullptr;
    for (size_t I = 0; I + 1 < Blk.Ops.size(); ++I) {
      const Value *V = Blk.Ops[I];
      if (!V->hasResult() || !(V->isConst() || Plan.Inlined[V->Id]))
        return nullptr;
    }
    return Blk.Ops.back();
  }

  /// The definitions of the function's own classes that Body names, or
  /// that a class it names uses, in source order.
  std::string localTypes(const std::string &Body) const {
    std::vector<bool> Needed(F.LocalTypes.size());
    for (size_t I = F.LocalTypes.size(); I-- > 0;) {
      Needed[I] = namesWord(Body, F.LocalTypes[I].Name);
      for (size_t J = I + 1; J < F.LocalTypes.size() && !Needed[I]; ++J)
        Needed[I] = Needed[J] &&
                    namesWord(F.LocalTypes[J].Definition, F.LocalTypes[I].Name);
    }
    std::string Out;
    for (size_t I = 0; I < F.LocalTypes.size(); ++I)
      if (Needed[I])
        Out += "  " + F.LocalTypes[I].Definition + "\n";
    return Out.empty() ? Out : Out + "\n";
  }

  const Function &F;
  NamePlan Plan;
  /// The op whose line is being printed (null: a block's end).
  const Value *Saying = nullptr;
  ExprPrinter P;
  std::ostringstream OS;
  std::string PendingNote;
};

bool anyOp(const Block &B, bool (*Pred)(const Value &)) {
  for (const Value *V : B.Ops) {
    if (Pred(*V))
      return true;
    for (const Block &R : V->Regions)
      if (anyOp(R, Pred))
        return true;
  }
  return false;
}

bool uses(const Function &F, bool (*Pred)(const Value &)) {
  return anyOp(F.Body, Pred);
}

/// The accessors of the private members that Fns use
/// (`gradc_private::Particle_x_(p)`), in the order they are first used;
/// the standard library's (`std::get<1>`) need none.
std::string privateAccessors(const std::vector<const Function *> &Fns) {
  std::vector<const PrivateMember *> Used;
  for (const Function *F : Fns)
    forEachOp(F->Body, [&](Value &V) {
      if (V.Code == OpCode::Field && V.Private &&
          V.Private->Accessor.find("::") == std::string::npos &&
          std::none_of(Used.begin(), Used.end(), [&](const PrivateMember *P) {
            return P->Accessor == V.Private->Accessor;
          }))
        Used.push_back(V.Private.get());
    });
  if (Used.empty())
    return "";
  std::ostringstream OS;
  OS << "\n// The private members of your classes that the functions below "
        "use,\n// reached the one way C++ allows from outside a class "
        "(<gradc/gradc.h>).\n"
     << "namespace gradc_private {\n";
  for (const PrivateMember *P : Used) {
    std::string Tag = "tag_" + P->Accessor;
    std::string Get = "o.*member(" + Tag + "{})";
    OS << "struct " << Tag << " {\n"
       << "  using type = member_pointer<" << P->Class << ", " << P->Type
       << ">;\n"
       << "  friend type member(" << Tag << ");\n"
       << "};\n"
       << "template struct access<" << Tag << ", &" << P->Class
       << "::" << P->Name << ">;\n"
       << "inline auto &" << P->Accessor << "(" << P->Class << " &o) { return "
       << Get << "; }\n"
       << "inline const auto &" << P->Accessor << "(const " << P->Class
       << " &o) {\n  return " << Get << ";\n}\n";
  }
  OS << "} // namespace gradc_private\n";
  return OS.str();
}

} // namespace

std::string emitFunction(const Function &F) { return FunctionEmitter(F).run(); }

std::string emitHeader(const std::vector<const Function *> &Fns,
                       const HeaderOptions &Opts) {
  std::ostringstream OS;
  OS << "// Generated by gradc from " << Opts.SourceName
     << ". Do not edit: rerun gradc.\n"
     << "#pragma once\n\n";
  bool NeedAlgorithm = false, NeedLimits = false, NeedStdexcept = false;
  std::set<std::string> Headers; // of the functions the code calls
  for (const Function *F : Fns) {
    forEachOp(F->Body, [&](Value &V) {
      if (V.Code == OpCode::Invoke && V.Callee && !V.Callee->Header.empty())
        Headers.insert(V.Callee->Header);
    });
    NeedAlgorithm |= uses(*F, [](const Value &V) {
      return V.Code == OpCode::Call &&
             mathFnKind(V.Fn) == MathKind::StdAlgorithm;
    });
    NeedStdexcept |=
        uses(*F, [](const Value &V) { return V.Code == OpCode::Throw; });
    NeedLimits |= uses(*F, [](const Value &V) {
      return V.isConst() &&
             ((V.Ty.isFloating() && !std::isfinite(V.FVal) && V.Text.empty()) ||
              V.Text.rfind("std::numeric_limits", 0) == 0);
    });
  }
  if (NeedAlgorithm)
    OS << "#include <algorithm>\n";
  OS << "#include <cmath>\n";
  if (NeedLimits)
    OS << "#include <limits>\n";
  if (NeedStdexcept)
    OS << "#include <stdexcept>\n";
  OS << "\n#include <gradc/gradc.h>\n";
  for (const std::string &H : Headers)
    OS << "#include <" << H << ">\n";
  OS << privateAccessors(Fns);

  const std::vector<std::string> *Open = nullptr;
  auto Close = [&] {
    if (!Open)
      return;
    for (auto It = Open->rbegin(); It != Open->rend(); ++It)
      OS << "} // namespace" << (It->empty() ? "" : " " + *It) << "\n";
    Open = nullptr;
  };
  auto Enter = [&](const std::vector<std::string> &Namespaces) {
    if (Open && *Open == Namespaces)
      return;
    Close();
    if (Namespaces.empty())
      return;
    OS << "\n";
    for (const std::string &NS : Namespaces)
      OS << "namespace" << (NS.empty() ? "" : " " + NS) << " {\n";
    Open = &Namespaces;
  };
  // Functions that call each other (mutual recursion): one defined after
  // a caller is declared before it. A call names the function it calls
  // (which may be another version of one in Fns, by the same name).
  std::set<const Function *> Known;
  for (const Function *F : Fns) {
    std::vector<const Function *> Later;
    forEachOp(F->Body, [&](Value &V) {
      if (V.Code != OpCode::Invoke || !V.Callee)
        return;
      for (const Function *G : Fns)
        if (G != F && !Known.count(G) && G->Name == V.Callee->Name &&
            G->Namespaces == V.Callee->Namespaces &&
            std::find(Later.begin(), Later.end(), G) == Later.end())
          Later.push_back(G);
    });
    for (const Function *G : Later) {
      Enter(G->Namespaces);
      OS << "\n" << FunctionEmitter(*G).declaration();
      Known.insert(G);
    }
    Enter(F->Namespaces);
    OS << "\n" << emitFunction(*F);
    Known.insert(F);
  }
  if (Open)
    OS << "\n";
  Close();
  return OS.str();
}

} // namespace gradc::emit
