//===- Interpreter.cpp - Running IR on concrete values --------------------===//
#include "gradc/Eval/Interpreter.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace gradc::eval {

using namespace ir;

long double roundTo(Scalar S, long double V) {
  switch (S) {
  case Scalar::Bool:
    return V != 0;
  case Scalar::Int32:
    return static_cast<std::int32_t>(V);
  case Scalar::UInt32:
    return static_cast<std::uint32_t>(V);
  case Scalar::Int64:
    return static_cast<std::int64_t>(V);
  case Scalar::UInt64:
    return static_cast<std::uint64_t>(V);
  case Scalar::Float32:
    return static_cast<float>(V);
  case Scalar::Float64:
    return static_cast<double>(V);
  case Scalar::Float80:
    return V;
  }
  return V;
}

namespace {

/// A math function in precision T, through the same <cmath> overloads that
/// generated code calls.
template <typename T> T mathIn(MathFn Fn, T A, T B) {
  switch (Fn) {
  case MathFn::Exp:
    return std::exp(A);
  case MathFn::Log:
    return std::log(A);
  case MathFn::Log10:
    return std::log10(A);
  case MathFn::Log2:
    return std::log2(A);
  case MathFn::Log1p:
    return std::log1p(A);
  case MathFn::Expm1:
    return std::expm1(A);
  case MathFn::Sqrt:
    return std::sqrt(A);
  case MathFn::Cbrt:
    return std::cbrt(A);
  case MathFn::Pow:
    return std::pow(A, B);
  case MathFn::Sin:
    return std::sin(A);
  case MathFn::Cos:
    return std::cos(A);
  case MathFn::Tan:
    return std::tan(A);
  case MathFn::Asin:
    return std::asin(A);
  case MathFn::Acos:
    return std::acos(A);
  case MathFn::Atan:
    return std::atan(A);
  case MathFn::Atan2:
    return std::atan2(A, B);
  case MathFn::Sinh:
    return std::sinh(A);
  case MathFn::Cosh:
    return std::cosh(A);
  case MathFn::Tanh:
    return std::tanh(A);
  case MathFn::Fabs:
  case MathFn::StdAbs:
    return std::fabs(A);
  case MathFn::Fmax:
    return std::fmax(A, B);
  case MathFn::Fmin:
    return std::fmin(A, B);
  case MathFn::StdMax:
    return std::max(A, B);
  case MathFn::StdMin:
    return std::min(A, B);
  case MathFn::Hypot:
    return std::hypot(A, B);
  case MathFn::Erf:
    return std::erf(A);
  }
  return A;
}

long double math(Scalar S, MathFn Fn, long double A, long double B) {
  switch (S) {
  case Scalar::Float32:
    return mathIn<float>(Fn, static_cast<float>(A), static_cast<float>(B));
  case Scalar::Float64:
    return mathIn<double>(Fn, static_cast<double>(A), static_cast<double>(B));
  default:
    return mathIn<long double>(Fn, A, B);
  }
}

/// a <op> b for + - * / in type T.
template <typename T> T binop(OpCode Code, T A, T B) {
  switch (Code) {
  case OpCode::Add:
    return A + B;
  case OpCode::Sub:
    return A - B;
  case OpCode::Mul:
    return A * B;
  default:
    return A / B;
  }
}

/// a <op> b computed in the type S, as compiled code computes it.
long double arith(OpCode Code, Scalar S, long double A, long double B) {
  if (S == Scalar::Float64)
    return binop<double>(Code, static_cast<double>(A), static_cast<double>(B));
  if (S == Scalar::Float32)
    return binop<float>(Code, static_cast<float>(A), static_cast<float>(B));
  if (isFloating(S))
    return binop<long double>(Code, A, B);
  auto X = static_cast<std::int64_t>(A), Y = static_cast<std::int64_t>(B);
  if ((Code == OpCode::Div || Code == OpCode::Rem) && Y == 0)
    return 0; // undefined in C++; the interpreter must not trap
  std::int64_t R = Code == OpCode::Rem ? X % Y : binop<std::int64_t>(Code, X, Y);
  return roundTo(S, static_cast<long double>(R));
}

bool compare(CmpPred P, long double A, long double B) {
  switch (P) {
  case CmpPred::LT:
    return A < B;
  case CmpPred::LE:
    return A <= B;
  case CmpPred::GT:
    return A > B;
  case CmpPred::GE:
    return A >= B;
  case CmpPred::EQ:
    return A == B;
  case CmpPred::NE:
    return A != B;
  }
  return false;
}

} // namespace

Run evaluate(const Function &F, std::vector<long double> &Args) {
  Run R;
  R.Values.assign(F.numValues(), 0);
  R.Computed.assign(F.numValues(), false);
  // Reference parameters name the slot of their argument.
  std::vector<int> Slot(F.numValues(), -1);
  for (size_t I = 0; I < F.Params.size() && I < Args.size(); ++I) {
    const Value *P = F.Params[I].V;
    Slot[P->Id] = static_cast<int>(I);
    R.Values[P->Id] = roundTo(P->Ty.scalarKind(), Args[I]);
    R.Computed[P->Id] = true;
  }
  auto Get = [&](const Value *V) { return R.Values[V->Id]; };
  for (const Value *V : F.Body.Ops) {
    Scalar S = V->Ty.scalarKind();
    long double Out = 0;
    const auto &Ops = V->Operands;
    switch (V->Code) {
    case OpCode::Param:
    case OpCode::Note:
      continue;
    case OpCode::Const:
      Out = V->Ty.isFloating() ? static_cast<long double>(V->FVal)
                               : static_cast<long double>(V->IVal);
      Out = roundTo(S, Out);
      break;
    case OpCode::Cast:
      Out = roundTo(S, Get(Ops[0]));
      break;
    case OpCode::Copy:
      Out = Get(Ops[0]);
      break;
    case OpCode::Neg:
      Out = roundTo(S, -Get(Ops[0]));
      break;
    case OpCode::Add:
    case OpCode::Sub:
    case OpCode::Mul:
    case OpCode::Div:
    case OpCode::Rem:
      Out = arith(V->Code, S, Get(Ops[0]), Get(Ops[1]));
      break;
    case OpCode::Call:
      Out = math(S, V->Fn, Get(Ops[0]), Ops.size() > 1 ? Get(Ops[1]) : 0);
      break;
    case OpCode::Cmp:
      Out = compare(V->Pred, Get(Ops[0]), Get(Ops[1]));
      break;
    case OpCode::Select:
      Out = Get(Ops[0]) != 0 ? Get(Ops[1]) : Get(Ops[2]);
      break;
    case OpCode::AddTo: {
      int I = Slot[Ops[0]->Id];
      Scalar To = Ops[0]->Ty.scalarKind();
      if (I >= 0)
        Args[I] = arith(OpCode::Add, To, Args[I], Get(Ops[1]));
      continue;
    }
    case OpCode::Return:
      if (!Ops.empty())
        R.Result = Get(Ops[0]);
      continue;
    }
    R.Values[V->Id] = Out;
    R.Computed[V->Id] = true;
  }
  return R;
}

} // namespace gradc::eval
