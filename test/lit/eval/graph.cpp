// --emit=dot draws the computational graph, one node per gate with
// constants folded in, as the CS231n circuits are drawn; with --at each wire
// carries its value (green) and gradient (red).
// RUN: %gradc %src_root/examples/seeds.cpp --function neuron --emit=dot -o - | FileCheck %s --check-prefix=PLAIN
// PLAIN: digraph "neuron" {
// PLAIN: rankdir=LR;
// PLAIN-DAG: [shape=plaintext, label="w0"];
// PLAIN-DAG: label=<<b>*-1</b>>
// PLAIN-DAG: label=<<b>exp</b>>
// PLAIN-DAG: label=<<b>+1</b>>
// PLAIN-DAG: label=<<b>1/x</b>>
// PLAIN-DAG: label=<<b>+</b><br/><font point-size="9">dot</font>>
// PLAIN-NOT: color=
//
// RUN: %gradc %src_root/examples/seeds.cpp --function neuron --at w0=2,w1=-3,w2=-3,x0=-1,x1=-2 --emit=dot -o %t.dot
// RUN: FileCheck %s --check-prefix=AT < %t.dot
// The seed's figure: w0 = 2 with gradient -0.20, x0 = -1 with 0.39, ...
// AT-DAG: label=<<font color="#2e7d32">2</font><br/><font color="#c62828">-0.1966</font>>
// AT-DAG: label=<<font color="#2e7d32">-1</font><br/><font color="#c62828">0.3932</font>>
// AT-DAG: label=<<font color="#2e7d32">-3</font><br/><font color="#c62828">-0.3932</font>>
// AT-DAG: label=<<font color="#2e7d32">-2</font><br/><font color="#c62828">-0.5898</font>>
// AT-DAG: label=<<font color="#2e7d32">0.7311</font><br/><font color="#c62828">1</font>>
//
// Without Graphviz, pictures are refused with what to install.
// RUN: not env PATH=/nonexistent %gradc %src_root/examples/cs231n.cpp --emit=svg -o %t.svg 2>&1 | FileCheck %s --check-prefix=NODOT
// NODOT: error: drawing a picture needs Graphviz's 'dot', which is not installed: apt-get install graphviz
