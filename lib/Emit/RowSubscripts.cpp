//===- RowSubscripts.cpp - m[i][j] for the flat index of an array of arrays
//===//
//
// The IR reaches a parameter `double m[][3]`, or a local `double m[3][3]`,
// through one flat index in row-major order (`i * 3 + j`), which the
// memory analyses compare as any index. C++ must index it as the user
// does: `m[i * 3 + j]` would be past the end of row 0, which C++ does not
// allow. So the index is split back where it has the shape the front end
// gave it (`(i * 3 + j) * 4 + k`, a constant, a row `i * 12`), and
// otherwise printed with `/` and `%`.
//
//===----------------------------------------------------------------------===//
#include "ExprPrinter.h"

namespace gradc::emit {

using namespace ir;

const std::vector<std::int64_t> *ExprPrinter::rowDims(const Value *Ptr) const {
  // `double A[3][3]`, a member `m.W[2][2]`.
  if (Ptr->Code == OpCode::Local || Ptr->Code == OpCode::Field)
    return Ptr->RowDims.empty() ? nullptr : &Ptr->RowDims;
  const Param *P = paramOf(Ptr);
  return P && !P->RowDims.empty() ? &P->RowDims : nullptr;
}

namespace {
/// The subscripts of Factor * X, written while the index keeps the front
/// end's shape: Add(Mul(Y, d), Z) is Y's subscripts and then Z.
class Splitter {
public:
  Splitter(const NamePlan &Plan, const ExprPrinter &P) : Plan(Plan), P(P) {}

  bool split(const Value *X, std::int64_t Factor,
             std::vector<std::int64_t> Dims,
             std::vector<std::string> &Out) const {
    if (X->isConst()) {
      std::int64_t C = X->IVal * Factor;
      std::vector<std::string> Rev;
      for (size_t K = Dims.size(); K-- > 0;) {
        Rev.push_back(std::to_string(C % Dims[K]));
        C /= Dims[K];
      }
      Out.push_back(std::to_string(C));
      Out.insert(Out.end(), Rev.rbegin(), Rev.rend());
      return true;
    }
    if (Dims.empty()) {
      if (Factor != 1)
        return false;
      Out.push_back(Print(X));
      return true;
    }
    std::int64_t D = Dims.back();
    if (Factor % D == 0) {
      if (!split(X, Factor / D, front(Dims), Out))
        return false;
      Out.push_back("0");
      return true;
    }
    if (Factor != 1 || !Plan.Inlined[X->Id])
      return false;
    if (const Value *Y = scaledBy(X, D)) {
      if (!split(Y, 1, front(Dims), Out))
        return false;
      Out.push_back("0");
      return true;
    }
    if (X->Code == OpCode::Add) {
      const Value *Y = scaledBy(X->Operands[0], D);
      if (!Y || !Plan.Inlined[X->Operands[0]->Id] ||
          !split(Y, 1, front(Dims), Out))
        return false;
      Out.push_back(Print(X->Operands[1]));
      return true;
    }
    return false;
  }

private:
  static std::vector<std::int64_t> front(std::vector<std::int64_t> Dims) {
    Dims.pop_back();
    return Dims;
  }
  /// Y when X is `Y * D` or `D * Y`.
  static const Value *scaledBy(const Value *X, std::int64_t D) {
    if (X->Code != OpCode::Mul)
      return nullptr;
    for (int K = 0; K < 2; ++K) {
      const Value *C = X->Operands[1 - K];
      if (C->isConst() && C->IVal == D)
        return X->Operands[K];
    }
    return nullptr;
  }

  std::string Print(const Value *V) const { return P.print(V); }

