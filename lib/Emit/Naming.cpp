//===- Naming.cpp - Which values become C++ variables, and their names ----===//
#include "Naming.h"

#include "gradc/IR/Uses.h"

#include <algorithm>
#include <map>
#include <set>

namespace gradc::emit {

using namespace ir;

namespace {

std::string tempName(const Value &V, const NamePlan &Plan) {
  switch (V.Code) {
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
  case OpCode::Cmp: {
    const std::string &A = Plan.Var[V.Operands[0]->Id];
    const std::string &B = Plan.Var[V.Operands[1]->Id];
    if (A.empty() || B.empty())
      return "cond";
    return A + "_" + cmpPredName(V.Pred) + "_" + B; // x_lt_y
  }
  case OpCode::Select:
    return "sel";
  case OpCode::Call: {
    const std::string &Arg = Plan.Var[V.Operands[0]->Id];
    return std::string(mathFnName(V.Fn)) + "_" + (Arg.empty() ? "v" : Arg);
  }
  default:
    return "t";
  }
}

/// Conversions and negations of a variable cost less to repeat than to
/// name: `db += n` reads better than `double conv = n; ... db += conv`.
bool cheap(const Value &V) {
  if (V.Code != OpCode::Cast && V.Code != OpCode::Neg)
    return false;
  const Value &Op = *V.Operands[0];
  return Op.Code == OpCode::Param || Op.isConst() || !Op.Name.empty();
}

bool materializes(const Value &V, unsigned Uses) {
  if (!V.hasResult() || V.isConst())
    return false;
  return !V.Name.empty() || (Uses > 1 && !cheap(V));
}

/// The variable that holds the latest version of a source name.
struct Variable {
  std::string Name;
  const Value *Holder;
  bool Assignable;
};

} // namespace

NamePlan planNames(const Function &F) {
  NamePlan Plan;
  unsigned N = F.numValues();
  Plan.Uses = countUses(F);
  Plan.Inlined.assign(N, false);
  Plan.Var.assign(N, "");
  Plan.Replaces.assign(N, nullptr);

  const std::vector<Value *> &Ops = F.Body.Ops;
  std::vector<unsigned> Pos(N, 0);
  std::vector<std::vector<const Value *>> Users(N);
  for (unsigned I = 0; I < Ops.size(); ++I) {
    Pos[Ops[I]->Id] = I;
    for (const Value *Op : Ops[I]->Operands)
      Users[Op->Id].push_back(Ops[I]);
    Plan.Inlined[Ops[I]->Id] =
        Ops[I]->hasResult() && !materializes(*Ops[I], Plan.Uses[Ops[I]->Id]);
  }

  // An inlined value is evaluated where its user is; a variable lives until
  // the last evaluation that reads it.
  std::vector<unsigned> EvalPos(N, 0);
  for (auto It = Ops.rbegin(); It != Ops.rend(); ++It) {
    const Value *V = *It;
    unsigned P = Pos[V->Id];
    if (Plan.Inlined[V->Id])
      for (const Value *U : Users[V->Id])
        P = std::max(P, EvalPos[U->Id]);
    EvalPos[V->Id] = P;
  }
  auto LastUse = [&](const Value *V) {
    unsigned Last = V->Code == OpCode::Param ? 0 : Pos[V->Id];
    for (const Value *U : Users[V->Id])
      Last = std::max(Last, EvalPos[U->Id]);
    return Last;
  };

  std::set<std::string> Taken;
  std::map<std::string, Variable> Vars;
  for (const Param &P : F.Params) {
    Plan.Var[P.V->Id] = P.V->Name;
    Taken.insert(P.V->Name);
    bool Assignable = P.V->Ty.isScalar() &&
                      P.Spelling.find("const") == std::string::npos;
    Vars[P.V->Name] = {P.V->Name, P.V, Assignable};
  }
  for (const Value *V : Ops) {
    if (!V->hasResult() || Plan.Inlined[V->Id] || V->isConst())
      continue;
    if (!V->Name.empty()) {
      auto It = Vars.find(V->Name);
      if (It != Vars.end() && It->second.Assignable &&
          It->second.Holder->Ty == V->Ty &&
          LastUse(It->second.Holder) <= Pos[V->Id]) {
        Plan.Var[V->Id] = It->second.Name;
        Plan.Replaces[V->Id] = It->second.Holder;
        It->second.Holder = V;
        continue;
      }
    }
    std::string Want = V->Name.empty() ? tempName(*V, Plan) : V->Name;
    std::string Name = Want;
    for (unsigned K = 2; Taken.count(Name); ++K)
      Name = Want + "_" + std::to_string(K);
    Taken.insert(Name);
    Plan.Var[V->Id] = Name;
    if (!V->Name.empty())
      Vars[V->Name] = {Name, V, true};
  }
  return Plan;
}

} // namespace gradc::emit
