//===- LoweringGrowthScoped.cpp - Growing vectors declared in a loop ------===//
//
// A std::vector that changes size and is declared in a loop or branch
// (`for (...) { std::vector<double> row; ... row.push_back(x); }`) is made
// anew each time its declaration runs. The backward sweep needs its
// elements after the forward sweep has left the loop, and its length per
// iteration, as it does for a vector of the top level that is cleared and
// refilled (LoweringGrowth.cpp). So it is one: declared before the
// top-level statement that holds it, and emptied (then sized or filled as
// it was declared) where its declaration is. The reverse mode tapes what
// the refills overwrite, as for any vector of the top level.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

#include "clang/Basic/SourceManager.h"

namespace gradc::frontend {

using namespace clang;
using ir::Scalar;
using ir::Value;

Value *BodyLowering::restartGrowing(const VarDecl *VD, const ContainerShape &C,
                                    Value *Count, Value *CopyOf, Value *Fill) {
  Value *Arr = restartGrowing(VD, C.S, /*Stride=*/0);
  if (!Count || Count->isConstValue(0))
    return Arr;
  setLength(Arr, convert(Count, Scalar::UInt64, /*Implicit=*/true), "resize");
  if (CopyOf)
    copyElements(Arr, CopyOf, Count);
  else
    fillElements(Arr, Fill ? Fill : makeConstant(C.S, 0, 0, "0"), Count);
  return Arr;
}

Value *BodyLowering::restartGrowing(const VarDecl *VD, Scalar S,
                                    std::int64_t Stride) {
  // Emptied each time it is declared: its adjoint holds the longest it
  // has been.
  Shrinking.insert(VD);
  return restartGrowing(
      VD->getNameAsString(),
      typeName(VD->getType().getNonReferenceType().getUnqualifiedType()),
      VD->getLocation(), S, Stride);
}

Value *BodyLowering::restartGrowing(const std::string &Name,
                                    const std::string &Type, SourceLocation Loc,
                                    Scalar S, std::int64_t Stride,
                                    const char *Emptied) {
  ir::Block Decl;
  ir::Block &Here = B.block();
  B.setBlock(Decl);
  at(Loc);
  B.note(Name + " of line " + std::to_string(SM.getSpellingLineNumber(Loc)) +
         ", made anew there, lives here for the backward sweep");
  Value *Arr =
      growingLocal(Name, Type, S, makeConstant(Scalar::UInt64, 0, 0, "0"),
                   /*Shrinks=*/true, Stride);
  B.setBlock(Here);
  std::vector<Value *> &Top = F.Body.Ops;
  Top.insert(Top.begin() + TopStmtAt, Decl.Ops.begin(), Decl.Ops.end());
  TopStmtAt += Decl.Ops.size();

  at(Loc);
  setLength(Arr, makeConstant(Scalar::UInt64, 0, 0, "0"), Emptied);
  return Arr;
}

} // namespace gradc::frontend
