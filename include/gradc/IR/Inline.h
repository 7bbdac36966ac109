//===- Inline.h - A function with some calls written inline ----*- C++ -*-===//
#ifndef GRADC_IR_INLINE_H
#define GRADC_IR_INLINE_H

#include "gradc/IR/Function.h"

#include <functional>
#include <map>
#include <memory>

namespace gradc::ir {

/// What makes a copy of V the same op: its name and attributes (not its
/// operands, regions, location or statement).
void copyAttributes(const Value &V, Value &C);

/// Whether F calls itself, directly or through other functions (even
/// where no derivative flows through the call).
bool callsItself(const Function &F);

/// A copy of F in which each call (in any block) that Wanted
/// accepts is replaced by the callee's body (its parameters read as the
/// call's arguments, its ops in the call's block, its statements appended
/// to the copy's), or null when
/// Wanted accepts none. The callee must have a body, one Return at its
/// end, and statements of F's file. Origin, if given, maps each copy of
/// one of F's own values (parameters included) to that value.
std::unique_ptr<Function>
inlineCalls(const Function &F,
            const std::function<bool(const Value &Call)> &Wanted,
            std::map<const Value *, const Value *> *Origin = nullptr);

} // namespace gradc::ir

#endif // GRADC_IR_INLINE_H
