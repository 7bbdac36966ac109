//===- LoweringLambda.cpp - Lambdas to functions of their own
//--------------===//
//
// A lambda's body becomes a function of its own (CalleeSource::lambda)
// whose parameters are the lambda's followed by what it captures, named
// after the function and the variable holding it (`f_sq` for
// `auto sq = [c](double t) { ... };` in f; `f_lambda` for one called or
// passed where it is written). A call `sq(x)` is a call `f_sq(x, c)` of
// that function, so that it gets a pullback like any helper. What a lambda
// captures by value is read where the lambda is made; by reference, where
// it is called: as a value when the lambda only reads it, as the variable
// itself (a reference parameter) when it writes it.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"
#include "MatrixLocal.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/LambdaCapture.h"

namespace gradc::frontend {

using namespace clang;
using ir::Scalar;
using ir::Value;

const char *const StdFunctionAdvice =
    "std::function is not supported; pass the lambda to a template "
    "parameter (template <class F>) or call it directly";

bool isStdFunction(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->getName() == "function" &&
         RD->getDeclContext()->getRedeclContext()->isStdNamespace();
}

namespace {

/// E without the nodes that wrap a closure object (temporaries, copies,
/// parentheses).
const Expr *closureExpr(const Expr *E) {
  while (true) {
    const Expr *Inner = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *CCE = dyn_cast<CXXConstructExpr>(Inner);
        CCE && CCE->getNumArgs() == 1)
      Inner = CCE->getArg(0);
    if (Inner == E)
      return E;
    E = Inner;
  }
}

} // namespace

