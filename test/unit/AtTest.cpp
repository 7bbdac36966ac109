//===- AtTest.cpp - `gradc --at` on IR built by hand ----------------------===//
//
// The front end cannot lower loops and arrays yet in this branch; these
// tests run --at's work-through on the same IR it would produce.
//
//===----------------------------------------------------------------------===//
#include "At.h"
#include "LoopFunctions.h"
#include "TestFunctions.h"

#include <gtest/gtest.h>

using namespace gradc;

namespace {

frontend::Request request(std::unique_ptr<ir::Function> F,
                          std::vector<unsigned> Wrt) {
  frontend::Request R;
  R.BaseName = F->Name;
  R.Primal = std::move(F);
  R.Wrt = std::move(Wrt);
  return R;
}

TEST(At, ArraysGetOneRowPerElement) {
  frontend::Request R = request(test::dotProduct(), {0, 1});
  tool::Worked W;
  std::string Error;
  ASSERT_TRUE(tool::workThrough(R, "w=[2,-3,-3], x=[-1,-2,0.5],n=3", W, Error))
      << Error;
  std::string T = tool::renderTable(W);
  EXPECT_NE(T.find("dot(w = [2, -3, -3], x = [-1, -2, 0.5], n = 3) = 2.5\n"),
            std::string::npos)
      << T;
  // d(w.x)/dw = x and d(w.x)/dx = w.
  EXPECT_NE(T.find("param  w[0]           2                        -1\n"),
            std::string::npos)
      << T;
  EXPECT_NE(T.find("param  w[2]           -3                       0.5\n"),
            std::string::npos)
      << T;
  EXPECT_NE(T.find("param  x[1]           -2                       -3\n"),
            std::string::npos)
      << T;
  EXPECT_NE(
      T.find("param  n              3                        (passive)\n"),
      std::string::npos)
      << T;
}

TEST(At, ReportsBadInputs) {
  frontend::Request R = request(test::dotProduct(), {0, 1});
  tool::Worked W;
  std::string Error;
  EXPECT_FALSE(tool::workThrough(R, "w=2,x=[1],n=1", W, Error));
  EXPECT_EQ(Error, "--at: 'w' is an array: write w=[...]");
  EXPECT_FALSE(tool::workThrough(R, "w=[1],x=[1],n=1.5", W, Error));
  EXPECT_EQ(Error, "--at: 'n' is of type i32, which cannot hold 1.5");
  EXPECT_FALSE(tool::workThrough(R, "w=[1],x=[1],n=1,n=2", W, Error));
  EXPECT_EQ(Error, "--at: 'n' is given twice");
  EXPECT_FALSE(tool::workThrough(R, "w=[1,2],x=[1]", W, Error));
  EXPECT_EQ(Error, "--at: no value for parameter 'n' of 'dot'");
  // An n larger than the arrays: the interpreter says where and what.
  EXPECT_FALSE(tool::workThrough(R, "w=[1,2,3],x=[3,4],n=3", W, Error));
  EXPECT_EQ(Error, "dot.cpp:4:5: in dot_grad: reads x[2], but x has 2 "
                   "elements");
}

TEST(At, ScalarTableIsUnchanged) {
  frontend::Request R = request(test::cs231n(), {0, 1});
  tool::Worked W;
  std::string Error;
  ASSERT_TRUE(tool::workThrough(R, "x=3,y=-4", W, Error)) << Error;
  std::string T = tool::renderTable(W);
  EXPECT_EQ(T.substr(0, T.find('\n')), "f(x = 3, y = -4) = 1.5456448841066441");
  EXPECT_NE(T.find("param  x              3                        "
                   "2.0595697955721652\n"),
            std::string::npos)
      << T;
}

} // namespace
