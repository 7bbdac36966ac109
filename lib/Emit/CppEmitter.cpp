//===- CppEmitter.cpp - IR to readable C++ --------------------------------===//
#include "gradc/Emit/CppEmitter.h"

#include "ExprPrinter.h"
#include "Naming.h"

#include <cmath>
#include <sstream>

namespace gradc::emit {

using namespace ir;

const char *cxxTypeName(Scalar S) {
  switch (S) {
  case Scalar::Bool:
    return "bool";
  case Scalar::Int32:
    return "int";
  case Scalar::UInt32:
    return "unsigned";
  case Scalar::Int64:
    return "long long";
  case Scalar::UInt64:
    return "unsigned long long";
  case Scalar::Float32:
    return "float";
  case Scalar::Float64:
    return "double";
  case Scalar::Float80:
    return "long double";
  }
  return "double";
}

namespace {

std::string typeName(Type T) {
  switch (T.kind()) {
  case Type::Void:
    return "void";
  case Type::Value:
    return cxxTypeName(T.scalarKind());
  case Type::Ref:
  case Type::Ptr:
    return std::string(T.isConstPointee() ? "const " : "") +
           cxxTypeName(T.scalarKind()) + (T.kind() == Type::Ref ? " &" : " *");
  }
  return "void";
}

/// `x += y` for `x = x + y` when the value replaces its own left operand.
const char *compoundOp(const Value &V, const Value *Old, const Value *&Rhs) {
  const auto &Ops = V.Operands;
  if (Ops.size() != 2)
    return nullptr;
  bool Commutes = V.Code == OpCode::Add || V.Code == OpCode::Mul;
  if (Ops[0] == Old)
    Rhs = Ops[1];
  else if (Commutes && Ops[1] == Old)
    Rhs = Ops[0];
  else
    return nullptr;
  switch (V.Code) {
  case OpCode::Add:
    return "+=";
  case OpCode::Sub:
    return "-=";
  case OpCode::Mul:
    return "*=";
  case OpCode::Div:
    return "/=";
  default:
    return nullptr;
  }
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

class FunctionEmitter {
public:
  explicit FunctionEmitter(const Function &F)
      : F(F), Plan(planNames(F)), P(Plan) {}

  std::string run() {
    for (const std::string &Line : F.Doc)
      OS << "// " << Line << "\n";
    OS << "inline " << typeName(F.RetTy) << " " << F.Name << "(";
    for (size_t I = 0; I < F.Params.size(); ++I)
      OS << (I ? ", " : "") << param(F.Params[I]);
    OS << ") {\n";
    for (const Value *V : F.Body.Ops)
      statement(*V);
    OS << "}\n";
    return OS.str();
  }

private:
  std::string param(const ir::Param &Prm) {
    std::string Type = Prm.Spelling.empty() ? typeName(Prm.V->Ty)
                                            : Prm.Spelling;
    std::string Name = Prm.V->Name;
    if (Plan.Uses[Prm.V->Id] == 0 && !Name.empty())
      Name = "/*" + Name + "*/"; // unused here; keeps -Wunused quiet
    if (Name.empty())
      return Type;
    char Last = Type.back();
    return Type + (Last == '&' || Last == '*' ? "" : " ") + Name;
  }

  void line(const std::string &Text) {
    if (!PendingNote.empty()) {
      if (Emitted)
        OS << "\n";
      OS << "  // " << shorten(PendingNote) << "\n";
      PendingNote.clear();
    }
    OS << "  " << Text << "\n";
    Emitted = true;
  }

  void statement(const Value &V) {
    switch (V.Code) {
    case OpCode::Note:
      PendingNote = V.Text;
      return;
    case OpCode::Return:
      if (!V.Operands.empty())
        line("return " + P.printStored(V.Operands[0]) + ";");
      return;
    case OpCode::AddTo: {
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
      line(P.print(V.Operands[0]) + " " + Op + " " + Text + ";");
      return;
    }
    default:
      break;
    }
    if (!V.hasResult() || V.isConst() || Plan.Inlined[V.Id])
      return;
    const std::string &Var = Plan.Var[V.Id];
    if (const Value *Old = Plan.Replaces[V.Id]) {
      const Value *Rhs = nullptr;
      if (const char *Op = compoundOp(V, Old, Rhs))
        line(Var + " " + Op + " " + P.printStored(Rhs) + ";");
      else
        line(Var + " = " + P.printDefinition(&V) + ";");
      return;
    }
    line(typeName(V.Ty) + " " + Var + " = " + P.printDefinition(&V) + ";");
  }

  const Function &F;
  NamePlan Plan;
  ExprPrinter P;
  std::ostringstream OS;
  std::string PendingNote;
  bool Emitted = false;
};

bool uses(const Function &F, bool (*Pred)(const Value &)) {
  for (const Value *V : F.Body.Ops)
    if (Pred(*V))
      return true;
  return false;
}

} // namespace

std::string emitFunction(const Function &F) {
  return FunctionEmitter(F).run();
}

std::string emitHeader(const std::vector<const Function *> &Fns,
                       const HeaderOptions &Opts) {
  std::ostringstream OS;
  OS << "// Generated by gradc from " << Opts.SourceName
     << ". Do not edit: rerun gradc.\n"
     << "#pragma once\n\n";
  bool NeedAlgorithm = false, NeedLimits = false;
  for (const Function *F : Fns) {
    NeedAlgorithm |= uses(*F, [](const Value &V) {
      return V.Code == OpCode::Call &&
             (V.Fn == MathFn::StdMax || V.Fn == MathFn::StdMin);
    });
    NeedLimits |= uses(*F, [](const Value &V) {
      return V.isConst() && V.Ty.isFloating() && !std::isfinite(V.FVal);
    });
  }
  if (NeedAlgorithm)
    OS << "#include <algorithm>\n";
  OS << "#include <cmath>\n";
  if (NeedLimits)
    OS << "#include <limits>\n";
  OS << "\n#include <gradc/gradc.h>\n";

  const std::vector<std::string> *Open = nullptr;
  auto Close = [&] {
    if (!Open)
      return;
    for (auto It = Open->rbegin(); It != Open->rend(); ++It)
      OS << "} // namespace" << (It->empty() ? "" : " " + *It) << "\n";
    Open = nullptr;
  };
  for (const Function *F : Fns) {
    if (!Open || *Open != F->Namespaces) {
      Close();
      if (!F->Namespaces.empty()) {
        OS << "\n";
        for (const std::string &NS : F->Namespaces)
          OS << "namespace" << (NS.empty() ? "" : " " + NS) << " {\n";
        Open = &F->Namespaces;
      }
    }
    OS << "\n" << emitFunction(*F);
  }
  if (Open)
    OS << "\n";
  Close();
  return OS.str();
}

} // namespace gradc::emit
