//===- Records.cpp - Structs as the IR sees them --------------------------===//
#include "Records.h"

#include "Lowering.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/CharInfo.h"

#include <algorithm>

namespace gradc::frontend {

using namespace clang;

/// Why a standard library class is refused, and what to write instead.
static std::string stdClassAdvice(StringRef Name) {
  std::string Is = "is a standard library class; gradc supports std::array "
                   "and std::vector of numbers and of your structs, as "
                   "parameters and variables (not temporaries: declare a "
                   "variable), and structs of your own";
  if (Name == "basic_string" || Name == "basic_string_view")
    return "is text, which gradc follows only as a parameter that the "
           "function compares ('const std::string &kind', 'kind == "
           "\"tanh\"'): keep other text out of the function to "
           "differentiate (print or log it where it is called)";
  if (Name == "map" || Name == "unordered_map" || Name == "multimap")
    return Is + ": hold the values in a std::vector<double> indexed by the "
                "key (or by its position in a sorted list of keys)";
  if (Name == "optional")
    return Is + ": hold the value in a double and a bool that says whether "
                "it is set";
  if (Name == "valarray")
    return Is + ": use a std::vector<double> and write its arithmetic as "
                "loops";
  if (Name.ends_with("_engine") || Name.ends_with("_distribution") ||
      Name == "random_device" || Name == "seed_seq")
    return "is a random number generator, which gradc does not follow: draw "
           "the numbers before the call and pass them in ('const double "
           "*noise'); they are constants of the differentiation";
  return Is;
}

/// T as generated code outside every namespace spells it.
static std::string fullName(QualType T, const ASTContext &Ctx) {
  std::string Name = T.getCanonicalType().getAsString(Ctx.getPrintingPolicy());
  for (std::string Anon = "(anonymous namespace)::";;) {
    size_t At = Name.find(Anon);
    if (At == std::string::npos)
      return Name;
    Name.erase(At, Anon.size());
  }
}

static std::shared_ptr<const ir::PrivateMember>
privateMember(const FieldDecl *FD, const ASTContext &Ctx) {
  auto P = std::make_shared<ir::PrivateMember>();
  P->Name = FD->getNameAsString();
  P->Class = fullName(Ctx.getRecordType(FD->getParent()), Ctx);
  P->Type = fullName(FD->getType(), Ctx);
  // Named after the class in full: its namespaces (`a::Particle` and
  // `b::Particle` each have their own, a_Particle_x and b_Particle_x) and
  // an instance of a class template's arguments (`Box<double>`:
  // Box_double_x).
  std::string Class = P->Class;
  for (char &C : Class)
    if (!isAsciiIdentifierContinue(C))
      C = '_';
  // (A double underscore is reserved: `_x` of Particle is Particle_x.)
  P->Accessor = Class + "_" + P->Name;
  for (size_t At; (At = P->Accessor.find("__")) != std::string::npos;)
    P->Accessor.erase(At, 1);
  return P;
}

/// Why a std::array or std::vector of such containers is refused, with
/// what to write instead; empty for any other class.
static std::string nestedContainer(QualType T, const ASTContext &Ctx) {
  auto Args = [](QualType C) -> const TemplateArgumentList * {
    const auto *RD = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        C->getAsCXXRecordDecl());
    bool Std = RD && RD->isInStdNamespace() &&
               (RD->getName() == "array" || RD->getName() == "vector");
    return Std && RD->getTemplateArgs()[0].getKind() == TemplateArgument::Type
               ? &RD->getTemplateArgs()
               : nullptr;
  };
  const TemplateArgumentList *Outer = Args(T);
  QualType RowT = Outer ? (*Outer)[0].getAsType() : QualType();
  if (Outer && Outer->size() > 1 && arrayRows(RowT, Ctx)) {
    std::optional<ArrayRows> A = arrayRows(RowT, Ctx);
    std::string Elem =
        (*Args(A->Row))[0].getAsType().getAsString(Ctx.getPrintingPolicy());
    std::string Rows =
        std::to_string((*Outer)[1].getAsIntegral().getExtValue());
    return "has three levels of std::array, which gradc does not support; "
           "it supports two: keep the last two in one row ('std::array<"
           "std::array<" +
           Elem + ", " + std::to_string(A->Rows * A->Cols) + ">, " + Rows +
           ">', indexed t[i][j * " + std::to_string(A->Cols) + " + k])";
  }
  std::optional<ContainerShape> Row =
      Outer ? containerShape(RowT, Ctx) : std::nullopt;
  if (!Row)
    return "";
  std::string Elem =
      (*Args(RowT))[0].getAsType().getAsString(Ctx.getPrintingPolicy());
  if (Outer->size() > 1 &&
      (*Outer)[1].getKind() == TemplateArgument::Integral && !Row->IsVector) {
    std::int64_t M = (*Outer)[1].getAsIntegral().getExtValue();
    std::string Cols = std::to_string(Row->Count);
    std::string Whole = "std::array<std::array<" + Elem + ", " + Cols + ">, " +
                        std::to_string(M) + ">";
    return "is a std::array of std::array, which gradc supports as a "
           "parameter taken by reference ('const " +
           Whole +
           " &m'; copy it into a local to change it), a local variable and "
           "a struct member (read and written m[i][j]), not here; use one "
           "of those, or one 'std::array<" +
           Elem + ", " + std::to_string(M * Row->Count) + ">' indexed m[i * " +
           Cols + " + j]";
  }
  if (Outer->size() >= 1 && Row->IsVector &&
      !(Outer->size() > 1 &&
        (*Outer)[1].getKind() == TemplateArgument::Integral))
    return "is a std::vector of std::vector, which gradc supports as a "
           "parameter and as a local given its rows' length where it is "
           "declared (a matrix: X[i][j], its rows all as long), not here "
           "yet; keep the rows one after another in one 'std::vector<" +
           Elem + ">' indexed x[i * n + j]";
  return "is a container of containers, which gradc does not support yet; "
         "keep the rows one after another in one 'std::vector<" +
         Elem +
         ">' indexed x[i * n + j] (with where each row starts in a "
         "'std::vector<int>' when their lengths differ)";
}

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
  // (Not the pointer it wraps, which is the library's.)
  if (isIterator(T))
    return Refuse("is an iterator, which gradc follows in variables and "
                  "parameters of their own: keep an index into the "
                  "container instead ('int i')");
  if (tupleKind(T) != TupleKind::None) {
    std::unique_ptr<RecordShape> Tuple = tupleShape(T, Ctx, Why);
    return Tuple ? (Made[RD] = std::move(Tuple)).get() : nullptr;
  }
  if (isComplexType(T)) {
    std::optional<ir::Scalar> S = complexScalar(T, Ctx);
    if (!S)
      return Refuse("is not supported; gradc supports std::complex of "
                    "float, double and long double ('std::complex<double>')");
    auto Shape = std::make_unique<RecordShape>();
    Shape->IsComplex = Shape->HasFloating = true;
    Shape->S = *S;
    for (const char *Part : {"real", "imag"}) {
      MemberShape M;
      M.Offset = Shape->Size++;
      M.S = *S;
      M.Part = Part;
      Shape->Members.push_back(M);
    }
    return (Made[RD] = std::move(Shape)).get();
  }
  if (std::string Nested = nestedContainer(T, Ctx); !Nested.empty())
    return Refuse(Nested);
  if (RD->isInStdNamespace())
    return Refuse(stdClassAdvice(RD->getName()));
  if (RD->isUnion())
    return Refuse("is a union; gradc supports structs of numbers");
  if (const auto *CRD = dyn_cast<CXXRecordDecl>(RD)) {
    if (CRD->isLambda())
      return Refuse("is a lambda");
    if (CRD->getNumVBases() > 0)
      return Refuse("has a virtual base class; gradc supports base classes "
                    "that are not virtual: derive without 'virtual'");
    if (CRD->isPolymorphic())
      return Refuse("has virtual functions; gradc supports classes without "
                    "them: make the functions non-virtual, or write a "
                    "function for each class");
  }
  auto Shape = std::make_unique<RecordShape>();
  if (const auto *CRD = dyn_cast<CXXRecordDecl>(RD))
    Shape->NoDefault = !CRD->hasDefaultConstructor() ||
                       CRD->hasUserProvidedDefaultConstructor();
  bool FoundScalar = false;
  Making.push_back(RD);
  if (std::string Inner; !addBases(RD, *Shape, FoundScalar, Inner)) {
    Making.pop_back();
    return Refuse("has a base class that gradc cannot hold: " + Inner);
  }
  for (const FieldDecl *FD : RD->fields()) {
    std::string Member = "member '" + FD->getNameAsString() + "'";
    QualType FT = FD->getType();
    MemberShape M;
    M.Decl = FD;
    M.Offset = Shape->Size;
    if (FD->getAccess() != AS_public)
      M.Private = privateMember(FD, Ctx);
    if (FD->isBitField() || FD->isAnonymousStructOrUnion() ||
        FD->getName().empty()) {
      Making.pop_back();
      return Refuse("has a bit-field or an unnamed member; gradc supports "
                    "named members of numbers, arrays and structs");
    }
    // A std::array member is an array member (`double x[3]`) to the IR;
    // a std::array of them its rows one after another.
    if (std::optional<ArrayRows> A = arrayRows(FT, Ctx)) {
      M.Count = A->Rows * A->Cols;
      M.RowDims = {A->Cols};
      M.Kind = ir::MemberKind::Array;
      M.StdArray = true;
      FT = cast<ClassTemplateSpecializationDecl>(A->Row->getAsCXXRecordDecl())
               ->getTemplateArgs()[0]
               .getAsType();
    } else if (std::optional<ContainerShape> C = containerShape(FT, Ctx);
               C && !C->IsVector) {
      M.Count = C->Count;
      M.Kind = ir::MemberKind::Array;
      M.StdArray = true;
      FT = cast<ClassTemplateSpecializationDecl>(FT->getAsCXXRecordDecl())
               ->getTemplateArgs()[0]
               .getAsType();
    } else if (C) {
      Making.pop_back();
      // (Beside a number: what a struct holding vectors may hold.)
      std::string ViewWhy;
      if (!view(T, ViewWhy) && !ViewWhy.empty()) {
        Why = ViewWhy;
        return nullptr;
      }
      return Refuse("has " + Member +
                    ", a std::vector; gradc supports such a struct as a "
                    "parameter ('const " +
                    Name +
                    " &p'), and not as a local, a copy, or inside an "
                    "array, a container or another struct: pass it as a "
                    "parameter, or use a member of a size fixed by its type "
                    "('std::array<double, 3> " +
                    FD->getNameAsString() + ";')");
    } else if (const auto *CAT = dyn_cast_or_null<ConstantArrayType>(
                   Ctx.getAsArrayType(FT))) {
      M.Count = static_cast<std::int64_t>(CAT->getSize().getZExtValue());
      FT = CAT->getElementType();
      M.Kind = ir::MemberKind::Array;
      // `double W[2][3]`: rows of numbers, as a local array of arrays.
      while (const auto *Row =
                 dyn_cast_or_null<ConstantArrayType>(Ctx.getAsArrayType(FT))) {
        auto D = static_cast<std::int64_t>(Row->getSize().getZExtValue());
        M.Count *= D;
        M.RowDims.push_back(D);
        FT = Row->getElementType();
      }
      if (!M.RowDims.empty() && !scalarTypeOf(FT, Ctx)) {
        Making.pop_back();
        return Refuse("has " + Member +
                      ", an array of arrays of structs; gradc supports "
                      "arrays of arrays of numbers as members: make it one "
                      "array indexed " +
                      FD->getNameAsString() + "[i * n + j]");
      }
    }
    std::optional<ir::Scalar> S =
        enumProblem(FT).empty() ? scalarTypeOf(FT, Ctx) : std::nullopt;
    // Adjoints are structs of the same type, added into member by member.
    if (S && ir::isFloating(*S) && FT.isConstQualified()) {
      Making.pop_back();
      return Refuse(
          "has the const " + Member + "; gradc's adjoint of a '" + Name +
          "' is a '" + Name +
          "' whose members it adds into, which 'const' forbids: "
          "drop the 'const' of the member (pass the struct as 'const " +
          Name + " &' to keep it unchanged)");
    }
    if (S) {
      M.S = *S;
      if (!FoundScalar || (ir::isFloating(*S) && !Shape->HasFloating))
        Shape->S = *S;
      FoundScalar = true;
      Shape->HasFloating |= ir::isFloating(*S);
      Shape->HasDefaults |= FD->hasInClassInitializer() && ir::isFloating(*S);
      Shape->Size += M.Count;
    } else if (FT->isRecordType()) {
      if (const auto *Nested = FT->getAsCXXRecordDecl();
          Nested && (Nested->getAccess() == AS_private ||
                     Nested->getAccess() == AS_protected)) {
        Making.pop_back();
        return Refuse("has " + Member + " of type '" +
                      Nested->getNameAsString() +
                      "', which is not public; generated code names it "
                      "outside the class: make it public");
      }
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
      Shape->NoDefault |= M.Rec->NoDefault;
      Shape->Size += M.Count * M.Rec->Size;
    } else {
      Making.pop_back();
      std::string Type = FD->getType().getAsString(Ctx.getPrintingPolicy());
      std::string ViewWhy;
      const ViewShape *View = view(T, ViewWhy);
      if (!ViewWhy.empty()) {
        Why = ViewWhy;
        return nullptr;
      }
      if (View)
        return Refuse("has " + Member + " of type '" + Type +
                      "': it is a view struct, which gradc supports as a "
                      "local ('" +
                      Name + " v{w, w + 6, n};') and as a parameter ('const " +
                      Name +
                      " &v'), not inside another struct, in an array or "
                      "container, or through a pointer");
      return Refuse("has " + Member + " of type '" + Type +
                    "'; gradc supports members that are numbers, arrays of "
                    "them (of a constant size) and structs of those, or "
                    "structs of pointers to numbers and integers (views)");
    }
    Shape->Members.push_back(M);
  }
  Making.pop_back();
  // A class of functions only (`struct Square { double operator()(double v)
  // const; };`, a stateless functor): an object that holds nothing, passive
  // as a struct of integers is, whose member functions are called on it.
  const auto *CRD = dyn_cast<CXXRecordDecl>(RD);
  if (Shape->Size == 0 && CRD && CRD->isEmpty()) {
    Shape->S = ir::Scalar::Int32;
    return (Made[RD] = std::move(Shape)).get();
  }
  if (Shape->Size == 0)
    return Refuse("has no numbers in it");
  // Members are named through the object (`d.a`): a name that two of
  // them share would name the wrong one, or none.
  for (std::size_t I = 0; I < Shape->Members.size(); ++I)
    for (std::size_t J = 0; J < I; ++J)
      if (Shape->Members[I].Decl->getName() ==
          Shape->Members[J].Decl->getName())
        return Refuse("has two members named '" +
                      Shape->Members[I].Decl->getNameAsString() + "' (in '" +
                      Shape->Members[J].Decl->getParent()->getNameAsString() +
                      "' and in '" +
                      Shape->Members[I].Decl->getParent()->getNameAsString() +
                      "'); gradc names members through the object: rename one");
  return (Made[RD] = std::move(Shape)).get();
}

