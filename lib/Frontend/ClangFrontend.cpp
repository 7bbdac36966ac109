//===- ClangFrontend.cpp - Annotated C++ functions to IR ------------------===//
//
// Runs Clang on one file, finds the function definitions of the main
// file annotated with GRADC_DIFF, checks their signatures, resolves their
// specs against their parameters and hands their bodies to Lowering.cpp.
// Every problem is a Clang diagnostic at the user's own source location; a
// function with any problem produces no Request.
//
//===----------------------------------------------------------------------===//
#include "gradc/Frontend/ClangFrontend.h"

#include "CustomPullbacks.h"
#include "Depth.h"
#include "IteratorParams.h"
#include "LocalTypes.h"
#include "Lowering.h"
#include "OperatorNames.h"
#include "Records.h"
#include "SelfCast.h"
#include "TextParams.h"
#include "TypeSpelling.h"
#include "gradc/Frontend/Spec.h"
#include "gradc/IR/Simplify.h"
#include "gradc/IR/Text.h"
#include "gradc/IR/Uses.h"
#include "gradc/IR/Verifier.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <variant>

namespace gradc::frontend {

using namespace clang;

namespace {

/// The spec of a gradc annotation ("gradc grad wrt(x)" -> "grad wrt(x)"), or
/// std::nullopt for someone else's annotation.
std::optional<StringRef> specOf(const AnnotateAttr &A) {
  StringRef S = A.getAnnotation();
  if (S == "gradc")
    return StringRef();
  if (S.starts_with("gradc "))
    return S.drop_front(6);
  return std::nullopt;
}

bool isIdentChar(char C) {
  return std::isalnum(static_cast<unsigned char>(C)) || C == '_';
}

/// One gradc annotation of a function, parsed.
struct ParsedSpec {
  const AnnotateAttr *Attr;
  StringRef Text;
  spec::Spec S;
};

/// A spec resolved against the function's parameters.
struct ResolvedSpec {
  std::vector<unsigned> Wrt;
  std::vector<unsigned> Out;
  std::string BaseName;
  /// wrt(...) not given: the outputs the body reads first join Wrt (in/out)
  /// once the body is lowered.
  bool DefaultWrt = false;
  /// wrt(this): the object of a member function (its parameter 0 in the
  /// IR; Wrt and Out count FD's own parameters).
  bool WrtSelf = false;
};

/// A parameter's IR type and how to write its declaration back.
struct ParamInfo {
  ParamInfo(ir::Type Ty, std::string Spelling, std::string Suffix)
      : Ty(Ty), Spelling(std::move(Spelling)), Suffix(std::move(Suffix)) {}

  ir::Type Ty;
  std::string Spelling;
  std::string Suffix;
  /// A struct (by value, reference or pointer): its type's name.
  std::string Record;
  bool RecordPtr = false;
  bool Container = false;           ///< Record is a std::array or std::vector.
  std::vector<ir::Scalar> Elements; ///< A struct's scalars (ir::Param).
  std::vector<std::string> ElementNames;
  /// A view struct: one IR parameter a member.
  const ViewShape *View = nullptr;
  std::vector<std::int64_t> RowDims; ///< An array of arrays (ir::Param).
  bool VectorRows = false;           ///< A std::vector of std::vector.

  bool isFloating() const { return ir::isFloating(Ty.scalarKind()); }
  /// What a void function can write its results through.
  bool isOutput() const {
    return Ty.isMemory() && !Ty.isConstPointee() && isFloating();
  }
};
using ParamInfos = std::vector<std::optional<ParamInfo>>;

/// Checks, resolves and lowers the annotated functions of one translation
/// unit.
class FunctionProcessor : public CalleeSource {
public:
  FunctionProcessor(ASTContext &Ctx, Reporter &R, FrontendResult &Result)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), R(R), Result(Result) {}

  void process(const FunctionDecl &FD, ArrayRef<const AnnotateAttr *> Attrs);
  /// FD is annotated custom: the user's pullback of another function.
  void registerCustom(const FunctionDecl &FD) { Customs.add(FD); }
  bool hasCustom(const FunctionDecl &FD) const override {
    return Customs.of(FD);
  }
  std::string pullbackAdvice(const FunctionDecl &FD) const override {
    return Customs.advice(FD);
  }
  const ir::Function *callee(const FunctionDecl &FD,
                             SourceLocation Loc) override;
  const ir::Function *lambda(const CXXMethodDecl &CallOp,
                             const LambdaInfo &Info,
                             SourceLocation Loc) override;
  const ir::Function *withClosures(const FunctionDecl &FD,
                                   ArrayRef<ClosureParam> Closures,
                                   SourceLocation Loc) override;
  /// FD lowered as a function named Name that generated code defines: a
  /// lambda's body (with its captures) or a template instance taking
  /// lambdas (Closures).
  const ir::Function *synthesize(const FunctionDecl &FD,
                                 const std::string &Name,
                                 ArrayRef<CaptureParam> Captures,
                                 ArrayRef<ClosureParam> Closures,
                                 SourceLocation Loc);
  const ir::Function *Refuse(SourceLocation Loc, const std::string &Msg) {
    R.error(Loc, Msg);
    return nullptr;
  }

private:
  SourceLocation specLoc(const AnnotateAttr &A, StringRef Spec, unsigned Col);
  bool checkSignature(const FunctionDecl &FD);
  std::optional<std::string> methodProblem(const clang::CXXMethodDecl &MD);
  /// Whether FD is a member function called on an object whose
  /// floating-point members can be differentiated.
  bool hasFloatingObject(const FunctionDecl &FD);
  std::optional<ParamInfo> checkParam(const ParmVarDecl &PVD);
  std::optional<ParamInfo> checkArrayParam(const ParmVarDecl &PVD,
                                           const ArrayType &AT, bool ByRef);
  std::optional<ParamInfo> rowsParam(const ParmVarDecl &PVD, QualType Row,
                                     const std::string &Before,
                                     const std::string &After);
  /// Warns that wrt(...) lists parameters (Listed: indices, the object
  /// -1) in another order than the adjoints are taken in.
  void warnWrtOrder(const FunctionDecl &FD, SourceLocation Loc,
                    std::vector<int> Listed);
  std::optional<ResolvedSpec> resolve(const FunctionDecl &FD,
                                      const ParsedSpec &P,
                                      const ParamInfos &Params);
  std::optional<unsigned> specParam(const FunctionDecl &FD,
                                    const spec::Ident &Id, SourceLocation Loc,
                                    const ParamInfos &Params);
  bool resolveOut(const FunctionDecl &FD, const ParsedSpec &P,
                  const ParamInfos &Params, ResolvedSpec &Res);
  std::unique_ptr<ir::Function> buildPrimal(const FunctionDecl &FD,
                                            const ParamInfos &Params);
  /// Whether FD's body is nested shallowly enough to lower; else an error.
  bool shallow(const FunctionDecl &FD);
  ir::Value *viewParams(ir::Function &F, const std::string &Name,
                        const ViewShape &View, const std::string &Spelling,
                        QualType Class, bool Const = true);
  std::unique_ptr<ir::Function> declare(const FunctionDecl &FD,
                                        const ParamInfos &Params,
                                        std::vector<ir::Value *> &ParamValues);
  /// A function returning a struct by value: the struct as a last, output
  /// parameter `out` (ir::Function::ReturnsRecord).
  void declareResult(const FunctionDecl &FD, ir::Function &F,
                     std::vector<ir::Value *> &ParamValues);
  std::string typeName(QualType T) const {
    if (CanonicalTypes)
      return T.getCanonicalType().getAsString(Ctx.getPrintingPolicy());
    return spelledType(T, Ctx, /*InBody=*/false);
  }

