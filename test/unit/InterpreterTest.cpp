//===- InterpreterTest.cpp - Running IR on concrete values ----------------===//
#include "gradc/Eval/Interpreter.h"
#include "LoopFunctions.h"
#include "TestFunctions.h"
#include "gradc/Autodiff/Reverse.h"
#include "gradc/IR/Verifier.h"

#include <gtest/gtest.h>

using namespace gradc;
using namespace gradc::ir;

namespace {

TEST(Interpreter, RunsThePrimal) {
  auto F = test::cs231n();
  std::vector<eval::Arg> Args = {eval::Arg::scalar(3), eval::Arg::scalar(-4)};
  eval::Run R = eval::evaluate(*F, Args);
  ASSERT_TRUE(R.ok()) << R.Error;
  EXPECT_DOUBLE_EQ(static_cast<double>(R.Result), 1.5456448841066441);
}

TEST(Interpreter, RunsTheGradientToTheSeedsValues) {
  auto F = test::cs231n();
  for (autodiff::GradKind K :
       {autodiff::GradKind::Grad, autodiff::GradKind::Pullback}) {
    autodiff::ReverseOptions Opts;
    Opts.Kind = K;
    Opts.Wrt = {0, 1};
    Opts.Name = "g";
    auto G = autodiff::reverse(*F, Opts);
    bool Pull = K == autodiff::GradKind::Pullback;
    // Adjoints are added into: start them away from zero.
    std::vector<eval::Arg> Args = {eval::Arg::scalar(3), eval::Arg::scalar(-4)};
    if (Pull)
      Args.push_back(eval::Arg::scalar(2));
    Args.push_back(eval::Arg::array({1}));
    Args.push_back(eval::Arg::array({-1}));
    eval::Run R = eval::evaluate(*G, Args);
    ASSERT_TRUE(R.ok()) << R.Error;
    double Scale = Pull ? 2 : 1;
    size_t D = Pull ? 3 : 2;
    EXPECT_NEAR(static_cast<double>(Args[D].Array.Data[0]),
                1 + Scale * 2.0595697955721652, 1e-12);
    EXPECT_NEAR(static_cast<double>(Args[D + 1].Array.Data[0]),
                -1 + Scale * 1.5922327514838093, 1e-12);
    if (!Pull) {
      EXPECT_DOUBLE_EQ(static_cast<double>(R.Result), 1.5456448841066441);
    }
  }
}

TEST(Interpreter, RoundsEachOpToItsType) {
  Function F;
  F.Name = "h";
  F.RetTy = Type::scalar(Scalar::Float32);
  Value *X = F.addParam("x", Type::scalar(Scalar::Float32), "float");
  Builder B(F, F.Body);
  B.ret(B.div(X, B.constant(3, Scalar::Float32)));
  std::vector<eval::Arg> Args = {eval::Arg::scalar(1)};
  eval::Run R = eval::evaluate(F, Args);
  EXPECT_EQ(R.Result, static_cast<long double>(1.0f / 3.0f));
  EXPECT_EQ(eval::roundTo(Scalar::Int32, 2.9L), 2);
}

} // namespace

// Structured IR: memory, control flow, tapes and the errors that stop a run.

