// The headers generated for the loop tests are clang-format clean (LLVM
// style) and compile without a warning under -Wall -Wextra -Wpedantic with
// g++ and clang++, in C++17 and C++20.
// REQUIRES: clang-format
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradc %src_root/test/lit/loops/reductions.cpp -o %t/reductions.grad.h
// RUN: %gradc %src_root/test/lit/loops/matmul.cpp -o %t/matmul.grad.h
// RUN: %gradc %src_root/test/lit/loops/branches.cpp -o %t/branches.grad.h
// RUN: %gradc %src_root/test/lit/loops/while.cpp -o %t/while.grad.h
// RUN: %gradc %src_root/test/lit/loops/nested.cpp -o %t/nested.grad.h
// RUN: %gradc %src_root/test/lit/loops/pointers.cpp -o %t/pointers.grad.h
// RUN: %gradc %src_root/test/lit/loops/out_params.cpp -o %t/out_params.grad.h
// RUN: %gradc %src_root/test/lit/loops/exits.cpp -o %t/exits.grad.h
// RUN: %clang_format --style=LLVM --dry-run -Werror %t/reductions.grad.h %t/matmul.grad.h %t/branches.grad.h %t/while.grad.h %t/nested.grad.h %t/pointers.grad.h %t/out_params.grad.h %t/exits.grad.h
// RUN: g++ -std=c++17 -Wall -Wextra -Wpedantic -Werror -I%src_root/include -I%t -fsyntax-only -x c++ %s
// RUN: g++ -std=c++20 -Wall -Wextra -Wpedantic -Werror -I%src_root/include -I%t -fsyntax-only -x c++ %s
// RUN: %clangxx -std=c++17 -Wpedantic -I%t -fsyntax-only -x c++ %s
// RUN: %clangxx -std=c++20 -Wpedantic -I%t -fsyntax-only -x c++ %s
#include "branches.grad.h"
#include "exits.grad.h"
#include "matmul.grad.h"
#include "nested.grad.h"
#include "out_params.grad.h"
#include "pointers.grad.h"
#include "reductions.grad.h"
#include "while.grad.h"
