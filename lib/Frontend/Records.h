//===- Records.h - Structs as the IR sees them ------------------*- C++ -*-===//
//
// Private to the Clang front end. The IR has no aggregates: a struct of
// numbers (`struct Camera { double r[3], t[3], f; }`) is its scalars in
// declaration order, and a member is a Field op that points some scalars
// into it and keeps the member's name, so that generated code says
// `cam.r[i]` and `dcam.f`. The offsets are gradc's own (C++'s layout and
// padding never matter: generated code names members, the interpreter
// keeps its own buffers). std::array and std::vector of numbers are arrays.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_LIB_FRONTEND_RECORDS_H
#define GRADC_LIB_FRONTEND_RECORDS_H

#include "gradc/IR/Function.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/DenseMap.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gradc::frontend {

struct RecordShape;

/// A non-virtual base class of a record: its members come first, in the
/// order C++ lays them out, and are named through the derived object
/// (`d.a`), as C++ allows.
struct BaseShape {
  const clang::CXXRecordDecl *Decl = nullptr;
  std::int64_t Offset = 0; ///< In scalars from the derived record's start.
  const RecordShape *Shape = nullptr;
};

/// One data member of a record.
struct MemberShape {
  const clang::FieldDecl *Decl = nullptr;
  std::int64_t Offset = 0; ///< In scalars from the record's start.
  std::int64_t Count = 1;  ///< Elements of an array member; 1 otherwise.
  ir::MemberKind Kind = ir::MemberKind::Scalar;
  ir::Scalar S = ir::Scalar::Float64; ///< Of a scalar or array member.
  const RecordShape *Rec = nullptr;   ///< Of a record (array) member.
  /// A std::array member (Kind Array), which names its pointer `.data()`.
  bool StdArray = false;
  /// An array of arrays (`double W[2][3]`, `std::array<std::array<double,
  /// 3>, 2>`): its rows one after another, and the sizes after the first
  /// ({3}), as a local array of arrays has them.
  std::vector<std::int64_t> RowDims;
  /// A member that is not public: how generated code reaches it.
  std::shared_ptr<const ir::PrivateMember> Private;
  /// A part of a std::complex ("real" or "imag"), which has no FieldDecl.
  const char *Part = nullptr;

  std::string name() const {
    return Part ? std::string(Part) : Decl->getNameAsString();
  }
};

struct RecordShape {
  std::int64_t Size = 0; ///< Scalars in all.
  /// The members of the base classes (flattened, at their offsets), then
  /// the record's own from index FirstOwn.
  std::vector<MemberShape> Members;
  std::vector<BaseShape> Bases;
  std::size_t FirstOwn = 0;
  /// The type of a pointer to the record: its first floating scalar (the
  /// adjoint's type), or its first scalar when it holds none.
  ir::Scalar S = ir::Scalar::Float64;
  bool HasFloating = false;
  /// A floating-point member, or one of a member struct, has a default
  /// member initializer: `T x{}` does not zero it.
  bool HasDefaults = false;
  /// The class, a member's or a base's, has no default constructor gradc
  /// may use to declare it (none, or one of the user's, which `T v;` and
  /// `T dv{}` would run): locals are declared by gradc::zero.
  bool NoDefault = false;
  /// std::complex<S>: its real and imaginary parts (LoweringComplex.cpp).
  bool IsComplex = false;

  const MemberShape *member(const clang::FieldDecl *FD) const {
    for (const MemberShape &M : Members)
      if (M.Decl == FD)
        return &M;
    return nullptr;
  }
  /// The direct base class Base (null for an empty one, a tag).
  const BaseShape *base(const clang::CXXRecordDecl *Base) const {
    for (const BaseShape &B : Bases)
      if (B.Decl->getCanonicalDecl() == Base->getCanonicalDecl())
        return &B;
    return nullptr;
  }
};

/// std::array<T, N> (Count N) or std::vector<T> (Count 0) of a scalar T.
struct ContainerShape {
  ir::Scalar S = ir::Scalar::Float64;
  std::int64_t Count = 0;
  bool IsVector = false;
  /// How generated code names an element (an enum, `long`), if not by S.
  ir::TypeName Name = 0;
};

/// A view struct: pointers into arrays of numbers, and integers that say
/// how to read them (`struct Layer { const double *W, *b; int in, out; }`).
/// It holds no numbers of its own, so it is not memory to the IR: a view
/// variable is its members' values, a pointer each as a pointer local is,
/// and a view parameter is one parameter a member (ViewsLowering.cpp).
struct ViewMember {
  const clang::FieldDecl *Decl = nullptr;
  /// ptr(S, const), or a scalar: an integer, or a number of an owning view.
  ir::Type Ty = ir::Type::f64();
  /// A std::vector or std::array member of an owning view.
  std::optional<ContainerShape> Container;
};

/// A struct that holds containers of numbers (`struct Layer {
/// std::vector<double> W, b; double scale; int in, out; };`) is an owning
/// view: it is a view to the IR too (one parameter a member, `L.W` a
/// container, `L.scale` a number), but its containers are its own, so its
/// adjoint is one struct of its type (`Layer &dL`, `dL.W[i]`,
/// `dL.scale`) and only parameters of it are supported.
struct ViewShape {
  std::vector<ViewMember> Members;
  bool Owns = false; ///< Its members are containers and numbers.

