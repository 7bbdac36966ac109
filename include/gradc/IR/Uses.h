//===- Uses.h - Use counts and dead code ------------------------*- C++ -*-===//
#ifndef GRADC_IR_USES_H
#define GRADC_IR_USES_H

#include "gradc/IR/Function.h"

#include <functional>
#include <vector>

namespace gradc::ir {

/// Number of uses of each value, indexed by Value::Id.
std::vector<unsigned> countUses(const Function &F);

/// The parameter or Local a pointer points into (through Offset).
const Value *baseOf(const Value *Ptr);

/// Whether Op, or an op in its regions, stores or adds into the memory of
/// Base. Distinct parameters and locals are distinct memory.
bool writes(const Value &Op, const Value *Base);
/// The memory Op itself writes (not its regions): a store's or addto's
/// object, the objects a call is given to write through.
void writtenByOp(const Value &Op, std::vector<const Value *> &Out);
/// Whether Op, or an op in its regions, may read the memory of Base: a
/// load through any pointer into it, or a call or copy given one.
bool reads(const Value &Op, const Value *Base);
/// The memory Op itself may read (not its regions), as reads() sees it.
void readByOp(const Value &Op, std::vector<const Value *> &Out);

/// Whether the first op of F, in the order of its text, that touches the
/// memory of parameter Base reads it: then F reads what its caller left
/// there (an in/out parameter), rather than only what F wrote.
bool readsFirst(const Function &F, const Value *Base);

/// Calls Fn on each op of B in order, each op before the ops of its regions.
void forEachOp(const Block &B, const std::function<void(Value &)> &Fn);

/// Calls Fn on each kept value (Value::Kept) of Branch's regions and of the
/// branches in them: the values declared before Branch, in its block. A
/// loop's values are its own.
void forEachKept(const Value &Branch, const std::function<void(Value &)> &Fn);

/// Whether B holds nothing but notes and constants: no code.
bool saysNothing(const Block &B);

/// Removes ops whose results are never used and that have no effect.
void eliminateDeadCode(Function &F);

/// Clears Value::Kept where every use of the value is inside its own block
/// (the use that needed it later was removed or replaced).
void settleKept(Function &F);

} // namespace gradc::ir

#endif // GRADC_IR_USES_H