bool RecordShapes::addBases(const RecordDecl *RD, RecordShape &Shape,
                            bool &FoundScalar, std::string &Why) {
  const auto *CRD = dyn_cast<CXXRecordDecl>(RD);
  if (!CRD)
    return true;
  for (const CXXBaseSpecifier &BS : CRD->bases()) {
    const CXXRecordDecl *BD = BS.getType()->getAsCXXRecordDecl();
    if (BD && BD->isEmpty())
      continue; // a tag, or a base of functions only: no scalars
    const RecordShape *Base = shape(BS.getType(), Why);
    if (!Base)
      return false;
    Shape.Bases.push_back({BD, Shape.Size, Base});
    for (MemberShape M : Base->Members) {
      M.Offset += Shape.Size;
      Shape.Members.push_back(M);
    }
    if (!FoundScalar || (Base->HasFloating && !Shape.HasFloating))
      Shape.S = Base->S;
    FoundScalar = true;
    Shape.HasFloating |= Base->HasFloating;
    Shape.HasDefaults |= Base->HasDefaults;
    Shape.NoDefault |= Base->NoDefault;
    Shape.Size += Base->Size;
  }
  Shape.FirstOwn = Shape.Members.size();
  return true;
}

const ViewShape *RecordShapes::view(QualType T, std::string &Why) {
  T = T.getNonReferenceType();
  const auto *RT = T->getAs<RecordType>();
  const RecordDecl *RD = RT ? RT->getDecl()->getDefinition() : nullptr;
  if (!RD || RD->isInStdNamespace() || RD->isUnion())
    return nullptr;
  if (auto It = Views.find(RD); It != Views.end())
    return It->second.get();
  const auto *CRD = dyn_cast<CXXRecordDecl>(RD);
  if (CRD &&
      (CRD->isLambda() || CRD->getNumBases() > 0 || CRD->isPolymorphic()))
    return nullptr;
  auto Shape = std::make_unique<ViewShape>();
  bool HasPointer = false, HasVector = false;
  std::string Floating;
  for (const FieldDecl *FD : RD->fields()) {
    QualType FT = FD->getType();
    if (FD->isBitField() || FD->getName().empty())
      return nullptr;
    ViewMember M;
    M.Decl = FD;
    if (FT->isPointerType()) {
      QualType E = FT->getPointeeType();
      std::optional<ir::Scalar> S =
          E->isEnumeralType() ? std::nullopt : scalarTypeOf(E, Ctx);
      if (!S)
        return nullptr;
      M.Ty = ir::Type::ptr(*S, E.isConstQualified());
      HasPointer = true;
    } else if (std::optional<ContainerShape> C = containerShape(FT, Ctx)) {
      // Const or not as the struct is passed (ClangFrontend.cpp).
      M.Ty = ir::Type::ptr(C->S);
      M.Container = C;
      HasVector |= C->IsVector;
    } else {
      std::optional<ir::Scalar> S =
          enumProblem(FT).empty() ? scalarTypeOf(FT, Ctx) : std::nullopt;
      if (!S)
        return nullptr;
      if (ir::isFloating(*S) && Floating.empty())
        Floating = FD->getNameAsString();
      M.Ty = ir::Type::scalar(*S);
    }
    Shape->Members.push_back(M);
  }
  std::string Name =
      T.getUnqualifiedType().getAsString(Ctx.getPrintingPolicy());
  if (HasVector) {
    // Containers and numbers: an owning view (a parameter only).
    if (HasPointer) {
      Why = "'" + Name +
            "' holds a std::vector and pointers; gradc supports structs of "
            "std::vector and std::array members beside numbers: keep the "
            "pointers in a struct of their own";
      return nullptr;
    }
    Shape->Owns = true;
    return (Views[RD] = std::move(Shape)).get();
  }
  // Generated code makes views as aggregates: `Layer{w, w + 6, 2, 3}`.
  if (!HasPointer || (CRD && !CRD->isAggregate()))
    return nullptr;
  for (const ViewMember &M : Shape->Members)
    if (M.Container)
      return nullptr; // a std::array beside pointers: not a view
  if (!Floating.empty()) {
    Why = "'" + Name + "' holds pointers and the number '" + Floating +
          "'; gradc supports structs of numbers, and view structs of "
          "pointers and integers: keep the numbers in a struct of their own, "
          "or pass them as parameters";
    return nullptr;
  }
  return (Views[RD] = std::move(Shape)).get();
}

