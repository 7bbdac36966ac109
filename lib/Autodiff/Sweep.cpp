//===- Sweep.cpp - The generated function, as the sweeps build it ---------===//
#include "Sweep.h"
#include "VectorCount.h"

#include "gradc/IR/Uses.h"

namespace gradc::autodiff {

using namespace ir;

static void collectNames(const Block &B, std::set<std::string> &Names) {
  for (const Value *V : B.Ops) {
    if (!V->Name.empty())
      Names.insert(V->Name);
    for (const Block &R : V->Regions)
      collectNames(R, Names);
  }
}

std::set<std::string> namesIn(const Function &F) {
  std::set<std::string> Names;
  for (const Param &P : F.Params)
    Names.insert(P.V->Name);
  collectNames(F.Body, Names);
  return Names;
}

std::string uniqueName(const std::set<std::string> &Taken,
                       const std::string &Want, const std::string &Fallback,
                       unsigned *Next) {
  if (!Taken.count(Want) && !isMadeKeyword(Want))
    return Want;
  for (unsigned N = Next ? *Next : 1;; ++N) {
    std::string Name = Fallback + (N > 1 ? std::to_string(N) : "");
    if (!Taken.count(Name)) {
      if (Next)
        *Next = N + 1;
      return Name;
    }
  }
}

std::string baseName(const std::string &Path) {
  size_t Slash = Path.find_last_of("/\\");
  return Slash == std::string::npos ? Path : Path.substr(Slash + 1);
}

Value *vectorCount(ir::Builder &B, const Value *Base,
                   const std::map<const Value *, Value *> &Map) {
  // The longest it has been, if it may have been longer than it is.
  if (Base->Operands.size() > 1)
    return B.load(Map.at(Base->Operands.back()));
  return Map.at(Base->Operands[0]);
}

Frame *Sweep::frameOf(const Value *V) {
  auto It = Facts.Pos.Home.find(V);
  if (It == Facts.Pos.Home.end())
    return nullptr;
  for (auto F = Frames.rbegin(); F != Frames.rend(); ++F)
    if ((*F)->Primal == It->second)
      return *F;
  return nullptr;
}

Value *Sweep::newTape(Scalar S, const std::string &Var) {
  return newTape(Type::scalar(S), Var);
}

Value *Sweep::newTape(Type Of, const std::string &Var) {
  Value *T = G->create(OpCode::Tape, Type::tapeOf(Of));
  // (`L.W`, a member of a view: `L_W_tape`.)
  std::string Word = paramWord(Var);
  // A second tape of one variable is `g_tape_2`, as a second adjoint is
  // `dt_2`.
  unsigned &N = Next[Word + "_tape_"];
  N = std::max(N, 2u);
  T->Name = take(Word + "_tape", Word + "_tape_");
  G->Body.Ops.insert(G->Body.Ops.begin(), T);
  return T;
}

void Sweep::insertAfter(Value *Fwd, const std::vector<Value *> &Ops,
                        bool Before) {
  Block *Where = FwdHome.at(Fwd);
  auto At = std::find(Where->Ops.begin(), Where->Ops.end(), Fwd);
  Where->Ops.insert(Before ? At : At + 1, Ops.begin(), Ops.end());
}

} // namespace gradc::autodiff
