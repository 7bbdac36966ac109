//===- LoweringCall.cpp - Calls of the user's functions to IR -------------===//
//
// A call of a function that is not one of the math functions becomes an
// Invoke. When gradc can see the callee's body, the callee is lowered too
// (once, by the CalleeSource), so that the reverse mode can give it a
// pullback; otherwise the call is made as is, which is right as long as no
// derivative flows through it (the reverse mode refuses it if one does).
// Arguments follow the callee's parameter types: pointers and arrays are
// passed as pointers, a non-const reference as a pointer to its variable.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"
#include "IteratorParams.h"
#include "MatrixLocal.h"
#include "OperatorNames.h"
#include "SelfCast.h"
#include "TextParams.h"

#include "clang/AST/TemplateBase.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/raw_ostream.h"

#include <set>
#include <utility>

namespace gradc::frontend {

using namespace clang;
using ir::Scalar;
using ir::Value;

/// What a user can write instead of a helper returning RT, which gradc
/// does not follow; Copy is how the user names what RT refers to.
static std::string returnAdvice(QualType RT, ASTContext &Ctx,
                                const std::string &Copy) {
  if (RT->isPointerType())
    return "; gradc follows helpers returning numbers, structs and "
           "containers, not pointers: have it return nothing, and move the "
           "pointer in the caller ('read2(p, a, b); p += 2;'), or return an "
           "index into the array";
  QualType Obj = RT.getNonReferenceType();
  if (RT->isLValueReferenceType() &&
      (Obj->isRecordType() || Obj->isArrayType()))
    return "; gradc follows helpers returning a reference to a number, "
           "not to a " +
           std::string(containerShape(Obj, Ctx) ? "container" : "struct") +
           ": return a copy ('" + Copy +
           " f(...)'), or the index of the "
           "element";
  return "";
}

/// Whether the arguments' types choose what a call runs: a template's
/// instance, or one of several overloads.
static bool choosesByType(const FunctionDecl &Callee) {
  if (Callee.isTemplateInstantiation())
    return true;
  DeclarationName Name = Callee.getDeclName();
  if (!Name.isIdentifier())
    return false;
  std::set<const Decl *> Distinct; // not the redeclarations of one
  for (const NamedDecl *D :
       Callee.getDeclContext()->getRedeclContext()->lookup(Name))
    Distinct.insert(D->getCanonicalDecl());
  return Distinct.size() > 1;
}

// Names in an anonymous namespace are spelled without it.
static std::string withoutAnonymous(std::string Name) {
  for (std::string Anon = "(anonymous namespace)::";;) {
    size_t At = Name.find(Anon);
    if (At == std::string::npos)
      return Name;
    Name.erase(At, Anon.size());
  }
}

// The generated code passes a pointer as the memory it points into
// (`y.data()` for `const double *yp = y.data()`), whose constness may
// differ from the variable the user passed: a template that deduced its
// parameter from that variable is then named with what it deduced
// (`dot<const double *>`), or deduction would fail or pick another
// instance.
static std::string deducedPointerArguments(const DeclRefExpr &Ref,
                                           const FunctionDecl &Callee) {
  const TemplateArgumentList *Args = Callee.getTemplateSpecializationArgs();
  if (!Args || Ref.hasExplicitTemplateArgs() || Callee.isInStdNamespace())
    return "";
  bool Pointer = llvm::any_of(Args->asArray(), [](const TemplateArgument &A) {
    return A.getKind() == TemplateArgument::Type &&
           A.getAsType()->isPointerType();
  });
  if (!Pointer)
    return "";
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  printTemplateArgumentList(OS, Args->asArray(),
                            Callee.getASTContext().getPrintingPolicy());
  return withoutAnonymous(std::move(OS.str()));
}

std::string BodyLowering::spellCallee(const CallExpr *CE,
                                      const FunctionDecl &Callee) {
  return spellCallee(CE->getCallee(), Callee);
}

std::string BodyLowering::spellCallee(const Expr *Ref,
                                      const FunctionDecl &Callee) {
  // As the user wrote it (`std::lgamma`, `geo::dist`, `sqnorm`): generated
  // code runs in the namespace of the function that makes the call. Not
  // in an instance of a template, whose text names its parameters (`T`).
  // A static member function is named with its class: the call may be
  // written inside the class, its pullback's is not.
  // `operator+`: ADL finds it where the generated code calls it, and the
  // emitter writes `a + b`.
  if (Callee.isOverloadedOperator())
    return std::string("operator") +
           getOperatorSpelling(Callee.getOverloadedOperator());
  if (const auto *DRE =
          dyn_cast<DeclRefExpr>(Ref->IgnoreImplicit()->IgnoreParens());
      DRE && DRE->getBeginLoc().isFileID() && DRE->getEndLoc().isFileID() &&
      !FD.isTemplateInstantiation() && !isa<CXXMethodDecl>(Callee))
    return sourceText(DRE->getSourceRange()) +
           deducedPointerArguments(*DRE, Callee);
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  // Qualified unless it lives where the calling function does.
  if (Callee.getDeclContext()->getRedeclContext()->Equals(
          FD.getDeclContext()->getRedeclContext()) &&
      !isa<CXXMethodDecl>(Callee))
    OS << Callee.getName();
  else
    OS << Callee.getQualifiedNameAsString();
  if (const TemplateArgumentList *Args = Callee.getTemplateSpecializationArgs())
    printTemplateArgumentList(OS, Args->asArray(), Ctx.getPrintingPolicy());
  OS.flush();
  return withoutAnonymous(std::move(Name));
}

Value *BodyLowering::lowerMemberCall(const CXXMemberCallExpr *MCE) {
  const CXXMethodDecl *MD = MCE->getMethodDecl();
  const Expr *Obj = MCE->getImplicitObjectArgument();
  SourceLocation Loc = MCE->getExprLoc();
  if (!MD || !Obj)
    return fail(Loc, "this member function call is not supported",
                MCE->getSourceRange());
  if (std::optional<ArrayRows> A = arrayRows(Obj->getType(), Ctx))
    return lowerArrayRowsCall(MCE, *A);
  if (vectorRows(Obj->getType(), Ctx))
    return lowerVectorRowsCall(MCE);
  if (std::optional<ContainerShape> C = containerShape(Obj->getType(), Ctx)) {
    if (isPoisonedRef(Obj)) {
      Failed = true;
      return nullptr;
    }
    return lowerContainerCall(MCE, *C);
  }
  if (structContainer(Obj->getType().getNonReferenceType()))
    return lowerStructContainerCall(MCE);
  if (!Callees)
    return fail(Loc, "member function calls are not supported here",
                MCE->getSourceRange());
  // (Private data members have accessors; private functions have none.)
  if (MD->getAccess() != AS_public)
    return fail(Loc,
                "member function '" + MD->getNameAsString() +
                    "' is not public; gradc writes its calls outside the "
                    "class: make it public",
                MCE->getSourceRange());
  if (isPoisonedRef(Obj)) {
    Failed = true;
    return nullptr;
  }
  if (const ViewShape *View = viewShapeOf(Obj->getType()->isPointerType()
                                              ? Obj->getType()->getPointeeType()
                                              : Obj->getType());
      View && View->Owns) {
    return lowerViewInvoke(MCE, *MD, Obj);
  }
  // A method of a CRTP base takes the derived object (SelfCast.h).
  if (const CXXRecordDecl *Self = selfClass(*MD); Self != MD->getParent()) {
    std::int64_t Offset = 0;
    const Expr *Whole = withoutBaseCasts(Obj, Offset);
    if (!Whole)
      return nullptr;
    QualType T = Whole->getType();
    if (T->isPointerType())
      T = T->getPointeeType();
    // In a member function that takes the derived object too, `this` is it.
    const auto *Caller = dyn_cast<CXXMethodDecl>(&FD);
    bool OwnObject = isa<CXXThisExpr>(Whole->IgnoreParenImpCasts()) && Caller &&
                     selfClass(*Caller) == Self;
    if (!OwnObject && (Offset != 0 || !T->getAsCXXRecordDecl() ||
                       T->getAsCXXRecordDecl()->getDefinition() != Self))
      return fail(Loc,
                  "'" + MD->getNameAsString() + "' casts its object to '" +
                      Self->getNameAsString() + "'; call it on a '" +
                      Self->getNameAsString() +
                      "' (gradc follows that "
                      "object only)",
                  MCE->getSourceRange());
    Obj = Whole;
  }
  // (The object's own conversions to a base are offsets: lowerPointer.)
  const auto *Cast = dyn_cast<CastExpr>(Obj->IgnoreParens());
  Value *Object =
      Cast && Cast->getCastKind() == CK_BaseToDerived ? lowerDownCast(Cast)
      : Obj->getType()->isPointerType()               ? lowerPointer(Obj)
      : isa<CXXThisExpr>(Obj->IgnoreParenImpCasts())  ? This
                                                      : lowerRecord(Obj);
  if (!Object)
    return nullptr;
  return lowerInvoke(MCE, *MD, Object);
}

std::optional<BodyLowering::Target>
BodyLowering::referenceArgument(const Expr *Arg) {
  std::optional<Target> T = assignTarget(Arg);
  if (T && T->Var) {
    fail(Arg->getBeginLoc(),
         "'" + T->Var->getNameAsString() +
             "' cannot be passed by reference here; copy it into a local "
             "variable first",
         Arg->getSourceRange());
    return std::nullopt;
  }
  return T;
}

Value *BodyLowering::lowerViewInvoke(const CallExpr *CE,
                                     const FunctionDecl &Callee,
                                     const Expr *Obj) {
  // `L.apply(x)`, `A(i, j)`: the struct's members are the object's
  // parameters.
  std::optional<ViewVar> VV = lowerView(Obj);
  if (!VV)
    return nullptr;
  if (isLocalView(*VV)) // `c.rows()` of a local `Matrix c(r, k);`
    return lowerLocalViewCall(CE, Callee, *VV, Obj);
  ObjectMembers = VV->Members;
  Value *V = lowerInvoke(CE, Callee, VV->Members.front());
  ObjectMembers.clear();
  return V;
}

Value *BodyLowering::lowerInvoke(const CallExpr *CE, const FunctionDecl &Callee,
                                 Value *Object, const ir::Function *Lambda,
                                 const Closure *Captures) {
  SourceLocation Loc = CE->getCallee()->IgnoreImplicit()->getExprLoc();
  if (Loc.isInvalid()) // an implicit conversion operator
    Loc = CE->getExprLoc().isValid() ? CE->getExprLoc() : CE->getBeginLoc();
  SourceRange Range = CE->getSourceRange();
  std::string Name = calleeName(Callee);
  if (!Object && !Lambda && !Captures)
    if (const FunctionDecl *Def = growingHelper(CE))
      return lowerGrowingCall(CE, *Def);
  if (Callee.isVariadic())
    return fail(Loc,
                "call to variadic function '" + Name + "' is not supported",
                Range);
  QualType RT = Callee.getReturnType();
  // A std::vector of structs is returned only where it declares a
  // variable (lowerBuildingCall); lowerContainer says so here.
  if (std::optional<StructContainer> SC = structContainer(RT);
      SC && SC->IsVector && !Object && !Lambda && !Captures)
    return lowerContainer(CE);
  ir::Type Ty = ir::Type::voidTy();
  // A struct is written into memory, a last argument (ReturnsRecord); a
  // std::vector into a local sized for it (vectorResultOf).
  std::optional<ContainerShape> Returned = containerShape(RT, Ctx);
  bool ReturnsRecord = RT->isRecordType();
  bool ReturnsVector = Returned && Returned->IsVector;
  Value *Result = ReturnsRecord && !ReturnsVector
                      ? std::exchange(PendingResult, nullptr)
                      : nullptr;
  // `a += b` returns `*this`: as a statement, nothing.
  if (!ReturnsRecord && !RT->isVoidType() && !returnsSelf(Callee)) {
    // A reference to a number, read: the number it names.
    std::optional<Scalar> S = scalarTypeOf(
        RT->isLValueReferenceType() ? RT.getNonReferenceType() : RT, Ctx);
    if (!S || RT->isRValueReferenceType())
      return fail(
          Loc,
          "call to '" + Name + "' returning '" + typeName(RT) +
              "' is not supported yet" +
              returnAdvice(
                  RT, Ctx,
                  typeName(RT.getNonReferenceType().getUnqualifiedType())),
          Range);
    Ty = ir::Type::scalar(*S);
  }
  const ir::Function *G = nullptr;
  const FunctionDecl *Def = Callee.getDefinition();
  // Lambdas passed to a template, and the lambda called: their captures
  // follow the arguments.
  std::vector<Closure> Passed;
  if (Captures)
    Passed.push_back(*Captures);
  if (Lambda) {
    G = Lambda;
  } else if ((Def && !SM.isInSystemHeader(Def->getLocation())) ||
             (Callees && Callees->hasCustom(Callee))) {
    // (A function with the user's pullback is called even where gradc
    // cannot see its body: a library function, or one of another file.)
    unsigned ErrorsBefore = R.numErrors();
    G = Def && llvm::any_of(Def->parameters(),
                            [](const ParmVarDecl *P) {
                              return isLambdaType(P->getType());
                            })
            ? closureCallee(CE, *Def, Passed)
            : Callees->callee(Def ? *Def : Callee, Loc);
    // A callee refused at an earlier call is reported there only.
    if (!G && R.numErrors() == ErrorsBefore)
      return fail(Loc,
                  "cannot call '" + Name +
                      "', which gradc could not lower (see the error above "
                      "at its first call)",
                  Range);
    if (!G) {
      Failed = true; // reported at the callee
      return nullptr;
    }
  }
  if (ReturnsRecord && (!G || !G->ReturnsRecord))
    return fail(Loc,
                "gradc cannot see the body of '" + Name + "', which returns " +
                    (ReturnsVector ? "a std::vector"
                     : Returned    ? "a std::array"
                                   : "a struct") +
                    "; only functions defined in "
                    "your own code can return one",
                Range);
  if (Object && !G)
    return fail(Loc,
                "gradc cannot see the body of member function '" + Name +
                    "'; only member functions defined in your own code can "
                    "be called",
                Range);
  std::vector<Value *> Args;
  if (!ObjectMembers.empty())
    Args = std::exchange(ObjectMembers, {});
  else if (Object)
    Args.push_back(Object);
  bool Ok = true;
  // The arguments read at the call for a callee that names their memory.
  std::vector<NamedRead> Named;
  // Rows of a std::vector of std::vector passed as copies of their
  // numbers; those the callee may change are written back after the call.
  struct RowCopy {
    RowRef Row;
    Value *Copy;
    bool Written;
  };
  std::vector<RowCopy> RowCopies;
  // The closure of a lambda, or a member operator's object, comes first.
  unsigned Skip = Lambda || (Object && isa<CXXOperatorCallExpr>(CE));
  for (unsigned I = Skip; I < CE->getNumArgs(); ++I) {
    const Expr *Arg = CE->getArg(I);
    if (const auto *DA = dyn_cast<CXXDefaultArgExpr>(Arg))
      Arg = DA->getExpr();
    const ParmVarDecl *PVD = Callee.getParamDecl(I - Skip);
    QualType PT = PVD->getType();
    if (G && isLambdaType(PT))
      continue;
    Value *V = nullptr;
    QualType Obj = PT.getNonReferenceType();
    if (const ViewShape *View = viewShapeOf(PT)) {
      // A view: its members, one argument each.
      if (!G) {
        fail(Arg->getBeginLoc(),
             "gradc cannot see the body of '" + Name +
                 "', which takes a view struct; only functions of your own "
                 "code can be given one",
             Arg->getSourceRange());
        return nullptr;
      }
      std::optional<ViewVar> VV = lowerView(Arg);
      if (!VV || refuseLocalViewWhole(*VV, Arg, Name))
        return nullptr;
      for (size_t K = 0; K < View->Members.size(); ++K)
        if (!VV->Members[K]) {
          fail(Arg->getBeginLoc(),
               "member '" + View->Members[K].Decl->getNameAsString() +
                   "' of this view is not set (null); give it the array it "
                   "points into",
               Arg->getSourceRange());
          return nullptr;
        }
      Args.insert(Args.end(), VV->Members.begin(), VV->Members.end());
      continue;
    }
    if (G && G->Synthesized && !Args.empty() &&
        Args.size() < G->Params.size() &&
        G->Params[Args.size()].V->Ty.isInteger() &&
        (isIterator(PT) || PT->isPointerType())) {
      // The end of a range (`sum(v.begin(), v.end())`): its offset from
      // the range's first (IteratorParams.h), which has been reported if
      // wrong.
      if (Value *Q = Args.back() ? lowerPosition(Arg) : nullptr) {
        at(Arg->getBeginLoc());
        auto [FirstBase, FirstOff] = splitPointer(Args.back());
        auto [Base, Off] = splitPointer(Q);
        if (Base == FirstBase)
          V = FirstOff->isConstValue(0) ? Off : B.sub(Off, FirstOff);
        else
          fail(Arg->getBeginLoc(),
               "'" + Name + "' takes '" +
                   Callee.getParamDecl(I - Skip - 1)->getNameAsString() +
                   "' and '" + PVD->getNameAsString() +
                   "', of one type side by side, for a range [first, last) "
                   "in one array ('v.begin(), v.end()'); '" +
                   sourceText(Arg->getSourceRange()) +
                   "' is in another array than '" +
                   sourceText(CE->getArg(I - 1)->getSourceRange()) +
                   "': for two arrays, give the second parameter another "
                   "type ('const double *')",
               Arg->getSourceRange());
      }
    } else if (isIterator(PT)) {
      // An iterator: the pointer it wraps.
      V = lowerPosition(Arg);
      if (refuseGrowingArgument(V, Arg, iteratorPointer(PT), Name))
        V = nullptr;
    } else if (isTextType(Obj)) {
      // Text, which the callee compares: its value.
      V = lowerText(Arg);
    } else if (Obj->isRecordType() && !containerShape(Obj, Ctx)) {
      // A struct, by value or by reference: the pointer to its scalars; a
      // std::vector of rows by value, the caller's, which the callee
      // copies if it changes it (LoweringByValue.cpp).
      V = lowerRecord(vectorRows(Obj, Ctx) && !PT->isReferenceType()
                          ? containerOperand(Arg)
                          : Arg);
    } else if (const Expr *RowArg = containerOperand(Arg);
               isArrayRow(RowArg) &&
               containerShape(Obj, Ctx).value_or(ContainerShape{}).IsVector) {
      // A row of a std::vector of std::vector (`dot(m[i], x)`): a vector
      // of its numbers (LoweringMatrixLocal.cpp), named as the reference
      // to the row that is passed, or after the matrix (`m_row`).
      std::optional<RowRef> Row = lowerArrayRow(RowArg);
      if (Row && Row->VectorCols) {
        const auto *DRE = dyn_cast<DeclRefExpr>(RowArg);
        std::string CopyName = DRE ? DRE->getDecl()->getNameAsString()
                                   : Row->Matrix->Name + "_row";
        bool Written = PT->isLValueReferenceType() && !Obj.isConstQualified();
        Target Place;
        Place.Ptr = Row->Matrix;
        if (!Written || refuseByValueWrite(Place, RowArg))
          V = copyMatrixRow(*Row, CopyName, Arg->getBeginLoc());
        if (refuseGrowingArgument(V, Arg, PT, Name))
          V = nullptr;
        if (V)
          RowCopies.push_back({*Row, V, Written});
      } else if (Row) {
        V = lowerContainer(Arg);
      }
    } else if (containerShape(Obj, Ctx)) {
      // A std::array or std::vector: its elements.
      V = lowerContainer(Arg);
      if (refuseGrowingArgument(V, Arg, PT, Name))
        V = nullptr;
    } else if (const auto *RefT = PT->getAs<ReferenceType>();
               RefT && !RefT->getPointeeType()->isArrayType() &&
               !RefT->getPointeeType().isConstQualified()) {
      // The variable itself: a scalar in memory, or an element.
      const auto *DRE = dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts());
      if (DRE && isa<ParmVarDecl>(DRE->getDecl()) &&
          !DRE->getDecl()->getType()->isReferenceType()) {
        fail(Arg->getBeginLoc(),
             "'" + DRE->getDecl()->getNameAsString() +
                 "' cannot be passed by reference here; copy it into a local "
                 "variable first",
             Arg->getSourceRange());
        Ok = false;
        Args.push_back(nullptr);
        continue;
      }
      std::optional<Target> T = referenceArgument(Arg);
      if (T) {
        at(Arg->getBeginLoc());
        V = T->Index ? B.offset(T->Ptr, T->Index) : T->Ptr;
      }
    } else if (PT->isPointerType() || PT->isArrayType() ||
               (PT->isReferenceType() && PT->getPointeeType()->isArrayType())) {
      if (refuseRowsArgument(Arg, PT, Name)) {
        Ok = false;
        Args.push_back(nullptr);
        continue;
      }
      V = lowerPointer(Arg);
      if (refuseGrowingArgument(V, Arg, PT, Name))
        V = nullptr;
    } else {
      std::optional<Scalar> S = scalarTypeOf(PT.getNonReferenceType(), Ctx);
      if (!S) {
        fail(Arg->getBeginLoc(),
             "passing '" + typeName(Arg->getType()) + "' to '" + Name +
                 "' is not supported yet",
             Arg->getSourceRange());
      } else if (unsigned Made = F.numValues();
                 (V = expectScalar(lowerExpr(Arg), Arg))) {
        at(Arg->getBeginLoc());
        V = convert(V, *S, /*Implicit=*/true);
        if (PT->isReferenceType() && Arg->isGLValue() &&
            !isa<MaterializeTemporaryExpr>(Arg->IgnoreParens()))
          Named.push_back({unsigned(Args.size()), Made, Arg,
                           PVD->getNameAsString(), false});
      }
    }
    Ok &= V != nullptr;
    Args.push_back(V);
  }
  if (!Ok)
    return nullptr;
  unsigned FirstCapture = Args.size();
  for (const Closure &C : Passed) {
    // A capture by reference the lambda only reads is read at the call.
    std::vector<std::pair<const CaptureParam *, Value *>> All;
    allCaptures(C, All);
    unsigned At = Args.size();
    for (const auto &[Cap, Val] : All) {
      if (!Cap->View && !Val && Cap->Ty.kind() == ir::Type::Value)
        Named.push_back(
            {At, F.numValues(), Cap->Init, Cap->Var->getNameAsString(), true});
      At += Cap->View ? Cap->Members.size() : 1;
    }
    std::optional<std::vector<Value *>> Extra = captureArgs(C);
    if (!Extra)
      return nullptr;
    Args.insert(Args.end(), Extra->begin(), Extra->end());
  }
  // A number of a `Layer &` passed where the callee reads it (a `const
  // Layer &`, a lambda's capture): its value.
  for (size_t K = 0; G && K < Args.size() && K < G->Params.size(); ++K)
    if (Args[K]->Ty.kind() == ir::Type::Ref &&
        G->Params[K].V->Ty.kind() == ir::Type::Value) {
      Target T;
      T.Ptr = Args[K];
      T.S = Args[K]->Ty.scalarKind();
      Args[K] = readTarget(T, CE->getBeginLoc());
    }
  at(CE->getBeginLoc());
  // A member function is called on its object by its own name.
  std::string Spelled = G && G->Synthesized ? G->Name
                        : Object            ? Callee.getNameAsString()
                                            : spellCallee(CE, Callee);
  if (ReturnsRecord) {
    if (ReturnsVector)
      Result = vectorResultOf(CE, Callee, *G, Args);
    else if (!Result)
      Result = Returned ? arrayResultOf(CE, Callee) : resultOf(CE, Callee);
    if (!Result)
      return nullptr;
    Args.push_back(Result);
  }
  // (A local matrix is flat: a callee would take rows.)
  for (Value *A : Args)
    if (A && MatrixRows.count(A))
      return fail(
          Loc,
          Lambda ? capturedMatrixMessage(A->Name)
                 : "passing the local std::vector of std::vector '" + A->Name +
                       "' whole to '" + Name +
                       "' is not supported yet; pass its rows ('" + A->Name +
                       "[i]'), or declare it in the caller and pass it to "
                       "the annotated function as a parameter",
          Range);
  // A copy is the row only while nothing else the callee is given can
  // reach the row: not the matrix, not another row that it writes.
  for (const RowCopy &RC : RowCopies) {
    bool Shared = llvm::is_contained(Args, RC.Row.Matrix);
    for (const RowCopy &Other : RowCopies)
      Shared |= &Other != &RC && Other.Row.Matrix == RC.Row.Matrix &&
                (RC.Written || Other.Written);
    if (Shared)
      return fail(Loc,
                  "passing a row of '" + RC.Row.Matrix->Name + "' to '" + Name +
                      "' together with the matrix or with another row of it "
                      "that the call may change is not supported; copy the "
                      "row first ('std::vector<double> r = " +
                      RC.Row.Matrix->Name + "[i];') and pass the copy",
                  Range);
  }
  Value *Call = B.invoke(G, Spelled, Ty, std::move(Args));
  Call->TypedArgs = choosesByType(Callee);
  for (const RowCopy &RC : RowCopies) // what the callee wrote into the row
    if (RC.Written)
      countedLoop(convert(RC.Row.VectorCols, Scalar::Int32, /*Implicit=*/false),
                  "j", [&](Value *J) {
                    B.store(RC.Row.Matrix, B.load(RC.Copy, J),
                            rowIndex(RC.Row, J));
                  });
  for (const NamedRead &R : Named)
    if (refuseAliasedRead(CE, *Call, R, Object != nullptr, FirstCapture))
      return nullptr;
  if (!G && Callees)
    F.CallAdvice[Call] = Callees->pullbackAdvice(Callee);
  if (ReturnsVector)
    growResult(Result);
  return Result ? Result : Call;
}

} // namespace gradc::frontend
