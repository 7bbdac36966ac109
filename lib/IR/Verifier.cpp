//===- Verifier.cpp - Structural checks of the IR -------------------------===//
#include "gradc/IR/Verifier.h"

#include "gradc/IR/Printer.h"

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
    }
    checkBlock(F.Body, /*IsBody=*/true);
    return Errors;
  }

private:
  void error(const Value &V, const std::string &Msg) {
    Errors.push_back("value #" + std::to_string(V.Id) +
                     (V.Name.empty() ? "" : " (" + V.Name + ")") + ": " +
                     Msg);
  }

  void expectOperands(const Value &V, size_t N) {
    if (V.Operands.size() != N)
      error(V, "expects " + std::to_string(N) + " operands, has " +
                   std::to_string(V.Operands.size()));
  }

  void checkBlock(const Block &B, bool IsBody) {
    for (size_t I = 0; I < B.Ops.size(); ++I) {
      const Value &V = *B.Ops[I];
      if (V.Code == OpCode::Param)
        error(V, "parameter inside a block");
      if (Defined.count(&V))
        error(V, "placed twice");
      for (const Value *Op : V.Operands) {
        if (!Op)
          error(V, "null operand");
        else if (!Defined.count(Op))
          error(V, "operand #" + std::to_string(Op->Id) +
                       " is used before it is defined");
        else if (!Op->hasResult())
          error(V, "operand #" + std::to_string(Op->Id) + " has no result");
      }
      checkTypes(V);
      Defined.insert(&V);
      if (V.Code == OpCode::Return && (!IsBody || I + 1 != B.Ops.size()))
        error(V, "return is not the last op of the body");
    }
    if (IsBody && (B.Ops.empty() || B.Ops.back()->Code != OpCode::Return))
      Errors.push_back("the body does not end with a return");
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
          error(V, "operand type " + Op->Ty.str() + " differs from " +
                       V.Ty.str());
      if (!V.Ty.isFloating() && !V.Ty.isInteger())
        error(V, "arithmetic on " + V.Ty.str());
      if (V.Code == OpCode::Rem && !V.Ty.isInteger())
        error(V, "rem on a non-integer type");
      break;
    case OpCode::Call:
      expectOperands(V, mathFnArity(V.Fn));
      if (!V.Ty.isFloating())
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
      if (Ops.size() == 3 && (!Ops[0]->Ty.isBool() || Ops[1]->Ty != V.Ty ||
                              Ops[2]->Ty != V.Ty))
        error(V, "select operand types do not agree");
      break;
    case OpCode::AddTo:
      expectOperands(V, 2);
      if (Ops.size() == 2 &&
          (Ops[0]->Ty.kind() != Type::Ref ||
           Ops[0]->Ty.isConstPointee() ||
           Type::scalar(Ops[0]->Ty.scalarKind()) != Ops[1]->Ty))
        error(V, "addto needs a mutable reference and a value of its type");
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
  std::vector<std::string> Errors;
};

} // namespace

std::vector<std::string> verify(const Function &F) {
  return IRVerifier(F).run();
}

} // namespace gradc::ir
