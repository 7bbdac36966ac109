//===- Verifier.cpp - Structural checks of the IR -------------------------===//
#include "gradc/IR/Verifier.h"

#include "gradc/IR/Printer.h"

#include <algorithm>
#include <set>

namespace gradc::ir {

namespace {

class IRVerifier {
public:
  explicit IRVerifier(const Function &F) : F(F) {}

  std::vector<std::string> run() {
    for (const Param &P : F.Params) {
      if (P.V->Code != OpCode::Param)
        error(*P.V, "parameter list holds a non-parameter");
      Defined.insert(P.V);
      Placed.insert(P.V);
    }
    checkBlock(F.Body, /*IsBody=*/true);
    return Errors;
  }

private:
  void error(const Value &V, const std::string &Msg) {
    Errors.push_back("value #" + std::to_string(V.Id) +
                     (V.Name.empty() ? "" : " (" + V.Name + ")") + ": " + Msg);
  }

  void expectOperands(const Value &V, size_t N) {
    if (V.Operands.size() != N)
      error(V, "expects " + std::to_string(N) + " operands, has " +
                   std::to_string(V.Operands.size()));
  }

  /// Values defined in B are visible after their definition in B and in the
  /// regions of later ops; they go out of scope with B.
  void checkBlock(const Block &B, bool IsBody) {
    std::vector<const Value *> Scope;
    for (size_t I = 0; I < B.Ops.size(); ++I) {
      const Value &V = *B.Ops[I];
      if (V.Code == OpCode::Param)
        error(V, "parameter inside a block");
      if (Placed.count(&V))
        error(V, "placed twice");
      Placed.insert(&V);
      for (const Value *Op : V.Operands) {
        if (!Op)
          error(V, "null operand");
        else if (!Defined.count(Op))
          error(V, "operand #" + std::to_string(Op->Id) +
                       " is used before it is defined or out of its scope");
        else if (!Op->hasResult())
          error(V, "operand #" + std::to_string(Op->Id) + " has no result");
      }
      checkTypes(V);
      // Declared before the outermost branch around it, in the body of the
      // function or of a loop, and read in that block only.
      if (V.Kept &&
          (BranchDepth == 0 || !(V.Ty.isScalar() || V.Code == OpCode::Local)))
        error(V, "a kept value must be a number or a local computed in a "
                 "branch");
      checkRegions(V);
      Defined.insert(&V);
      Scope.push_back(&V);
      if (V.Code == OpCode::Return && (!IsBody || I + 1 != B.Ops.size()))
        error(V, "return is not the last op of the body");
      if (V.Code == OpCode::Yield && (!InCond || I + 1 != B.Ops.size()))
        error(V, "yield is not the last op of a loop condition");
      if ((V.Code == OpCode::Break || V.Code == OpCode::Continue) &&
          LoopDepth == 0)
        error(V, "break or continue outside a loop body");
    }
    if (IsBody && (B.Ops.empty() || B.Ops.back()->Code != OpCode::Return))
      Errors.push_back("the body does not end with a return");
    for (const Value *V : Scope)
      if (!V->Kept)
        Defined.erase(V);
  }

  void checkRegions(const Value &V) {
    if (V.Code == OpCode::If) {
      if (V.Regions.size() != 2)
        error(V, "if needs two regions");
      ++BranchDepth;
      for (const Block &R : V.Regions)
        checkBlock(R, false);
      --BranchDepth;
      return;
    }
    if (V.Code != OpCode::Loop) {
      if (!V.Regions.empty())
        error(V, "regions on an op that has none");
      return;
    }
    if (V.Regions.size() != 4) {
      error(V, "loop needs four regions");
      return;
    }
    // The init region's values (the counter) are in scope in the others.
    std::vector<const Value *> InitScope;
    unsigned SavedDepth = LoopDepth;
    LoopDepth = 0;
    for (const Value *Op : V.Regions[Init].Ops) {
      checkBlockOp(*Op);
      InitScope.push_back(Op);
    }
    LoopDepth = SavedDepth;
    const Block &C = V.Regions[Cond];
    if (!C.Ops.empty() && C.Ops.back()->Code != OpCode::Yield)
      error(V, "loop condition does not end with yield");
    bool SavedCond = InCond;
    InCond = true;
    checkBlock(C, false);
    InCond = SavedCond;
    ++LoopDepth;
    unsigned SavedBranches = BranchDepth;
    BranchDepth = 0;
    checkBlock(V.Regions[LoopBody], false);
    BranchDepth = SavedBranches;
    --LoopDepth;
    checkBlock(V.Regions[Step], false);
    for (const Value *Op : InitScope)
      Defined.erase(Op);
  }

  /// One op of a loop's init region, whose values stay in scope.
  void checkBlockOp(const Value &V) {
    Block One;
    One.Ops.push_back(const_cast<Value *>(&V));
    checkBlock(One, false);
    Defined.insert(&V);
  }