  ASTContext &Ctx;
  SourceManager &SM;
  Reporter &R;
  FrontendResult &Result;
  RecordShapes Shapes{Ctx};
  /// Spell types in full (`Outer::In`, not `In`; `double`, not a member
  /// alias): a member function's pullback is written outside its class.
  bool CanonicalTypes = false;
  /// A function of the user's taking iterators is being made one of
  /// gradc's own, whose parameters may be iterators (IteratorParams.h).
  bool IteratorsAllowed = false;
  /// Callees lowered, by canonical declaration; being lowered; refused.
  std::map<const FunctionDecl *, const ir::Function *> Callees;
  std::vector<const FunctionDecl *> CalleeOrder; ///< Callees' keys, in order
  void remember(const FunctionDecl *Key, const ir::Function *F) {
    Callees[Key] = F;
    CalleeOrder.push_back(Key);
  }
  std::set<const FunctionDecl *> Lowering, Refused;
  /// The names given to functions made from lambdas (and from templates
  /// taking them), and whose each is.
  std::map<std::string, const FunctionDecl *> SynthesizedNames;
  CustomPullbacks Customs{Ctx, R};
  /// FD lowered for its custom pullback's sake: silently, as far as gradc
  /// can, else its signature alone.
  std::unique_ptr<ir::Function> lowerQuietly(const FunctionDecl &FD);
};

/// Where column Col of the spec carried by A is in the user's source: in the
/// string literal that follows GRADC_DIFF( (or annotate( when written by
/// hand). Each level of macro expansion that led to the attribute is tried,
/// so that a GRADC_DIFF written inside another macro's definition is found
/// there. Falls back to the attribute's own location when the spelling is
/// not plainly there (the spec comes from another macro, has escapes, ...).
SourceLocation FunctionProcessor::specLoc(const AnnotateAttr &A, StringRef Spec,
                                          unsigned Col) {
  SourceLocation AttrLoc = A.getLocation();
  auto TryAt = [&](SourceLocation Start) -> SourceLocation {
    std::pair<FileID, unsigned> Decomposed = SM.getDecomposedLoc(Start);
    bool Invalid = false;
    StringRef Buffer = SM.getBufferData(Decomposed.first, &Invalid);
    unsigned Offset = Decomposed.second;
    if (Invalid || Offset > Buffer.size())
      return {};
    size_t Quote = Buffer.find('"', Offset);
    if (Quote == StringRef::npos)
      return {};
    // Only the macro or attribute name and its '(' may come before the quote.
    for (char C : Buffer.slice(Offset, Quote))
      if (!isIdentChar(C) && !std::isspace(static_cast<unsigned char>(C)) &&
          C != '(' && C != ':' && C != '[')
        return {};
    StringRef After = Buffer.drop_front(Quote + 1);
    unsigned Skip = 0;
    StringRef Annotation = A.getAnnotation();
    if (After.starts_with(Annotation) && Annotation.size() >= Spec.size())
      Skip = Annotation.size() - Spec.size(); // written out as "gradc ..."
    else if (!After.starts_with(Spec))
      return {};
    return Start.getLocWithOffset(Quote + 1 + Skip + Col - Offset);
  };
  SourceLocation L = AttrLoc;
  for (unsigned Depth = 0; Depth < 32; ++Depth) {
    if (SourceLocation Found = TryAt(SM.getSpellingLoc(L)); Found.isValid())
      return Found;
    if (!L.isMacroID())
      break;
    L = SM.getImmediateExpansionRange(L).getBegin();
  }
  if (SourceLocation Found = TryAt(SM.getExpansionLoc(AttrLoc));
      Found.isValid())
    return Found;
  return AttrLoc;
}

/// The enclosing namespaces of FD, outermost first; "" for an anonymous one.
std::vector<std::string> namespacesOf(const FunctionDecl &FD) {
  std::vector<std::string> Names;
  for (const DeclContext *DC = FD.getDeclContext();
       DC && !DC->isTranslationUnit(); DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
      Names.push_back(NS->isAnonymousNamespace() ? std::string()
                                                 : NS->getNameAsString());
  std::reverse(Names.begin(), Names.end());
  return Names;
}

/// Why gradc cannot differentiate member function MD (annotated, or
/// called), or std::nullopt.
std::optional<std::string>
FunctionProcessor::methodProblem(const CXXMethodDecl &MD) {
  std::string Name = MD.getNameAsString();
  if (MD.isVirtual())
    return "'" + Name +
           "' is virtual; gradc differentiates member functions it can see, "
           "not virtual ones";
  if (isa<CXXConversionDecl>(MD))
    return "conversion operators are not supported; write a member function "
           "that returns the value";
  if (isa<CXXConstructorDecl, CXXDestructorDecl>(MD))
    return std::string("constructors and destructors of structs are called "
                       "where they are used, not differentiated on their own");
  std::string Why;
  QualType Class = Ctx.getRecordType(selfClass(MD));
  if (const ViewShape *View = Shapes.view(Class, Why);
      View && View->Owns && MD.isInstance())
    return std::nullopt;
  Why.clear();
  if (MD.isInstance() && !Shapes.shape(Class, Why))
    return "member function '" + Name +
           "' of a struct gradc cannot hold: " + Why;
  return std::nullopt;
}

bool FunctionProcessor::hasFloatingObject(const FunctionDecl &FD) {
  const auto *MD = dyn_cast<CXXMethodDecl>(&FD);
  if (!MD || !MD->isInstance())
    return false;
  std::string Why;
  QualType Class = Ctx.getRecordType(selfClass(*MD));
  if (const ViewShape *View = Shapes.view(Class, Why); View && View->Owns)
    return llvm::any_of(View->Members, [](const ViewMember &M) {
      return ir::isFloating(M.Ty.scalarKind());
    });
  const RecordShape *Shape = Shapes.shape(Class, Why);
  return Shape && Shape->HasFloating;
}

/// Reports what makes FD's signature unsupported (other than its
/// parameters). Returns false when its body must not be looked at either.
bool FunctionProcessor::checkSignature(const FunctionDecl &FD) {
  SourceLocation Loc = FD.getLocation();
  std::string Name = FD.getNameAsString();
  if (std::optional<std::string> Why = operatorProblem(FD)) {
    R.error(Loc, *Why);
    return false;
  }
  if (const auto *MD = dyn_cast<CXXMethodDecl>(&FD))
    if (std::optional<std::string> Why = methodProblem(*MD)) {
      R.error(Loc, *Why);
      return false;
    }
  // The body of a template is not the body of any function that will run.
  if (FD.isDependentContext()) {
    R.error(Loc, "function templates are differentiated as their instances "
                 "in the file; this one is not an instance");
    return false;
  }
  if (FD.isVariadic())
    R.error(Loc, "variadic functions are not supported");
  QualType Ret = FD.getReturnType();
  std::optional<ir::Scalar> S = scalarTypeOf(Ret, Ctx);
  if (Ret->isVoidType())
    return true; // results go through out(...) parameters
  if (Ret->isRecordType())
    // A std::array, pair or struct: DESIGN.md's gradient returns f's value
    // and adds into adjoints, which needs one number out.
    R.error(Loc, "'" + Name +
                     "' must return a floating-point value; "
                     "helpers may return '" +
                     typeName(Ret) +
                     "', and an annotated function writes such results through "
                     "an output parameter ('void " +
                     Name + "(..., " + typeName(Ret) + " &out)')");
  else if (!S || !ir::isFloating(*S) || Ret->isEnumeralType())
    R.error(Loc, "'" + Name + "' must return a floating-point value");
  return true;
}

/// The IR type of a parameter, or std::nullopt after reporting why it has
/// none. `double x` and `const double &x` are values; `double &y` a
/// reference; pointers and arrays (also by reference) are pointers.
std::optional<ParamInfo> FunctionProcessor::checkParam(const ParmVarDecl &PVD) {
  SourceLocation Loc =
      PVD.getName().empty() ? PVD.getBeginLoc() : PVD.getLocation();
  QualType T = PVD.getType();
  auto Fail = [&](const std::string &Msg) -> std::optional<ParamInfo> {
    R.error(Loc, Msg, PVD.getSourceRange());
    return std::nullopt;
  };
  auto Element = [&](QualType E) -> std::optional<ir::Scalar> {
    if (E.isVolatileQualified() || isUnnameableEnum(E))
      return std::nullopt;
    return scalarTypeOf(E, Ctx);
  };
  if (const ArrayType *AT = Ctx.getAsArrayType(PVD.getOriginalType()))
    return checkArrayParam(PVD, *AT, /*ByRef=*/false);
  // An iterator of a function of the user's that gradc makes its own: the
  // pointer it wraps.
  if (isIterator(T)) {
    std::string Name = PVD.getNameAsString();
    if (!IteratorsAllowed)
      return Fail("parameter '" + Name +
                  "' is an iterator; gradc follows iterators given to a "
                  "function of your own that is not a member function, "
                  "not to an annotated function or a member function: take "
                  "the container ('const std::vector<double> &v') or a "
                  "pointer to its elements ('const double *x')");
    if (T->isReferenceType())
      return Fail("parameter '" + Name +
                  "' is a reference to an iterator; pass the iterator by "
                  "value (drop the '&')");
    if (isReverseIterator(T))
      return Fail("parameter '" + Name +
                  "' is a reverse iterator, which gradc follows in the "
                  "function that makes it; pass 'v.begin(), v.end()' and "
                  "walk back from the end");
    QualType Ptr = iteratorPointer(T);
    std::optional<ir::Scalar> S =
        Ptr.isNull() ? std::nullopt : Element(Ptr->getPointeeType());
    if (!S)
      return Fail("parameter '" + Name +
                  "' is an iterator over something other than numbers; "
                  "gradc follows iterators of a container of numbers: pass "
                  "the container itself ('const std::vector<P> &v') and "
                  "index it");
    return ParamInfo{
        ir::Type::ptr(*S, Ptr->getPointeeType().isConstQualified()),
        typeName(Ptr), ""};
  }
  if (T->isFunctionPointerType() || T->isFunctionReferenceType())
    return Fail("function pointer parameters are not supported; take the "
                "function as a template parameter ('template <class F> ... "
                "F " +
                PVD.getNameAsString() +
                "') and pass a lambda calling it ('[](double t) { return "
                "g(t); }'), which gradc differentiates where it is called");
  if (isStdFunction(T))
    return Fail(StdFunctionAdvice);
  // Text the function decides by (`kind == "tanh"`): a passive value.
  if (isTextType(T.getNonReferenceType())) {
    std::string Name = PVD.getNameAsString();
    if (T->isRValueReferenceType() ||
        (T->isLValueReferenceType() &&
         !T.getNonReferenceType().isConstQualified()))
      return Fail("parameter '" + Name + "' is a '" + typeName(T) +
                  "', which the function could change; gradc follows text "
                  "that a function only compares: take it as 'const "
                  "std::string &" +
                  Name + "' or by value");
    return ParamInfo{ir::textType(), typeName(T), ""};
  }
  // A view struct: one IR parameter a member (LoweringView.cpp).
  {
    QualType Obj =
        T->isPointerType() ? T->getPointeeType() : T.getNonReferenceType();
    std::string Why;
    if (const ViewShape *View = Shapes.view(Obj, Why)) {
      std::string Type = typeName(Obj.getUnqualifiedType());
      if (T->isPointerType() || T->isRValueReferenceType())
        return Fail("parameter '" + PVD.getNameAsString() +
                    "' is a view struct passed by pointer or rvalue "
                    "reference; pass it by reference ('const " +
                    Type + " &" + PVD.getNameAsString() + "') or by value");
      ParamInfo Info{View->Members[0].Ty, typeName(T), ""};
      Info.View = View;
      // An owning view is differentiated as its first floating member.
      for (const ViewMember &M : View->Members)
        if (ir::isFloating(M.Ty.scalarKind())) {
          Info.Ty = M.Container
                        ? ir::Type::ptr(M.Ty.scalarKind(), /*Const=*/true)
                              .named(M.Ty.name())
                        : M.Ty;
          break;
        }
      if (View->Owns && !T->isReferenceType())
        return Fail("parameter '" + PVD.getNameAsString() + "' copies '" +
                    Type +
                    "', a struct holding std::vector members; pass it by "
                    "reference ('const " +
                    Type + " &" + PVD.getNameAsString() + "')");
      // `Layer &L`: its containers and numbers are memory it may write.
      if (View->Owns && !Obj.isConstQualified())
        Info.Ty = ir::Type::ptr(Info.Ty.scalarKind(), /*Const=*/false)
                      .named(Info.Ty.name());
      return Info;
    }
  }
  // A struct of numbers is a pointer to its scalars (Records.h).
  auto Record = [&](QualType R, bool Const,
                    bool ByPtr) -> std::optional<ParamInfo> {
    std::string Why;
    const RecordShape *Shape = Shapes.shape(R, Why);
    if (!Shape)
      return Fail("parameter '" + PVD.getNameAsString() + "' cannot be " +
                  "differentiated or read: " + Why);
    ParamInfo Info{ir::Type::ptr(Shape->S, Const), typeName(T), ""};
    Info.Record = typeName(R.getUnqualifiedType());
    Info.RecordPtr = ByPtr;
    flatten(*Shape, Info.Elements, Info.ElementNames);
    return Info;
  };
  // Containers (of structs, of rows, of numbers), by value, `&` or `const
  // &`: a pointer to their numbers, which `&` may write; the adjoint is of
  // the container's type.
  QualType E = T.getNonReferenceType();
  std::optional<StructContainer> SC = structContainer(E);
  std::optional<ArrayRows> FixedRows = arrayRows(T, Ctx);
  std::optional<ArrayRows> Rows = FixedRows ? FixedRows : vectorRows(T, Ctx);
  std::optional<ContainerShape> C = containerShape(E, Ctx);
  if ((SC || Rows || C) && T->isRValueReferenceType())
    return Fail("rvalue reference parameters are not supported yet");
  auto Container = [&](ir::Scalar S, ir::TypeName Name = 0) {
    bool Const = !T->isLValueReferenceType() || E.isConstQualified();
    ParamInfo Info{ir::Type::ptr(S, Const).named(Name), typeName(T), ""};
    Info.Record = typeName(E.getUnqualifiedType());
    Info.Container = true;
    return Info;
  };
  // A std::vector or std::array of structs: an array of structs, named as
  // the user does (`pts[i].x`).
  if (SC) {
    std::string Why;
    const RecordShape *Shape = Shapes.shape(SC->Elem, Why);
    if (!Shape)
      return Fail("parameter '" + PVD.getNameAsString() + "' cannot be " +
                  "differentiated or read: " + Why);
    ParamInfo Info = Container(Shape->S);
    for (std::int64_t K = 0; K < SC->Count; ++K)
      flatten(*Shape, Info.Elements, Info.ElementNames,
              "[" + std::to_string(K) + "]");
    return Info;
  }
  // `const std::array<std::array<double, 3>, 3> &R`: its rows one after
  // another, as `const double (&R)[3][3]` is; `const
  // std::vector<std::array<double, 2>> &pts` the same, rows of a known
  // length; `const std::vector<std::vector<double>> &X` a matrix, its rows
  // as long as the first (generated code checks).
  if (Rows) {
    ParamInfo Info = Container(Rows->S);
    if (Rows->Cols)
      Info.RowDims = {Rows->Cols};
    else
      Info.VectorRows = true;
    for (std::int64_t I = 0; FixedRows && I < Rows->Rows; ++I)
      for (std::int64_t J = 0; J < Rows->Cols; ++J) {
        Info.Elements.push_back(Rows->S);
        Info.ElementNames.push_back("[" + std::to_string(I) + "][" +
                                    std::to_string(J) + "]");
      }
    return Info;
  }
  // A std::array or std::vector: its elements, named as the user does.
  if (C) {
    ParamInfo Info = Container(C->S, C->Name);
    // A std::array's size is known: `--at` checks it.
    for (std::int64_t K = 0; !C->IsVector && K < C->Count; ++K) {
      Info.Elements.push_back(C->S);
      Info.ElementNames.push_back("[" + std::to_string(K) + "]");
    }
    return Info;
  }
  if (T->isPointerType()) {
    QualType Pointee = T->getPointeeType();
    if (Pointee->isRecordType() && !containerShape(Pointee, Ctx))
      return Record(Pointee, Pointee.isConstQualified(), /*ByPtr=*/true);
    if (Pointee->isArrayType())
      return rowsParam(PVD, Pointee, " (*", ")");
    if (Pointee->isPointerType())
      return Fail("pointers to pointers are not supported; pass an array of "
                  "arrays ('double m[][3]') or a flat array indexed as "
                  "m[i * n + j]");
    std::optional<ir::Scalar> S = Element(Pointee);
    if (!S)
      return Fail(isUnnameableEnum(Pointee)
                      ? enumProblem(Pointee)
                      : "parameters of type '" + typeName(T) +
                            "' are not supported yet");
    return ParamInfo{ir::Type::ptr(*S, Pointee.isConstQualified())
                         .named(scalarIRType(Pointee, Ctx).name()),
                     typeName(T), ""};
  }
  if (const auto *RT = T->getAs<ReferenceType>()) {
    QualType Pointee = RT->getPointeeType();
    if (T->isRValueReferenceType())
      return Fail("rvalue reference parameters are not supported yet");
    if (const ArrayType *AT = Ctx.getAsArrayType(Pointee))
      return checkArrayParam(PVD, *AT, /*ByRef=*/true);
    if (Pointee->isRecordType() && !containerShape(Pointee, Ctx))
      return Record(Pointee, Pointee.isConstQualified(), /*ByPtr=*/false);
    std::optional<ir::Scalar> S = Element(Pointee);
    if (!S)
      return Fail(isUnnameableEnum(Pointee)
                      ? enumProblem(Pointee)
                      : "parameters of type '" + typeName(T) +
                            "' are not supported yet");
    // `const double &` is a value to the IR; Spelling keeps the `&`.
    ir::TypeName Name = scalarIRType(Pointee, Ctx).name();
    if (Pointee.isConstQualified())
      return ParamInfo{ir::Type::scalar(*S).named(Name), typeName(T), ""};
    return ParamInfo{ir::Type::ref(*S).named(Name), typeName(T), ""};
  }
  if (T.isVolatileQualified())
    return Fail("volatile parameters are not supported");
  if (std::string Problem = enumProblem(T); !Problem.empty())
    return Fail(Problem);
  // By value: the callee's copy, which it only reads.
  if (T->isRecordType() && !containerShape(T, Ctx))
    return Record(T, /*Const=*/true, /*ByPtr=*/false);
  if (T->isRecordType())
    return Fail("parameters of class type '" + typeName(T) +
                "' are not supported yet");
  std::optional<ir::Scalar> S = scalarTypeOf(T, Ctx);
  if (!S)
    return Fail("parameters of type '" + typeName(T) +
                "' are not supported yet");
  return ParamInfo{scalarIRType(T, Ctx), typeName(T), ""};
}

/// `double w[]`, `const double w[3]` (ByRef false) and `double (&w)[3]`: a
/// pointer to the elements, declared back as the user wrote it.
std::optional<ParamInfo>
FunctionProcessor::checkArrayParam(const ParmVarDecl &PVD, const ArrayType &AT,
                                   bool ByRef) {
  SourceLocation Loc =
      PVD.getName().empty() ? PVD.getBeginLoc() : PVD.getLocation();
  QualType E = AT.getElementType();
  std::string Size;
  if (const auto *CAT = dyn_cast<ConstantArrayType>(&AT))
    Size = std::to_string(CAT->getSize().getZExtValue());
  if (E->isArrayType())
    return ByRef ? rowsParam(PVD, E, " (&", ")[" + Size + "]")
                 : rowsParam(PVD, E, "", "[" + Size + "]");
  std::optional<ir::Scalar> S = scalarTypeOf(E, Ctx);
  std::string Record;
  std::vector<ir::Scalar> Elements;
  std::vector<std::string> ElementNames;
  if (E->isRecordType() && !containerShape(E, Ctx)) {
    std::string Why;
    const RecordShape *Shape = Shapes.shape(E, Why);
    if (!Shape) {
      R.error(Loc,
              "parameter '" + PVD.getNameAsString() +
                  "' cannot be differentiated or read: " + Why,
              PVD.getSourceRange());
      return std::nullopt;
    }
    S = Shape->S;
    Record = typeName(E.getUnqualifiedType());
    flatten(*Shape, Elements, ElementNames);
  }
  if (!S || E.isVolatileQualified() || isUnnameableEnum(E)) {
    R.error(Loc,
            isUnnameableEnum(E)
                ? enumProblem(E)
                : "parameters of type '" + typeName(PVD.getOriginalType()) +
                      "' are not supported yet",
            PVD.getSourceRange());
    return std::nullopt;
  }
  ir::TypeName Name = Record.empty() ? scalarIRType(E, Ctx).name() : 0;
  ParamInfo Info{ir::Type::ptr(*S, E.isConstQualified()).named(Name),
                 typeName(E), ""};
  Info.Record = Record;
  Info.RecordPtr = true;
  Info.Elements = std::move(Elements);
  Info.ElementNames = std::move(ElementNames);
  if (ByRef) {
    Info.Spelling += " (&";
    Info.Suffix = ")[" + Size + "]";
  } else {
    Info.Suffix = "[" + Size + "]";
  }
  return Info;
}

/// An array of arrays, `double m[][3]` (Before "", After "[]"), `double
/// (&m)[3][3]` (" (&", ")[3]") or `double (*m)[3]` (" (*", ")"), whose
/// rows are Row: a flat pointer to its scalars, declared back as written.
std::optional<ParamInfo>
FunctionProcessor::rowsParam(const ParmVarDecl &PVD, QualType Row,
                             const std::string &Before,
                             const std::string &After) {
  SourceLocation Loc =
      PVD.getName().empty() ? PVD.getBeginLoc() : PVD.getLocation();
  std::optional<RowShape> Shape = rowShape(Row, Ctx);
  std::optional<ir::Scalar> S;
  if (Shape && !Shape->Elem.isVolatileQualified() &&
      !isUnnameableEnum(Shape->Elem))
    S = scalarTypeOf(Shape->Elem, Ctx);
  if (!S) {
    R.error(Loc,
            "parameters of type '" + typeName(PVD.getOriginalType()) +
                "' are not supported; gradc supports arrays of arrays of "
                "numbers of constant sizes ('double m[][3]'): pass a flat "
                "array and index it as m[i * n + j]",
            PVD.getSourceRange());
    return std::nullopt;
  }
  ParamInfo Info{ir::Type::ptr(*S, Shape->Elem.isConstQualified()),
                 typeName(Shape->Elem) + Before, After + Shape->Suffix};
  Info.RowDims = Shape->Dims;
  return Info;
}

/// The index of FD's parameter named Name, or std::nullopt.
std::optional<unsigned> paramIndex(const FunctionDecl &FD, StringRef Name) {
  for (unsigned I = 0, N = FD.getNumParams(); I < N; ++I)
    if (!FD.getParamDecl(I)->getName().empty() &&
        FD.getParamDecl(I)->getName() == Name)
      return I;
  return std::nullopt;
}

/// The index of the parameter a spec names, or std::nullopt after an error
/// (reported here, or already reported for the parameter itself).
std::optional<unsigned> FunctionProcessor::specParam(const FunctionDecl &FD,
                                                     const spec::Ident &Id,
                                                     SourceLocation Loc,
                                                     const ParamInfos &Params) {
  std::optional<unsigned> I = paramIndex(FD, Id.Name);
  if (!I) {
    R.error(Loc, "'" + Id.Name + "' is not a parameter of '" +
                     FD.getNameAsString() + "'");
    return std::nullopt;
  }
  if (!Params[*I])
    return std::nullopt;
  return I;
}

/// out(...) or its default, into Res.Out. False after an error.
bool FunctionProcessor::resolveOut(const FunctionDecl &FD, const ParsedSpec &P,
                                   const ParamInfos &Params,
                                   ResolvedSpec &Res) {
  std::string FnName = FD.getNameAsString();
  bool Void = FD.getReturnType()->isVoidType();
  bool Ok = true;
  if (P.S.Out && !Void) {
    // Point at the word `out` itself when it can be found.
    unsigned Col = P.S.Out->empty() ? 0 : P.S.Out->front().Column;
    for (size_t I = P.Text.find("out"); I != StringRef::npos;
         I = P.Text.find("out", I + 1)) {
      StringRef Rest = P.Text.drop_front(I + 3).ltrim();
      if ((I == 0 || !isIdentChar(P.Text[I - 1])) && Rest.starts_with("(")) {
        Col = static_cast<unsigned>(I);
        break;
      }
    }
    R.error(specLoc(*P.Attr, P.Text, Col),
            "out(...) applies to functions returning void; '" + FnName +
                "' returns '" + typeName(FD.getReturnType()) + "'");
    return false;
  }
  if (!Void)
    return true;
  if (P.S.Out) {
    for (const spec::Ident &Id : *P.S.Out) {
      SourceLocation Loc = specLoc(*P.Attr, P.Text, Id.Column);
      std::optional<unsigned> I = specParam(FD, Id, Loc, Params);
      if (!I) {
        Ok = false;
        continue;
      }
      const ParamInfo &Info = *Params[*I];
      std::string Why;
      if (!Info.Ty.isMemory())
        Why = "it is passed by value; pass it as 'double &" + Id.Name +
              "' or 'double *" + Id.Name + "'";
      else if (!Info.isFloating())
        Why = "it has type '" + typeName(FD.getParamDecl(*I)->getType()) + "'";
      else if (Info.Ty.isConstPointee() &&
               !FD.getParamDecl(*I)->getType()->isReferenceType() &&
               !FD.getParamDecl(*I)->getType()->isPointerType() &&
               !FD.getParamDecl(*I)->getOriginalType()->isArrayType())
        Why = "it is passed by value; pass it by reference";
      else if (Info.Ty.isConstPointee())
        Why = "it is const";
      if (!Why.empty()) {
        R.error(Loc, "'" + Id.Name + "' cannot be an output (out): " + Why);
        Ok = false;
        continue;
      }
      Res.Out.push_back(*I);
    }
    std::sort(Res.Out.begin(), Res.Out.end());
    return Ok;
  }
  bool ParamsOk = true;
  for (unsigned I = 0; I < Params.size(); ++I) {
    ParamsOk &= Params[I].has_value();
    if (Params[I] && Params[I]->isOutput())
      Res.Out.push_back(I);
  }
  // A member function may write its results into its object: known once
  // it is lowered.
  const auto *MD = dyn_cast<CXXMethodDecl>(&FD);
  bool ChangesObject = MD && MD->isInstance() && !MD->isConst();
  if (Res.Out.empty() && ParamsOk && !ChangesObject) {
    R.error(FD.getLocation(),
            "'" + FnName +
                "' returns void and has no output parameter: name the "
                "pointer or reference parameters it writes its results "
                "through in out(...), or return a value");
    return false;
  }
  return true;
}

static std::string paramName(const FunctionDecl &FD, unsigned I);

void FunctionProcessor::warnWrtOrder(const FunctionDecl &FD, SourceLocation Loc,
                                     std::vector<int> Listed) {
  std::sort(Listed.begin(), Listed.end());
  std::string Order;
  for (int I : Listed)
    Order += (Order.empty() ? "d" : ", d") +
             (I < 0 ? std::string("self") : paramName(FD, I));
  R.warning(Loc, "wrt(...) lists the parameters in another order than the "
                 "function does; the generated functions take their "
                 "adjoints in the function's order (" +
                     Order +
                     "): pass them in that order, or list them so in "
                     "wrt(...)");
}

std::optional<ResolvedSpec>
FunctionProcessor::resolve(const FunctionDecl &FD, const ParsedSpec &P,
                           const ParamInfos &Params) {
  std::string FnName = FD.getNameAsString();
  ResolvedSpec Res;
  bool Ok = resolveOut(FD, P, Params, Res);
  auto IsOut = [&](unsigned I) {
    return std::find(Res.Out.begin(), Res.Out.end(), I) != Res.Out.end();
  };
  if (P.S.Wrt) {
    // The adjoints follow the parameters' order, whatever wrt's is.
    std::vector<int> Listed; // parameter indices; the object is -1
    for (const spec::Ident &Id : *P.S.Wrt) {
      SourceLocation Loc = specLoc(*P.Attr, P.Text, Id.Column);
      // wrt(this), or wrt(self): the object of a member function.
      if ((Id.Name == "this" || Id.Name == "self") &&
          !paramIndex(FD, Id.Name)) {
        const auto *MD = dyn_cast<CXXMethodDecl>(&FD);
        std::string Why;
        if (!MD || !MD->isInstance())
          Why = "'" + FnName + "' is not called on an object";
        else if (!hasFloatingObject(FD))
          Why = "'" + MD->getParent()->getNameAsString() +
                "' has no floating-point member";
        else if (Res.WrtSelf)
          Why = "the object appears twice in wrt(...)";
        if (!Why.empty()) {
          R.error(Loc, "cannot differentiate with respect to '" + Id.Name +
                           "': " + Why);
          Ok = false;
          continue;
        }
        Res.WrtSelf = true;
        Listed.push_back(-1);
        continue;
      }
      std::optional<unsigned> I = specParam(FD, Id, Loc, Params);
      if (!I) {
        Ok = false;
        continue;
      }
      if (!Params[*I]->isFloating()) {
        R.error(Loc, "cannot differentiate with respect to '" + Id.Name +
                         "': it has type '" +
                         typeName(FD.getParamDecl(*I)->getType()) + "'");
        Ok = false;
        continue;
      }
      if (std::find(Res.Wrt.begin(), Res.Wrt.end(), *I) != Res.Wrt.end()) {
        R.error(Loc, "'" + Id.Name + "' appears twice in wrt(...)");
        Ok = false;
        continue;
      }
      Res.Wrt.push_back(*I);
      Listed.push_back(*I);
    }
    if (Ok && !std::is_sorted(Listed.begin(), Listed.end()))
      warnWrtOrder(FD, specLoc(*P.Attr, P.Text, P.S.Wrt->front().Column),
                   Listed);
  } else {
    bool ParamsOk = true;
    for (unsigned I = 0; I < Params.size(); ++I) {
      ParamsOk &= Params[I].has_value();
      if (Params[I] && Params[I]->isFloating() && !IsOut(I))
        Res.Wrt.push_back(I);
    }
    Res.DefaultWrt = true;
    Res.WrtSelf = hasFloatingObject(FD);
    // With a bad parameter, "no floating-point parameter" would be noise.
    // A void function's outputs may be in/out: known once it is lowered.
    if (Res.Wrt.empty() && !Res.WrtSelf && ParamsOk && Ok && Res.Out.empty()) {
      R.error(FD.getLocation(), "'" + FnName +
                                    "' has no floating-point parameter to "
                                    "differentiate with respect to");
      Ok = false;
    }
  }
  if (!Ok)
    return std::nullopt;
  std::sort(Res.Wrt.begin(), Res.Wrt.end());
  // A member function's: `State_step`, as its callee pullback is named.
  const auto *Method = dyn_cast<CXXMethodDecl>(&FD);
  Res.BaseName =
      P.S.Name ? P.S.Name->Name
      : Method ? Method->getParent()->getNameAsString() + "_" + functionName(FD)
               : functionName(FD);
  return Res;
}

/// The function's signature and lowered body; nullptr after an error.
bool FunctionProcessor::shallow(const FunctionDecl &FD) {
  const Expr *Deep = tooDeepExpr(FD.getBody());
  if (!Deep)
    return true;
  R.error(Deep->getBeginLoc(), "expression nested too deeply: more than " +
                                   std::to_string(MaxExprDepth) +
                                   " levels; split it into several statements");
  return false;
}

std::unique_ptr<ir::Function>
FunctionProcessor::buildPrimal(const FunctionDecl &FD,
                               const ParamInfos &Params) {
  if (!shallow(FD))
    return nullptr;
  std::vector<ir::Value *> ParamValues;
  std::unique_ptr<ir::Function> F = declare(FD, Params, ParamValues);
  if (!lowerBody(FD, Ctx, *F, ParamValues, R, this))
    return nullptr;
  return F;
}

/// The name of FD's parameter I: its own, or, for the elements of an
/// expanded parameter pack (`T... v` called with two arguments: two
/// parameters named `v`), the name and its place in the pack (`v0`, `v1`),
/// so that the generated parameters and their adjoints are distinct.
static std::string paramName(const FunctionDecl &FD, unsigned I) {
  // (In the names of scratch adjoints passed to a custom pullback of a
  // library function: `db_beta`, not `d__b_beta`.)
  std::string Name = readerName(FD.getParamDecl(I)->getNameAsString());
  // An unnamed parameter is named by its place: the gradient passes it on
  // to the pullback (`f_pullback(x, arg2, 1, dx, darg2)`).
  if (Name.empty())
    return "arg" + std::to_string(I + 1);
  unsigned Before = 0, Same = 0;
  for (unsigned K = 0; K < FD.getNumParams(); ++K)
    if (FD.getParamDecl(K)->getName() == Name) {
      ++Same;
      Before += K < I;
    }
  return Same > 1 ? Name + std::to_string(Before) : Name;
}

/// The parameters of view Name (`L.W`, `L.b`, ...), declared as the
/// struct (Spelling, of type Class); returns the first. Of a struct
/// holding vectors taken by non-const reference (not Const), containers
/// and floating-point numbers are memory, to be written.
ir::Value *FunctionProcessor::viewParams(ir::Function &F,
                                         const std::string &Name,
                                         const ViewShape &View,
                                         const std::string &Spelling,
                                         QualType Class, bool Const) {
  ir::Value *First = nullptr;
  for (const ViewMember &M : View.Members) {
    QualType MT = M.Decl->getType();
    std::string MemberSpelling = typeName(MT);
    bool Writable = View.Owns && !Const && ir::isFloating(M.Ty.scalarKind());
    if (!MT->isPointerType() && !Writable)
      MemberSpelling = "const " + MemberSpelling;
    ir::Type Ty = M.Ty;
    if (M.Container)
      Ty = ir::Type::ptr(M.Ty.scalarKind(), !Writable).named(M.Ty.name());
    else if (Writable)
      Ty = ir::Type::ref(M.Ty.scalarKind());
    ir::Value *V =
        F.addParam(Name + "." + M.Decl->getNameAsString(), Ty, MemberSpelling);
    ir::Param &Prm = F.Params.back();
    Prm.ViewName = Name;
    Prm.ViewSpelling = Spelling;
    if (View.Owns)
      Prm.ViewRecord = typeName(Class);
    if (M.Container) {
      // Indexed as a container parameter (`L.W[i]`, `L.W.size()`).
      Prm.Record = typeName(MT.getUnqualifiedType());
      Prm.Container = true;
      for (std::int64_t K = 0; K < M.Container->Count; ++K) {
        Prm.Elements.push_back(M.Container->S);
        Prm.ElementNames.push_back("[" + std::to_string(K) + "]");
      }
    }
    First = First ? First : V;
  }
  return First;
}

/// FD's signature as an IR function with no body. ParamValues[I] is its
/// parameter I, or null when that parameter is in error (it still takes
/// its place, so that indices agree).
std::unique_ptr<ir::Function>
FunctionProcessor::declare(const FunctionDecl &FD, const ParamInfos &Params,
                           std::vector<ir::Value *> &ParamValues) {
  auto F = std::make_unique<ir::Function>();
  F->Name = functionName(FD);
  F->Namespaces = namespacesOf(FD);
  F->LocalTypes = localTypesOf(FD);
  if (const TemplateArgumentList *Args = FD.getTemplateSpecializationArgs()) {
    llvm::raw_string_ostream OS(F->TemplateArgs);
    printTemplateArgumentList(OS, Args->asArray(), Ctx.getPrintingPolicy());
  }
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(FD.getLocation()));
  if (P.isValid())
    F->File = P.getFilename();
  F->Loc = sourceLocOf(FD.getLocation(), SM);
  // A helper returning `double &` or `const double &` returns the number
  // it names: a read of its result is that value (a write inlines the
  // helper where it is made, LoweringRefCall.cpp).
  QualType RetT = FD.getReturnType();
  if (RetT->isLValueReferenceType() &&
      scalarTypeOf(RetT.getNonReferenceType(), Ctx))
    RetT = RetT.getNonReferenceType();
  std::optional<ir::Scalar> Ret = scalarTypeOf(RetT, Ctx);
  F->RetTy =
      Ret && !RetT->isVoidType() ? ir::Type::scalar(*Ret) : ir::Type::voidTy();
  // A member function's pullback is named after its class too.
  if (const auto *MD = dyn_cast<CXXMethodDecl>(&FD); MD && MD->isStatic())
    F->Name = MD->getParent()->getNameAsString() + "_" + F->Name;
  // A member function's object is its first parameter (LoweringRecord.cpp).
  if (const auto *MD = dyn_cast<CXXMethodDecl>(&FD);
      MD && MD->isInstance() && !MD->getParent()->isLambda()) {
    QualType Class = Ctx.getRecordType(selfClass(*MD));
    std::string Why;
    std::string Spelling = typeName(Class);
    std::string SelfName = "self";
    while (paramIndex(FD, SelfName))
      SelfName += "_";
    F->Method = true;
    F->Name = MD->getParent()->getNameAsString() + "_" + F->Name;
    // A struct holding vectors: `self.W`, ... (methodProblem: const).
    if (const ViewShape *View = Shapes.view(Class, Why); View && View->Owns) {
      ParamValues.push_back(
          viewParams(*F, SelfName, *View,
                     (MD->isConst() ? "const " : "") + Spelling + " &", Class,
                     MD->isConst()));
    } else {
      const RecordShape *Shape = Shapes.shape(Class, Why);
      ir::Value *Self = F->addParam(
          SelfName,
          ir::Type::ptr(Shape ? Shape->S : ir::Scalar::Float64, MD->isConst()),
          (MD->isConst() ? "const " : "") + Spelling + " &");
      F->Params.back().Record = Spelling;
      if (Shape)
        flatten(*Shape, F->Params.back().Elements,
                F->Params.back().ElementNames);
      ParamValues.push_back(Shape ? Self : nullptr);
    }
  }
  for (unsigned I = 0; I < FD.getNumParams(); ++I) {
    const ParmVarDecl *PVD = FD.getParamDecl(I);
    const std::optional<ParamInfo> &Info = Params[I];
    if (Info && Info->View) {
      QualType Obj = PVD->getType().getNonReferenceType();
      ParamValues.push_back(viewParams(*F, paramName(FD, I), *Info->View,
                                       Info->Spelling, Obj.getUnqualifiedType(),
                                       Obj.isConstQualified()));
      continue;
    }
    ir::Value *V =
        F->addParam(paramName(FD, I), Info ? Info->Ty : ir::Type::f64(),
                    Info ? Info->Spelling : typeName(PVD->getType()));
    if (Info) {
      F->Params.back().Suffix = Info->Suffix;
      F->Params.back().Record = Info->Record;
      F->Params.back().RecordPtr = Info->RecordPtr;
      F->Params.back().Container = Info->Container;
      F->Params.back().Elements = Info->Elements;
      F->Params.back().ElementNames = Info->ElementNames;
      F->Params.back().RowDims = Info->RowDims;
      F->Params.back().VectorRows = Info->VectorRows;
    }
    ParamValues.push_back(Info ? V : nullptr);
  }
  declareResult(FD, *F, ParamValues);
  return F;
}

void FunctionProcessor::declareResult(const FunctionDecl &FD, ir::Function &F,
                                      std::vector<ir::Value *> &ParamValues) {
  QualType T = FD.getReturnType();
  if (!T->isRecordType())
    return;
  std::string Name = "out";
  while (paramIndex(FD, Name))
    Name += "_";
  std::string Spelling = typeName(T.getUnqualifiedType());
  ir::Value *V = nullptr;
  if (std::optional<ContainerShape> C = containerShape(T, Ctx)) {
    // A std::array or std::vector is returned as a struct is: its
    // elements (a vector's, as many as its call gives room for).
    V = F.addParam(Name, ir::Type::ptr(C->S), Spelling + " &");
    F.Params.back().Container = true;
    for (std::int64_t K = 0; K < C->Count; ++K) {
      F.Params.back().Elements.push_back(C->S);
      F.Params.back().ElementNames.push_back("[" + std::to_string(K) + "]");
    }
  } else {
    std::string Why;
    const RecordShape *Shape = Shapes.shape(T, Why);
    if (!Shape)
      return; // refused where it is returned
    V = F.addParam(Name, ir::Type::ptr(Shape->S), Spelling + " &");
    flatten(*Shape, F.Params.back().Elements, F.Params.back().ElementNames);
  }
  F.Params.back().Record = Spelling;
  F.ReturnsRecord = true;
  ParamValues.push_back(V);
}

std::unique_ptr<ir::Function>
FunctionProcessor::lowerQuietly(const FunctionDecl &FD) {
  ParamInfos Params;
  R.setSilent(true);
  // Refusals met while lowering quietly were not reported: forget them, so
  // that a call elsewhere reports its callee's problems.
  std::set<const FunctionDecl *> RefusedBefore = Refused;
  unsigned Before = R.numErrors();
  for (const ParmVarDecl *PVD : FD.parameters())
    Params.push_back(checkParam(*PVD));
  std::unique_ptr<ir::Function> F;
  bool ParamsOk = R.numErrors() == Before;
  if (ParamsOk && FD.hasBody())
    F = buildPrimal(FD, Params);
  R.setSilent(false);
  Refused = std::move(RefusedBefore);
  if (F && ir::verify(*F).empty())
    return F;
  if (!ParamsOk)
    return nullptr;
  // The signature alone, with the body left out.
  std::vector<ir::Value *> ParamValues;
  F = declare(FD, Params, ParamValues);
  F->Opaque = true;
  return F;
}

const ir::Function *FunctionProcessor::callee(const FunctionDecl &FD,
                                              SourceLocation Loc) {
  const FunctionDecl *Key = FD.getCanonicalDecl();
  if (auto It = Callees.find(Key); It != Callees.end())
    return It->second;
  if (const FunctionDecl *Custom = Customs.of(FD)) {
    // Lowering its body (quietly) reached a call of itself: that body is
    // then left out, and the custom pullback stands for it anyway.
    if (Lowering.count(Key)) {
      R.error(Loc, "recursion");
      return nullptr;
    }
    // The user's pullback stands for the one gradc would make. The
    // function is known before its pullback is lowered, which may call it.
    Lowering.insert(Key);
    std::unique_ptr<ir::Function> F = lowerQuietly(FD);
    Lowering.erase(Key);
    if (!F) {
      R.error(Loc, "the parameters of '" + FD.getNameAsString() +
                       "' are not supported");
      Refused.insert(Key);
      return nullptr;
    }
    ir::Function *Lowered = F.get();
    Result.Callees.push_back(std::move(F));
    remember(Key, Lowered);
    std::unique_ptr<ir::Function> Pull = lowerQuietly(*Custom);
    if (!Pull) {
      R.error(Custom->getLocation(),
              "the parameters of this custom pullback are not supported");
      Callees.erase(Key);
      Refused.insert(Key);
      return nullptr;
    }
    if (CustomPullbacks::isGradcOwn(*Custom))
      Pull->Header = "gradc/std_pullbacks.h";
    Lowered->Custom = Pull.get();
    Result.Callees.push_back(std::move(Pull));
    return Lowered;
  }
  if (Refused.count(Key))
    return nullptr; // reported at its first call
  std::string Name = FD.getNameAsString();
  auto Refuse = [&](const std::string &Msg) -> const ir::Function * {
    R.error(Loc, Msg);
    Refused.insert(Key);
    return nullptr;
  };
  if (std::optional<std::string> Why = operatorProblem(FD))
    return Refuse(*Why);
  if (const auto *MD = dyn_cast<CXXMethodDecl>(&FD))
    if (std::optional<std::string> Why = methodProblem(*MD))
      return Refuse(*Why);
  // A function working on a class declared inside a function (a member
  // function of it) is written where it is called (LocalMethods.cpp),
  // never outside, where the class has no name.
  const TagDecl *LocalClass = localTypeOf(FD);
  // A member function's pullback is written outside its class.
  struct Canonical {
    bool &Flag, Saved;
    Canonical(bool &Flag, bool On) : Flag(Flag), Saved(Flag) { Flag |= On; }
    ~Canonical() { Flag = Saved; }
  } SpellInFull(CanonicalTypes, isa<CXXMethodDecl>(FD));
  // `sum(It first, It last)`: a function of gradc's own, `sum_range`,
  // taking pointers and the range's end as an offset (IteratorParams.h).
  if (!isa<CXXMethodDecl>(FD) && takesIterators(FD)) {
    bool Range = false;
    for (unsigned J = 0; J < FD.getNumParams(); ++J)
      Range |= isRangeEnd(FD, J);
    return synthesize(FD, Name + (Range ? "_range" : "_it"), {}, {}, Loc);
  }
  unsigned ErrorsBefore = R.numErrors();
  ParamInfos Params;
  for (const ParmVarDecl *PVD : FD.parameters())
    Params.push_back(checkParam(*PVD));
  if (R.numErrors() != ErrorsBefore || !shallow(FD)) {
    Refused.insert(Key);
    return nullptr;
  }
  // Known before its body is lowered, so that a call in the body (of
  // itself, or of a function that calls it back) is a call of it.
  std::vector<ir::Value *> ParamValues;
  std::unique_ptr<ir::Function> Owned = declare(FD, Params, ParamValues);
  ir::Function *F = Owned.get();
  if (LocalClass)
    F->LocalClass = LocalClass->getName().empty()
                        ? "(unnamed)"
                        : LocalClass->getNameAsString();
  Result.Callees.push_back(std::move(Owned));
  size_t Registered = CalleeOrder.size();
  remember(Key, F);
  F->Incomplete = true;
  bool Ok = lowerBody(FD, Ctx, *F, ParamValues, R, this);
  F->Incomplete = false;
  // What the functions lowered meanwhile write was found while F could
  // write anything.
  for (size_t I = Registered; I < CalleeOrder.size(); ++I)
    if (auto It = Callees.find(CalleeOrder[I]); It != Callees.end())
      It->second->forgetWrites();
  if (Ok && R.numErrors() == ErrorsBefore) {
    ir::reuseLoads(*F);
    std::vector<std::string> Problems = ir::verify(*F);
    if (Problems.empty())
      return F;
    R.error(Loc, "internal error: invalid IR for '" + Name +
                     "': " + Problems.front());
  }
  // Neither it nor what was lowered in its body (which may call it) is a
  // callee now; the latter are lowered again when called elsewhere.
  for (size_t I = Registered; I < CalleeOrder.size(); ++I)
    Callees.erase(CalleeOrder[I]);
  CalleeOrder.resize(Registered);
  Refused.insert(Key);
  return nullptr;
}

const ir::Function *FunctionProcessor::lambda(const CXXMethodDecl &CallOp,
                                              const LambdaInfo &Info,
                                              SourceLocation Loc) {
  return synthesize(CallOp, Info.Name, Info.Captures, Info.Nested, Loc);
}

const ir::Function *
FunctionProcessor::withClosures(const FunctionDecl &FD,
                                ArrayRef<ClosureParam> Closures,
                                SourceLocation Loc) {
  // `apply_f_sq`: the instance of apply that f's lambda sq is passed to.
  std::string Name = FD.getNameAsString();
  for (const ClosureParam &C : Closures)
    Name += "_" + C.Info.Name;
  return synthesize(FD, Name, {}, Closures, Loc);
}

const ir::Function *
FunctionProcessor::synthesize(const FunctionDecl &FD, const std::string &Name,
                              ArrayRef<CaptureParam> Captures,
                              ArrayRef<ClosureParam> Closures,
                              SourceLocation Loc) {
  const FunctionDecl *Key = FD.getCanonicalDecl();
  if (auto It = Callees.find(Key); It != Callees.end())
    return It->second;
  if (Lowering.count(Key))
    return Refuse(Loc,
                  "'" + Name + "' calls itself; recursion is not supported");
  if (Refused.count(Key))
    return nullptr; // reported at its first call
  std::vector<const VarDecl *> Captured;
  for (const CaptureParam &C : Captures)
    Captured.push_back(C.Var);
  std::function<void(const LambdaInfo &)> CapturedBy =
      [&](const LambdaInfo &Info) {
        for (const CaptureParam &C : Info.Captures)
          Captured.push_back(C.Var);
        for (const ClosureParam &N : Info.Nested)
          CapturedBy(N.Info);
      };
  for (const ClosureParam &CP : Closures)
    CapturedBy(CP.Info);
  if (std::optional<std::string> Why = localTypeProblem(FD, Name, Captured))
    return Refuse(Loc, *Why);
  // Two lambdas of the same name (in two scopes): `f_sq`, `f_sq2`.
  std::string Unique = Name;
  for (unsigned N = 2; !SynthesizedNames.emplace(Unique, Key).second &&
                       SynthesizedNames[Unique] != Key;
       ++N)
    Unique = Name + std::to_string(N);
  unsigned ErrorsBefore = R.numErrors();
  ParamInfos Params;
  bool SavedAllowed = std::exchange(IteratorsAllowed, true);
  for (unsigned I = 0; I < FD.getNumParams(); ++I) {
    bool Closure = llvm::any_of(Closures, [&](const ClosureParam &C) {
      return !C.Captured && C.Index == I;
    });
    // The end of a range: its offset from the range's first, `last_off`
    // (BodyLowering::run makes it a position again).
    if (!Closure && isRangeEnd(FD, I) && Params.back())
      Params.push_back(
          ParamInfo{ir::Type::scalar(ir::Scalar::Int32), "int", ""});
    else
      Params.push_back(Closure ? std::nullopt
                               : checkParam(*FD.getParamDecl(I)));
  }
  IteratorsAllowed = SavedAllowed;
  std::vector<ir::Value *> ParamValues;
  std::unique_ptr<ir::Function> F = declare(FD, Params, ParamValues);
  for (unsigned I = 0; I < FD.getNumParams(); ++I)
    if (ParamValues[I] && isRangeEnd(FD, I) && ParamValues[I - 1] &&
        ParamValues[I]->Ty.isInteger())
      ParamValues[I]->Name += "_off";
  // Its captures follow its parameters; a struct's result would be among
  // them (ReturnsRecord takes the last).
  if (F->ReturnsRecord)
    return Refuse(Loc, "'" + Name +
                           "' returns a struct; a lambda, or a function a "
                           "lambda is passed to, returning one is not "
                           "supported yet: return a number, or write into a "
                           "struct captured by reference");
  F->Name = Unique;
  F->Synthesized = true;
  // A lambda passed in is no parameter of its own: its captures are.
  unsigned Erased = 0;
  for (const ClosureParam &C : Closures)
    if (!C.Captured)
      F->Params.erase(F->Params.begin() + C.Index - Erased++);
  std::vector<const VarDecl *> Vars;
  // A capture is named as its variable, unless a parameter is (the
  // template's `x` and the caller's): then `x_`.
  auto AddCapture = [&](const CaptureParam &C) {
    std::string Name = C.Var->getNameAsString();
    while (llvm::any_of(F->Params,
                        [&](const ir::Param &P) { return P.V->Name == Name; }))
      Name += "_";
    if (C.View) { // a struct holding vectors: one parameter a member
      ParamValues.push_back(viewParams(
          *F, Name, *C.View, C.Spelling,
          C.Var->getType().getNonReferenceType().getUnqualifiedType()));
      return;
    }
    ParamValues.push_back(F->addParam(Name, C.Ty, C.Spelling));
    ir::Param &P = F->Params.back();
    P.Record = C.Record;
    P.RecordPtr = C.RecordPtr;
    P.Container = C.Container;
    P.Elements = C.Elements;
    P.ElementNames = C.ElementNames;
    P.Suffix = C.Suffix;
    P.RowDims = C.RowDims;
    P.VectorRows = C.VectorRows;
  };
  for (const CaptureParam &C : Captures) {
    AddCapture(C);
    Vars.push_back(C.Var);
  }
  // Then those of the lambdas passed in or captured, and of the lambdas
  // these capture, in the order BodyLowering::boundClosure takes them.
  std::function<void(const LambdaInfo &)> AddClosure =
      [&](const LambdaInfo &Info) {
        for (const CaptureParam &C : Info.Captures)
          AddCapture(C);
        for (const ClosureParam &N : Info.Nested)
          AddClosure(N.Info);
      };
  for (const ClosureParam &CP : Closures)
    AddClosure(CP.Info);
  Lowering.insert(Key);
  bool Ok = lowerBody(FD, Ctx, *F, ParamValues, R, this, Vars, Closures);
  Lowering.erase(Key);
  if (!Ok || R.numErrors() != ErrorsBefore) {
    Refused.insert(Key);
    return nullptr;
  }
  ir::reuseLoads(*F);
  // Generated code defines it as it is: without the positions a moving
  // iterator's reads leave unused.
  ir::eliminateDeadCode(*F);
  if (std::vector<std::string> Problems = ir::verify(*F); !Problems.empty())
    return Refuse(Loc, "internal error: invalid IR for '" + Unique +
                           "': " + Problems.front());
  const ir::Function *Lowered = F.get();
  Result.Callees.push_back(std::move(F));
  remember(Key, Lowered);
  return Lowered;
}

void FunctionProcessor::process(const FunctionDecl &FD,
                                ArrayRef<const AnnotateAttr *> Attrs) {
  unsigned ErrorsBefore = R.numErrors();

  std::vector<ParsedSpec> Specs;
  for (const AnnotateAttr *A : Attrs) {
    StringRef Text = *specOf(*A);
    std::variant<spec::Spec, spec::SpecError> Parsed = spec::parseSpec(Text);
    if (const auto *E = std::get_if<spec::SpecError>(&Parsed)) {
      R.error(specLoc(*A, Text, E->Column), E->Message);
      continue;
    }
    Specs.push_back({A, Text, std::get<spec::Spec>(std::move(Parsed))});
  }

  if (!checkSignature(FD))
    return;
  // A member function's generated functions are written outside its class.
  bool SavedCanonical = CanonicalTypes;
  CanonicalTypes |= isa<CXXMethodDecl>(FD);
  struct Restore {
    bool &Flag, Saved;
    ~Restore() { Flag = Saved; }
  } RestoreCanonical{CanonicalTypes, SavedCanonical};
  ParamInfos Params;
  for (const ParmVarDecl *PVD : FD.parameters()) {
    Params.push_back(checkParam(*PVD));
    if (Params.back() && Params.back()->View && !Params.back()->View->Owns) {
      R.error(PVD->getLocation(),
              "parameter '" + PVD->getNameAsString() +
                  "' of an annotated function is a view struct; pass the "
                  "arrays it points into ('const double *w') and make the "
                  "view inside, where gradc sees which arrays its pointers "
                  "point into",
              PVD->getSourceRange());
      Params.back().reset();
    }
  }
  std::vector<ResolvedSpec> Resolved;
  for (const ParsedSpec &P : Specs)
    if (std::optional<ResolvedSpec> Res = resolve(FD, P, Params))
      Resolved.push_back(std::move(*Res));
  if (const FunctionDecl *Custom = Customs.of(FD))
    for (const ResolvedSpec &Res : Resolved)
      if (Res.BaseName == FD.getNameAsString())
        R.error(
            FD.getLocation(),
            "'" + FD.getNameAsString() + "' has a custom pullback (line " +
                std::to_string(sourceLocOf(Custom->getLocation(), SM).Line) +
                "); give this annotation another name(...), or remove "
                "one of them");

  // Lowered even after an error above, to report the body's problems too.
  std::unique_ptr<ir::Function> F = buildPrimal(FD, Params);
  if (!F && R.numErrors() == ErrorsBefore)
    R.error(FD.getLocation(), "internal error: '" + FD.getNameAsString() +
                                  "' could not be lowered, and no reason was "
                                  "given");
  if (!F || R.numErrors() != ErrorsBefore)
    return;
  ir::reuseLoads(*F);
  std::vector<std::string> Problems = ir::verify(*F);
  if (!Problems.empty()) {
    R.error(FD.getLocation(),
            "internal error: invalid IR: " + Problems.front());
    return;
  }
  for (size_t I = 0; I < Resolved.size(); ++I) {
    Request Req;
    if (I == 0) {
      Req.Primal = std::move(F);
    } else {
      // Each request owns its function; the body lowered cleanly once, so
      // lowering it again reports nothing.
      R.setSilent(true);
      Req.Primal = buildPrimal(FD, Params);
      R.setSilent(false);
      if (!Req.Primal)
        continue;
    }
    // Indices of FD's parameters become the IR's: a member function's
    // object is parameter 0, an output when a void one writes it.
    bool Method = Req.Primal->Method;
    // A view is one IR parameter a member; differentiated, its
    // floating-point numbers and containers of them.
    const std::vector<ir::Param> &IRParams = Req.Primal->Params;
    std::vector<std::vector<unsigned>> IRIndices;
    unsigned Next = 0;
    // The object: one parameter, or one a member of a struct holding
    // vectors, of which the floating-point ones are differentiated.
    std::vector<unsigned> SelfIndices;
    if (Method)
      do {
        if (IRParams[0].ViewName.empty() ||
            ir::isFloating(IRParams[Next].V->Ty.scalarKind()))
          SelfIndices.push_back(Next);
        ++Next;
      } while (Next < IRParams.size() && !IRParams[0].ViewName.empty() &&
               IRParams[Next].ViewName == IRParams[0].ViewName);
    for (const std::optional<ParamInfo> &Info : Params) {
      IRIndices.emplace_back();
      if (!Info || !Info->View) {
        IRIndices.back().push_back(Next++);
        continue;
      }
      for (const ViewMember &M : Info->View->Members) {
        if ((M.Container || Info->View->Owns) &&
            ir::isFloating(M.Ty.scalarKind()))
          IRIndices.back().push_back(Next);
        ++Next;
      }
    }
    auto Shift = [&](std::vector<unsigned> Idx, bool Self) {
      std::vector<unsigned> Out;
      if (Self)
        Out = SelfIndices;
      for (unsigned K : Idx)
        Out.insert(Out.end(), IRIndices[K].begin(), IRIndices[K].end());
      return Out;
    };
    bool SelfOut =
        Method && Req.Primal->RetTy.isVoid() &&
        llvm::any_of(SelfIndices,
                     [&](unsigned K) { return Req.Primal->writesParam(K); }) &&
        hasFloatingObject(FD);
    Resolved[I].Out = Shift(std::move(Resolved[I].Out), SelfOut);
    Req.Wrt = Shift(std::move(Resolved[I].Wrt), Resolved[I].WrtSelf);
    // A struct holding vectors written is in/out: its one adjoint struct
    // is the seed on entry (no separate seed for its outputs).
    for (unsigned O : Resolved[I].Out)
      if (!IRParams[O].ViewRecord.empty() && !llvm::is_contained(Req.Wrt, O))
        Req.Wrt.push_back(O);
    std::sort(Req.Wrt.begin(), Req.Wrt.end());
    if (Method && Req.Primal->RetTy.isVoid() && Resolved[I].Out.empty()) {
      R.error(FD.getLocation(),
              "member function '" + FD.getNameAsString() +
                  "' returns void and changes neither its object nor an "
                  "output parameter: return a value, or name the pointer or "
                  "reference parameters it writes its results through in "
                  "out(...)");
      continue;
    }
    if (Resolved[I].DefaultWrt) {
      for (unsigned O : Resolved[I].Out)
        if (ir::readsFirst(*Req.Primal, Req.Primal->Params[O].V) &&
            std::find(Req.Wrt.begin(), Req.Wrt.end(), O) == Req.Wrt.end())
          Req.Wrt.push_back(O);
      std::sort(Req.Wrt.begin(), Req.Wrt.end());
      if (Req.Wrt.empty()) {
        R.error(FD.getLocation(), "'" + FD.getNameAsString() +
                                      "' has no floating-point parameter to "
                                      "differentiate with respect to");
        continue;
      }
    }
    Req.Out = std::move(Resolved[I].Out);
    Req.BaseName = std::move(Resolved[I].BaseName);
    Result.Requests.push_back(std::move(Req));
  }
}

/// Whether the annotations make the function a custom pullback (one whose
/// spec says `custom`; a spec in error is reported by process()).
bool isCustom(ArrayRef<const AnnotateAttr *> Attrs) {
  for (const AnnotateAttr *A : Attrs) {
    std::variant<spec::Spec, spec::SpecError> Parsed =
        spec::parseSpec(*specOf(*A));
    if (const auto *S = std::get_if<spec::Spec>(&Parsed);
        S && S->M == spec::Spec::Mode::Custom)
      return true;
  }
  return false;
}

/// Collects, in source order, the annotated definitions of the main file.
class AnnotatedFunctionFinder
    : public RecursiveASTVisitor<AnnotatedFunctionFinder> {
public:
  AnnotatedFunctionFinder(SourceManager &SM, Reporter &R,
                          DiagnosticsEngine &Diags)
      : SM(SM), R(R), Diags(Diags) {}

  struct Found {
    const FunctionDecl *FD;
    std::vector<const AnnotateAttr *> Attrs;
  };
  std::vector<Found> Functions;

  /// An annotated template is differentiated as each of its instances in
  /// the file (used, or instantiated explicitly).
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->isInvalidDecl())
      return true;
    if (!SM.isInMainFile(SM.getExpansionLoc(FD->getLocation()))) {
      // Custom pullbacks are found in headers too (gradc's own in
      // <gradc/std_pullbacks.h>, the user's of their library); functions
      // to differentiate only in the main file.
      std::vector<const AnnotateAttr *> Attrs;
      for (const AnnotateAttr *A : FD->specific_attrs<AnnotateAttr>())
        if (specOf(*A))
          Attrs.push_back(A);
      if (FD->doesThisDeclarationHaveABody() && isCustom(Attrs) &&
          wellFormed(Attrs) && Taken.insert(FD).second)
        Functions.push_back({FD, std::move(Attrs)});
      return true;
    }
    if (FunctionTemplateDecl *FTD = FD->getDescribedFunctionTemplate()) {
      bool Annotated = llvm::any_of(
          FD->specific_attrs<AnnotateAttr>(),
          [](const AnnotateAttr *A) { return specOf(*A).has_value(); });
      bool Instantiated =
          llvm::any_of(FTD->specializations(), [](const FunctionDecl *S) {
            return S->isThisDeclarationADefinition();
          });
      if (Annotated && !Instantiated && FD->doesThisDeclarationHaveABody())
        R.warning(FD->getLocation(),
                  "template '" + FD->getNameAsString() +
                      "' is annotated with GRADC_DIFF but no instance of it "
                      "is in this file; instantiate it, for example with "
                      "'template double " +
                      FD->getNameAsString() + "<double>(...);'");
      return true;
    }
    std::vector<const AnnotateAttr *> Attrs;
    std::set<StringRef> Seen; // the same annotation on two declarations
    for (const AnnotateAttr *A : FD->specific_attrs<AnnotateAttr>())
      if (specOf(*A) && Seen.insert(A->getAnnotation()).second)
        Attrs.push_back(A);
    if (Attrs.empty() || !wellFormed(Attrs))
      return true;
    if (FD->doesThisDeclarationHaveABody()) {
      if (Taken.insert(FD).second)
        Functions.push_back({FD, std::move(Attrs)});
      return true;
    }
    if (const FunctionDecl *Def = FD->getDefinition()) {
      // Annotated here, defined in a header: differentiated all the same.
      // (A definition in this file is visited in its turn.)
      if (!SM.isInMainFile(SM.getExpansionLoc(Def->getLocation())) &&
          Taken.insert(Def).second)
        Functions.push_back({Def, std::move(Attrs)});
      return true;
    }
    // A declaration alone would give a header that declares nothing, with
    // exit status 0: the build then fails far from the cause.
    if (Reported.insert(FD->getCanonicalDecl()).second) {
      R.error(FD->getLocation(),
              "'" + FD->getNameAsString() +
                  "' is annotated with GRADC_DIFF but not defined in this "
                  "file or a header it includes");
      Diags.Report(FD->getLocation(),
                   Diags.getCustomDiagID(DiagnosticsEngine::Note, "%0"))
          << "gradc differentiates the body it reads: define '" +
                 FD->getNameAsString() +
                 "' in this file, or include the header that defines it";
    }
    return true;
  }

