//===- Printer.cpp - Textual form of the IR -------------------------------===//
#include "gradc/IR/Printer.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>

namespace gradc::ir {

std::string formatNumber(double V) {
  if (std::isnan(V))
    return "nan";
  if (std::isinf(V))
    return V < 0 ? "-inf" : "inf";
  char Buf[64];
  // Whole numbers read as such: 300, not 3e+02.
  if (V == std::trunc(V) && std::fabs(V) < 1e15) {
    std::snprintf(Buf, sizeof(Buf), "%.0f", V);
    return Buf;
  }
  for (int Precision = 1; Precision <= 17; ++Precision) {
    std::snprintf(Buf, sizeof(Buf), "%.*g", Precision, V);
    if (std::strtod(Buf, nullptr) == V)
      break;
  }
  return Buf;
}

namespace {

const char *opName(const Value &V) {
  switch (V.Code) {
  case OpCode::Param:
    return "param";
  case OpCode::Const:
    return "const";
  case OpCode::Cast:
    return "cast";
  case OpCode::Copy:
    return "copy";
  case OpCode::Neg:
    return "neg";
  case OpCode::Add:
    return "add";
  case OpCode::Sub:
    return "sub";
  case OpCode::Mul:
    return "mul";
  case OpCode::Div:
    return "div";
  case OpCode::Rem:
    return "rem";
  case OpCode::BitAnd:
    return "bitand";
  case OpCode::BitOr:
    return "bitor";
  case OpCode::BitXor:
    return "bitxor";
  case OpCode::Shl:
    return "shl";
  case OpCode::Shr:
    return "shr";
  case OpCode::BitNot:
    return "bitnot";
  case OpCode::Call:
    return "call";
  case OpCode::Cmp:
    return "cmp";
  case OpCode::Select:
    return "select";
  case OpCode::AddTo:
    return "addto";
  case OpCode::Note:
    return "note";
  case OpCode::Throw:
    return "throw";
  case OpCode::And:
    return "and";
  case OpCode::Or:
    return "or";
  case OpCode::Not:
    return "not";
  case OpCode::Local:
    return "local";
  case OpCode::Load:
    return "load";
  case OpCode::Store:
    return "store";
  case OpCode::Offset:
    return "offset";
  case OpCode::Size:
    return "size";
  case OpCode::Field:
    return "field";
  case OpCode::If:
    return "if";
  case OpCode::Loop:
    return "loop";
  case OpCode::Yield:
    return "yield";
  case OpCode::Break:
    return "break";
  case OpCode::Continue:
    return "continue";
  case OpCode::Invoke:
    return "invoke";
  case OpCode::Tape:
    return "tape";
  case OpCode::Push:
    return "push";
  case OpCode::Pop:
    return "pop";
  case OpCode::Reserve:
    return "reserve";
  case OpCode::PushArray:
    return "push_array";
  case OpCode::PopArray:
    return "pop_array";
  case OpCode::Return:
    return "return";
  }
  return "?";
}

class IRPrinter {
public:
  explicit IRPrinter(const Function &F) : F(F) {}

  std::string run() {
    OS << "func @" << F.Name << F.TemplateArgs << "(";
    for (size_t I = 0; I < F.Params.size(); ++I) {
      const Value *P = F.Params[I].V;
      OS << (I ? ", " : "") << ref(P) << ": " << P->Ty.str();
    }
    OS << ") -> " << F.RetTy.str() << " {\n";
    printBlock(F.Body, 1);
    OS << "}\n";
    return OS.str();
  }

private:
  std::string ref(const Value *V) {
    if (V->isConst()) {
      if (!V->Text.empty())
        return V->Text;
      return formatNumber(V->constValue());
    }
    auto It = Names.find(V);
    if (It != Names.end())
      return It->second;
    std::string N;
    if (V->Name.empty()) {
      N = "%" + std::to_string(NextTemp++);
    } else {
      unsigned &Version = Versions[V->Name];
      N = "%" + V->Name + (Version ? "." + std::to_string(Version) : "");
      ++Version;
    }
    Names[V] = N;
    return N;
  }

  void printBlock(const Block &B, unsigned Depth) {
    for (const Value *V : B.Ops) {
      if (V->isConst())
        continue; // printed inline where used
      std::string Line(2 * Depth, ' ');
      if (V->hasResult())
        Line += ref(V) + " = ";
      Line += opName(*V);
      if (V->Code == OpCode::Call)
        Line += std::string(" ") + (isStdFn(V->Fn) ? "std::" : "") +
                mathFnName(V->Fn);
      if (V->Code == OpCode::Cmp)
        Line += std::string(" ") + cmpPredName(V->Pred);
      if (V->Code == OpCode::Invoke)
        Line += " @" + V->Text;
      if (V->Code == OpCode::Cast && V->IVal)
        Line += " implicit";
      if (V->Code == OpCode::Note)
        Line += " \"" + V->Text + "\"";
      if (V->Code == OpCode::Throw) {
        Line += " " + (V->Text.empty() ? "value" : V->Text);
        for (const std::string &A : V->ThrowArgs)
          if (!A.empty())
            Line += " " + A;
      }
      if (V->Code == OpCode::Loop) {
        static const char *Kinds[] = {"for", "while", "do"};
        Line += std::string(" ") + Kinds[V->IVal];
      }
      if (V->Code == OpCode::Local)
        Line += (V->Text.empty() ? "" : " " + V->Text) +
                (V->IVal ? "[" + std::to_string(V->IVal) + "]" : "") +
                (V->ZeroInit ? " zeroed" : "");
      if (V->Code == OpCode::Field)
        Line += " ." + V->Text + " +" + std::to_string(V->IVal) +
                (V->Stride ? " stride " + std::to_string(V->Stride) : "");
      for (size_t I = 0; I < V->Operands.size(); ++I)
        Line += (I ? ", " : " ") + ref(V->Operands[I]);
      if (V->hasResult())
        Line += " : " + V->Ty.str();
      if (V->Loc.isValid()) {
        if (Line.size() < 40)
          Line.resize(40, ' ');
        Line += " ; " + std::to_string(V->Loc.Line) + ":" +
                std::to_string(V->Loc.Col);
      }
      OS << Line << "\n";
      printRegions(*V, Depth);
    }
  }

  void printRegions(const Value &V, unsigned Depth) {
    static const char *IfNames[] = {"then", "else"};
    static const char *LoopNames[] = {"init", "cond", "body", "step"};
    for (size_t I = 0; I < V.Regions.size(); ++I) {
      if (V.Regions[I].Ops.empty())
        continue;
      OS << std::string(2 * Depth, ' ')
         << (V.Code == OpCode::If ? IfNames[I] : LoopNames[I]) << " {\n";
      printBlock(V.Regions[I], Depth + 1);
      OS << std::string(2 * Depth, ' ') << "}\n";
    }
  }

  const Function &F;
  std::ostringstream OS;
  std::map<const Value *, std::string> Names;
  std::map<std::string, unsigned> Versions;
  unsigned NextTemp = 0;
};

} // namespace

std::string print(const Function &F) { return IRPrinter(F).run(); }

} // namespace gradc::ir