  /// The index of FD among Members, or -1.
  int index(const clang::FieldDecl *FD) const {
    for (size_t I = 0; I < Members.size(); ++I)
      if (Members[I].Decl == FD)
        return static_cast<int>(I);
    return -1;
  }
};

/// The shapes of the records a translation unit uses, made once each.
class RecordShapes {
public:
  explicit RecordShapes(const clang::ASTContext &Ctx) : Ctx(Ctx) {}

  /// The shape of record type T, or null with Why set (in the user's
  /// words: which member of which struct gradc cannot hold).
  const RecordShape *shape(clang::QualType T, std::string &Why);

  /// The view shape of T (reference stripped), if T is a view struct: a
  /// struct of your own whose members are pointers to numbers and
  /// integers, with at least one pointer, or (Owns) std::vector and
  /// std::array of numbers and numbers, with at least one std::vector.
  /// Null with Why empty when T is no view; null with Why set when it is
  /// one gradc cannot hold.
  const ViewShape *view(clang::QualType T, std::string &Why);

private:
  /// Adds the members of RD's base classes to Shape; false with Why set.
  bool addBases(const clang::RecordDecl *RD, RecordShape &Shape,
                bool &FoundScalar, std::string &Why);

  const clang::ASTContext &Ctx;
  llvm::DenseMap<const clang::RecordDecl *, std::unique_ptr<RecordShape>> Made;
  llvm::DenseMap<const clang::RecordDecl *, std::unique_ptr<ViewShape>> Views;
  std::vector<const clang::RecordDecl *> Making; ///< against recursion
};

/// Marks L, a local of a struct of Shape, to be declared as its type
/// allows (by gradc::zero where `T v{}` is not zero or does not compile).
inline void markDefaults(ir::Value &L, const RecordShape &Shape) {
  L.MemberDefaults = Shape.HasDefaults || Shape.NoDefault;
  L.NoDefault = Shape.NoDefault;
}

/// The scalars of Shape in order, with their types and their names as
/// member accesses (`.r[0]`, `.f`, `.c[1].y`).
void flatten(const RecordShape &Shape, std::vector<ir::Scalar> &Types,
             std::vector<std::string> &Names, const std::string &Prefix = "");

/// std::array<S, N> (Count N) or std::vector<S> (Count 0) of a struct S of
/// the user's own: an array of structs.
struct StructContainer {
  clang::QualType Elem;
  std::int64_t Count = 0;
  bool IsVector = false;
};

/// T as a std::array or std::vector of a struct that is no standard
/// library class, or of a std::pair, std::tuple or std::complex, if it is
/// one.
std::optional<StructContainer> structContainer(clang::QualType T);

/// What T (or what it references) is among the standard library's
/// tuple-like classes (StdTuples.cpp).
enum class TupleKind { None, Pair, Tuple };
TupleKind tupleKind(clang::QualType T);

/// Whether CE is `std::make_pair` or `std::make_tuple`, which copy their
/// arguments (taken by forwarding reference) and never write them.
bool makesTuple(const clang::CallExpr *CE);
/// E as a call of `std::tie`, if it is one.
const clang::CallExpr *tieCall(const clang::Expr *E);
/// Whether CE is `std::get<...>(t)` of a std::pair or std::tuple.
bool isTupleGet(const clang::CallExpr *CE);

/// The shape of a std::pair or std::tuple of numbers, in element order;
/// null with Why set when an element is no number.
std::unique_ptr<RecordShape>
tupleShape(clang::QualType T, const clang::ASTContext &Ctx, std::string &Why);

/// Whether T (reference stripped) is std::complex of any type.
bool isComplexType(clang::QualType T);
/// The part type of T, if T is std::complex of a floating-point type.
std::optional<ir::Scalar> complexScalar(clang::QualType T,
                                        const clang::ASTContext &Ctx);

/// T as a std::array or std::vector of a scalar type, if it is one.
std::optional<ContainerShape> containerShape(clang::QualType T,
                                             const clang::ASTContext &Ctx);

/// `std::array<std::array<S, Cols>, Rows>` of a scalar S: Rows * Cols
/// numbers in row-major order to the IR, as `double m[Rows][Cols]` is
/// (LoweringArrayRows.cpp).
struct ArrayRows {
  ir::Scalar S = ir::Scalar::Float64;
  std::int64_t Rows = 0, Cols = 0;
  clang::QualType Row; ///< `std::array<S, Cols>`
};

/// T (reference stripped) as a std::array of std::array of numbers, if it
/// is one.
std::optional<ArrayRows> arrayRows(clang::QualType T,
                                   const clang::ASTContext &Ctx);

/// Whether T is a standard container's iterator (a class that says so).
bool isIterator(clang::QualType T);
/// Whether T is a std::reverse_iterator (`v.rbegin()`).
bool isReverseIterator(clang::QualType T);

/// T (reference stripped) as a std::vector of std::vector of numbers, if
/// it is one: Rows and Cols are 0, Row is `std::vector<S>`.
std::optional<ArrayRows> vectorRows(clang::QualType T,
                                    const clang::ASTContext &Ctx);

} // namespace gradc::frontend

#endif // GRADC_LIB_FRONTEND_RECORDS_H
