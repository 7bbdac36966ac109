//===- MathFunctions.cpp - The math functions gradc knows -----------------===//
#include "gradc/IR/MathFunctions.h"

#include <algorithm>
#include <vector>

namespace gradc::ir {

namespace {
struct MathFnInfo {
  const char *Name;
  unsigned Arity;
  MathKind Kind;
  const char *Callee;
};

// Indexed by MathFn.
constexpr MathFnInfo MathFns[] = {
#define GRADC_MATH_FN(Id, Name, Arity, Kind, Callee)                           \
  {#Name, Arity, MathKind::Kind, #Callee},
#include "gradc/IR/MathFunctions.def"
};

const MathFnInfo &info(MathFn F) { return MathFns[static_cast<unsigned>(F)]; }

/// Whether a user's call names F; Runtime helpers are gradc's own.
bool callable(MathFn F, std::string_view Name, bool InStd) {
  const MathFnInfo &I = info(F);
  if (Name != I.Name)
    return false;
  switch (I.Kind) {
  case MathKind::Cmath:
    return true;
  case MathKind::Std:
  case MathKind::StdAlgorithm:
    return InStd;
  case MathKind::Runtime:
    return false;
  }
  return false;
}

std::optional<MathFn> lookupExact(std::string_view Name, bool InStd,
                                  unsigned NumArgs) {
  std::optional<MathFn> First;
  for (unsigned I = 0; I < NumMathFns; ++I) {
    auto F = static_cast<MathFn>(I);
    if (!callable(F, Name, InStd))
      continue;
    if (info(F).Arity == NumArgs)
      return F;
    if (!First)
      First = F;
  }
  return First;
}
} // namespace

const char *mathFnName(MathFn F) { return info(F).Name; }

unsigned mathFnArity(MathFn F) { return info(F).Arity; }

MathKind mathFnKind(MathFn F) { return info(F).Kind; }

const char *mathFnCallee(MathFn F) { return info(F).Callee; }

bool isCheap(MathFn F) {
  switch (F) {
  case MathFn::Fabs:
  case MathFn::Fmax:
  case MathFn::Fmin:
  case MathFn::Copysign:
  case MathFn::Fdim:
  case MathFn::Floor:
  case MathFn::Ceil:
  case MathFn::Trunc:
  case MathFn::Round:
  case MathFn::Nearbyint:
  case MathFn::Rint:
  case MathFn::StdMax:
  case MathFn::StdMin:
  case MathFn::StdClamp:
  case MathFn::StdAbs:
    return true;
  default:
    return false;
  }
}

bool isStdFn(MathFn F) {
  return info(F).Kind == MathKind::Std ||
         info(F).Kind == MathKind::StdAlgorithm;
}

std::optional<MathFn> lookupMathFn(std::string_view Name, bool InStd,
                                   unsigned NumArgs) {
  if (std::optional<MathFn> F = lookupExact(Name, InStd, NumArgs))
    return F;
  // C's float and long double forms: sinf, sinl.
  if (Name.size() > 1 && (Name.back() == 'f' || Name.back() == 'l')) {
    std::optional<MathFn> F =
        lookupExact(Name.substr(0, Name.size() - 1), InStd, NumArgs);
    if (F && info(*F).Kind == MathKind::Cmath)
      return F;
  }
  return std::nullopt;
}

std::string supportedMathFns() {
  std::vector<std::string> Names;
  for (const MathFnInfo &F : MathFns) {
    if (F.Kind == MathKind::Runtime)
      continue;
    std::string Name =
        std::string(F.Kind == MathKind::Cmath ? "" : "std::") + F.Name;
    // hypot of two and of three arguments is one name.
    if (std::find(Names.begin(), Names.end(), Name) == Names.end())
      Names.push_back(Name);
  }
  std::string Text;
  for (size_t I = 0; I < Names.size(); ++I)
    Text += (I == 0 ? "" : I + 1 == Names.size() ? " and " : ", ") + Names[I];
  return Text;
}

} // namespace gradc::ir
