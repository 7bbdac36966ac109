//===- EmitterTest.cpp - IR to C++ text -----------------------------------===//
#include "LoopFunctions.h"
#include "TestFunctions.h"
#include "gradc/Autodiff/Reverse.h"
#include "gradc/Emit/CppEmitter.h"
#include "gradc/IR/Verifier.h"

#include <gtest/gtest.h>

using namespace gradc;
using namespace gradc::ir;
using gradc::test::named;

namespace {

std::string gradText(const Function &F, std::vector<unsigned> Wrt) {
  autodiff::ReverseOptions Opts;
  Opts.Wrt = std::move(Wrt);
  Opts.Name = F.Name + "_grad";
  return emit::emitFunction(*autodiff::reverse(F, Opts));
}

bool contains(const std::string &Text, const std::string &Part) {
  return Text.find(Part) != std::string::npos;
}

TEST(Emitter, Cs231nReadsLikeTheSeed) {
  std::string Text = gradText(*test::cs231n(), {0, 1});
  for (const char *Line : {
           "  double sigy = 1.0 / (1 + std::exp(-y));\n",
           "  double f = num * invden;\n",
           "  // cs231n.cpp:11: return num * invden;\n"
           "  double dnum = invden;\n"
           "  double dinvden = num;\n",
           "  double dden = -(invden * invden * dinvden);\n",
           "  double dsigx = dden;\n  double dxpysqr = dden;\n",
           "  double dxpy = 2 * xpy * dxpysqr;\n",
           "  dx += dxpy;\n  dy += dxpy;\n",
           "  dx += (1 - sigx) * sigx * dsigx;\n",
           "  dx += dnum;\n  double dsigy = dnum;\n",
           "  dy += (1 - sigy) * sigy * dsigy;\n  return f;\n}\n",
       })
    EXPECT_TRUE(contains(Text, Line)) << "missing:\n"
                                      << Line << "\nin:\n"
                                      << Text;
  EXPECT_FALSE(contains(Text, "1 *"));
  EXPECT_FALSE(contains(Text, "* 1;"));
}

struct Small {
  Function F;
  Value *X;
  Builder B{F, F.Body};
  Small() {
    F.Name = "g";
    F.RetTy = Type::f64();
    X = F.addParam("x", Type::f64(), "double");
  }
};

TEST(Emitter, ReassignmentReusesTheVariable) {
  Small T;
  Value *S = named(T.B.mul(T.X, T.X), "s");
  Value *S2 = named(T.B.add(S, T.X), "s");
  T.B.ret(S2);
  std::string Text = emit::emitFunction(T.F);
  EXPECT_TRUE(contains(Text, "double s = x * x;\n  s += x;\n  return s;"))
      << Text;
}

TEST(Emitter, AVersionStillNeededGetsItsOwnVariable) {
  Small T;
  Value *S = named(T.B.mul(T.X, T.X), "s");
  Value *S2 = named(T.B.add(S, T.X), "s");
  T.B.ret(T.B.mul(S, S2));
  std::string Text = emit::emitFunction(T.F);
  EXPECT_TRUE(contains(Text, "double s_2 = s + x;\n  return s * s_2;")) << Text;
}

TEST(Emitter, ParenthesesOnlyWherePrecedenceOrOrderNeedsThem) {
  Small T;
  Value *One = T.B.constant(1, Scalar::Float64, "1.0");
  // x - (x - 1.0), (x + x) * x, x + (x + x): kept exactly as evaluated.
  Value *A = T.B.sub(T.X, T.B.sub(T.X, One));
  Value *Bv = T.B.mul(T.B.add(T.X, T.X), A);
  Value *C = T.B.add(Bv, T.B.add(T.X, T.X));
  T.B.ret(C);
  std::string Text = emit::emitFunction(T.F);
  EXPECT_TRUE(contains(Text, "return (x + x) * (x - (x - 1.0)) + (x + x);"))
      << Text;
}

TEST(Emitter, LiteralsKeepTheirTypeWhereTheyStandAlone) {
  Small T;
  Value *Two = T.B.constant(2, Scalar::Float64);
  Value *Half = T.B.constant(0.5, Scalar::Float32);
  Value *XF = T.B.cast(T.X, Scalar::Float32);
  Value *P = T.B.mul(Half, XF);
  T.B.ret(T.B.add(T.B.mul(Two, T.X), T.B.cast(P, Scalar::Float64)));
  std::string Text = emit::emitFunction(T.F);
  EXPECT_TRUE(contains(Text, "2 * x")) << Text;
  EXPECT_TRUE(contains(Text, "0.5f * static_cast<float>(x)")) << Text;
}

TEST(Emitter, ImplicitConversionsStayImplicit) {
  Small T;
  Value *N = T.F.addParam("n", Type::scalar(Scalar::Int32), "int");
  Value *Conv = T.B.cast(N, Scalar::Float64);
  Conv->IVal = 1; // implicit in the source
  T.B.ret(T.B.mul(T.X, Conv));
  std::string Text = emit::emitFunction(T.F);
  EXPECT_TRUE(contains(Text, "return x * n;")) << Text;
}

TEST(Emitter, UnusedParametersAreCommentedOut) {
  Small T;
  T.F.addParam("unused", Type::f64(), "double");
  T.B.ret(T.X);
  std::string Text = emit::emitFunction(T.F);
  EXPECT_TRUE(contains(Text, "double /*unused*/")) << Text;
}

TEST(Emitter, HeaderWrapsNamespacesAndIncludes) {
  auto F = test::cs231n();
  F->Namespaces = {"ml", "detail"};
  autodiff::ReverseOptions Opts;
  Opts.Wrt = {0, 1};
  Opts.Name = "f_grad";
  auto G = autodiff::reverse(*F, Opts);
  std::string Text = emit::emitHeader({G.get()}, {"cs231n.cpp"});
  EXPECT_TRUE(contains(Text, "#pragma once\n")) << Text;
  EXPECT_TRUE(contains(Text, "#include <cmath>\n")) << Text;
  EXPECT_TRUE(contains(Text, "#include <gradc/gradc.h>\n")) << Text;
  EXPECT_TRUE(contains(Text, "namespace ml {\nnamespace detail {\n")) << Text;
  EXPECT_TRUE(contains(Text, "} // namespace detail\n} // namespace ml\n"))
      << Text;
}

} // namespace

