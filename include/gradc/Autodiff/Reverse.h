//===- Reverse.h - Reverse-mode differentiation of IR -----------*- C++ -*-===//
//
// IR to IR: from a primal function, builds a function that runs the forward
// sweep (the primal's ops, under their own names) and then the backward
// sweep, statement by statement in reverse, where the adjoint of a value `v`
// is `dv`: defined by its first contribution and accumulated by the later
// ones. Adjoints of wrt parameters are reference parameters, added into.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_AUTODIFF_REVERSE_H
#define GRADC_AUTODIFF_REVERSE_H

#include "gradc/IR/Function.h"

#include <memory>
#include <string>
#include <vector>

namespace gradc::autodiff {

enum class GradKind {
  /// T f_grad(params..., adjoints...): returns f, adds df/dp into dp.
  Grad,
  /// void f_pullback(params..., T dout, adjoints...): adds dout * df/dp.
  Pullback,
};

/// Where each value of the primal went in the generated function: its
/// forward clone, and its adjoint when it has one (for a wrt parameter, the
/// adjoint parameter). For tools that show a computation, as `--at` does.
struct Trace {
  struct Entry {
    const ir::Value *Primal = nullptr;
    const ir::Value *Forward = nullptr;
    const ir::Value *Adjoint = nullptr;
  };
  std::vector<Entry> Entries; ///< Parameters, then values in source order.
};

/// The pullbacks of the functions a primal calls, made once each.
class PullbackSource {
public:
  virtual ~PullbackSource() = default;
  /// The pullback of Callee with respect to its parameters Wrt (indices,
  /// ascending), seeded through its return value or, for a void callee,
  /// its outputs (every non-const floating pointer or reference). Null
  /// after its errors were reported.
  virtual const ir::Function *pullback(const ir::Function &Callee,
                                       const std::vector<unsigned> &Wrt) = 0;
};

/// A void function's outputs: its non-const floating pointer and reference
/// parameters (the default of out(...)).
std::vector<unsigned> defaultOutputs(const ir::Function &F);
/// Whether parameter I of F is in/out for these wrt and out parameters:
/// differentiated memory that F writes (or an output also in Wrt). Its
/// adjoint holds the seed of its final contents on entry and the gradient
/// with respect to its incoming contents on exit; it has no other seed.
bool isInOut(const ir::Function &F, const std::vector<unsigned> &Wrt,
             const std::vector<unsigned> &Out, unsigned I);
/// Its floating parameters other than those outputs (the default wrt).
std::vector<unsigned> defaultInputs(const ir::Function &F);

struct ReverseOptions {
  GradKind Kind = GradKind::Grad;
  std::string Name;          ///< Name of the generated function.
  std::vector<unsigned> Wrt; ///< Indices into the primal's parameters.
  /// Output parameters of a void function (indices, ascending). A pullback
  /// takes one seed per output in place of dout.
  std::vector<unsigned> Out;
  /// When set, filled in; dead code is then kept, so that every traced
  /// value is computed.
  Trace *TraceOut = nullptr;
  /// Where pullbacks of called functions come from; calls that carry a
  /// derivative are refused without one.
  PullbackSource *Pullbacks = nullptr;
  /// A pullback writes its outputs again, as the function does; one made
  /// for callers' backward sweeps, which have them already, need not.
  bool WriteOutputs = true;
  /// A pullback also takes the value the function returned, after its
  /// parameters, and reads it where the backward sweep needs it.
  bool GivenResult = false;
  /// A pullback also returns the value the function returns, so that the
  /// gradient can be a call of it.
  bool ReturnsValue = false;
  /// A gradient that calls this pullback (made with ReturnsValue) with
  /// seeds of one, instead of repeating its sweeps.
  const ir::Function *Through = nullptr;
};

/// The name of the adjoint of parameter P: "d" + P, or, when that clashes
/// with another name in the function, "d_" + P, then "d_" + P + "2", ...
/// Something the reverse mode cannot differentiate (yet), at a primal op.
struct ReverseError {
  ir::SourceLoc Loc;
  std::string Message;
};

std::string adjointParamName(const ir::Function &Primal, const std::string &P);
/// Parameter P's name as a word of a generated name: a view's member
/// `L.W` is `L_W`.
std::string paramWord(std::string P);

/// The signature the gradient or pullback of Primal will have, with an
/// empty body: what a recursive call calls while it is being made.
std::unique_ptr<ir::Function> signatureOf(const ir::Function &Primal,
                                          const ReverseOptions &Opts);

/// Whether the gradient of Primal (GradOpts) can call Pullback, made with
/// ReturnsValue, with seeds of one (they are numbers, not arrays or
/// structs).
bool canCallThrough(const ir::Function &Primal, const ReverseOptions &GradOpts,
                    const ir::Function &Pullback);

/// The gradient or pullback of Primal, or null with Errors filled in.
std::unique_ptr<ir::Function>
reverse(const ir::Function &Primal, const ReverseOptions &Opts,
        std::vector<ReverseError> *Errors = nullptr);

} // namespace gradc::autodiff

#endif // GRADC_AUTODIFF_REVERSE_H