  void expectMemory(const Value &V, const Value *Ptr, bool Mutable) {
    if (!Ptr->Ty.isMemory())
      error(V, "operand is not a pointer or reference");
    else if (Mutable && Ptr->Ty.isConstPointee())
      error(V, "writes through a pointer to const");
  }

  void expectIndex(const Value &V, const Value *Index) {
    if (Index && !Index->Ty.isInteger())
      error(V, "index is not an integer");
  }

  void checkTypes(const Value &V) {
    for (const Value *Op : V.Operands)
      if (!Op)
        return;
    const auto &Ops = V.Operands;
    switch (V.Code) {
    case OpCode::Param:
    case OpCode::Note:
      break;
    case OpCode::Throw:
      if (static_cast<size_t>(std::count(V.ThrowArgs.begin(), V.ThrowArgs.end(),
                                         "")) != Ops.size())
        error(V, "a throw's operands are not its arguments");
      break;
    case OpCode::Const:
      expectOperands(V, 0);
      if (!V.Ty.isScalar())
        error(V, "constant of non-scalar type");
      break;
    case OpCode::Cast:
      expectOperands(V, 1);
      if (Ops.size() == 1 && (!V.Ty.isScalar() || !Ops[0]->Ty.isScalar()))
        error(V, "cast between non-scalar types");
      break;
    case OpCode::Copy:
    case OpCode::Neg:
      expectOperands(V, 1);
      if (Ops.size() == 1 && Ops[0]->Ty != V.Ty)
        error(V, "operand type " + Ops[0]->Ty.str() + " differs from " +
                     V.Ty.str());
      break;
    case OpCode::Add:
    case OpCode::Sub:
    case OpCode::Mul:
    case OpCode::Div:
    case OpCode::Rem:
      expectOperands(V, 2);
      for (const Value *Op : Ops)
        if (Op->Ty != V.Ty)
          error(V,
                "operand type " + Op->Ty.str() + " differs from " + V.Ty.str());
      if (!V.Ty.isFloating() && !V.Ty.isInteger())
        error(V, "arithmetic on " + V.Ty.str());
      if (V.Code == OpCode::Rem && !V.Ty.isInteger())
        error(V, "rem on a non-integer type");
      break;
    case OpCode::BitAnd:
    case OpCode::BitOr:
    case OpCode::BitXor:
    case OpCode::Shl:
    case OpCode::Shr:
    case OpCode::BitNot: {
      bool Unary = V.Code == OpCode::BitNot;
      expectOperands(V, Unary ? 1 : 2);
      if (!V.Ty.isInteger())
        error(V, "bit operation on " + V.Ty.str());
      // A shift's count keeps its own type, as in C++.
      bool Shift = V.Code == OpCode::Shl || V.Code == OpCode::Shr;
      for (unsigned I = 0; I < Ops.size(); ++I)
        if (I == 1 && Shift ? !Ops[I]->Ty.isInteger() : Ops[I]->Ty != V.Ty)
          error(V, "operand type " + Ops[I]->Ty.str() + " of a bit operation");
      break;
    }
    case OpCode::Call:
      expectOperands(V, mathFnArity(V.Fn));
      if (!V.Ty.isFloating() && !(isStdFn(V.Fn) && V.Ty.isInteger()))
        error(V, "math function of non-floating type");
      for (const Value *Op : Ops)
        if (Op->Ty != V.Ty)
          error(V, "argument type " + Op->Ty.str() + " differs from " +
                       V.Ty.str());
      break;
    case OpCode::Cmp:
      expectOperands(V, 2);
      if (!V.Ty.isBool())
        error(V, "comparison result is not bool");
      if (Ops.size() == 2 && Ops[0]->Ty != Ops[1]->Ty)
        error(V, "compared operands differ in type");
      break;
    case OpCode::Select:
      expectOperands(V, 3);
      if (Ops.size() == 3 &&
          (!Ops[0]->Ty.isBool() || Ops[1]->Ty != V.Ty || Ops[2]->Ty != V.Ty))
        error(V, "select operand types do not agree");
      break;
    case OpCode::AddTo:
    case OpCode::Store:
      if (Ops.size() < 2 || Ops.size() > 3) {
        error(V, "expects a pointer, a value and maybe an index");
        break;
      }
      expectMemory(V, Ops[0], /*Mutable=*/true);
      expectIndex(V, V.index());
      if (Type::scalar(Ops[0]->Ty.scalarKind()) != Ops[1]->Ty)
        error(V, "stores a value of another type");
      break;
    case OpCode::Load:
      if (Ops.empty() || Ops.size() > 2) {
        error(V, "expects a pointer and maybe an index");
        break;
      }
      expectMemory(V, Ops[0], /*Mutable=*/false);
      expectIndex(V, V.index());
      if (V.Ty != Type::scalar(Ops[0]->Ty.scalarKind()))
        error(V, "loads a value of another type");
      break;
    case OpCode::Size:
      expectOperands(V, 1);
      if (Ops.size() == 1)
        expectMemory(V, Ops[0], false);
      if (!V.Ty.isInteger())
        error(V, "is not an integer");
      break;
    case OpCode::Offset:
      expectOperands(V, 2);
      if (Ops.size() == 2) {
        expectMemory(V, Ops[0], false);
        expectIndex(V, Ops[1]);
      }
      break;
    case OpCode::Field:
      if (Ops.empty() || Ops.size() > 2) {
        error(V, "expects a record and maybe an element");
        break;
      }
      expectMemory(V, Ops[0], false);
      if (Ops.size() == 2) {
        expectIndex(V, Ops[1]);
        if (V.Stride <= 0)
          error(V, "indexes records of no size");
      }
      if (!V.Ty.isMemory())
        error(V, "is not a pointer");
      break;
    case OpCode::Invoke:
      if (V.Callee) {
        const Function &C = *V.Callee;
        expectOperands(V, static_cast<unsigned>(C.Params.size()));
        for (size_t I = 0; I < Ops.size() && I < C.Params.size(); ++I) {
          Type P = C.Params[I].V->Ty;
          if (P.isMemory() ? !Ops[I]->Ty.isMemory() : Ops[I]->Ty != P)
            error(V, "argument " + std::to_string(I + 1) + " of " + V.Text +
                         " has type " + Ops[I]->Ty.str() + ", not " + P.str());
        }
        if (V.Ty != C.RetTy)
          error(V, "the call's type differs from " + V.Text + "'s");
      }
      break;
    case OpCode::Local:
      if (V.IVal < 0) {
        // Of a vector that changes size: its length, and perhaps the
        // longest it has been.
        if (Ops.size() < 2 || Ops.size() > 3)
          expectOperands(V, 1);
        if (!Ops.empty())
          expectIndex(V, Ops[0]);
        for (size_t I = 1; I < Ops.size() && I < 3; ++I)
          if (Ops[I]->Code != OpCode::Local || Ops[I]->IVal != 0 ||
              !Ops[I]->Ty.isMemory())
            error(V, "a vector's length must be a scalar local");
        break;
      }
      expectOperands(V, 0);
      break;
    case OpCode::Tape:
    case OpCode::Break:
    case OpCode::Continue:
    case OpCode::Loop:
      expectOperands(V, 0);
      break;
    case OpCode::If:
    case OpCode::Yield:
    case OpCode::Not:
      expectOperands(V, 1);
      if (Ops.size() == 1 && !Ops[0]->Ty.isBool())
        error(V, "condition is not a bool");
      break;
    case OpCode::And:
    case OpCode::Or:
      expectOperands(V, 2);
      for (const Value *Op : Ops)
        if (!Op->Ty.isBool())
          error(V, "operand is not a bool");
      break;
    case OpCode::Push:
      expectOperands(V, 2);
      if (Ops.size() == 2 &&
          (!Ops[0]->Ty.isTape() ||
           Ops[1]->Ty != Type::scalar(Ops[0]->Ty.scalarKind())))
        error(V, "push needs a tape and a value of its type");
      break;
    case OpCode::PushArray:
    case OpCode::PopArray:
      expectOperands(V, 3);
      if (Ops.size() == 3 &&
          (!Ops[0]->Ty.isTape() || !Ops[1]->Ty.isMemory() ||
           Ops[1]->Ty.scalarKind() != Ops[0]->Ty.scalarKind() ||
           !Ops[2]->Ty.isInteger()))
        error(V, "push_array and pop_array need a tape, a pointer to its "
                 "type and a count");
      break;
    case OpCode::Reserve:
      expectOperands(V, 2);
      if (Ops.size() == 2 && (!Ops[0]->Ty.isTape() || !Ops[1]->Ty.isScalar() ||
                              Ops[1]->Ty.isFloating() || Ops[1]->Ty.isBool()))
        error(V, "reserve needs a tape and an integer count");
      break;
    case OpCode::Pop:
      expectOperands(V, 1);
      if (Ops.size() == 1 && !Ops[0]->Ty.isTape())
        error(V, "pop needs a tape");
      break;
    case OpCode::Return:
      if (F.RetTy.isVoid())
        expectOperands(V, 0);
      else {
        expectOperands(V, 1);
        if (Ops.size() == 1 && Ops[0]->Ty != F.RetTy)
          error(V, "returns " + Ops[0]->Ty.str() + " from a function of type " +
                       F.RetTy.str());
      }
      break;
    }
  }

  const Function &F;
  std::set<const Value *> Defined;
  std::set<const Value *> Placed;
  unsigned LoopDepth = 0;
  unsigned BranchDepth = 0; ///< branches entered since the body or loop body
  bool InCond = false;
  std::vector<std::string> Errors;
};

} // namespace

std::vector<std::string> verify(const Function &F) {
  return IRVerifier(F).run();
}

} // namespace gradc::ir
