//===- BigStack.h - Running gradc on a thread with a large stack -*- C++
//-*-===//
#ifndef GRADC_TOOLS_BIGSTACK_H
#define GRADC_TOOLS_BIGSTACK_H

#include <functional>

namespace gradc::tool {

/// The stack gradc runs on: Clang's parser and gradc's own walks recurse
/// once per level of a nested expression, and a generated sum of 20,000
/// terms or 2,000 nested minus signs overflows the main thread's 8 MiB.
/// Only the pages touched are ever backed by memory.
constexpr unsigned BigStackSize = 1u << 30;

/// Runs Main on a thread with a stack of BigStackSize and returns its
/// result. Should the stack overflow anyway, gradc prints an error naming
/// Input() (the file being read, or null) and exits with status 1, rather
/// than dying of SIGSEGV.
int runOnBigStack(const std::function<int()> &Main, const char *(*Input)());

} // namespace gradc::tool

#endif // GRADC_TOOLS_BIGSTACK_H
