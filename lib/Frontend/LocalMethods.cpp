//===- LocalMethods.cpp - Member functions of local classes, inline -------===//
//
// `struct P { double a, b; double norm() const {...} };` declared inside
// f has no name outside f, so the pullback of `norm`, written outside
// every function, could not name its object. A person writing f's
// gradient by hand would write `norm`'s body where it is called instead:
// so does gradc, once the caller's body is lowered (its callees' bodies
// have been, and hold no such calls of their own any more). The
// statements written inline are marked as `norm`'s in generated code.
//
//===----------------------------------------------------------------------===//
#include "LocalTypes.h"
#include "Lowering.h"

#include "gradc/IR/Inline.h"
#include "gradc/IR/Uses.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"

namespace gradc::frontend {

using namespace clang;

namespace {

/// Whether Call's callee is written inline, and can be.
bool writable(const ir::Function &F, const ir::Value &Call) {
  const ir::Function *C = Call.Callee;
  return C && C->writtenInline() && C != &F && !C->Incomplete && !C->Opaque &&
         !C->Body.Ops.empty() &&
         C->Body.Ops.back()->Code == ir::OpCode::Return && !ir::callsItself(*C);
}

/// How generated code names a callee written inline, where its
/// statements are (`P::norm`; the function's own name otherwise).
std::string label(const ir::Value &Call) {
  const ir::Function &C = *Call.Callee;
  std::string Name = Call.Text.empty() ? C.Name : Call.Text;
  return C.Method ? C.LocalClass + "::" + Name : Name;
}

} // namespace

bool inlineLocalMethods(ir::Function &F, const FunctionDecl &FD, Reporter &R) {
  // Each callee's label, by the name inlineCalls marks its statements with.
  std::map<std::string, std::string> Labels;
  ir::forEachOp(F.Body, [&](const ir::Value &V) {
    if (V.Code == ir::OpCode::Invoke && V.Callee && V.Callee->writtenInline())
      Labels.emplace(V.Callee->Name, label(V));
  });
  if (Labels.empty())
    return true;
  // Each round writes one level: a callee written inline may call another
  // that F's own body did not (one lowered before F has no such call left;
  // one being lowered, which F calls back, may).
  for (int Round = 0; Round < 8; ++Round) {
    std::unique_ptr<ir::Function> N = ir::inlineCalls(
        F, [&](const ir::Value &Call) { return writable(F, Call); });
    if (!N)
      break;
    F = std::move(*N);
  }
  for (ir::Statement &S : F.Stmts)
    if (auto It = Labels.find(S.Inside); It != Labels.end())
      S.Inside = It->second;
  // What is left cannot be written inline: refused where it is called.
  const SourceManager &SM = FD.getASTContext().getSourceManager();
  FileID File = SM.getFileID(SM.getExpansionLoc(FD.getLocation()));
  bool Ok = true;
  ir::forEachOp(F.Body, [&](const ir::Value &V) {
    if (V.Code != ir::OpCode::Invoke || !V.Callee || !V.Callee->writtenInline())
      return;
    const ir::Function &C = *V.Callee;
    std::string Name = label(V);
    std::string Why =
        &C == &F || C.Incomplete || ir::callsItself(C)
            ? "'" + Name + "' calls itself, and cannot be written so"
            : "'" + Name +
                  "' declares a std::vector whose size is not known before "
                  "this loop or branch, and cannot be written in it";
    SourceLocation Loc = V.Loc.isValid()
                             ? SM.translateLineCol(File, V.Loc.Line, V.Loc.Col)
                             : FD.getLocation();
    R.error(Loc, "'" + C.LocalClass +
                     "' is declared inside a function, so gradc writes '" +
                     Name + "', which works on it, where it is called; " + Why +
                     ": declare '" + C.LocalClass + "' outside the function");
    Ok = false;
  });
  return Ok;
}

} // namespace gradc::frontend
