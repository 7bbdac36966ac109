//===- Pullbacks.h - The pullbacks of called functions ----------*- C++ -*-===//
//
// A PullbackSource that makes each pullback a set of primals asks for once,
// so that an output file defines a callee's pullback once however many
// functions call it. A callee's pullback with respect to all its floating
// parameters is `g_pullback`; one with respect to some of them names them:
// `g_wrt_a_b_pullback`. A recursive callee's pullback calls itself.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_AUTODIFF_PULLBACKS_H
#define GRADC_AUTODIFF_PULLBACKS_H

#include "gradc/Autodiff/Reverse.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace gradc::autodiff {

/// What makes two generated functions one C++ function: namespaces, name
/// and parameter types.
std::string signatureKey(const ir::Function &F);

class PullbackCache : public PullbackSource {
public:
  const ir::Function *pullback(const ir::Function &Callee,
                               const std::vector<unsigned> &Wrt) override;

  /// The pullbacks made, callees before their callers.
  const std::vector<const ir::Function *> &made() const { return Order; }
  /// The function a pullback made here differentiates.
  const ir::Function *primalOf(const ir::Function *Pullback) const {
    return PrimalOf.at(Pullback);
  }
  /// "file:line:col: error: ..." for each problem met in a callee.
  const std::vector<std::string> &errors() const { return Errors; }

private:
  using Key = std::pair<const ir::Function *, std::vector<unsigned>>;
  std::map<Key, std::unique_ptr<ir::Function>> Made;
  /// Pullbacks being made: the signature that a recursive call in one
  /// calls until it is done (then the call is pointed at it).
  std::map<Key, const ir::Function *> Making;
  std::vector<std::unique_ptr<ir::Function>> Stubs;
  std::map<Key, bool> Failed;
  std::vector<const ir::Function *> Order;
  std::map<const ir::Function *, const ir::Function *> PrimalOf;
  std::map<const ir::Function *, std::vector<unsigned>> WrtOf;
  std::set<std::string> Signatures; ///< namespace, name and parameter types
  std::vector<std::string> Errors;
};

} // namespace gradc::autodiff

#endif // GRADC_AUTODIFF_PULLBACKS_H
