//===- LoweringStructGrowth.cpp - Vectors of structs that grow ------------===//
//
// A local std::vector of structs that push_back, emplace_back, pop_back or
// clear change has a length Local, as a vector of numbers that changes
// size does (LoweringGrowth.cpp). An element is appended as the generated
// code appends it: a zeroed struct (`v.emplace_back();`, a store into the
// length), then its members, each a store into `v[v.size() - 1]` that the
// reverse mode follows as it does any element's. The element is built
// after the vector has grown, so it must not read the vector.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

#include "clang/AST/RecursiveASTVisitor.h"

namespace gradc::frontend {

using namespace clang;
using ir::OpCode;
using ir::Scalar;
using ir::Value;

bool mentions(const Expr *E, const ValueDecl *VD) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const ValueDecl *VD;
    bool Found = false;
    bool VisitDeclRefExpr(DeclRefExpr *DRE) {
      Found |= DRE->getDecl() == VD;
      return !Found;
    }
  } F;
  F.VD = VD;
  F.TraverseStmt(const_cast<Expr *>(E));
  return F.Found;
}

namespace {

/// The one constructor of the user's own, not a copy or move, that Args
/// can call, or null.
const CXXConstructorDecl *constructorFor(const CXXRecordDecl *RD,
                                         unsigned Args) {
  const CXXConstructorDecl *Found = nullptr;
  for (const CXXConstructorDecl *C : RD->ctors()) {
    if (!C->isUserProvided() || C->isCopyOrMoveConstructor() ||
        Args < C->getMinRequiredArguments() || Args > C->getNumParams())
      continue;
    if (Found)
      return nullptr;
    Found = C;
  }
  return Found;
}

} // namespace

Value *BodyLowering::lowerStructGrowth(const CXXMemberCallExpr *MCE,
                                       const StructContainer &C) {
  std::string Name = MCE->getMethodDecl()->getNameAsString();
  const Expr *Obj = MCE->getImplicitObjectArgument();
  std::string Elem = typeName(C.Elem.getUnqualifiedType());
  auto Refuse = [&](SourceLocation Loc, const std::string &Msg) {
    return fail(Loc, Msg, MCE->getSourceRange());
  };
  const RecordShape *Shape =
      shapeOf(C.Elem, MCE->getExprLoc(), MCE->getSourceRange());
  if (Shape && Shape->IsComplex)
    return Refuse(MCE->getExprLoc(),
                  "'" + Name +
                      "' of a std::vector of std::complex is not supported "
                      "yet; give it its final size where it is declared "
                      "('std::vector<" +
                      Elem + "> ws(n);') and assign its elements");
  Value *Dst = Shape ? lowerWrittenContainer(Obj) : nullptr;
  if (!Dst)
    return nullptr;
  if (Dst->Code != OpCode::Local || Dst->Operands.size() < 2)
    return Refuse(MCE->getExprLoc(),
                  "'" + Name +
                      "' of a std::vector of structs that is not a local "
                      "variable of the function is not supported; copy it "
                      "into a local ('std::vector<" +
                      Elem + "> u = v;') and change that");
  Value *Len = Dst->Operands[1];
  if (Name == "clear" || Name == "pop_back") {
    at(MCE->getBeginLoc());
    Value *N = makeConstant(Scalar::UInt64, 0, 0, "0");
    if (Name == "pop_back")
      N = B.sub(B.load(Len), makeConstant(Scalar::UInt64, 1, 1, "1"));
    setLength(Dst, N, Name.c_str());
    return Dst;
  }
  unsigned Args = MCE->getNumArgs();
  const Expr *Whole = nullptr; // `push_back(p)`, `emplace_back(Vec3{...})`
  if (Args == 1 && Ctx.hasSameUnqualifiedType(
                       MCE->getArg(0)->getType().getNonReferenceType(), C.Elem))
    Whole = MCE->getArg(0);
  const auto *RD = C.Elem->getAsCXXRecordDecl();
  const CXXConstructorDecl *Ctor = nullptr;
  if (!Whole && Name == "emplace_back" && RD && Args > 0) {
    Ctor = constructorFor(RD, Args);
    if (!Ctor)
      return Refuse(MCE->getExprLoc(),
                    "this 'emplace_back' is not supported; gradc appends a "
                    "struct made by one constructor of your own: write '" +
                        Name + "(" + Elem + "(...))' or 'push_back(" + Elem +
                        "{...})'");
  }
  bool Zero =
      !Whole && Name == "emplace_back" && Args == 0; // value-initialized
  if (!Whole && !Ctor && !Zero)
    return Refuse(MCE->getExprLoc(),
                  "this '" + Name + "' is not supported; gradc appends one '" +
                      Elem + "': 'push_back(p)', 'push_back(" + Elem +
                      "{x, y})' or 'emplace_back(x, y)' (a constructor of "
                      "your own)");
  for (const Expr *A : MCE->arguments())
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Obj->IgnoreParenImpCasts());
        DRE && mentions(A, DRE->getDecl()))
      return Refuse(A->getBeginLoc(),
                    "an element appended to '" +
                        DRE->getDecl()->getNameAsString() +
                        "' that reads it is not supported; compute it into a "
                        "local first ('" +
                        Elem + " q = ...; " +
                        DRE->getDecl()->getNameAsString() + ".push_back(q);')");
  at(MCE->getBeginLoc());
  // A zeroed struct appended, then its members set.
  setLength(Dst, B.add(B.load(Len), makeConstant(Scalar::UInt64, 1, 1, "1")),
            "append");
  Value *Last = B.sub(B.load(Len), makeConstant(Scalar::UInt64, 1, 1, "1"));
  Value *Dest = structElement(Dst, Last, *Shape);
  // (What an element of this length held before a pop_back or clear is
  // still in memory: emplace_back() sets it to zero.)
  if (Zero)
    zeroRecord(Dest, *Shape);
  bool Ok =
      Zero || (Whole ? lowerRecordInto(Whole, Dest, *Shape)
                     : lowerConstructor(Ctor, {MCE->getArgs(), Args},
                                        MCE->getBeginLoc(), Dest, *Shape));
  return Ok ? Dst : nullptr;
}

} // namespace gradc::frontend
