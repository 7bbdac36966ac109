//===- DotEmitter.cpp - The computational graph for Graphviz --------------===//
#include "gradc/Emit/DotEmitter.h"

#include "gradc/IR/Printer.h"

#include <sstream>

namespace gradc::emit {

using namespace ir;

namespace {

std::string constText(const Value &C) {
  return C.Text.empty() ? formatNumber(C.constValue()) : C.Text;
}

std::string escape(const std::string &S) {
  std::string Out;
  for (char C : S) {
    if (C == '<')
      Out += "&lt;";
    else if (C == '>')
      Out += "&gt;";
    else if (C == '&')
      Out += "&amp;";
    else
      Out += C;
  }
  return Out;
}

/// What the gate does, with a constant operand folded in.
std::string gateText(const Value &V) {
  const auto &Ops = V.Operands;
  auto Sym = [&] { return std::string(binarySymbol(V.Code)); };
  switch (V.Code) {
  case OpCode::Add:
  case OpCode::Sub:
  case OpCode::Mul:
  case OpCode::Div:
  case OpCode::Rem:
    if (V.Code == OpCode::Div && Ops[0]->isConstValue(1))
      return "1/x";
    if (Ops[1]->isConst())
      return Sym() + constText(*Ops[1]);
    if (Ops[0]->isConst())
      return V.Code == OpCode::Add || V.Code == OpCode::Mul
                 ? Sym() + constText(*Ops[0])
                 : constText(*Ops[0]) + Sym();
    return Sym();
  case OpCode::BitAnd:
  case OpCode::BitOr:
  case OpCode::BitXor:
  case OpCode::Shl:
  case OpCode::Shr:
    return Ops[1]->isConst() ? Sym() + constText(*Ops[1]) : Sym();
  case OpCode::BitNot:
    return "~";
  case OpCode::Neg:
    return "*-1";
  case OpCode::Call:
    if (V.Fn == MathFn::Pow && Ops[1]->isConst())
      return "^" + constText(*Ops[1]);
    return std::string(isStdFn(V.Fn) ? "std::" : "") + mathFnName(V.Fn);
  case OpCode::Cast:
    return "convert";
  case OpCode::Cmp:
    return cmpPredSymbol(V.Pred);
  case OpCode::Select:
    return "?:";
  default:
    return "";
  }
}

class DotWriter {
public:
  DotWriter(const Function &F, const std::map<const Value *, WireLabel> &L)
      : F(F), Labels(L) {}

  std::string run() {
    OS << "digraph \"" << F.Name << "\" {\n"
       << "  rankdir=LR;\n"
       << "  node [fontname=\"Helvetica\", fontsize=12];\n"
       << "  edge [fontname=\"Helvetica\", fontsize=10];\n";
    for (const Param &P : F.Params)
      OS << "  " << id(P.V) << " [shape=plaintext, label=\""
         << (P.V->Name.empty() ? "?" : P.V->Name) << "\"];\n";
    const Value *Result = nullptr;
    for (const Value *V : F.Body.Ops) {
      if (V->Code == OpCode::Return) {
        Result = V->Operands.empty() ? nullptr : V->Operands[0];
        continue;
      }
      if (!V->hasResult() || V->isConst() || V->Code == OpCode::Copy)
        continue;
      OS << "  " << id(V) << " [shape=circle, label=<<b>"
         << escape(gateText(*V)) << "</b>"
         << (V->Name.empty()
                 ? ""
                 : "<br/><font point-size=\"9\">" + V->Name + "</font>")
         << ">];\n";
      for (const Value *Op : V->Operands)
        if (!Op->isConst())
          wire(source(Op), V);
    }
    if (Result) {
      OS << "  out [shape=plaintext, label=\"" << F.Name << "\"];\n";
      wire(source(Result), nullptr);
    }
    OS << "}\n";
    return OS.str();
  }

private:
  static std::string id(const Value *V) { return "v" + std::to_string(V->Id); }

  /// Copies are the same wire under another name.
  static const Value *source(const Value *V) {
    while (V->Code == OpCode::Copy)
      V = V->Operands[0];
    return V;
  }

  void wire(const Value *From, const Value *To) {
    OS << "  " << id(From) << " -> " << (To ? id(To) : "out");
    auto It = Labels.find(From);
    if (It != Labels.end()) {
      OS << " [label=<";
      if (!It->second.Above.empty())
        OS << "<font color=\"#2e7d32\">" << escape(It->second.Above)
           << "</font>";
      if (!It->second.Below.empty())
        OS << "<br/><font color=\"#c62828\">" << escape(It->second.Below)
           << "</font>";
      OS << ">]";
    }
    OS << ";\n";
  }

  const Function &F;
  const std::map<const Value *, WireLabel> &Labels;
  std::ostringstream OS;
};

} // namespace

std::string emitDot(const Function &F,
                    const std::map<const Value *, WireLabel> &Labels) {
  return DotWriter(F, Labels).run();
}

} // namespace gradc::emit