void flatten(const RecordShape &Shape, std::vector<ir::Scalar> &Types,
             std::vector<std::string> &Names, const std::string &Prefix) {
  for (const MemberShape &M : Shape.Members) {
    // A tuple's element I, which has no name of its own: `t.get<I>`; a part
    // of a std::complex is read `z.real()`.
    std::string Name = Prefix + "." +
                       (M.Private && M.Private->Accessor.rfind("std::", 0) == 0
                            ? M.Private->Accessor.substr(5)
                            : M.name() + (M.Part ? "()" : ""));
    bool Array = M.Kind == ir::MemberKind::Array ||
                 M.Kind == ir::MemberKind::RecordArray;
    for (std::int64_t I = 0; I < M.Count; ++I) {
      // `.W[1][0]` of an array of arrays, row after row.
      std::string Sub;
      for (std::int64_t K = I, J = M.RowDims.size(); J-- > 0;) {
        Sub = "[" + std::to_string(K % M.RowDims[J]) + "]" + Sub;
        K /= M.RowDims[J];
      }
      if (Array) {
        std::int64_t Rows = I;
        for (std::int64_t D : M.RowDims)
          Rows /= D;
        Sub = "[" + std::to_string(Rows) + "]" + Sub;
      }
      std::string Elem = Name + Sub;
      if (M.Rec) {
        flatten(*M.Rec, Types, Names, Elem);
        continue;
      }
      Types.push_back(M.S);
      Names.push_back(Elem);
    }
  }
}

