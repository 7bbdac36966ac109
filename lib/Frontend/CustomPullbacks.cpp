//===- CustomPullbacks.cpp - Custom pullbacks and what they stand for ----===//
#include "CustomPullbacks.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

namespace gradc::frontend {

using namespace clang;

namespace {

/// The functions of std:: that <gradc/std_pullbacks.h> has pullbacks of
/// (test/lit/stdlib/std_pullbacks_list.cpp holds the two together).
constexpr StringRef ShippedPullbacks[] = {
    "ldexp",          "scalbn",     "scalbln",        "frexp",
    "expint",         "beta",       "comp_ellint_1",  "comp_ellint_2",
    "hermite",        "laguerre",   "assoc_laguerre", "legendre",
    "assoc_legendre", "sph_bessel", "sph_neumann"};

/// Whether a pullback declared where FD is may stand for `std::` functions.
bool mayStandForStd(const FunctionDecl &FD) {
  return FD.getDeclContext()->getRedeclContext()->isTranslationUnit() ||
         CustomPullbacks::isGradcOwn(FD);
}

/// Whether FD is the library's. `std::ldexp(double, int)` is C's `::ldexp`,
/// first declared by Clang itself (a builtin), then by <math.h>.
bool ofLibrary(const FunctionDecl &FD, const ASTContext &Ctx) {
  return llvm::any_of(FD.redecls(), [&](const FunctionDecl *D) {
    return D->isInStdNamespace() ||
           Ctx.getSourceManager().isInSystemHeader(D->getLocation());
  });
}

const NamespaceDecl *stdNamespace(ASTContext &Ctx) {
  for (const NamedDecl *D :
       Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get("std")))
    if (const auto *NS = dyn_cast<NamespaceDecl>(D))
      return NS;
  return nullptr;
}

/// The parameters a pullback of Primal takes (section 4 of the user
/// guide): Primal's, then `dout` or a seed per output, then an adjoint
/// per floating parameter that is not an output.
std::vector<std::pair<QualType, std::string>>
pullbackParams(const FunctionDecl &Primal, ASTContext &Ctx) {
  auto Element = [](QualType T) {
    T = T.getNonReferenceType();
    if (T->isPointerType())
      T = T->getPointeeType();
    return T.getUnqualifiedType();
  };
  auto Floating = [&](QualType T) { return Element(T)->isRealFloatingType(); };
  auto IsOut = [&](QualType T) {
    bool Memory = T->isPointerType() || T->isLValueReferenceType();
    QualType P =
        T->isPointerType() ? T->getPointeeType() : T.getNonReferenceType();
    return Primal.getReturnType()->isVoidType() && Memory &&
           !P.isConstQualified() && Floating(T);
  };
  auto Name = [](const ParmVarDecl *P, unsigned I) {
    std::string N = readerName(P->getNameAsString());
    return N.empty() ? "arg" + std::to_string(I) : N;
  };
  std::vector<std::pair<QualType, std::string>> Want;
  for (unsigned I = 0; I < Primal.getNumParams(); ++I)
    Want.push_back(
        {Primal.getParamDecl(I)->getType(), Name(Primal.getParamDecl(I), I)});
  QualType Ret = Primal.getReturnType();
  if (!Ret->isVoidType())
    Want.push_back({Ret, "dout"});
  for (unsigned I = 0; I < Primal.getNumParams(); ++I) {
    QualType T = Primal.getParamDecl(I)->getType();
    if (IsOut(T))
      Want.push_back({T->isPointerType()
                          ? Ctx.getPointerType(Element(T).withConst())
                          : Element(T),
                      "d" + Name(Primal.getParamDecl(I), I)});
  }
  for (unsigned I = 0; I < Primal.getNumParams(); ++I) {
    QualType T = Primal.getParamDecl(I)->getType();
    if (!Floating(T) || IsOut(T))
      continue;
    Want.push_back({T->isPointerType() ? Ctx.getPointerType(Element(T))
                                       : Ctx.getLValueReferenceType(Element(T)),
                    "d" + Name(Primal.getParamDecl(I), I)});
  }
  return Want;
}

} // namespace

bool CustomPullbacks::isGradcOwn(const FunctionDecl &FD) {
  const auto *NS = dyn_cast<NamespaceDecl>(FD.getDeclContext());
  return NS && NS->getName() == "gradc" &&
         NS->getParent()->getRedeclContext()->isTranslationUnit();
}

std::string CustomPullbacks::expected(const FunctionDecl &Callee) const {
  // The library's types are spelled as their templates compute them
  // (`__promote<double>::__type`): the reader's is `double`.
  bool Library = ofLibrary(Callee, Ctx);
  std::string Text = "void " + Callee.getNameAsString() + "_pullback(";
  bool First = true;
  for (const auto &[Ty, Name] : pullbackParams(Callee, Ctx)) {
    std::string T = (Library ? Ty.getCanonicalType() : Ty)
                        .getAsString(Ctx.getPrintingPolicy());
    bool Tight = T.back() == '&' || T.back() == '*'; // `double &dx`
    Text += (First ? "" : ", ") + T + (Tight ? "" : " ") + Name;
    First = false;
  }
  return Text + ")";
}

