// Generated headers are clang-format clean (LLVM style) and compile without
// a warning under -Wall -Wextra -Wpedantic with g++ and clang++, in C++17
// and C++20.
// REQUIRES: clang-format
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradc %src_root/examples/cs231n.cpp -o %t/cs231n.grad.h
// RUN: %gradc %src_root/examples/seeds.cpp -o %t/seeds.grad.h
// RUN: %gradc %src_root/test/lit/constructs/math.cpp -o %t/math.grad.h
// RUN: %gradc %src_root/test/lit/constructs/arithmetic.cpp -o %t/arith.grad.h
// RUN: %gradc %src_root/test/lit/spec/wrt_name.cpp -o %t/wrt.grad.h
// RUN: %clang_format --style=LLVM --dry-run -Werror %t/cs231n.grad.h %t/seeds.grad.h %t/math.grad.h %t/arith.grad.h %t/wrt.grad.h
// RUN: g++ -std=c++17 -Wall -Wextra -Wpedantic -Werror -I%src_root/include -I%t -fsyntax-only -x c++ %s
// RUN: g++ -std=c++20 -Wall -Wextra -Wpedantic -Werror -I%src_root/include -I%t -fsyntax-only -x c++ %s
// RUN: %clangxx -std=c++17 -Wpedantic -I%t -fsyntax-only -x c++ %s
// RUN: %clangxx -std=c++20 -Wpedantic -I%t -fsyntax-only -x c++ %s
#include "arith.grad.h"
#include "cs231n.grad.h"
#include "math.grad.h"
#include "seeds.grad.h"
#include "wrt.grad.h"