std::optional<StructContainer> structContainer(QualType T) {
  const auto *RD = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (!RD || !RD->isInStdNamespace() ||
      (RD->getName() != "array" && RD->getName() != "vector"))
    return std::nullopt;
  const TemplateArgumentList &Args = RD->getTemplateArgs();
  if (Args.size() < 1 || Args[0].getKind() != TemplateArgument::Type)
    return std::nullopt;
  QualType E = Args[0].getAsType();
  const CXXRecordDecl *ED = E->getAsCXXRecordDecl();
  if (!ED || (ED->isInStdNamespace() && tupleKind(E) == TupleKind::None &&
              !isComplexType(E)))
    return std::nullopt;
  StructContainer C;
  C.Elem = E;
  C.IsVector = RD->getName() == "vector";
  if (!C.IsVector) {
    if (Args.size() < 2 || Args[1].getKind() != TemplateArgument::Integral)
      return std::nullopt;
    C.Count = Args[1].getAsIntegral().getExtValue();
  }
  return C;
}

bool isComplexType(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->isInStdNamespace() && RD->getIdentifier() &&
         RD->getName() == "complex";
}

std::optional<ir::Scalar> complexScalar(QualType T, const ASTContext &Ctx) {
  const auto *RD = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!RD || !isComplexType(T) || RD->getTemplateArgs().size() != 1 ||
      RD->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return std::nullopt;
  std::optional<ir::Scalar> S =
      scalarTypeOf(RD->getTemplateArgs()[0].getAsType(), Ctx);
  if (!S || !ir::isFloating(*S))
    return std::nullopt;
  return S;
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
      isUnnameableEnum(E) ? std::nullopt : scalarTypeOf(E, Ctx);
  if (!S)
    return std::nullopt;
  ContainerShape C;
  C.S = *S;
  C.Name = scalarIRType(E, Ctx).name();
  C.IsVector = Name == "vector";
  if (!C.IsVector) {
    if (Args.size() < 2 || Args[1].getKind() != TemplateArgument::Integral)
      return std::nullopt;
    C.Count = Args[1].getAsIntegral().getExtValue();
  }
  return C;
}