const VarDecl *closureVariable(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(closureExpr(E));
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

bool isLambdaType(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->isLambda();
}

std::optional<BodyLowering::Closure>
BodyLowering::makeClosure(const LambdaExpr *LE, std::string Name, bool AtCall) {
  Closure C;
  C.LE = LE;
  C.Name = std::move(Name);
  // What a `mutable` lambda changes of its copies lives in variables of
  // this object's, named after it: `g_c` for g's copy of c.
  StringRef Object = C.Name;
  Object.consume_front(F.Name + "_");
  bool Ok = true;
  auto Refuse = [&](SourceLocation Loc, const std::string &Msg) {
    fail(Loc, Msg);
    Ok = false;
  };
  const Expr *const *Init = LE->capture_init_begin();
  for (const clang::LambdaCapture &Cap : LE->captures()) {
    const Expr *InitE = *Init++;
    SourceLocation Loc = Cap.getLocation();
    if (Cap.capturesThis()) {
      Refuse(Loc, "a lambda that captures 'this' is not supported; pass the "
                  "members it uses to it as parameters");
      continue;
    }
    const auto *VD = Cap.capturesVariable()
                         ? dyn_cast<VarDecl>(Cap.getCapturedVar())
                         : nullptr;
    if (!VD || !InitE) {
      Refuse(Loc, "this capture is not supported; pass the value to the "
                  "lambda as a parameter");
      continue;
    }
    std::string VName = VD->getNameAsString();
    // Another lambda (`[&sq]`): its captures are passed along, and the
    // lambda's function calls it as the caller would.
    if (isLambdaType(VD->getType())) {
      std::optional<Closure> Inner = closureOf(InitE);
      if (!Inner) {
        Ok = false;
        continue;
      }
      if (llvm::any_of(Inner->Captures,
                       [](const CaptureParam &P) { return P.Owned; })) {
        Refuse(Loc, "capturing the 'mutable' lambda '" + VName +
                        "' is not supported; pass it to '" + C.Name +
                        "' as a parameter, or capture what it changes by "
                        "reference");
        continue;
      }
      ClosureParam N;
      N.Info = *Inner;
      N.Captured = VD;
      C.Nested.push_back(std::move(N));
      C.Inner.push_back(std::move(*Inner));
      continue;
    }
    bool ByRef = Cap.getCaptureKind() == LCK_ByRef;
    bool Owned = !ByRef && LE->isMutable();
    if (ByRef && VD->isInitCapture()) {
      Refuse(Loc, "a capture by reference with an initializer is not "
                  "supported; capture the variable under its own name ([&x])");
      continue;
    }
    QualType T = VD->getType().getNonReferenceType();
    // (A lambda's function takes the iterators it is given, not those it
    // captures.)
    if (isIterator(T)) {
      Refuse(Loc, "capturing iterator '" + VName +
                      "' is not supported; pass it to the lambda as a "
                      "parameter ('[](auto " +
                      VName + ", ...)')");
      continue;
    }
    if (Owned && !scalarTypeOf(T, Ctx) && !T->isPointerType()) {
      Refuse(Loc, "a 'mutable' lambda's copy of '" + VName +
                      "' is not supported; capture it by reference ([&" +
                      VName + "]), or make the lambda not 'mutable'");
      continue;
    }
    Owned &= lambdaWrites(LE, VD);
    if (Owned && T->isPointerType()) {
      Refuse(Loc, "a 'mutable' lambda that moves its copy of pointer '" +
                      VName +
                      "' is not supported; capture the array and keep an "
                      "index in the lambda's scope");
      continue;
    }
    CaptureParam P;
    P.Var = VD;
    P.Init = InitE;
    Value *V = nullptr; // null: read at each call
    // A local array of arrays, as a parameter, is passed with its shape.
    bool LocalRows = isShapedLocal(VD);
    if ((isa<ParmVarDecl>(VD) || LocalRows) && captureRows(T, InitE, P)) {
      // A copy of the whole array; a local's made at the call is the
      // local, as for flat arrays below, which the lambda cannot change.
      if (!ByRef && T->isArrayType() && !(AtCall && LocalRows)) {
        Refuse(Loc, "capturing '" + VName +
                        "' by value is not supported; capture it by "
                        "reference ([&" +
                        VName + "])");
        continue;
      }
      if (!ByRef && !P.Ty.isConstPointee()) {
        P.Ty =
            ir::Type::ptr(P.Ty.scalarKind(), /*Const=*/true).named(P.Ty.name());
        P.Spelling = "const " + P.Spelling;
      }
      C.Captures.push_back(std::move(P));
      C.Values.push_back(LocalRows ? Pointers.lookup(VD)
                         : InitE   ? lowerPointer(InitE)
                                   : nullptr);
      Ok &= C.Values.back() != nullptr;
      continue;
    }
    // A struct holding vectors (read only): its members, one parameter each.
    if (const ViewShape *View = viewShapeOf(T); View && View->Owns) {
      auto It = Views.find(VD);
      if (It == Views.end()) {
        Ok = false; // reported where it is declared
        continue;
      }
      if (isLocalView(It->second)) {
        // `Matrix c(r, k);` has no object to capture (LoweringViewLocal).
        Refuse(Loc, "a lambda capturing the local '" + VName + "' of class '" +
                        typeName(T.getUnqualifiedType()) +
                        "', which holds std::vector members, is not "
                        "supported yet; read what the lambda needs into "
                        "locals first ('double a = " +
                        VName + "(i, j);') and capture those");
        continue;
      }
      P.View = View;
      P.Members = It->second.Members;
      P.Spelling = "const " + typeName(T.getUnqualifiedType()) + " &";
      C.Values.push_back(P.Members.front());
      C.Captures.push_back(std::move(P));
      continue;
    }
    // A pointer to structs is passed as the pointer it is.
    bool StructPtr = T->isPointerType() &&
                     T->getPointeeType()->isRecordType() &&
                     !containerShape(T->getPointeeType(), Ctx);
    bool Memory = T->isArrayType() || T->isRecordType() || StructPtr;
    // A copy of an array, a struct or a container is the original as long
    // as nothing changes it between the copy and the call: so where the
    // lambda is made at its call.
    if (Memory && !StructPtr && !ByRef && !AtCall) {
      Refuse(Loc, "capturing '" + VName +
                      "' by value is not supported; capture it by "
                      "reference ([&" +
                      VName + "])");
      continue;
    }
    if (Memory) {
      auto It = Pointers.find(VD);
      if (It == Pointers.end() || !It->second) {
        Refuse(Loc, "capturing '" + VName + "' of type '" + typeName(T) +
                        "' is not supported yet; pass it to the lambda as a "
                        "parameter");
        continue;
      }
      V = It->second;
      bool Const = T.isConstQualified() || V->Ty.isConstPointee() || !ByRef;
      if (StructPtr) {
        Const = T->getPointeeType().isConstQualified();
        T = T->getPointeeType();
      }
      P.Ty = ir::Type::ptr(V->Ty.scalarKind(), Const).named(V->Ty.name());
      if (T->isArrayType()) {
        QualType Elem = flatArrayShape(T, Ctx)->second;
        P.Spelling = std::string(Const ? "const " : "") +
                     typeName(Elem.getUnqualifiedType()) + " *";
        if (Elem->isRecordType()) { // `Vec3 p[4]`: a pointer to structs
          P.Record = typeName(Elem.getUnqualifiedType());
          P.RecordPtr = true;
        }
      } else {
        P.Record = typeName(T.getUnqualifiedType());
        P.RecordPtr = StructPtr;
        P.Spelling =
            (Const ? "const " : "") + P.Record + (StructPtr ? " *" : " &");
        if (std::optional<ContainerShape> CS = containerShape(T, Ctx)) {
          P.Container = true;
          for (std::int64_t K = 0; !CS->IsVector && K < CS->Count; ++K) {
            P.Elements.push_back(CS->S);
            P.ElementNames.push_back("[" + std::to_string(K) + "]");
          }
        } else if (std::optional<ArrayRows> A = arrayRows(T, Ctx)) {
          P.Container = true; // indexed m[i][j], as the variable is
          P.RowDims = {A->Cols};
        } else if (std::optional<ArrayRows> VR = vectorRows(T, Ctx)) {
          P.Container = true;
          if (VR->Cols) // rows of a std::array: m[i][j] as an array's
            P.RowDims = {VR->Cols};
          else
            P.VectorRows = true;
        } else if (std::optional<StructContainer> SC = structContainer(T)) {
          P.Container = true; // of structs
        } else if (const RecordShape *Shape = shapeOf(T, Loc, {})) {
          flatten(*Shape, P.Elements, P.ElementNames);
        }
      }
    } else if (T->isPointerType() && scalarTypeOf(T->getPointeeType(), Ctx)) {
      if (Moving.count(VD)) {
        Refuse(Loc, "capturing pointer '" + VName +
                        "', which moves, is not supported; capture the "
                        "array and an index");
        continue;
      }
      P.Ty = ir::Type::ptr(*scalarTypeOf(T->getPointeeType(), Ctx),
                           T->getPointeeType().isConstQualified());
      P.Spelling = typeName(T.getUnqualifiedType());
      V = lowerPointer(InitE);
    } else if (std::optional<Scalar> S = scalarTypeOf(T, Ctx)) {
      P.Spelling = typeName(T.getUnqualifiedType());
      if (Owned) {
        // The object's own copy, made here, changed by each call.
        P.Ty = ir::Type::ref(*S);
        P.Spelling += " &";
        P.Owned = true;
        if (Value *Init = expectScalar(lowerExpr(InitE), InitE)) {
          at(Loc);
          V = B.local(*S, 0, (Object + "_" + VName).str());
          B.store(V, convert(Init, *S, /*Implicit=*/true));
        }
      } else if (ByRef && lambdaWrites(LE, VD)) {
        P.Ty = ir::Type::ref(*S);
        P.Spelling += " &";
      } else {
        P.Ty = ir::Type::scalar(*S);
        if (!ByRef)
          V = expectScalar(lowerExpr(InitE), InitE);
      }
    } else {
      Refuse(Loc, "capturing '" + VName + "' of type '" + typeName(T) +
                      "' is not supported yet; pass it to the lambda as a "
                      "parameter");
      continue;
    }
    if (!ByRef || P.Ty.kind() == ir::Type::Ptr || P.Owned)
      Ok &= V != nullptr;
    C.Captures.push_back(std::move(P));
    C.Values.push_back(V);
  }
  if (!Ok)
    return std::nullopt;
  return C;
}

bool BodyLowering::captureRows(QualType T, const Expr *InitE, CaptureParam &P) {
  const ArrayType *AT = Ctx.getAsArrayType(T);
  QualType Rows = T->isPointerType() ? T->getPointeeType()
                  : AT               ? AT->getElementType()
                                     : QualType();
  if (Rows.isNull() || !Rows->isArrayType())
    return false;
  // A parameter that is an array of arrays keeps its shape in the lambda's
  // function, as in a helper (ArrayParams.cpp): `const double (*m)[3]`.
  std::optional<RowShape> Shape = rowShape(Rows, Ctx);
  std::optional<Scalar> S =
      Shape ? scalarTypeOf(Shape->Elem, Ctx) : std::nullopt;
  if (!S || !InitE)
    return false;
  P.Ty = ir::Type::ptr(*S, Shape->Elem.isConstQualified());
  P.Spelling = typeName(Shape->Elem) + " (*";
  P.Suffix = ")" + Shape->Suffix;
  P.RowDims = Shape->Dims;
  return true;
}

void BodyLowering::allCaptures(
    const Closure &C,
    std::vector<std::pair<const CaptureParam *, Value *>> &Out) {
  for (size_t I = 0; I < C.Captures.size(); ++I)
    Out.emplace_back(&C.Captures[I], C.Values[I]);
  for (const Closure &Inner : C.Inner)
    allCaptures(Inner, Out);
}

std::optional<BodyLowering::Closure>
BodyLowering::boundClosure(const LambdaInfo &Info,
                           ArrayRef<Value *> ParamValues, unsigned &I) {
  Closure C;
  static_cast<LambdaInfo &>(C) = Info;
  for (size_t K = 0; K < Info.Captures.size(); ++K, ++I) {
    C.Values.push_back(I < ParamValues.size() ? ParamValues[I] : nullptr);
    // A struct holding vectors: its members are parameters here.
    if (C.Captures[K].View && C.Values.back())
      C.Captures[K].Members =
          viewParamMembers(C.Captures[K].View, C.Values.back()).Members;
  }
  bool Ok = !llvm::is_contained(C.Values, nullptr);
  for (const ClosureParam &N : Info.Nested) {
    std::optional<Closure> Inner = boundClosure(N.Info, ParamValues, I);
    Ok &= Inner.has_value();
    if (Inner)
      C.Inner.push_back(std::move(*Inner));
  }
  if (!Ok)
    return std::nullopt;
  return C;
}

std::optional<std::vector<Value *>>
BodyLowering::captureArgs(const Closure &C) {
  std::vector<Value *> Args;
  std::vector<std::pair<const CaptureParam *, Value *>> All;
  allCaptures(C, All);
  for (const auto &[Cap, Val] : All) {
    if (Cap->View) {
      Args.insert(Args.end(), Cap->Members.begin(), Cap->Members.end());
      continue;
    }
    if (Val) {
      Args.push_back(Val);
      continue;
    }
    const Expr *InitE = Cap->Init;
    Value *V = nullptr;
    if (Cap->Ty.kind() != ir::Type::Ref) {
      V = expectScalar(lowerExpr(InitE), InitE);
    } else if (std::optional<Target> T = assignTarget(InitE); T && !T->Var) {
      at(InitE->getBeginLoc());
      V = T->Index ? B.offset(T->Ptr, T->Index) : T->Ptr;
    } else if (T) {
      fail(InitE->getBeginLoc(),
           "'" + T->Var->getNameAsString() +
               "' cannot be changed by a lambda here; copy it into a local "
               "variable first",
           InitE->getSourceRange());
    }
    if (!V)
      return std::nullopt;
    // (A local matrix is flat: the lambda's function would take rows.)
    if (MatrixRows.count(V)) {
      fail(InitE->getBeginLoc(), capturedMatrixMessage(V->Name),
           InitE->getSourceRange());
      return std::nullopt;
    }
    Args.push_back(V);
  }
  return Args;
}

BodyLowering::Closure BodyLowering::copyClosure(const Closure &C,
                                                const std::string &Prefix) {
  Closure Copy = C;
  // (A captured lambda changes nothing of its own: makeClosure.)
  for (size_t I = 0; I < C.Captures.size(); ++I) {
    if (!C.Captures[I].Owned)
      continue;
    Value *Cell = B.local(C.Captures[I].Ty.scalarKind(), 0,
                          Prefix + "_" + C.Captures[I].Var->getNameAsString());
    B.store(Cell, B.load(C.Values[I]));
    Copy.Values[I] = Cell;
  }
  return Copy;
}

void BodyLowering::lowerLambdaDecl(const VarDecl *VD) {
  const Expr *Init = VD->getInit() ? closureExpr(VD->getInit()) : nullptr;
  if (const auto *LE = dyn_cast_or_null<LambdaExpr>(Init)) {
    if (std::optional<Closure> C =
            makeClosure(LE, F.Name + "_" + VD->getNameAsString()))
      Closures[VD] = std::move(*C);
    else
      poison(VD);
    return;
  }
  // A copy of another lambda variable: the same lambda, the same captures
  // (a `mutable` one's own copies copied).
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(Init))
    if (auto It = Closures.find(dyn_cast<VarDecl>(DRE->getDecl()));
        It != Closures.end()) {
      at(VD->getLocation());
      Closure Copy = VD->getType()->isReferenceType()
                         ? It->second
                         : copyClosure(It->second, VD->getNameAsString());
      Closures[VD] = std::move(Copy);
      return;
    }
  if (!Init || !isPoisonedRef(Init))
    fail(VD->getLocation(),
         "this lambda variable is not supported; initialize it with the "
         "lambda expression",
         VD->getSourceRange());
  poison(VD);
}