namespace {
std::string gradientText(const ir::Function &F, std::vector<unsigned> Wrt) {
  autodiff::ReverseOptions Opts;
  Opts.Name = F.Name + "_grad";
  Opts.Wrt = std::move(Wrt);
  std::unique_ptr<ir::Function> G = autodiff::reverse(F, Opts);
  EXPECT_TRUE(ir::verify(*G).empty());
  return emit::emitFunction(*G);
}
} // namespace

// The iterations are independent: each one's backward sweep runs right
// after its forward sweep, in one loop, reading what it just computed.
TEST(Emitter, IndependentLoopRunsBackwardInsideItself) {
  std::string Text = gradientText(*test::dotProduct(), {0, 1});
  EXPECT_NE(Text.find("  double ds = 1;\n"), std::string::npos) << Text;
  EXPECT_NE(Text.find("  for (int i = 0; i < n; ++i) {\n"
                      "    s += w[i] * x[i];\n"
                      "\n"
                      "    // dot.cpp:4: s += w[i] * x[i];\n"
                      "    dw[i] += x[i] * ds;\n"
                      "    dx[i] += w[i] * ds;\n"
                      "  }\n"),
            std::string::npos)
      << Text;
  EXPECT_EQ(Text.find("tape"), std::string::npos) << Text;
}

TEST(Emitter, OverwrittenValueGoesOnATape) {
  std::string Text = gradientText(*test::horner(), {0, 1});
  EXPECT_NE(Text.find("  gradc::tape<double> p_tape;\n"), std::string::npos)
      << Text;
  // A counted loop reserves its trip count: its pushes need no check.
  EXPECT_NE(Text.find("  p_tape.reserve(n);\n"
                      "  for (int i = diff; i >= 0; --i) {\n"
                      "    p_tape.push_reserved(p);\n"
                      "    p = p * x + c[i];\n"),
            std::string::npos)
      << Text;
  EXPECT_NE(Text.find("    double p_old = p_tape.pop();\n"
                      "    dx_sum += p_old * dp;\n"
                      "    dc[i] += dp;\n"
                      "    dp *= x;\n"
                      "  }\n"
                      "  dx += dx_sum;\n"),
            std::string::npos)
      << Text;
}
