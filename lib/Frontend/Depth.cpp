//===- Depth.cpp - Expressions too deep for gradc -------------------------===//
#include "Depth.h"

#include <utility>
#include <vector>

namespace gradc::frontend {

using namespace clang;

const Expr *tooDeepExpr(const Stmt *Body) {
  if (!Body)
    return nullptr;
  struct Item {
    const Stmt *S;
    const Expr *Root; ///< The outermost expression S is part of, if any.
    unsigned Depth;   ///< Of S below Root.
  };
  std::vector<Item> Work{{Body, nullptr, 0}};
  while (!Work.empty()) {
    Item I = Work.back();
    Work.pop_back();
    const auto *E = dyn_cast<Expr>(I.S);
    const Expr *Root = I.Root ? I.Root : E;
    unsigned Depth = E ? I.Depth + 1 : 0;
    if (Root && Depth > MaxExprDepth)
      return Root;
    for (const Stmt *Child : I.S->children())
      if (Child)
        Work.push_back({Child, E ? Root : nullptr, E ? Depth : 0});
  }
  return nullptr;
}

} // namespace gradc::frontend