private:
  /// False after reporting a gradc annotation whose spec is not one string
  /// literal: `GRADC_DIFF(SPEC)` with `#define SPEC , "grad"` makes
  /// annotate("gradc ", "grad"), whose spec, "", would silently mean the
  /// defaults. (An identifier, `GRADC_DIFF(grad)`, is already a syntax
  /// error to Clang.)
  bool wellFormed(ArrayRef<const AnnotateAttr *> Attrs) {
    bool Ok = true;
    for (const AnnotateAttr *A : Attrs)
      if (A->args_size() > 0) {
        Ok = false;
        if (Reported.insert(A).second)
          R.error(SM.getExpansionLoc(A->getLocation()),
                  "the spec of GRADC_DIFF must be one string literal, as "
                  "in GRADC_DIFF(\"grad wrt(x)\"); this one has more "
                  "after it");
      }
    return Ok;
  }

  SourceManager &SM;
  Reporter &R;
  DiagnosticsEngine &Diags;
  std::set<const void *> Reported;
  std::set<const FunctionDecl *> Taken;
};

/// What the runs of the action share with lowerFile.
struct ToolState {
  FrontendResult Result;
  std::string MainFile;
  std::set<std::string> Dependencies; ///< Every other file read.
};

class GradcConsumer : public ASTConsumer {
public:
  explicit GradcConsumer(ToolState &State) : State(State) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    SourceManager &SM = Ctx.getSourceManager();
    collectDependencies(SM);

