// The expression's function goes through everything downstream: the IR as
// lowered (ops named after their variables, at their columns), the
// gradient's IR, the graph, and -o.
// RUN: %gradc --expr 'f(x, y) = s = x * y; return sigmoid(s)' --emit=ir | FileCheck %s --check-prefix=IR
// IR: func @f(%x: f64, %y: f64) -> f64 {
// IR-NEXT:   %s = mul %x, %y : f64 {{ *}}; 1:15
// IR: exp
// IR: return
//
// RUN: %gradc --expr 'f(x, y) = s = x * y; return sigmoid(s)' --emit=grad-ir | FileCheck %s --check-prefix=GRADIR
// GRADIR: func @f_pullback(%x: f64, %y: f64, %dout: f64, %dx: ref f64, %dy: ref f64) -> f64 {
// GRADIR: note "<expr>:1: return sigmoid(s)"
// GRADIR: func @f_grad(%x: f64, %y: f64, %dx: ref f64, %dy: ref f64) -> f64 {
// GRADIR-NEXT: %0 = invoke @f_pullback %x, %y, 1, %dx, %dy : f64
//
// RUN: %gradc --expr 'f(x, y) = (x + sigmoid(y)) / (sigmoid(x) + (x + y)^2)' --emit=dot | FileCheck %s --check-prefix=DOT
// DOT: digraph "f" {
// DOT-DAG: [shape=plaintext, label="x"];
// DOT-DAG: [shape=plaintext, label="y"];
// DOT-DAG: label=<<b>exp</b>>
// DOT-DAG: label=<<b>1/x</b>>
// DOT: }
// RUN: %gradc --expr 'f(x, y) = (x + sigmoid(y)) / (sigmoid(x) + (x + y)^2)' --at x=3,y=-4 --emit=dot -o %t.dot
// RUN: FileCheck %s --check-prefix=DOTAT < %t.dot
// DOTAT: label=<<font color="#2e7d32">1.546</font><br/><font color="#c62828">1</font>>
//
// RUN: %gradc --expr 'f(x) = x^2' -o %t.h
// RUN: FileCheck %s --check-prefix=FILE < %t.h
// FILE: inline double f_pullback(double x, double dout, double &dx) {
// FILE:   dx += 2 * x * dout;
// FILE: inline double f_grad(double x, double &dx) { return f_pullback(x, 1, dx); }
