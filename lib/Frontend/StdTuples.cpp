//===- StdTuples.cpp - std::pair and std::tuple as structs ----------------===//
//
// A std::pair or std::tuple of numbers is a struct of numbers to the rest
// of gradc: a pair's members are its own `first` and `second`; a tuple's
// are the one data member of each element's base class in the standard
// library, which generated code cannot name and so reaches through
// `std::get<I>` (an ir::PrivateMember whose accessor the library defines).
// Elements come in index order, which is how `--at` takes them.
//
//===----------------------------------------------------------------------===//
#include "Records.h"

#include "Lowering.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

namespace gradc::frontend {

using namespace clang;

TupleKind tupleKind(QualType T) {
  const auto *RD = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!RD || !RD->isInStdNamespace() || !RD->getIdentifier())
    return TupleKind::None;
  if (RD->getName() == "pair")
    return TupleKind::Pair;
  if (RD->getName() == "tuple")
    return TupleKind::Tuple;
  return TupleKind::None;
}

/// The element types of a std::pair or std::tuple RD.
static std::vector<QualType>
elementTypes(const ClassTemplateSpecializationDecl *RD) {
  std::vector<QualType> Types;
  for (const TemplateArgument &A : RD->getTemplateArgs().asArray()) {
    if (A.getKind() == TemplateArgument::Type)
      Types.push_back(A.getAsType());
    else if (A.getKind() == TemplateArgument::Pack)
      for (const TemplateArgument &P : A.pack_elements())
        Types.push_back(P.getAsType());
  }
  return Types;
}

/// The data member that holds element I of tuple RD: the one field of the
/// base class whose first template argument is I (libstdc++'s
/// `_Head_base<I, T>`, libc++'s `__tuple_leaf<I, T>`).
static const FieldDecl *tupleField(const CXXRecordDecl *RD, unsigned I) {
  for (const CXXBaseSpecifier &BS : RD->bases()) {
    const CXXRecordDecl *BD = BS.getType()->getAsCXXRecordDecl();
    if (!BD)
      continue;
    if (const auto *S = dyn_cast<ClassTemplateSpecializationDecl>(BD)) {
      ArrayRef<TemplateArgument> Args = S->getTemplateArgs().asArray();
      if (!Args.empty() && Args[0].getKind() == TemplateArgument::Integral &&
          Args[0].getAsIntegral() == I &&
          std::distance(BD->field_begin(), BD->field_end()) == 1)
        return *BD->field_begin();
    }
    if (const FieldDecl *FD = tupleField(BD, I))
      return FD;
  }
  return nullptr;
}

std::unique_ptr<RecordShape> tupleShape(QualType T, const ASTContext &Ctx,
                                        std::string &Why) {
  const auto *RD = cast<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl()->getDefinition());
  bool Pair = tupleKind(T) == TupleKind::Pair;
  std::string Name = T.getNonReferenceType().getUnqualifiedType().getAsString(
      Ctx.getPrintingPolicy());
  std::vector<QualType> Types = elementTypes(RD);
  auto Shape = std::make_unique<RecordShape>();
  std::vector<const FieldDecl *> Fields(RD->field_begin(), RD->field_end());
  for (unsigned I = 0; I < Types.size(); ++I) {
    // (`std::tuple<double &, double &>`, std::tie's, holds no numbers.)
    std::optional<ir::Scalar> S =
        Types[I]->isEnumeralType() || Types[I]->isReferenceType()
            ? std::nullopt
            : scalarTypeOf(Types[I], Ctx);
    const FieldDecl *FD =
        Pair ? (I < Fields.size() ? Fields[I] : nullptr) : tupleField(RD, I);
    if (!S && isIterator(Types[I])) {
      Why = "'" + Name +
            "' holds positions in a range (what std::minmax_element "
            "returns); gradc follows them bound by name ('auto [lo, hi] = "
            "std::minmax_element(b, e);')";
      return nullptr;
    }
    if (!S || !FD) {
      Why = "'" + Name + "' holds '" +
            Types[I].getAsString(Ctx.getPrintingPolicy()) +
            "'; gradc supports std::pair and std::tuple of numbers: keep "
            "other things in a struct of your own ('struct Item { double "
            "w; std::vector<double> xs; };') or pass them as parameters";
      return nullptr;
    }
    // (S is set, checked above; value_or quiets a false
    // -Wmaybe-uninitialized of GCC 12.)
    ir::Scalar Elem = S.value_or(ir::Scalar::Float64);
    MemberShape M;
    M.Decl = FD;
    M.Offset = Shape->Size;
    M.S = Elem;
    if (!Pair) {
      auto Get = std::make_shared<ir::PrivateMember>();
      // Qualified: the emitter calls it as it is and defines nothing.
      Get->Accessor = "std::get<" + std::to_string(I) + ">";
      Get->Name = FD->getNameAsString();
      M.Private = std::move(Get);
    }
    if (!Shape->HasFloating && (ir::isFloating(Elem) || I == 0))
      Shape->S = Elem;
    Shape->HasFloating |= ir::isFloating(Elem);
    Shape->Size += 1;
    Shape->Members.push_back(M);
  }
  if (Shape->Size == 0) {
    Why = "'" + Name + "' has no numbers in it";
    return nullptr;
  }
  return Shape;
}

/// The std function CE calls, if it is one named Name.
static bool callsStd(const CallExpr *CE, StringRef Name) {
  const FunctionDecl *Callee = CE ? CE->getDirectCallee() : nullptr;
  return Callee && Callee->getIdentifier() && Callee->getName() == Name &&
         Callee->getDeclContext()->getRedeclContext()->isStdNamespace();
}

bool isTupleGet(const CallExpr *CE) {
  return callsStd(CE, "get") && CE->getNumArgs() == 1 &&
         tupleKind(CE->getArg(0)->getType()) != TupleKind::None;
}

bool makesTuple(const CallExpr *CE) {
  return callsStd(CE, "make_pair") || callsStd(CE, "make_tuple");
}

const CallExpr *tieCall(const Expr *E) {
  const auto *CE = dyn_cast<CallExpr>(E->IgnoreParenImpCasts());
  return callsStd(CE, "tie") ? CE : nullptr;
}

} // namespace gradc::frontend
