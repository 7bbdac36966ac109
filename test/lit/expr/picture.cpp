// With Graphviz, the expression's graph is drawn; without -o, to standard
// output.
// REQUIRES: graphviz
// RUN: %gradc --expr 'f(x, y) = (x + sigmoid(y)) / (sigmoid(x) + (x + y)^2)' --at x=3,y=-4 --emit=svg | FileCheck %s
// CHECK: <svg
// CHECK: 1.546
// RUN: %gradc --expr 'f(x) = relu(x)' --emit=png -o %t.png
// RUN: %python -c "import sys; sys.exit(open(sys.argv[1], 'rb').read(8) != b'\x89PNG\r\n\x1a\n')" %t.png
