// With Graphviz installed, --emit=svg and --emit=png draw the graph.
// REQUIRES: graphviz
// RUN: %gradc %src_root/examples/cs231n.cpp --at x=3,y=-4 --emit=svg -o %t.svg
// RUN: FileCheck %s < %t.svg
// RUN: %gradc %src_root/examples/cs231n.cpp --emit=png -o %t.png
// RUN: %python -c "import sys; sys.exit(open(sys.argv[1], 'rb').read(8) != b'\x89PNG\r\n\x1a\n')" %t.png
// CHECK: <svg
// CHECK: 1.546