std::optional<ArrayRows> arrayRows(QualType T, const ASTContext &Ctx) {
  T = T.getNonReferenceType();
  std::optional<ContainerShape> Outer = containerShape(T, Ctx);
  if (Outer)
    return std::nullopt; // of numbers
  const auto *RD = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (!RD || !RD->isInStdNamespace() || RD->getName() != "array" ||
      RD->getTemplateArgs().size() < 2 ||
      RD->getTemplateArgs()[0].getKind() != TemplateArgument::Type ||
      RD->getTemplateArgs()[1].getKind() != TemplateArgument::Integral)
    return std::nullopt;
  QualType Row = RD->getTemplateArgs()[0].getAsType();
  std::optional<ContainerShape> Inner = containerShape(Row, Ctx);
  if (!Inner || Inner->IsVector)
    return std::nullopt;
  ArrayRows A;
  A.S = Inner->S;
  A.Rows = RD->getTemplateArgs()[1].getAsIntegral().getExtValue();
  A.Cols = Inner->Count;
  A.Row = Row;
  return A;
}

bool isIterator(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return false;
  if (!RD->lookup(&RD->getASTContext().Idents.get("iterator_category")).empty())
    return true;
  // (Before C++20, std::reverse_iterator says so through its base,
  // std::iterator.)
  return RD->hasDefinition() &&
         llvm::any_of(RD->bases(), [](const CXXBaseSpecifier &Base) {
           return isIterator(Base.getType());
         });
}

bool isReverseIterator(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->isInStdNamespace() && RD->getIdentifier() &&
         RD->getName() == "reverse_iterator";
}

std::optional<ArrayRows> vectorRows(QualType T, const ASTContext &Ctx) {
  T = T.getNonReferenceType();
  const auto *RD = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (!RD || !RD->isInStdNamespace() || RD->getName() != "vector" ||
      RD->getTemplateArgs().size() < 1 ||
      RD->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return std::nullopt;
  QualType Row = RD->getTemplateArgs()[0].getAsType();
  std::optional<ContainerShape> Inner = containerShape(Row, Ctx);
  if (!Inner)
    return std::nullopt;
  ArrayRows A;
  A.S = Inner->S;
  A.Row = Row;
  if (!Inner->IsVector) // rows of `std::array<double, 2>`: of a known length
    A.Cols = Inner->Count;
  return A;
}

} // namespace gradc::frontend