    DiagnosticsEngine &Diags = Ctx.getDiagnostics();
    Reporter R(Diags);
    // An AST with errors is not the program the user meant.
    if (!Diags.hasErrorOccurred()) {
      AnnotatedFunctionFinder Finder(SM, R, Diags);
      Finder.TraverseDecl(Ctx.getTranslationUnitDecl());
      FunctionProcessor Processor(Ctx, R, State.Result);
      // Custom pullbacks first: any function may call what they stand for.
      for (const auto &Found : Finder.Functions)
        if (isCustom(Found.Attrs))
          Processor.registerCustom(*Found.FD);
      for (const auto &Found : Finder.Functions)
        if (!isCustom(Found.Attrs))
          Processor.process(*Found.FD, Found.Attrs);
    }
    unsigned ClientErrors =
        Diags.getClient() ? Diags.getClient()->getNumErrors() : 0;
    unsigned Errors = std::max(ClientErrors, R.numSaid());
    if (Errors == 0 && Diags.hasErrorOccurred())
      Errors = 1;
    State.Result.NumErrors += Errors;
  }

private:
  void collectDependencies(const SourceManager &SM) {
    FileManager &FM = SM.getFileManager();
    auto Absolute = [&](StringRef Name) {
      llvm::SmallString<256> Path(Name);
      FM.makeAbsolutePath(Path);
      llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
      return std::string(Path);
    };
    if (OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID()))
      State.MainFile = Absolute(Main->getName());
    for (auto It = SM.fileinfo_begin(), End = SM.fileinfo_end(); It != End;
         ++It) {
      std::string Path = Absolute(It->first.getName());
      if (Path != State.MainFile)
        State.Dependencies.insert(Path);
    }
  }

  ToolState &State;
};

