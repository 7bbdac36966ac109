// gradc --at works a computation through, as the seeds do by hand: each
// variable's value and the gradient of the result with respect to it, from
// gradc's interpreter. The compiled generated code must print the very same
// numbers (the interpreter shares no code with the C++ emitter).
// RUN: %gradc %src_root/examples/cs231n.cpp --at x=3,y=-4 | FileCheck %s --check-prefix=TABLE --match-full-lines
// TABLE: f(x = 3, y = -4) = 1.5456448841066441
// TABLE-EMPTY:
// TABLE-NEXT: line   variable       value                    df/d(variable)
// TABLE-NEXT: param  x              3                        2.0595697955721652
// TABLE-NEXT: param  y              -4                       1.5922327514838093
// TABLE-NEXT: 13     sigy           0.01798620996209156      0.5121444488396316
// TABLE-NEXT: 14     num            3.0179862099620918       0.5121444488396316
// TABLE-NEXT: 15     sigx           0.9525741268224334       -0.7915934472725935
// TABLE-NEXT: 16     xpy            -1                       1.583186894545187
// TABLE-NEXT: 17     xpysqr         1                        -0.7915934472725935
// TABLE-NEXT: 18     den            1.9525741268224333       -0.7915934472725935
// TABLE-NEXT: 19     invden         0.5121444488396316       3.0179862099620918
//
// The interpreter and the compiled code agree to the last bit, function by
// function:
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradc %src_root/examples/seeds.cpp -o %t/seeds.grad.h
// (__GRADC__ hides the example's own main.)
// RUN: %cxx -I%t -D__GRADC__=1 -DGRADC_OUT='"seeds.grad.h"' -include %src_root/examples/seeds.cpp %s -o %t/prog
// RUN: %t/prog > %t/compiled.txt
// RUN: %gradc %src_root/examples/seeds.cpp --function max_gate --at x=3,y=-4,z=2,w=-1 > %t/interp.txt
// RUN: %gradc %src_root/examples/seeds.cpp --function quadratic_loss --at x=2,w1=2,w2=2,b=1,y=9 >> %t/interp.txt
// RUN: %gradc %src_root/examples/seeds.cpp --function neuron --at w0=2,w1=-3,w2=-3,x0=-1,x1=-2 >> %t/interp.txt
// RUN: cat %t/interp.txt %t/compiled.txt | FileCheck %s --check-prefix=SAME
// SAME: max_gate({{.*}}) = [[F1:[-0-9.e]+]]
// SAME: param  x 3 [[A1:[-0-9.e]+]]
// SAME: param  y -4 [[A2:[-0-9.e]+]]
// SAME: param  z 2 [[A3:[-0-9.e]+]]
// SAME: param  w -1 [[A4:[-0-9.e]+]]
// SAME: quadratic_loss({{.*}}) = [[F2:[-0-9.e]+]]
// SAME: param  w1 2 [[B1:[-0-9.e]+]]
// SAME: param  w2 2 [[B2:[-0-9.e]+]]
// SAME: param  b 1 [[B3:[-0-9.e]+]]
// SAME: neuron({{.*}}) = [[F3:[-0-9.e]+]]
// SAME: param  w0 2 [[C1:[-0-9.e]+]]
// SAME: param  w1 -3 [[C2:[-0-9.e]+]]
// SAME: param  w2 -3 [[C3:[-0-9.e]+]]
// SAME: param  x0 -1 [[C4:[-0-9.e]+]]
// SAME: param  x1 -2 [[C5:[-0-9.e]+]]
// SAME: compiled max_gate [[F1]] [[A1]] [[A2]] [[A3]] [[A4]]
// SAME: compiled quadratic_loss [[F2]] [[B1]] [[B2]] [[B3]]
// SAME: compiled neuron [[F3]] [[C1]] [[C2]] [[C3]] [[C4]] [[C5]]

#include GRADC_OUT
#include <cstdio>
#include <cstdlib>

// Shortest decimal form that reads back exactly, as gradc prints.
static void put(double v) {
  char buf[64];
  for (int p = 1; p <= 17; ++p) {
    std::snprintf(buf, sizeof(buf), "%.*g", p, v);
    if (std::strtod(buf, nullptr) == v)
      break;
  }
  if (v == static_cast<long long>(v))
    std::snprintf(buf, sizeof(buf), "%.0f", v);
  std::printf(" %s", buf);
}

int main() {
  double a[5] = {0, 0, 0, 0, 0};
  std::printf("compiled max_gate");
  put(max_gate_grad(3, -4, 2, -1, a[0], a[1], a[2], a[3]));
  for (int i = 0; i < 4; ++i)
    put(a[i]);
  double b[3] = {0, 0, 0};
  std::printf("\ncompiled quadratic_loss");
  put(quadratic_loss_grad(2, 2, 2, 1, 9, b[0], b[1], b[2]));
  for (int i = 0; i < 3; ++i)
    put(b[i]);
  double c[5] = {0, 0, 0, 0, 0};
  std::printf("\ncompiled neuron");
  put(neuron_grad(2, -3, -3, -1, -2, c[0], c[1], c[2], c[3], c[4]));
  for (int i = 0; i < 5; ++i)
    put(c[i]);
  std::printf("\n");
}