namespace {

using Args = std::vector<eval::Arg>;

/// A function of the given parameters returning Ret, named after the test.
std::unique_ptr<Function> function(Type Ret) {
  auto F = std::make_unique<Function>();
  F->Name = "t";
  F->File = "t.cpp";
  F->RetTy = Ret;
  return F;
}

Value *i32(Builder &B, int V) { return B.constant(V, Scalar::Int32); }
Value *f64(Builder &B, double V) { return B.constant(V, Scalar::Float64); }

TEST(Interpreter, DotProductLoopAndItsGradient) {
  auto F = test::dotProduct();
  ASSERT_TRUE(verify(*F).empty());
  Args A = {eval::Arg::array({2, -3, -3}), eval::Arg::array({-1, -2, 0.5}),
            eval::Arg::scalar(3)};
  eval::Run R = eval::evaluate(*F, A);
  ASSERT_TRUE(R.ok()) << R.Error;
  EXPECT_EQ(R.Result, 2.5L);
  // The gradient adds x into dw and w into dx, element by element, through
  // indexed AddTo in a reversed loop.
  autodiff::ReverseOptions Opts;
  Opts.Wrt = {0, 1};
  Opts.Name = "dot_grad";
  auto G = autodiff::reverse(*F, Opts);
  ASSERT_TRUE(G);
  Args GA = {eval::Arg::array({2, -3, -3}), eval::Arg::array({-1, -2, 0.5}),
             eval::Arg::scalar(3), eval::Arg::array({1, 1, 1}),
             eval::Arg::array({0, 0, 0})};
  R = eval::evaluate(*G, GA);
  ASSERT_TRUE(R.ok()) << R.Error;
  EXPECT_EQ(R.Result, 2.5L);
  EXPECT_EQ(GA[3].Array.Data, (std::vector<long double>{0, -1, 1.5}));
  EXPECT_EQ(GA[4].Array.Data, (std::vector<long double>{2, -3, -3}));
}

TEST(Interpreter, IndexedAddToInALoop) {
  // for (int i = 0; i < 3; ++i) dw[i] += x[i] * ds;
  auto F = function(Type::voidTy());
  Value *X = F->addParam("x", Type::ptr(Scalar::Float64, true), "");
  Value *Ds = F->addParam("ds", Type::f64(), "");
  Value *Dw = F->addParam("dw", Type::ptr(Scalar::Float64), "");
  Builder B(*F, F->Body);
  test::countedLoop(
      B, i32(B, 0), CmpPred::LT, [&] { return i32(B, 3); }, 1,
      [&](Value *I) {
        B.addTo(Dw, B.mul(B.load(X, B.load(I)), Ds), B.load(I));
      });
  B.ret(nullptr);
  ASSERT_TRUE(verify(*F).empty());
  Args A = {eval::Arg::array({1, 2, 3}), eval::Arg::scalar(2),
            eval::Arg::array({10, 20, 30})};
  eval::Run R = eval::evaluate(*F, A);
  ASSERT_TRUE(R.ok()) << R.Error;
  EXPECT_EQ(A[2].Array.Data, (std::vector<long double>{12, 24, 36}));
}

TEST(Interpreter, ScalarLocalAccumulatorKeepsLastValues) {
  // double s = 0; for (int i = 0; i < 4; ++i) { sq = x * x; s += sq; }
  auto F = function(Type::f64());
  Value *X = F->addParam("x", Type::f64(), "");
  Builder B(*F, F->Body);
  Value *S = B.local(Scalar::Float64, 0, "s");
  B.store(S, f64(B, 0));
  Value *Sq = nullptr, *Idx = nullptr;
  test::countedLoop(
      B, i32(B, 0), CmpPred::LT, [&] { return i32(B, 4); }, 1,
      [&](Value *I) {
        Idx = B.cast(B.load(I), Scalar::Float64);
        Sq = B.mul(B.add(X, Idx), X);
        B.store(S, B.add(B.load(S), Sq));
      });
  B.ret(B.load(S));
  Args A = {eval::Arg::scalar(2)};
  eval::Run R = eval::evaluate(*F, A);
  ASSERT_TRUE(R.ok()) << R.Error;
  EXPECT_EQ(R.Result, 2 * 2 + 3 * 2 + 4 * 2 + 5 * 2);
  // Values inside the loop: the last iteration's, and how often they ran.
  EXPECT_EQ(R.value(*Sq), 10);
  EXPECT_EQ(R.Times[Sq->Id], 4u);
  EXPECT_EQ(R.Locals.at(S->Id).Data, (std::vector<long double>{28}));
}

TEST(Interpreter, IfElse) {
  // relu with a slope: if (x > 0) y = x; else y = 0.1 * x;
  auto F = function(Type::f64());
  Value *X = F->addParam("x", Type::f64(), "");
  Builder B(*F, F->Body);
  Value *Y = B.local(Scalar::Float64, 0, "y");
  Value *If = B.ifOp(B.cmp(CmpPred::GT, X, f64(B, 0)));
  B.setBlock(If->Regions[Then]);
  B.store(Y, X);
  B.setBlock(If->Regions[Else]);
  Value *Small = B.mul(f64(B, 0.1), X);
  B.store(Y, Small);
  B.setBlock(F->Body);
  B.ret(B.load(Y));
  ASSERT_TRUE(verify(*F).empty());
  for (double In : {3.0, -2.0}) {
    Args A = {eval::Arg::scalar(In)};
    eval::Run R = eval::evaluate(*F, A);
    ASSERT_TRUE(R.ok()) << R.Error;
    EXPECT_EQ(R.Result, In > 0 ? In : 0.1 * In);
    // The branch not taken computes nothing.
    EXPECT_EQ(R.computed(*Small), In <= 0);
  }
}

TEST(Interpreter, WhileWithBreakAndContinue) {
  // int i = 0, s = 0;
  // while (true) { i = i + 1; if (i > 10) break; if (i % 2 == 0) continue;
  //                s = s + i; }
  auto F = function(Type::scalar(Scalar::Int32));
  Builder B(*F, F->Body);
  Value *I = B.local(Scalar::Int32, 0, "i");
  Value *S = B.local(Scalar::Int32, 0, "s");
  B.store(I, i32(B, 0));
  B.store(S, i32(B, 0));
  Value *L = B.loop(LoopKind::While);
  B.setBlock(L->Regions[LoopBody]);
  Value *Next = B.add(B.load(I), i32(B, 1));
  B.store(I, Next);
  Value *Out = B.ifOp(B.cmp(CmpPred::GT, Next, i32(B, 10)));
  B.setBlock(Out->Regions[Then]);
  B.brk();
  B.setBlock(L->Regions[LoopBody]);
  Value *Even = B.ifOp(B.cmp(CmpPred::EQ, B.rem(Next, i32(B, 2)), i32(B, 0)));
  B.setBlock(Even->Regions[Then]);
  B.cont();
  B.setBlock(L->Regions[LoopBody]);
  B.store(S, B.add(B.load(S), Next));
  B.setBlock(F->Body);
  B.ret(B.load(S));
  ASSERT_TRUE(verify(*F).empty());
  Args A;
  eval::Run R = eval::evaluate(*F, A);
  ASSERT_TRUE(R.ok()) << R.Error;
  EXPECT_EQ(R.Result, 1 + 3 + 5 + 7 + 9);
  EXPECT_EQ(R.value(*Next), 11);
}

TEST(Interpreter, DoWhileRunsItsBodyFirst) {
  // int n = 0; do { n = n + 1; } while (n < k);
  auto F = function(Type::scalar(Scalar::Int32));
  Value *K = F->addParam("k", Type::scalar(Scalar::Int32), "");
  Builder B(*F, F->Body);
  Value *N = B.local(Scalar::Int32, 0, "n");
  B.store(N, i32(B, 0));
  Value *L = B.loop(LoopKind::DoWhile);
  B.setBlock(L->Regions[LoopBody]);
  B.store(N, B.add(B.load(N), i32(B, 1)));
  B.setBlock(L->Regions[Cond]);
  B.yield(B.cmp(CmpPred::LT, B.load(N), K));
  B.setBlock(F->Body);
  B.ret(B.load(N));
  ASSERT_TRUE(verify(*F).empty());
  for (int Kv : {-5, 0, 1, 4}) {
    Args A = {eval::Arg::scalar(Kv)};
    eval::Run R = eval::evaluate(*F, A);
    ASSERT_TRUE(R.ok()) << R.Error;
    EXPECT_EQ(R.Result, std::max(Kv, 1));
  }
}

TEST(Interpreter, TapesAreLastInFirstOut) {
  // Push x, 2x, 3x; pop three times into out[0..2].
  auto F = function(Type::voidTy());
  Value *X = F->addParam("x", Type::f64(), "");
  Value *Out = F->addParam("out", Type::ptr(Scalar::Float64), "");
  Builder B(*F, F->Body);
  Value *T = B.tape(Scalar::Float64, "t");
  for (int K = 1; K <= 3; ++K)
    B.push(T, B.mul(f64(B, K), X));
  for (int K = 0; K < 3; ++K)
    B.store(Out, B.pop(T), i32(B, K));
  B.ret(nullptr);
  ASSERT_TRUE(verify(*F).empty());
  Args A = {eval::Arg::scalar(1.5), eval::Arg::array({0, 0, 0})};
  eval::Run R = eval::evaluate(*F, A);
  ASSERT_TRUE(R.ok()) << R.Error;
  EXPECT_EQ(A[1].Array.Data, (std::vector<long double>{4.5, 3, 1.5}));
}

// Errors: each names the place (file:line:col) and what went wrong, and the
// run stops there without touching memory it does not own.

/// t(const double *w, int i) { return w[i]; } with the load at 7:10.
std::unique_ptr<Function> indexing() {
  auto F = function(Type::f64());
  Value *W = F->addParam("w", Type::ptr(Scalar::Float64, true), "");
  Value *I = F->addParam("i", Type::scalar(Scalar::Int32), "");
  Builder B(*F, F->Body);
  B.setOrigin(-1, {7, 10});
  B.ret(B.load(W, I));
  return F;
}

TEST(Interpreter, ReportsAnIndexOutOfBounds) {
  auto F = indexing();
  for (int I : {3, -1, 1000000}) {
    Args A = {eval::Arg::array({1, 2, 3}), eval::Arg::scalar(I)};
    eval::Run R = eval::evaluate(*F, A);
    EXPECT_EQ(R.Error, "t.cpp:7:10: in t: reads w[" + std::to_string(I) +
                           "], but w has 3 elements");
  }
  Args Ok = {eval::Arg::array({1, 2, 3}), eval::Arg::scalar(2)};
  EXPECT_EQ(eval::evaluate(*F, Ok).Result, 3);
}

TEST(Interpreter, EvaluatesAndOrAndSelectAsCppDoes) {
  // double t(const double *w, int i, int n) {
  //   return (i < n && w[i] > 0) || i < 0 ? 1.0 : (i < n ? w[i] : 2.0); }
  // A read past the end that C++ would not make is no error; one whose
  // value is used is.
  auto F = function(Type::f64());
  Value *W = F->addParam("w", Type::ptr(Scalar::Float64, true), "");
  Value *I = F->addParam("i", Type::scalar(Scalar::Int32), "");
  Value *N = F->addParam("n", Type::scalar(Scalar::Int32), "");
  Builder B(*F, F->Body);
  Value *In = B.cmp(CmpPred::LT, I, N);
  Value *Wi = B.load(W, I);
  Value *Pos = B.cmp(CmpPred::GT, Wi, f64(B, 0));
  Value *Neg = B.cmp(CmpPred::LT, I, i32(B, 0));
  Value *C = B.logicOr(B.logicAnd(In, Pos), Neg);
  B.ret(B.select(C, f64(B, 1), B.select(In, Wi, f64(B, 2))));
  ASSERT_TRUE(verify(*F).empty());
  for (auto [Index, Want] : {std::pair{1, 1.0}, {2, 2.0}}) {
    Args A = {eval::Arg::array({1, 3}), eval::Arg::scalar(Index),
              eval::Arg::scalar(2)};
    eval::Run R = eval::evaluate(*F, A);
    ASSERT_TRUE(R.ok()) << R.Error;
    EXPECT_EQ(R.Result, Want);
  }
  Args Past = {eval::Arg::array({1, 3}), eval::Arg::scalar(2),
               eval::Arg::scalar(3)};
  EXPECT_EQ(eval::evaluate(*F, Past).Error,
            "t.cpp: in t: reads w[2], but w has 2 elements");
}

TEST(Interpreter, ReportsAWriteOutOfBoundsOfALocal) {
  auto F = function(Type::voidTy());
  Builder B(*F, F->Body);
  Value *H = B.local(Scalar::Float64, 4, "h", /*ZeroInit=*/true);
  B.setOrigin(-1, {3, 5});
  B.store(H, f64(B, 1), i32(B, 4));
  B.ret(nullptr);
  Args A;
  EXPECT_EQ(eval::evaluate(*F, A).Error,
            "t.cpp:3:5: in t: writes h[4], but h has 4 elements");
}

TEST(Interpreter, ReportsAnUninitialisedRead) {
  // double s; return s + 1;   and   double h[2]; h[0] = 1; return h[1];
  auto F = function(Type::f64());
  Builder B(*F, F->Body);
  Value *S = B.local(Scalar::Float64, 0, "s");
  B.setOrigin(-1, {2, 10});
  B.ret(B.add(B.load(S), f64(B, 1)));
  Args A;
  EXPECT_EQ(eval::evaluate(*F, A).Error,
            "t.cpp:2:10: in t: reads s before it is given a value");

  auto G = function(Type::f64());
  Builder BG(*G, G->Body);
  Value *H = BG.local(Scalar::Float64, 2, "h");
  BG.store(H, f64(BG, 1), i32(BG, 0));
  BG.setOrigin(-1, {4, 10});
  BG.ret(BG.load(H, i32(BG, 1)));
  EXPECT_EQ(eval::evaluate(*G, A).Error,
            "t.cpp:4:10: in t: reads h[1] before it is given a value");
  // Zero-initialised, it reads 0.
  H->ZeroInit = true;
  EXPECT_EQ(eval::evaluate(*G, A).Result, 0);
}

TEST(Interpreter, ReportsPoppingAnEmptyTape) {
  auto F = function(Type::f64());
  Builder B(*F, F->Body);
  Value *T = B.tape(Scalar::Float64, "p_tape");
  B.push(T, f64(B, 1));
  B.pop(T);
  B.setOrigin(-1, {9, 3});
  B.ret(B.pop(T));
  Args A;
  EXPECT_EQ(eval::evaluate(*F, A).Error,
            "t.cpp:9:3: in t: pops the empty tape p_tape");
}

TEST(Interpreter, CallsRunOnTheMemoryTheyAreGiven) {
  // void scale(const double *x, double k, double *out) { out[0] = k * x[0];
  //   out[1] = k * x[1]; }
  // double f(double k) { double a[2] = {1, 2}; double b[3];
  //   scale(a, k, b + 1); return b[1] + b[2]; }
  auto Callee = function(Type::voidTy());
  Callee->Name = "scale";
  Value *X = Callee->addParam("x", Type::ptr(Scalar::Float64, true), "");
  Value *K = Callee->addParam("k", Type::f64(), "");
  Value *Out = Callee->addParam("out", Type::ptr(Scalar::Float64), "");
  Builder BC(*Callee, Callee->Body);
  for (int I = 0; I < 2; ++I)
    BC.store(Out, BC.mul(K, BC.load(X, i32(BC, I))), i32(BC, I));
  BC.ret(nullptr);
  ASSERT_TRUE(verify(*Callee).empty());

  auto F = function(Type::f64());
  Value *KF = F->addParam("k", Type::f64(), "");
  Builder B(*F, F->Body);
  Value *A = B.local(Scalar::Float64, 2, "a");
  B.store(A, f64(B, 1), i32(B, 0));
  B.store(A, f64(B, 2), i32(B, 1));
  Value *Bv = B.local(Scalar::Float64, 3, "b");
  B.invoke(Callee.get(), "scale", Type::voidTy(),
           {A, KF, B.offset(Bv, i32(B, 1))});
  B.ret(B.add(B.load(Bv, i32(B, 1)), B.load(Bv, i32(B, 2))));
  ASSERT_TRUE(verify(*F).empty());
  Args Ok = {eval::Arg::scalar(3)};
  eval::Run R = eval::evaluate(*F, Ok);
  ASSERT_TRUE(R.ok()) << R.Error;
  EXPECT_EQ(R.Result, 9); // 3 * 1 + 3 * 2
  // The callee's errors name the callee and the call.
  Value *Five = Callee->create(OpCode::Const, Type::scalar(Scalar::Int32));
  Five->IVal = 5;
  Value *Bad = Callee->create(OpCode::Load, Type::f64(), {X, Five});
  Value *Zero = Callee->create(OpCode::Const, Type::scalar(Scalar::Int32));
  // A faulty load is reported where its value is used (see Poison).
  Value *Use = Callee->create(OpCode::Store, Type::voidTy(), {Out, Bad, Zero});
  Callee->Body.Ops.insert(Callee->Body.Ops.begin(), {Five, Bad, Zero, Use});
  Args Again = {eval::Arg::scalar(3)};
  EXPECT_EQ(eval::evaluate(*F, Again).Error,
            "t.cpp: in t: in the call to scale: t.cpp: in scale: reads x[5], "
            "but x has 2 elements");
}

TEST(Interpreter, ReportsAPushPastTheReservedRoom) {
  // reserve(Room); push_reserved three times: with room for two, the
  // generated code would write past the tape's storage.
  for (int Room : {2, 3}) {
    auto F = function(Type::voidTy());
    Builder B(*F, F->Body);
    Value *T = B.tape(Scalar::Float64, "p_tape");
    B.append(F->create(OpCode::Reserve, Type::voidTy(), {T, i32(B, Room)}));
    for (int K = 0; K < 3; ++K) {
      B.setOrigin(-1, {5, static_cast<unsigned>(3 + K)});
      B.push(T, f64(B, K));
      F->Body.Ops.back()->IVal = 1;
    }
    B.ret(nullptr);
    ASSERT_TRUE(verify(*F).empty());
    Args A;
    EXPECT_EQ(eval::evaluate(*F, A).Error,
              Room == 2 ? "t.cpp:5:5: in t: pushes past the room reserved on "
                          "tape p_tape"
                        : "");
  }
}

TEST(Interpreter, StopsALoopThatDoesNotEnd) {
  // int i = 0; while (true) i = i + 0;
  auto F = function(Type::voidTy());
  Builder B(*F, F->Body);
  Value *I = B.local(Scalar::Int32, 0, "i");
  B.store(I, i32(B, 0));
  B.setOrigin(-1, {5, 3});
  Value *L = B.loop(LoopKind::While);
  B.setBlock(L->Regions[LoopBody]);
  B.store(I, B.add(B.load(I), i32(B, 0)));
  B.setBlock(F->Body);
  B.ret(nullptr);
  Args A;
  eval::Limits Lim;
  Lim.MaxSteps = 1000;
  eval::Run R = eval::evaluate(*F, A, Lim);
  EXPECT_EQ(R.Error, "t.cpp:5:3: in t: stopped after 1000 steps: does the "
                     "loop at line 5 end?");
}

TEST(Interpreter, StopsARecursionThatDoesNotEnd) {
  // double t(double x) { return t(x); }: an error at the call once Limit
  // calls are in progress, given once (not once per call).
  auto F = function(Type::f64());
  Value *X = F->addParam("x", Type::f64(), "");
  Builder B(*F, F->Body);
  B.setOrigin(-1, {2, 10});
  B.ret(B.invoke(F.get(), "t", Type::f64(), {X}));
  Args A = {eval::Arg::scalar(1)};
  eval::Limits Lim;
  Lim.MaxCallDepth = 50;
  eval::Run R = eval::evaluate(*F, A, Lim);
  EXPECT_EQ(R.Error, "t.cpp:2:10: in t: calls t with 50 calls in progress; "
                     "does its recursion end?");
}

/// t(int a, int b) { return a <op> b; }
std::unique_ptr<Function> intOp(OpCode Code, Scalar S = Scalar::Int32) {
  auto F = function(Type::scalar(S));
  Value *A = F->addParam("a", Type::scalar(S), "");
  Value *Bp = F->addParam("b", Type::scalar(S), "");
  Builder B(*F, F->Body);
  B.setOrigin(-1, {1, 2});
  Value *V = F->create(Code, Type::scalar(S), {A, Bp});
  B.append(V);
  B.ret(V);
  return F;
}

std::string intError(OpCode Code, long double X, long double Y,
                     Scalar S = Scalar::Int32) {
  auto F = intOp(Code, S);
  Args A = {eval::Arg::scalar(X), eval::Arg::scalar(Y)};
  return eval::evaluate(*F, A).Error;
}

TEST(Interpreter, ReportsIntegerDivisionByZeroAndOverflow) {
  EXPECT_EQ(intError(OpCode::Div, 7, 0),
            "t.cpp:1:2: in t: integer division by zero");
  EXPECT_EQ(intError(OpCode::Rem, 7, 0),
            "t.cpp:1:2: in t: integer division by zero");
  EXPECT_EQ(intError(OpCode::Add, 2147483647, 1),
            "t.cpp:1:2: in t: signed integer overflow");
  EXPECT_EQ(intError(OpCode::Div, -2147483648.0L, -1),
            "t.cpp:1:2: in t: signed integer overflow");
  EXPECT_EQ(intError(OpCode::Mul, 1LL << 40, 1LL << 40, Scalar::Int64),
            "t.cpp:1:2: in t: signed integer overflow");
  // Unsigned arithmetic wraps, as in C++.
  auto F = intOp(OpCode::Sub, Scalar::UInt32);
  Args A = {eval::Arg::scalar(1), eval::Arg::scalar(2)};
  eval::Run R = eval::evaluate(*F, A);
  EXPECT_TRUE(R.ok());
  EXPECT_EQ(R.Result, 4294967295.0L);
  // Division truncates toward zero.
  auto D = intOp(OpCode::Div);
  Args DA = {eval::Arg::scalar(-7), eval::Arg::scalar(2)};
  EXPECT_EQ(eval::evaluate(*D, DA).Result, -3);
}

TEST(Interpreter, ReportsAFloatThatDoesNotFitAnInteger) {
  auto F = function(Type::scalar(Scalar::Int32));
  Value *X = F->addParam("x", Type::f64(), "");
  Builder B(*F, F->Body);
  B.setOrigin(-1, {2, 7});
  B.ret(B.cast(X, Scalar::Int32));
  Args A = {eval::Arg::scalar(3e10)};
  EXPECT_EQ(eval::evaluate(*F, A).Error,
            "t.cpp:2:7: in t: a floating-point value that does not fit the "
            "integer type it is converted to");
  A = {eval::Arg::scalar(-2.75)};
  EXPECT_EQ(eval::evaluate(*F, A).Result, -2);
}

TEST(Interpreter, ReportsArgumentsThatDoNotMatch) {
  auto F = indexing();
  Args A = {eval::Arg::array({1})};
  EXPECT_EQ(eval::evaluate(*F, A).Error, "t takes 2 arguments, given 1");
}

/// if (n <= 0) throw BadCount("n", n); return x * x;
std::unique_ptr<Function> checked() {
  auto F = function(Type::f64());
  Value *X = F->addParam("x", Type::f64(), "double");
  Value *N = F->addParam("n", Type::scalar(Scalar::Int32), "int");
  Builder B(*F, F->Body);
  B.setOrigin(-1, {4, 5});
  Value *If = B.ifOp(B.cmp(CmpPred::LE, N, i32(B, 0)));
  B.setBlock(If->Regions[Then]);
  B.throwing("BadCount", {"\"n\"", ""}, {N});
  B.setBlock(F->Body);
  B.ret(B.mul(X, X));
  return F;
}

TEST(Interpreter, ReportsAThrowAsTheRunsError) {
  auto F = checked();
  ASSERT_TRUE(verify(*F).empty());
  Args A = {eval::Arg::scalar(1.5), eval::Arg::scalar(-2)};
  EXPECT_EQ(eval::evaluate(*F, A).Error,
            "t.cpp:4:5: in t: throws BadCount(\"n\", -2)");
  A = {eval::Arg::scalar(1.5), eval::Arg::scalar(2)};
  EXPECT_EQ(eval::evaluate(*F, A).Result, 2.25);
}

TEST(Interpreter, TheGradientThrowsBeforeItsBackwardSweep) {
  auto F = checked();
  autodiff::ReverseOptions Opts;
  Opts.Wrt = {0};
  Opts.Name = "t_grad";
  auto G = autodiff::reverse(*F, Opts);
  ASSERT_TRUE(G);
  ASSERT_TRUE(verify(*G).empty());
  Args A = {eval::Arg::scalar(1.5), eval::Arg::scalar(0),
            eval::Arg::array({0.25})};
  eval::Run R = eval::evaluate(*G, A);
  EXPECT_EQ(R.Error, "t.cpp:4:5: in t_grad: throws BadCount(\"n\", 0)");
  A[1] = eval::Arg::scalar(3);
  R = eval::evaluate(*G, A);
  ASSERT_TRUE(R.ok()) << R.Error;
  EXPECT_EQ(A[2].Array.Data[0], 0.25 + 3);
}

} // namespace
