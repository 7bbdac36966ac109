//===- Function.cpp - The SSA graph of one function -----------------------===//
#include "gradc/IR/Function.h"

#include "gradc/IR/Uses.h"

#include <functional>
#include <set>

namespace gradc::ir {

bool isMadeKeyword(const std::string &Name) {
  for (const char *K :
       {"do", "double", "default", "delete", "decltype", "dynamic_cast"})
    if (Name == K)
      return true;
  return false;
}

bool Value::writesArg(unsigned I) const {
  if (!Operands[I]->Ty.isMemory())
    return false;
  // What gradc cannot see into may write through any pointer it is given
  // (and do anything else, but gradc only keeps track of memory).
  if (!Callee || I >= Callee->Params.size())
    return true;
  return Callee->writesParam(I);
}

/// How many times writesParam met a parameter whose answer it was still
/// finding (a recursive call): an answer that met one is not final.
static thread_local unsigned CyclesMet = 0;

bool Function::writesParam(unsigned I) const {
  Type P = Params[I].V->Ty;
  if (!P.isMemory() || P.isConstPointee())
    return false;
  if (Opaque || Custom || Incomplete)
    return true;
  if (ParamWritten.empty())
    ParamWritten.assign(Params.size(), -1);
  // Writing through a parameter is reachability over calls: a recursive
  // call being followed adds nothing new where it is met again.
  if (ParamWritten[I] == InProgress) {
    ++CyclesMet;
    return false;
  }
  if (ParamWritten[I] < 0) {
    unsigned Before = CyclesMet;
    ParamWritten[I] = InProgress;
    std::function<bool(const Block &)> Scan = [&](const Block &B) {
      for (const Value *V : B.Ops)
        if (writes(*V, Params[I].V))
          return true;
      return false;
    };
    bool Writes = Scan(Body);
    // "No" is final only when no call in progress was cut short.
    ParamWritten[I] = Writes ? 1 : CyclesMet == Before ? 0 : -1;
    return Writes;
  }
  return ParamWritten[I] != 0;
}

bool Value::invokeWrites() const {
  for (unsigned I = 0; I < Operands.size(); ++I)
    if (writesArg(I))
      return true;
  return Callee == nullptr && Ty.isVoid();
}

bool Value::invokeThrows() const { return Callee && Callee->mayThrow(); }

bool Function::mayThrow() const {
  if (ThrowsKnown >= 0)
    return ThrowsKnown;
  // Over the functions it reaches, each once (recursion).
  std::set<const Function *> Seen{this};
  std::vector<const Function *> Work{this};
  bool Throws = false, Final = true;
  while (!Work.empty() && !Throws) {
    const Function *G = Work.back();
    Work.pop_back();
    Final = Final && !G->Incomplete; // a body still being lowered
    forEachOp(G->Body, [&](const Value &V) {
      if (V.Code == OpCode::Throw)
        Throws = true;
      else if (V.Code == OpCode::Invoke && V.Callee &&
               Seen.insert(V.Callee).second)
        Work.push_back(V.Callee);
    });
  }
  if (Throws || Final)
    ThrowsKnown = Throws;
  return Throws;
}

const char *binarySymbol(OpCode C) {
  switch (C) {
  case OpCode::Add:
    return "+";
  case OpCode::Sub:
    return "-";
  case OpCode::Mul:
    return "*";
  case OpCode::Div:
    return "/";
  case OpCode::Rem:
    return "%";
  case OpCode::BitAnd:
    return "&";
  case OpCode::BitOr:
    return "|";
  case OpCode::BitXor:
    return "^";
  case OpCode::Shl:
    return "<<";
  case OpCode::Shr:
    return ">>";
  default:
    return "?";
  }
}

bool isBitwise(OpCode C) {
  return C == OpCode::BitAnd || C == OpCode::BitOr || C == OpCode::BitXor ||
         C == OpCode::Shl || C == OpCode::Shr || C == OpCode::BitNot;
}

const char *resultWord(OpCode C) {
  switch (C) {
  case OpCode::Add:
    return "sum";
  case OpCode::Sub:
    return "diff";
  case OpCode::Mul:
    return "prod";
  case OpCode::Div:
    return "quot";
  case OpCode::Neg:
    return "neg";
  case OpCode::Cast:
    return "conv";
  default:
    return nullptr;
  }
}

const char *cmpPredName(CmpPred P) {
  static const char *Names[] = {"lt", "le", "gt", "ge", "eq", "ne"};
  return Names[static_cast<unsigned>(P)];
}

const char *cmpPredSymbol(CmpPred P) {
  static const char *Symbols[] = {"<", "<=", ">", ">=", "==", "!="};
  return Symbols[static_cast<unsigned>(P)];
}

Value *Function::create(OpCode Code, Type Ty, std::vector<Value *> Operands) {
  Storage.push_back(std::make_unique<Value>());
  Value *V = Storage.back().get();
  V->Code = Code;
  V->Ty = Ty;
  V->Operands = std::move(Operands);
  V->Id = static_cast<unsigned>(Storage.size() - 1);
  return V;
}

Value *Function::addParam(const std::string &Name, Type Ty,
                          std::string Spelling) {
  Value *V = create(OpCode::Param, Ty);
  V->Name = Name;
  Param P;
  P.V = V;
  P.Spelling = std::move(Spelling);
  Params.push_back(std::move(P));
  return V;
}

} // namespace gradc::ir