  const NamePlan &Plan;
  const ExprPrinter &P;
};
} // namespace

std::string ExprPrinter::rowElement(const Value *Ptr, const Value *Index,
                                    bool AsPointer, bool WholeRow) const {
  const std::vector<std::int64_t> &Dims = *rowDims(Ptr);
  std::vector<std::string> Subs;
  if (!Index)
    Subs.assign(Dims.size() + 1, "0");
  else if (!Splitter(Plan, *this).split(Index, 1, Dims, Subs))
    Subs = divided(Index, Dims);
  // A pointer to the start of a row is the row (`m[i]`, which decays);
  // so is a row the front end made (a `std::array` row, referred to),
  // whose index, read back from a tape, is divided (`m[k / 3]`).
  bool Row =
      AsPointer && (Subs.back() == "0" || (WholeRow && Dims.size() == 1));
  if (Row)
    Subs.pop_back();
  // (A std::array of std::array is indexed by name, not through data().)
  std::string Text = Ptr->Code == OpCode::Field ? member(Ptr)
                     : isContainer(Ptr)         ? Plan.Var[Ptr->Id]
                                                : print(Ptr);
  for (const std::string &Sub : Subs)
    Text += "[" + Sub + "]";
  return AsPointer && !Row ? "&" + Text : Text;
}

/// Whether V is the length of the rows of a std::vector of std::vector.
static bool isRowLength(const Value *V) {
  return V->Code == OpCode::Size && V->Text == "cols";
}

std::string ExprPrinter::vectorRowElement(const Value *Ptr,
                                          const Value *Index) const {
  // A subscript needs no conversion between integer types.
  auto Sub = [&](const Value *V) {
    while (V->Code == OpCode::Cast && V->Ty.isInteger() &&
           V->Operands[0]->Ty.isInteger() && Plan.Inlined[V->Id])
      V = V->Operands[0];
    return print(V);
  };
  std::string Name = Plan.Var[Ptr->Id];
  const Value *Row = nullptr, *Col = nullptr;
  if (Index && Index->Code == OpCode::Add && Plan.Inlined[Index->Id]) {
    const Value *M = Index->Operands[0];
    if (M->Code == OpCode::Mul && Plan.Inlined[M->Id] &&
        isRowLength(M->Operands[1])) {
      Row = M->Operands[0];
      Col = Index->Operands[1];
    }
  }
  if (Row)
    return Name + "[" + Sub(Row) + "][" + Sub(Col) + "]";
  // Another index (read back from a tape, say): divided by the rows'
  // length, which generated code computes again.
  std::string K = Index ? print(Index) : "0";
  if (Index && !Index->isConst() && Plan.Inlined[Index->Id])
    K = "(" + K + ")";
  std::string Cols = "gradc::cols(" + Name + ")";
  return Name + "[" + K + " / " + Cols + "][" + K + " % " + Cols + "]";
}

std::string ExprPrinter::flatPointer(const Value *Ptr) const {
  return rowDims(Ptr) ? "&" + rowElement(Ptr, nullptr, /*AsPointer=*/false)
                      : print(Ptr);
}

std::string ExprPrinter::dimensions(const Value &Local) {
  std::int64_t Rows = Local.IVal;
  std::string Text;
  for (std::int64_t D : Local.RowDims) {
    Rows /= D;
    Text += "[" + std::to_string(D) + "]";
  }
  return "[" + std::to_string(Rows) + "]" + Text;
}

std::vector<std::string>
ExprPrinter::divided(const Value *Index,
                     const std::vector<std::int64_t> &Dims) const {
  // Another index (one read back from a tape, say): each subscript is the
  // index over its stride, modulo its size.
  std::string X = print(Index);
  if (!Index->isConst() && Plan.Inlined[Index->Id])
    X = "(" + X + ")";
  std::int64_t Stride = 1;
  for (std::int64_t D : Dims)
    Stride *= D;
  std::vector<std::string> Subs;
  for (size_t K = 0; K <= Dims.size(); ++K) {
    std::string Sub = Stride == 1 ? X : X + " / " + std::to_string(Stride);
    if (K)
      Sub += " % " + std::to_string(Dims[K - 1]);
    Subs.push_back(Sub);
    if (K < Dims.size())
      Stride /= Dims[K];
  }
  return Subs;
}

} // namespace gradc::emit
