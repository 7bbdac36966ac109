//===- CustomPullbacks.h - Which pullback stands for a call ---*- C++ -*-===//
#ifndef GRADC_FRONTEND_CUSTOMPULLBACKS_H
#define GRADC_FRONTEND_CUSTOMPULLBACKS_H

#include "Lowering.h"

#include "clang/AST/Decl.h"

#include <map>
#include <string>
#include <vector>

namespace gradc::frontend {

/// A parameter's name as a reader writes it: the library's reserved
/// `__x` is `x`.
inline std::string readerName(std::string Name) {
  if (Name.size() > 2 && Name[0] == '_' && Name[1] == '_')
    Name.erase(0, Name.find_first_not_of('_'));
  return Name;
}

/// The custom pullbacks of a translation unit (GRADC_DIFF("custom")), the
/// user's and gradc's own (<gradc/std_pullbacks.h>, in namespace gradc),
/// matched to the functions they stand for by name and signature.
///
/// `f_pullback` stands for a function `f` of its own scope; one at
/// namespace scope or in namespace gradc also for the overloads of
/// `std::f`, since a user may not declare anything in std. Many of those
/// are templates (`std::expint<double>`): their pullbacks are matched to
/// the instance a call names when it is met.
class CustomPullbacks {
public:
  CustomPullbacks(clang::ASTContext &Ctx, Reporter &R) : Ctx(Ctx), R(R) {}

  /// Registers FD, a custom pullback; reports at FD why it stands for
  /// nothing.
  void add(const clang::FunctionDecl &FD);
  /// gradc's own pullbacks live in namespace gradc; the user's win over
  /// them.
  static bool isGradcOwn(const clang::FunctionDecl &FD);
  /// The pullback that stands for Callee, the user's before gradc's;
  /// null when none does.
  const clang::FunctionDecl *of(const clang::FunctionDecl &Callee) const;
  /// The declaration a custom pullback of Callee must have.
  std::string expected(const clang::FunctionDecl &Callee) const;
  /// What to write for Callee, a function without a pullback: the
  /// declaration, and where gradc ships one.
  std::string advice(const clang::FunctionDecl &Callee) const;

private:
  /// Whether Custom has the signature of a pullback of Primal.
  bool matches(const clang::FunctionDecl &Primal,
               const clang::FunctionDecl &Custom) const;
  /// Custom stands for Primal, unless the user's own pullback already does.
  void keep(const clang::FunctionDecl &Primal,
            const clang::FunctionDecl &Custom);

  clang::ASTContext &Ctx;
  Reporter &R;
  /// By the canonical declaration of what they stand for.
  mutable std::map<const clang::FunctionDecl *, const clang::FunctionDecl *>
      Exact;
  /// Pullbacks of std:: function templates, by name, in the order found.
  std::map<std::string, std::vector<const clang::FunctionDecl *>> Library;
};

} // namespace gradc::frontend

#endif