bool CustomPullbacks::matches(const FunctionDecl &Primal,
                              const FunctionDecl &Custom) const {
  std::vector<std::pair<QualType, std::string>> Want =
      pullbackParams(Primal, Ctx);
  if (!Custom.getReturnType()->isVoidType() ||
      Custom.getNumParams() != Want.size())
    return false;
  for (size_t I = 0; I < Want.size(); ++I)
    if (!Ctx.hasSameType(Custom.getParamDecl(I)->getType(), Want[I].first))
      return false;
  return true;
}

void CustomPullbacks::keep(const FunctionDecl &Primal,
                           const FunctionDecl &Custom) {
  const FunctionDecl *&Slot = Exact[Primal.getCanonicalDecl()];
  if (!Slot || isGradcOwn(*Slot) || !isGradcOwn(Custom))
    Slot = &Custom;
}

void CustomPullbacks::add(const FunctionDecl &FD) {
  std::string Name = FD.getNameAsString();
  StringRef Suffix = "_pullback";
  if (!StringRef(Name).ends_with(Suffix) || Name.size() == Suffix.size()) {
    R.error(FD.getLocation(),
            "a custom pullback is named after the function it "
            "differentiates: 'g_pullback' for 'g'");
    return;
  }
  std::string Of = Name.substr(0, Name.size() - Suffix.size());
  std::vector<const FunctionDecl *> Candidates;
  bool Template = false, StdTemplate = false;
  auto Collect = [&](const DeclContext &DC, bool Std) {
    for (const NamedDecl *Found : DC.lookup(&Ctx.Idents.get(Of))) {
      // `std::ldexp(double, int)` is `using ::ldexp;` in <cmath>.
      const NamedDecl *D = Found->getUnderlyingDecl();
      if (const auto *F = dyn_cast<FunctionDecl>(D))
        Candidates.push_back(F);
      (Std ? StdTemplate : Template) |= isa<FunctionTemplateDecl>(D);
    }
  };
  Collect(*FD.getDeclContext(), false);
  if (mayStandForStd(FD))
    if (const NamespaceDecl *Std = stdNamespace(Ctx))
      Collect(*Std, true);
  bool Found = false;
  for (const FunctionDecl *C : Candidates)
    if (matches(*C, FD)) {
      keep(*C, FD);
      Found = true;
    }
  if (Found)
    return;
  // The overload whose parameters the pullback's begin with, if any, is
  // the one meant.
  const FunctionDecl *Meant = nullptr;
  for (const FunctionDecl *C : Candidates) {
    unsigned N = C->getNumParams();
    bool Same = FD.getNumParams() >= N;
    for (unsigned I = 0; Same && I < N; ++I)
      Same = Ctx.hasSameType(C->getParamDecl(I)->getType(),
                             FD.getParamDecl(I)->getType());
    if (Same) {
      Meant = C;
      break;
    }
  }
  if (!Meant && StdTemplate) {
    // Matched to the instance each call names (std::expint<double>).
    Library[Of].push_back(&FD);
    return;
  }
  if (Candidates.empty() && Template) {
    R.error(FD.getLocation(), "custom pullbacks of function templates ('" + Of +
                                  "') are not supported yet");
    return;
  }
  if (Candidates.empty()) {
    R.error(FD.getLocation(), "'" + Name + "' is a custom pullback of '" + Of +
                                  "', but no function '" + Of +
                                  "' is declared in the same scope");
    return;
  }
  R.error(FD.getLocation(),
          "'" + Name + "' does not have the signature of a pullback of '" + Of +
              "': expected '" + expected(Meant ? *Meant : *Candidates.front()) +
              "'");
}

const FunctionDecl *CustomPullbacks::of(const FunctionDecl &Callee) const {
  const FunctionDecl *Key = Callee.getCanonicalDecl();
  if (auto It = Exact.find(Key); It != Exact.end())
    return It->second;
  if (!Callee.isInStdNamespace() || !Callee.getIdentifier())
    return nullptr;
  auto It = Library.find(Callee.getNameAsString());
  if (It == Library.end())
    return nullptr;
  for (bool Own : {false, true})
    for (const FunctionDecl *P : It->second)
      if (isGradcOwn(*P) == Own && matches(Callee, *P))
        return Exact[Key] = P;
  return nullptr;
}

std::string CustomPullbacks::advice(const FunctionDecl &Callee) const {
  if (!Callee.getIdentifier())
    return "";
  std::string Text = "'" + expected(Callee) + "'";
  std::string Name = Callee.getNameAsString();
  bool Ships = ofLibrary(Callee, Ctx) &&
               llvm::is_contained(ShippedPullbacks, StringRef(Name));
  bool Included =
      llvm::any_of(Exact,
                   [](const auto &E) { return isGradcOwn(*E.second); }) ||
      llvm::any_of(Library, [](const auto &L) {
        return llvm::any_of(
            L.second, [](const FunctionDecl *P) { return isGradcOwn(*P); });
      });
  if (Ships && !Included)
    Text += ", or #include <gradc/std_pullbacks.h>, which has it";
  if (auto It = Library.find(Name); It != Library.end())
    for (const FunctionDecl *P : It->second)
      if (!isGradcOwn(*P)) {
        Text +=
            " (the one at line " +
            std::to_string(
                sourceLocOf(P->getLocation(), Ctx.getSourceManager()).Line) +
            " has another signature)";
        break;
      }
  return Text;
}

} // namespace gradc::frontend
