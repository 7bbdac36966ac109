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
#include "llvm/ADT/DenseMap.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gradc::frontend {

struct RecordShape;

/// One data member of a record.
struct MemberShape {
  const clang::FieldDecl *Decl = nullptr;
  std::int64_t Offset = 0; ///< In scalars from the record's start.
  std::int64_t Count = 1;  ///< Elements of an array member; 1 otherwise.
  ir::MemberKind Kind = ir::MemberKind::Scalar;
  ir::Scalar S = ir::Scalar::Float64; ///< Of a scalar or array member.
  const RecordShape *Rec = nullptr;   ///< Of a record (array) member.
};

struct RecordShape {
  std::int64_t Size = 0; ///< Scalars in all.
  std::vector<MemberShape> Members;
  /// The type of a pointer to the record: its first floating scalar (the
  /// adjoint's type), or its first scalar when it holds none.
  ir::Scalar S = ir::Scalar::Float64;
  bool HasFloating = false;
  /// A floating-point member, or one of a member struct, has a default
  /// member initializer: `T x{}` does not zero it.
  bool HasDefaults = false;

  const MemberShape *member(const clang::FieldDecl *FD) const {
    for (const MemberShape &M : Members)
      if (M.Decl == FD)
        return &M;
    return nullptr;
  }
};

/// std::array<T, N> (Count N) or std::vector<T> (Count 0) of a scalar T.
struct ContainerShape {
  ir::Scalar S = ir::Scalar::Float64;
  std::int64_t Count = 0;
  bool IsVector = false;
};

/// The shapes of the records a translation unit uses, made once each.
class RecordShapes {
public:
  explicit RecordShapes(const clang::ASTContext &Ctx) : Ctx(Ctx) {}

  /// The shape of record type T, or null with Why set (in the user's
  /// words: which member of which struct gradc cannot hold).
  const RecordShape *shape(clang::QualType T, std::string &Why);

private:
  const clang::ASTContext &Ctx;
  llvm::DenseMap<const clang::RecordDecl *, std::unique_ptr<RecordShape>> Made;
  std::vector<const clang::RecordDecl *> Making; ///< against recursion
};

/// The scalars of Shape in order, with their types and their names as
/// member accesses (`.r[0]`, `.f`, `.c[1].y`).
void flatten(const RecordShape &Shape, std::vector<ir::Scalar> &Types,
             std::vector<std::string> &Names, const std::string &Prefix = "");

/// Why std::pair and std::tuple are refused, with a way out; empty for
/// any other type.
std::string pairAdvice(clang::QualType T, const clang::ASTContext &Ctx);

/// T as a std::array or std::vector of a scalar type, if it is one.
std::optional<ContainerShape> containerShape(clang::QualType T,
                                             const clang::ASTContext &Ctx);

} // namespace gradc::frontend

#endif // GRADC_LIB_FRONTEND_RECORDS_H