std::optional<BodyLowering::Closure> BodyLowering::closureOf(const Expr *E) {
  E = closureExpr(E);
  if (isPoisonedRef(E)) {
    Failed = true;
    return std::nullopt;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (auto It = Closures.find(dyn_cast<VarDecl>(DRE->getDecl()));
        It != Closures.end())
      return It->second;
  if (const auto *LE = dyn_cast<LambdaExpr>(E))
    return makeClosure(LE, F.Name + "_lambda", /*AtCall=*/true);
  fail(E->getExprLoc(),
       "this lambda is not supported here; call a lambda variable or a "
       "lambda expression, or pass one to a template parameter",
       E->getSourceRange());
  return std::nullopt;
}

Value *BodyLowering::lowerLambdaCall(const CXXOperatorCallExpr *OCE) {
  const auto *CallOp = dyn_cast_or_null<CXXMethodDecl>(OCE->getDirectCallee());
  SourceLocation Loc = OCE->getBeginLoc();
  if (!CallOp || !Callees)
    return fail(Loc, "calling this lambda is not supported here",
                OCE->getSourceRange());
  std::optional<Closure> C = closureOf(OCE->getArg(0));
  if (!C)
    return nullptr;
  const ir::Function *G = Callees->lambda(*CallOp, *C, Loc);
  if (!G) {
    Failed = true; // reported at the lambda
    return nullptr;
  }
  return lowerInvoke(OCE, *CallOp, nullptr, G, &*C);
}

const ir::Function *BodyLowering::closureCallee(const CallExpr *CE,
                                                const FunctionDecl &Callee,
                                                std::vector<Closure> &Passed) {
  std::vector<ClosureParam> Params;
  for (unsigned I = 0; I < CE->getNumArgs() && I < Callee.getNumParams(); ++I) {
    if (!isLambdaType(Callee.getParamDecl(I)->getType()))
      continue;
    std::optional<Closure> C = closureOf(CE->getArg(I));
    if (!C)
      return nullptr;
    // Passed by value, the callee copies what a `mutable` lambda changes
    // (BodyLowering::run); by reference, the callee would change the
    // caller's variables through its parameters, which gradc follows only
    // for one call.
    if (Callee.getParamDecl(I)->getType()->isReferenceType() &&
        llvm::any_of(C->Captures,
                     [](const CaptureParam &P) { return P.Owned; })) {
      fail(CE->getArg(I)->getBeginLoc(),
           "passing a 'mutable' lambda by reference is not supported; let '" +
               Callee.getNameAsString() +
               "' take it by value (F f), or capture by reference ([&]) what "
               "the lambda changes",
           CE->getArg(I)->getSourceRange());
      return nullptr;
    }
    Params.push_back({I, *C});
    Passed.push_back(std::move(*C));
  }
  const ir::Function *G =
      Callees->withClosures(Callee, Params, CE->getBeginLoc());
  if (!G)
    Failed = true; // reported in Callee
  return G;
}

} // namespace gradc::frontend
