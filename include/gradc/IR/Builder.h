//===- Builder.h - Appending ops to a block ---------------------*- C++ -*-===//
//
// With folding on, the builder does the algebra a person would do when
// writing derivatives by hand (x * 1 = x, x + 0 = x, -(-x) = x, constants
// folded), so that transforms never emit `(1) *` noise.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_IR_BUILDER_H
#define GRADC_IR_BUILDER_H

#include "gradc/IR/Function.h"

namespace gradc::ir {

class Builder {
public:
  Builder(Function &F, Block &B, bool Fold = false) : F(F), B(&B), Fold(Fold) {}

  void setBlock(Block &NewB) { B = &NewB; }
  Block &block() const { return *B; }
  Function &function() const { return F; }
  /// Source statement and location given to every op created from now on.
  void setOrigin(int Stmt, SourceLoc Loc) {
    CurStmt = Stmt;
    CurLoc = Loc;
  }
  void setFold(bool On) { Fold = On; }

  Value *constant(double V, Scalar S, std::string Spelling = "");
  /// A constant of the scalar type T (of its C++ name too).
  Value *constant(double V, Type T, std::string Spelling = "");
  Value *cast(Value *A, Scalar To);
  /// A conversion to the scalar type To; also one that only changes the
  /// C++ name (`long` to `long long`, an enum to `int`), which C++ may need
  /// written (`std::min(static_cast<long long>(n), m)`).
  Value *cast(Value *A, Type To);
  Value *copy(Value *A);
  Value *neg(Value *A);
  Value *add(Value *A, Value *B);
  Value *sub(Value *A, Value *B);
  Value *mul(Value *A, Value *B);
  Value *div(Value *A, Value *B);
  Value *rem(Value *A, Value *B);
  /// A & B, A | B, A ^ B, A << B or A >> B (Code), of A's type.
  Value *bits(OpCode Code, Value *A, Value *B);
  Value *bitNot(Value *A);
  Value *call(MathFn Fn, std::vector<Value *> Args);
  /// A call of Callee (null: one gradc cannot see into), spelled Text.
  Value *invoke(const Function *Callee, std::string Text, Type Ty,
                std::vector<Value *> Args);
  Value *cmp(CmpPred P, Value *A, Value *B);
  Value *select(Value *C, Value *A, Value *B);
  Value *logicAnd(Value *A, Value *B);
  Value *logicOr(Value *A, Value *B);
  Value *logicNot(Value *A);
  /// *Ptr += V, or Ptr[Index] += V.
  void addTo(Value *Ptr, Value *V, Value *Index = nullptr);

  /// A local variable of Count elements (0: a scalar variable).
  Value *local(Scalar S, std::int64_t Count, std::string Name,
               bool ZeroInit = false);
  /// The same, of elements of the scalar type T (of its C++ name).
  Value *local(Type T, std::int64_t Count, std::string Name,
               bool ZeroInit = false);
  Value *load(Value *Ptr, Value *Index = nullptr);
  void store(Value *Ptr, Value *V, Value *Index = nullptr);
  Value *offset(Value *Ptr, Value *Index);
  /// `x.size()` of the std::vector parameter X.
  Value *size(Value *X, Scalar S);
  /// Member Name of the record Base points at (of element Index of an
  /// array of records, if given), Offset scalars into it.
  Value *field(Value *Base, Value *Index, Type Ty, std::int64_t Offset,
               std::string Name);
  /// An If with empty Then and Else regions, to be filled by the caller.
  Value *ifOp(Value *Cond);
  /// A loop with four empty regions, to be filled by the caller.
  Value *loop(LoopKind K);
  void yield(Value *Cond);
  void brk();
  void cont();
  Value *tape(Scalar S, std::string Name);
  Value *tape(Type T, std::string Name);
  void push(Value *Tape, Value *V);
  Value *pop(Value *Tape);
  void note(std::string Text);
  /// `throw Type(Args...)`: Args as Value::ThrowArgs, Values the operands.
  void throwing(std::string Type, std::vector<std::string> Args,
                std::vector<Value *> Values);
  void ret(Value *V);

  /// Appends an op built elsewhere (for example by Function::create).
  Value *append(Value *V);

private:
  Value *make(OpCode Code, Type Ty, std::vector<Value *> Ops = {});
  Value *binary(OpCode Code, Value *A, Value *B);

  Function &F;
  Block *B;
  bool Fold;
  int CurStmt = -1;
  SourceLoc CurLoc;
};

} // namespace gradc::ir

#endif // GRADC_IR_BUILDER_H
