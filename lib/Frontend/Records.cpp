//===- Records.cpp - Structs as the IR sees them --------------------------===//
#include "Records.h"

#include "Lowering.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"

#include <algorithm>

namespace gradc::frontend {

using namespace clang;

const RecordShape *RecordShapes::shape(QualType T, std::string &Why) {
  const auto *RT = T->getAs<RecordType>();
  const RecordDecl *RD = RT ? RT->getDecl()->getDefinition() : nullptr;
  std::string Name =
      T.getUnqualifiedType().getAsString(Ctx.getPrintingPolicy());
  if (!RD) {
    Why = "'" + Name + "' is not a complete struct";
    return nullptr;
  }
  if (auto It = Made.find(RD); It != Made.end())
    return It->second.get();
  if (std::find(Making.begin(), Making.end(), RD) != Making.end()) {
    Why = "'" + Name + "' contains itself";
    return nullptr;
  }
  auto Refuse = [&](const std::string &What) -> const RecordShape * {
    Why = "'" + Name + "' " + What;
    return nullptr;
  };
  if (std::string Advice = pairAdvice(T, Ctx); !Advice.empty()) {
    Why = Advice;
    return nullptr;
  }
  if (RD->isInStdNamespace())
    return Refuse("is a standard library class; gradc supports std::array and "
                  "std::vector of numbers, and structs of your own");
  if (RD->isUnion())
    return Refuse("is a union; gradc supports structs of numbers");
  if (const auto *CRD = dyn_cast<CXXRecordDecl>(RD)) {
    if (CRD->isLambda())
      return Refuse("is a lambda");
    if (CRD->getNumBases() > 0)
      return Refuse("derives from another class; gradc supports structs "
                    "without base classes");
    if (CRD->isPolymorphic())
      return Refuse("has virtual functions");
  }
  auto Shape = std::make_unique<RecordShape>();
  bool FoundScalar = false;
  Making.push_back(RD);
  for (const FieldDecl *FD : RD->fields()) {
    std::string Member = "member '" + FD->getNameAsString() + "'";
    QualType FT = FD->getType();
    MemberShape M;
    M.Decl = FD;
    M.Offset = Shape->Size;
    if (FD->isBitField() || FD->isAnonymousStructOrUnion() ||
        FD->getName().empty()) {
      Making.pop_back();
      return Refuse("has a bit-field or an unnamed member; gradc supports "
                    "named members of numbers, arrays and structs");
    }
    if (containerShape(FT, Ctx)) {
      Making.pop_back();
      return Refuse("has " + Member +
                    ", a std::array or std::vector; gradc "
                    "supports array members ('double " +
                    FD->getNameAsString() + "[3];')");
    }
    if (const auto *CAT =
            dyn_cast_or_null<ConstantArrayType>(Ctx.getAsArrayType(FT))) {
      M.Count = static_cast<std::int64_t>(CAT->getSize().getZExtValue());
      FT = CAT->getElementType();
      M.Kind = ir::MemberKind::Array;
    }
    std::optional<ir::Scalar> S =
        FT->isEnumeralType() ? std::nullopt : scalarTypeOf(FT, Ctx);
    if (S) {
      M.S = *S;
      if (!FoundScalar || (ir::isFloating(*S) && !Shape->HasFloating))
        Shape->S = *S;
      FoundScalar = true;
      Shape->HasFloating |= ir::isFloating(*S);
      Shape->HasDefaults |= FD->hasInClassInitializer() && ir::isFloating(*S);
      Shape->Size += M.Count;
    } else if (FT->isRecordType()) {
      std::string Inner;
      M.Rec = shape(FT, Inner);
      if (!M.Rec) {
        Making.pop_back();
        return Refuse("has " + Member + ": " + Inner);
      }
      M.Kind = M.Kind == ir::MemberKind::Array ? ir::MemberKind::RecordArray
                                               : ir::MemberKind::Record;
      if (!FoundScalar || (M.Rec->HasFloating && !Shape->HasFloating))
        Shape->S = M.Rec->S;
      FoundScalar = true;
      Shape->HasFloating |= M.Rec->HasFloating;
      Shape->HasDefaults |= M.Rec->HasDefaults;
      Shape->Size += M.Count * M.Rec->Size;
    } else {
      Making.pop_back();
      std::string Type = FD->getType().getAsString(Ctx.getPrintingPolicy());
      return Refuse("has " + Member + " of type '" + Type +
                    "'; gradc supports members that are numbers, arrays of "
                    "them (of a constant size) and structs of those");
    }
    Shape->Members.push_back(M);
  }
  Making.pop_back();
  if (Shape->Size == 0)
    return Refuse("has no numbers in it");
  return (Made[RD] = std::move(Shape)).get();
}

void flatten(const RecordShape &Shape, std::vector<ir::Scalar> &Types,
             std::vector<std::string> &Names, const std::string &Prefix) {
  for (const MemberShape &M : Shape.Members) {
    std::string Name = Prefix + "." + M.Decl->getNameAsString();
    bool Array = M.Kind == ir::MemberKind::Array ||
                 M.Kind == ir::MemberKind::RecordArray;
    for (std::int64_t I = 0; I < M.Count; ++I) {
      std::string Elem = Array ? Name + "[" + std::to_string(I) + "]" : Name;
      if (M.Rec) {
        flatten(*M.Rec, Types, Names, Elem);
        continue;
      }
      Types.push_back(M.S);
      Names.push_back(Elem);
    }
  }
}

std::string pairAdvice(QualType T, const ASTContext &Ctx) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->isInStdNamespace() || !RD->getIdentifier() ||
      (RD->getName() != "pair" && RD->getName() != "tuple"))
    return "";
  return "'" +
         T.getNonReferenceType().getUnqualifiedType().getAsString(
             Ctx.getPrintingPolicy()) +
         "': std::" + RD->getName().str() +
         " is not supported yet; use a struct of your own ('struct MinMax { "
         "double lo, hi; };', returned by value and read as 'r.lo') or a "
         "std::array<double, N>";
}

std::optional<ContainerShape> containerShape(QualType T,
                                             const ASTContext &Ctx) {
  const auto *RD = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (!RD || !RD->isInStdNamespace())
    return std::nullopt;
  StringRef Name = RD->getName();
  if (Name != "array" && Name != "vector")
    return std::nullopt;
  const TemplateArgumentList &Args = RD->getTemplateArgs();
  if (Args.size() < 1 || Args[0].getKind() != TemplateArgument::Type)
    return std::nullopt;
  QualType E = Args[0].getAsType();
  std::optional<ir::Scalar> S =
      E->isEnumeralType() ? std::nullopt : scalarTypeOf(E, Ctx);
  if (!S)
    return std::nullopt;
  ContainerShape C;
  C.S = *S;
  C.IsVector = Name == "vector";
  if (!C.IsVector) {
    if (Args.size() < 2 || Args[1].getKind() != TemplateArgument::Integral)
      return std::nullopt;
    C.Count = Args[1].getAsIntegral().getExtValue();
  }
  return C;
}

} // namespace gradc::frontend