class GradcAction : public ASTFrontendAction {
public:
  explicit GradcAction(ToolState &State) : State(State) {}

protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 StringRef) override {
    return std::make_unique<GradcConsumer>(State);
  }

private:
  ToolState &State;
};

/// The compile command for File: looked up as the user named it, then by
/// absolute path (compilation databases store absolute paths).
std::vector<tooling::CompileCommand>
commandsFor(const tooling::CompilationDatabase &DB, const std::string &File) {
  std::vector<tooling::CompileCommand> Cmds = DB.getCompileCommands(File);
  if (Cmds.empty()) {
    llvm::SmallString<256> Abs(File);
    llvm::sys::fs::make_absolute(Abs);
    Cmds = DB.getCompileCommands(Abs);
  }
  return Cmds;
}

} // namespace

FrontendResult lowerFile(const tooling::CompilationDatabase &DB,
                         const std::string &File, const FrontendOptions &Opts) {
  ToolState State;
  std::vector<tooling::CompileCommand> Cmds = commandsFor(DB, File);
  if (Cmds.empty()) {
    llvm::errs() << "gradc: error: the compilation database has no command "
                    "for '"
                 << File << "'\n";
    State.Result.NumErrors = 1;
    return std::move(State.Result);
  }
  // One ToolInvocation rather than a ClangTool: diagnostics name the file as
  // the user did, and no "Error while processing" line follows them.
  const tooling::CompileCommand &Cmd = Cmds.front();
  tooling::ArgumentsAdjuster Adjust = tooling::combineAdjusters(
      tooling::combineAdjusters(tooling::getClangStripOutputAdjuster(),
                                tooling::getClangSyntaxOnlyAdjuster()),
      tooling::combineAdjusters(
          tooling::getClangStripDependencyFileAdjuster(),
          tooling::getInsertArgumentAdjuster(
              Opts.ExtraArgs, tooling::ArgumentInsertPosition::END)));
  std::vector<std::string> Args = Adjust(Cmd.CommandLine, Cmd.Filename);

  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS =
      llvm::vfs::createPhysicalFileSystem();
  if (!Cmd.Directory.empty() && Cmd.Directory != ".")
    FS->setCurrentWorkingDirectory(Cmd.Directory);
  llvm::IntrusiveRefCntPtr<FileManager> Files(
      new FileManager(FileSystemOptions(), FS));
  tooling::ToolInvocation Invocation(Args, std::make_unique<GradcAction>(State),
                                     Files.get());
  bool Ok = Invocation.run();
  // The compilation also fails without a diagnostic of ours, for instance on
  // a compile error in the user's code.
  if (!Ok && State.Result.NumErrors == 0)
    State.Result.NumErrors = 1;

  // The source itself first, then the headers sorted: a dependency file's
  // usual order.
  if (!State.MainFile.empty())
    State.Result.Dependencies.push_back(State.MainFile);
  State.Result.Dependencies.insert(State.Result.Dependencies.end(),
                                   State.Dependencies.begin(),
                                   State.Dependencies.end());
  return std::move(State.Result);
}

} // namespace gradc::frontend
