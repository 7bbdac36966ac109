// Outputs are written atomically, left untouched when unchanged (so build
// systems do not rebuild for nothing) and kept as they were on failure.
// RUN: rm -rf %t && mkdir -p %t/broken
// RUN: cp %s %t/square.cpp
// RUN: %gradc %t/square.cpp -o %t/out.grad.h
// RUN: cp %t/out.grad.h %t/first.h
// RUN: touch -d '2001-01-01 00:00:00' %t/out.grad.h
// RUN: %gradc %t/square.cpp -o %t/out.grad.h
// RUN: find %t/out.grad.h -newermt '2002-01-01' | count 0
//
// A failing run leaves the previous output exactly as it was.
// RUN: sed 's/return x \* x;/goto end; end: return x;/' %s > %t/broken/square.cpp
// RUN: not %gradc %t/broken/square.cpp -o %t/out.grad.h 2> %t/err.txt
// RUN: FileCheck %s --check-prefix=ERR < %t/err.txt
// RUN: cmp %t/out.grad.h %t/first.h
// RUN: ls %t | FileCheck %s --check-prefix=FILES --implicit-check-not=tmp
//
// Without -o, foo.cpp is written to foo.grad.h beside it; '-' is stdout.
// RUN: %gradc %t/square.cpp
// RUN: cmp %t/square.grad.h %t/first.h
// RUN: %gradc %t/square.cpp -o - | cmp - %t/first.h
//
// ERR: square.cpp:{{[0-9]+}}:{{[0-9]+}}: error: 'goto' statements are not supported yet
// ERR: no output written
// FILES: broken
// FILES-NEXT: err.txt
// FILES-NEXT: first.h
// FILES-NEXT: out.grad.h
// FILES-NEXT: square.cpp
#include <gradc/gradc.h>
GRADC_DIFF("grad")
double square(double x) { return x * x; }
