//===- Builder.cpp - Appending ops to a block -----------------------------===//
#include "gradc/IR/Builder.h"

#include <cctype>
#include <cmath>

namespace gradc::ir {

Value *Builder::append(Value *V) {
  V->Stmt = CurStmt;
  V->Loc = CurLoc;
  B->Ops.push_back(V);
  return V;
}

Value *Builder::make(OpCode Code, Type Ty, std::vector<Value *> Ops) {
  return append(F.create(Code, Ty, std::move(Ops)));
}

Value *Builder::constant(double V, Scalar S, std::string Spelling) {
  return constant(V, Type::scalar(S), std::move(Spelling));
}

Value *Builder::constant(double V, Type T, std::string Spelling) {
  Value *C = F.create(OpCode::Const, T.element());
  if (T.isFloating())
    C->FVal = V;
  else
    C->IVal = static_cast<std::int64_t>(V);
  C->Text = std::move(Spelling);
  return append(C);
}

Value *Builder::cast(Value *A, Scalar To) {
  if (A->Ty == Type::scalar(To)) // whatever its C++ name
    return A;
  return cast(A, Type::scalar(To));
}

Value *Builder::cast(Value *A, Type To) {
  if (A->Ty == To && A->Ty.name() == To.name())
    return A;
  // A number converts as it is; an enumerator (`Kind::Box`) is written
  // converted, since its name is not a number everywhere.
  bool Number = A->Text.empty() ||
                std::isdigit(static_cast<unsigned char>(A->Text[0])) ||
                A->Text[0] == '-';
  if (A->isConst() && Number)
    return constant(A->constValue(), To, A->Text);
  return make(OpCode::Cast, To, {A});
}

Value *Builder::copy(Value *A) { return make(OpCode::Copy, A->Ty, {A}); }

// The rules below read the operands of their operands. A kept value is
// read by the backward sweep outside the branch that computed it, where
// its own operands may be out of scope: it is opaque to them.
static bool isNeg(Value *V) { return V->Code == OpCode::Neg && !V->Kept; }

Value *Builder::neg(Value *A) {
  if (Fold) {
    if (A->isConst())
      return constant(-A->constValue(), A->Ty);
    if (isNeg(A))
      return A->Operands[0];
  }
  return make(OpCode::Neg, A->Ty, {A});
}

Value *Builder::binary(OpCode Code, Value *A, Value *B) {
  return make(Code, A->Ty, {A, B});
}

Value *Builder::add(Value *A, Value *B) {
  if (Fold) {
    if (A->isConst() && B->isConst())
      return constant(A->constValue() + B->constValue(), A->Ty);
    if (B->isConstValue(0))
      return A;
    if (A->isConstValue(0))
      return B;
    if (isNeg(B))
      return sub(A, B->Operands[0]);
    if (isNeg(A))
      return sub(B, A->Operands[0]);
  }
  return binary(OpCode::Add, A, B);
}

Value *Builder::sub(Value *A, Value *B) {
  if (Fold) {
    if (A->isConst() && B->isConst())
      return constant(A->constValue() - B->constValue(), A->Ty);
    if (B->isConstValue(0))
      return A;
    if (A->isConstValue(0))
      return neg(B);
    if (isNeg(B))
      return add(A, B->Operands[0]);
    // `n - 1 - 1` is `n - 2` (integers only: floating sums do not
    // reassociate).
    if (A->Ty.isInteger() && B->isConst() && !A->Kept &&
        (A->Code == OpCode::Sub || A->Code == OpCode::Add) &&
        A->Operands[1]->isConst() && A->Operands[1]->Ty == B->Ty) {
      // What is taken from n in all: (n - c1) - c2, or (n + c1) - c2.
      double C = A->Code == OpCode::Sub
                     ? A->Operands[1]->constValue() + B->constValue()
                     : B->constValue() - A->Operands[1]->constValue();
      if (C == 0)
        return A->Operands[0];
      return C > 0 ? binary(OpCode::Sub, A->Operands[0], constant(C, B->Ty))
                   : binary(OpCode::Add, A->Operands[0], constant(-C, B->Ty));
    }
  }
  return binary(OpCode::Sub, A, B);
}

Value *Builder::mul(Value *A, Value *B) {
  if (Fold) {
    if (A->isConst() && B->isConst())
      return constant(A->constValue() * B->constValue(), A->Ty);
    // Adjoints are finite wherever the primal is, so x * 0 = 0 here.
    if (A->isConstValue(0))
      return A;
    if (B->isConstValue(0))
      return B;
    if (B->isConstValue(1))
      return A;
    if (A->isConstValue(1))
      return B;
    if (B->isConstValue(-1))
      return neg(A);
    if (A->isConstValue(-1))
      return neg(B);
    // Pull signs outward so that accumulation can read `d -= ...`.
    if (A->isConst() && A->constValue() < 0)
      return neg(mul(constant(-A->constValue(), A->Ty), B));
    if (B->isConst() && B->constValue() < 0)
      return neg(mul(A, constant(-B->constValue(), B->Ty)));
    if (isNeg(A) && isNeg(B))
      return mul(A->Operands[0], B->Operands[0]);
    if (isNeg(A))
      return neg(mul(A->Operands[0], B));
    if (isNeg(B))
      return neg(mul(A, B->Operands[0]));
    // Constants lead, as people write them: 2 * x.
    if (B->isConst())
      return binary(OpCode::Mul, B, A);
  }
  return binary(OpCode::Mul, A, B);
}

Value *Builder::div(Value *A, Value *B) {
  if (Fold) {
    if (A->isConst() && B->isConst() && A->Ty.isFloating())
      return constant(A->constValue() / B->constValue(), A->Ty);
    if (A->isConstValue(0))
      return A;
    if (B->isConstValue(1))
      return A;
    if (isNeg(A))
      return neg(div(A->Operands[0], B));
  }
  return binary(OpCode::Div, A, B);
}

Value *Builder::rem(Value *A, Value *B) { return binary(OpCode::Rem, A, B); }

Value *Builder::bits(OpCode Code, Value *A, Value *B) {
  return make(Code, A->Ty, {A, B});
}

Value *Builder::bitNot(Value *A) { return make(OpCode::BitNot, A->Ty, {A}); }

Value *Builder::call(MathFn Fn, std::vector<Value *> Args) {
  Type Ty = Args.empty() ? Type::f64() : Args[0]->Ty;
  Value *V = make(OpCode::Call, Ty, std::move(Args));
  V->Fn = Fn;
  return V;
}

Value *Builder::cmp(CmpPred P, Value *A, Value *B) {
  Value *V = make(OpCode::Cmp, Type::boolTy(), {A, B});
  V->Pred = P;
  return V;
}

Value *Builder::select(Value *C, Value *A, Value *B) {
  if (Fold && A == B)
    return A;
  return make(OpCode::Select, A->Ty, {C, A, B});
}

Value *Builder::logicAnd(Value *A, Value *B) {
  return make(OpCode::And, Type::boolTy(), {A, B});
}

Value *Builder::logicOr(Value *A, Value *B) {
  return make(OpCode::Or, Type::boolTy(), {A, B});
}

Value *Builder::logicNot(Value *A) {
  return make(OpCode::Not, Type::boolTy(), {A});
}

static std::vector<Value *> memoryOperands(Value *Ptr, Value *V, Value *Index) {
  std::vector<Value *> Ops{Ptr, V};
  if (Index)
    Ops.push_back(Index);
  return Ops;
}

void Builder::addTo(Value *Ptr, Value *V, Value *Index) {
  make(OpCode::AddTo, Type::voidTy(), memoryOperands(Ptr, V, Index));
}

Value *Builder::local(Scalar S, std::int64_t Count, std::string Name,
                      bool ZeroInit) {
  return local(Type::scalar(S), Count, std::move(Name), ZeroInit);
}

Value *Builder::local(Type T, std::int64_t Count, std::string Name,
                      bool ZeroInit) {
  Value *L = make(OpCode::Local, Type::ptr(T.scalarKind()).named(T.name()));
  L->IVal = Count;
  L->Name = std::move(Name);
  L->ZeroInit = ZeroInit;
  return L;
}

Value *Builder::load(Value *Ptr, Value *Index) {
  std::vector<Value *> Ops{Ptr};
  if (Index)
    Ops.push_back(Index);
  return make(OpCode::Load, Ptr->Ty.element(), std::move(Ops));
}

void Builder::store(Value *Ptr, Value *V, Value *Index) {
  make(OpCode::Store, Type::voidTy(), memoryOperands(Ptr, V, Index));
}

Value *Builder::size(Value *X, Scalar S) {
  return make(OpCode::Size, Type::scalar(S), {X});
}

Value *Builder::offset(Value *Ptr, Value *Index) {
  return make(OpCode::Offset, Ptr->Ty, {Ptr, Index});
}

Value *Builder::field(Value *Base, Value *Index, Type Ty, std::int64_t Offset,
                      std::string Name) {
  std::vector<Value *> Ops{Base};
  if (Index)
    Ops.push_back(Index);
  Value *V = make(OpCode::Field, Ty, std::move(Ops));
  V->IVal = Offset;
  V->Text = std::move(Name);
  return V;
}

Value *Builder::ifOp(Value *Cond) {
  Value *V = make(OpCode::If, Type::voidTy(), {Cond});
  V->Regions.resize(2);
  return V;
}

Value *Builder::loop(LoopKind K) {
  Value *V = make(OpCode::Loop, Type::voidTy());
  V->IVal = static_cast<std::int64_t>(K);
  V->Regions.resize(4);
  return V;
}

void Builder::yield(Value *Cond) {
  make(OpCode::Yield, Type::voidTy(), {Cond});
}
Value *Builder::invoke(const Function *Callee, std::string Text, Type Ty,
                       std::vector<Value *> Args) {
  Value *V = make(OpCode::Invoke, Ty, std::move(Args));
  V->Callee = Callee;
  V->Text = std::move(Text);
  return V;
}

void Builder::brk() { make(OpCode::Break, Type::voidTy()); }
void Builder::cont() { make(OpCode::Continue, Type::voidTy()); }

Value *Builder::tape(Scalar S, std::string Name) {
  return tape(Type::scalar(S), std::move(Name));
}

Value *Builder::tape(Type Of, std::string Name) {
  Value *T = make(OpCode::Tape, Type::tapeOf(Of));
  T->Name = std::move(Name);
  return T;
}

void Builder::push(Value *Tape, Value *V) {
  make(OpCode::Push, Type::voidTy(), {Tape, V});
}

Value *Builder::pop(Value *Tape) {
  return make(OpCode::Pop, Tape->Ty.element(), {Tape});
}

void Builder::note(std::string Text) {
  Value *N = make(OpCode::Note, Type::voidTy());
  N->Text = std::move(Text);
}

void Builder::throwing(std::string Type, std::vector<std::string> Args,
                       std::vector<Value *> Values) {
  Value *T = make(OpCode::Throw, Type::voidTy(), std::move(Values));
  T->Text = std::move(Type);
  T->ThrowArgs = std::move(Args);
}

void Builder::ret(Value *V) {
  if (V)
    make(OpCode::Return, Type::voidTy(), {V});
  else
    make(OpCode::Return, Type::voidTy());
}

} // namespace gradc::ir
