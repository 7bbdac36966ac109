//===- Interpreter.h - Running IR on concrete values ------------*- C++ -*-===//
//
// Evaluates an IR function on numbers, each op in its own type (a float op
// rounds to float, as compiled code does), so that it is a reference for the
// generated C++ that shares none of the emitter's code.
//
// What would be undefined behaviour in compiled code (an index out of
// bounds, reading an element never written, signed overflow, integer
// division by zero, popping an empty tape) stops the run with an error that
// names the source location; so does a run longer than Limits::MaxSteps ops,
// so that a loop that does not end cannot hang `gradc --at`, and calls
// nested deeper than Limits::MaxCallDepth, so that a recursion that does not
// end is an error rather than the end of the stack.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_EVAL_INTERPRETER_H
#define GRADC_EVAL_INTERPRETER_H

#include "gradc/IR/Function.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace gradc::eval {

/// An array in the interpreter's memory.
struct Buffer {
  std::string Name; ///< For messages: the parameter's or local's name.
  /// A scalar variable or a reference: named without an index in messages.
  bool IsScalar = false;
  std::vector<long double> Data;
  /// Per element: has it been given a value? Empty: all of them have.
  std::vector<bool> Written;
  /// A std::vector of std::vector: the length of its rows, all alike.
  std::int64_t Cols = 0;
  /// The std::vector a called helper returns: written past its end, it
  /// grows (the helper gives it its size).
  bool Grows = false;
  /// The element a pointer parameter bound to this buffer points at: a
  /// helper given `u + i` may read `p[-1]`, the caller's `u[i - 1]`.
  std::int64_t Start = 0;
};

/// What one parameter is bound to.
struct Arg {
  /// A scalar parameter's value.
  long double Scalar = 0;
  /// A pointer parameter's array, or a reference parameter's one element;
  /// the run reads and writes it in place (adjoints are added into it).
  /// Written is left empty by the caller unless some elements are unset
  /// (an output array); the run fills it in.
  Buffer Array;

  static Arg scalar(long double V) {
    Arg A;
    A.Scalar = V;
    return A;
  }
  static Arg array(std::vector<long double> Elements) {
    Arg A;
    A.Array.Data = std::move(Elements);
    return A;
  }
};

struct Limits {
  std::uint64_t MaxSteps = 100'000'000; ///< Ops run, each iteration counted.
  /// Elements of local arrays and tapes together.
  std::uint64_t MaxElements = std::uint64_t(1) << 24;
  /// Calls in progress at once (recursion).
  unsigned MaxCallDepth = 10'000;
  /// Set for a call's run: the steps its callers have run, and how deep
  /// it is.
  std::uint64_t StepsBefore = 0;
  unsigned Depth = 0;
};

struct Run {
  /// "file:line:col: in f_grad: reads w[3], but w has 3 elements"; empty
  /// when the run completed.
  std::string Error;
  long double Result = 0; ///< What the function returned, if anything.
  std::uint64_t Steps = 0;
  /// Stopped by a limit (MaxSteps, MaxCallDepth): the error is passed up
  /// as it is, not once more for each call it went through.
  bool Stopped = false;
  /// By Value::Id: the value each op computed last (inside a loop, in the
  /// last iteration that reached it) and how many times it ran (0: never,
  /// as in a branch not taken). Pointer-typed ops have no number here.
  std::vector<long double> Last;
  std::vector<std::uint64_t> Times;
  /// By Value::Id of each Local op that ran: its contents at the end (of
  /// the last time its declaration was reached).
  std::map<unsigned, Buffer> Locals;

  bool ok() const { return Error.empty(); }
  bool computed(const ir::Value &V) const { return Times[V.Id] != 0; }
  long double value(const ir::Value &V) const { return Last[V.Id]; }
};

/// Runs F with one Arg per parameter. Memory arguments are updated in
/// place, also when the run stops with an error.
Run evaluate(const ir::Function &F, std::vector<Arg> &Args,
             const Limits &L = {});

/// Rounds V to the precision (or integer width, wrapping) of S.
long double roundTo(ir::Scalar S, long double V);

} // namespace gradc::eval

#endif // GRADC_EVAL_INTERPRETER_H
