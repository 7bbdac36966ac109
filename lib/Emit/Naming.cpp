//===- Naming.cpp - Which values become C++ variables, and their names ----===//
#include "Naming.h"

#include "gradc/IR/Uses.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace gradc::emit {

using namespace ir;

namespace {

/// A word for the C++ operator Sym (`+`, `==`, `()`), for the variable
/// holding what an operator of the user's own returns.
std::string operatorWord(const std::string &Sym) {
  static const std::pair<const char *, const char *> Words[] = {
      {"+", "plus"},           {"-", "minus"},       {"*", "times"},
      {"/", "divide"},         {"==", "equal"},      {"!=", "not_equal"},
      {"<", "less"},           {"<=", "less_equal"}, {">", "greater"},
      {">=", "greater_equal"}, {"()", "call"},       {"[]", "index"}};
  for (const auto &[S, W] : Words)
    if (Sym == S)
      return W;
  return "op";
}

/// A variable's spelling as part of an identifier: a view's member `L.W`
/// gives its object's name, `L`.
static std::string word(const std::string &Var) {
  size_t End = 0;
  while (
      End < Var.size() &&
      (std::isalnum(static_cast<unsigned char>(Var[End])) || Var[End] == '_'))
    ++End;
  return Var.substr(0, End);
}

static std::string tempNameOf(const Value &V, const NamePlan &Plan);

/// A temporary is named after the variables it reads, which may be the
/// members of a view parameter (`L.W`): never with a '.' in it.
std::string tempName(const Value &V, const NamePlan &Plan) {
  std::string Name = tempNameOf(V, Plan);
  std::replace(Name.begin(), Name.end(), '.', '_');
  return Name;
}

static std::string tempNameOf(const Value &V, const NamePlan &Plan) {
  if (const char *Word = resultWord(V.Code))
    return Word;
  switch (V.Code) {
  case OpCode::Cmp: {
    std::string A = word(Plan.Var[V.Operands[0]->Id]);
    std::string B = word(Plan.Var[V.Operands[1]->Id]);
    if (A.empty() || B.empty())
      return "cond";
    return A + "_" + cmpPredName(V.Pred) + "_" + B; // x_lt_y
  }
  case OpCode::And:
  case OpCode::Or:
  case OpCode::Not:
    return "cond";
  case OpCode::Select:
    return "sel";
  case OpCode::Call: {
    std::string Arg = word(Plan.Var[V.Operands[0]->Id]);
    return std::string(mathFnName(V.Fn)) + "_" + (Arg.empty() ? "v" : Arg);
  }
  case OpCode::Invoke: {
    // Never the function's own name, which the variable would hide.
    std::string Fn = V.Text.substr(0, V.Text.find('<'));
    Fn = Fn.substr(Fn.rfind(':') == std::string::npos ? 0 : Fn.rfind(':') + 1);
    if (Fn.size() > 8 && Fn.compare(0, 8, "operator") == 0)
      Fn = operatorWord(Fn.substr(8)); // `a * b`: `times_a`
    std::string Arg =
        V.Operands.empty() ? std::string() : word(Plan.Var[V.Operands[0]->Id]);
    return Fn + "_" + (Arg.empty() ? "v" : Arg);
  }
  case OpCode::Load: {
    // Kept because memory changes before its use: the old value; memory
    // nothing writes (`const double *x`) is just an element.
    const Value *Ptr = V.Operands[0];
    if (const Value *Vec = Plan.VectorOf[Ptr->Id]) // `v.size()`
      return Plan.Var[Vec->Id] +
             (Ptr == Vec->Operands[1] ? "_size" : "_capacity");
    // A part of z is z_re or z_im: `double z_re = z.real();`.
    if (Ptr->Code == OpCode::Field && Ptr->ComplexPart) {
      const std::string &Of = Plan.Var[Ptr->Operands[0]->Id];
      return (Of.empty() ? std::string("z") : Of) +
             (Ptr->Text == "real" ? "_re" : "_im");
    }
    // A member is named after itself: `double f = cam.f;`.
    if (Ptr->Code == OpCode::Field && Ptr->Member == MemberKind::Scalar)
      return Ptr->Text;
    std::string Var =
        Ptr->Code == OpCode::Field ? Ptr->Text : Plan.Var[Ptr->Id];
    // An element of a view's member, `L.W[k]`, as a member's: `W_elem`.
    Var = Var.substr(Var.rfind('.') + 1);
    if (Var.empty())
      return "elem";
    return Var + (Ptr->Ty.isConstPointee() ? "_elem" : "_old");
  }
  case OpCode::Pop: {
    // p_tape.pop() is the old p.
    std::string Tape = Plan.Var[V.Operands[0]->Id];
    size_t Cut = Tape.rfind("_tape");
    return (Cut == std::string::npos ? Tape : Tape.substr(0, Cut)) + "_old";
  }
  case OpCode::Offset:
    return V.Text.empty() ? "ptr" : "row";
  case OpCode::Size:
    return "size";
  default:
    return "t";
  }
}

/// Conversions and negations of a variable cost less to repeat than to
/// name: `db += n` reads better than `double conv = n; ... db += conv`.
bool cheap(const Value &V) {
  if (V.Code != OpCode::Cast && V.Code != OpCode::Neg)
    return false;
  const Value &Op = *V.Operands[0];
  return Op.Code == OpCode::Param || Op.isConst() || !Op.Name.empty();
}

/// A load as plain as a variable: `s`, `x[i]`, `*p`.
bool simpleLoad(const Value &V) {
  if (V.Code != OpCode::Load && V.Code != OpCode::Field)
    return false;
  // `cam.r[0]`, `cams[i].f`: members of simple records are as cheap.
  for (const Value *Op : V.Operands)
    if (!(Op->Code == OpCode::Param || Op->Code == OpCode::Local ||
          Op->isConst() ||
          ((Op->Code == OpCode::Load || Op->Code == OpCode::Field) &&
           simpleLoad(*Op))))
      return false;
  return true;
}

/// Values that are their own variables, whatever their uses.
bool declares(const Value &V) {
  return V.Code == OpCode::Local || V.Code == OpCode::Tape;
}

/// The variable that holds the latest version of a source name.
struct Variable {
  std::string Name;
  const Value *Holder;
  bool Assignable;
  const Block *Home;
};

class Planner {
public:
  explicit Planner(const Function &F) : F(F) {}
  NamePlan run();
  void hideLengthUpkeep();
  void uncountRowLengths();

private:
  void number(const Block &B, bool Header, const Value *In);
  bool materializes(const Value &V);
  /// Whether V is used only as the index of an array of arrays parameter,
  /// which prints it as subscripts (`m[i][j]` for `i * 3 + j`), so that
  /// a variable of it would cost a reader a division.
  bool onlySubscripts(const Value &V);
  bool poppedInto(const Value &V);
  unsigned reach(const Value *U);
  unsigned loopReach(const Value *U, const Value &V);
  void name(const Block &B);
  void nameOps(const Block &B);
  void nameKept(const Value &V);
  bool InBranch = false; ///< naming the ops of a branch
  std::string fresh(const std::string &Want);
  void setVar(const std::string &Source, Variable V);
  void undoTo(size_t Mark);

  const Function &F;
  NamePlan Plan;
  std::vector<unsigned> Pos, EvalPos;
  std::vector<int> Reach; ///< reach(), computed once each; -1: not yet
  std::vector<const Block *> Home;
  std::vector<const Value *> Parent; ///< the op whose region holds it
  std::vector<unsigned> End;         ///< the last position of its regions
  std::vector<unsigned> Seen;        ///< loopReach's visits, by Stamp
  unsigned Stamp = 0;
  std::vector<bool> InHeader; ///< in a loop's init, condition or step
  std::vector<std::vector<const Value *>> Users;
  std::vector<const Value *> Order; ///< every op in program order
  std::unordered_set<std::string> Taken;
  /// For each wanted name, a suffix from which to look for a free one:
  /// Want_2 ... Want_{K-1} are all taken. Without it each `t` would try
  /// every `t_K` before its own.
  std::unordered_map<std::string, unsigned> NextSuffix;
  std::unordered_map<std::string, Variable> Vars;
  /// What name() changed in the blocks being named, to be undone at their
  /// end (copying Taken and Vars for each block was quadratic in loops).
  struct Change {
    enum { Took, Suffix, Var } Kind;
    std::string Key;
    unsigned OldSuffix = 0; ///< 0: there was none
    std::optional<Variable> OldVar;
  };
  std::vector<Change> Undo;
};

void Planner::number(const Block &B, bool Header, const Value *In) {
  for (const Value *V : B.Ops) {
    Pos[V->Id] = static_cast<unsigned>(Order.size());
    Order.push_back(V);
    Home[V->Id] = &B;
    InHeader[V->Id] = Header;
    Parent[V->Id] = In;
    for (const Value *Op : V->Operands)
      Users[Op->Id].push_back(V);
    for (size_t R = 0; R < V->Regions.size(); ++R)
      number(V->Regions[R], V->Code == OpCode::Loop && R != LoopBody, V);
    End[V->Id] = static_cast<unsigned>(Order.size()) - 1;
  }
}

/// Whether V gets a variable of its own rather than being printed inside
/// its user.
bool Planner::materializes(const Value &V) {
  if (!V.hasResult() || V.isConst())
    return false;
  if (V.Code == OpCode::Pop)
    return !poppedInto(V);
  if (declares(V))
    return true;
  // A loop header is one line of C++: everything in it is printed inline.
  // A member is named where it is used (`cam.r[i]`), never held.
  if (InHeader[V.Id] || V.Code == OpCode::Field)
    return false;
  // A call that writes, or reads memory, is made where it was made; the
  // statement right after it may be its return (`return f_pullback(...);`).
  if (V.Code == OpCode::Invoke && V.Name.empty() && Users[V.Id].size() == 1 &&
      Users[V.Id][0]->Code == OpCode::Return &&
      Pos[Users[V.Id][0]->Id] == Pos[V.Id] + 1)
    return false;
  if (V.Code == OpCode::Invoke &&
      (V.hasEffect() ||
       std::any_of(V.Operands.begin(), V.Operands.end(),
                   [](const Value *Op) { return Op->Ty.isMemory(); })))
    return true;
  unsigned Uses = Plan.Uses[V.Id];
  if (!V.Name.empty() || V.Code == OpCode::Offset)
    return true;
  if (Uses == 0)
    return false;
  for (const Value *User : Users[V.Id])
    // Computed once, not once per iteration or in another scope.
    if (Home[User->Id] != Home[V.Id] && !InHeader[User->Id])
      return true;
  if (V.Code == OpCode::Load) {
    // Read where it was read: nothing may write it in between, up to
    // where its users are printed (a pure user may be printed inside its
    // own user, as far as a call's arguments).
    const Value *Base = baseOf(V.Operands[0]);
    unsigned Last = 0;
    ++Stamp;
    for (const Value *User : Users[V.Id])
      Last = std::max({Last, reach(User), loopReach(User, V)});
    for (unsigned P = Pos[V.Id] + 1; P < Last; ++P)
      if (!Order[P]->isRegionOp() && writes(*Order[P], Base))
        return true;
    return Uses > 1 && !simpleLoad(V);
  }
  if (Uses > 1)
    return !cheap(V) && !onlySubscripts(V);
  return false;
}

/// Whether pop V is stored, by the op right after it, into a variable and
/// used nowhere else: `c_new = c_tape.pop();` rather than through a copy.
bool Planner::poppedInto(const Value &V) {
  if (Users[V.Id].size() != 1)
    return false;
  const Value *S = Users[V.Id][0];
  return S->Code == OpCode::Store && S->Operands[1] == &V && !S->index() &&
         S->Operands[0]->Code == OpCode::Local && S->Operands[0]->IVal == 0 &&
         Home[S->Id] == Home[V.Id] && Pos[S->Id] == Pos[V.Id] + 1;
}

bool Planner::onlySubscripts(const Value &V) {
  auto Shaped = [&](const Value *Ptr) {
    if (Ptr->Code == OpCode::Local || Ptr->Code == OpCode::Field)
      return !Ptr->RowDims.empty(); // `A[i][j]`, a member `m.W[i][j]`
    return std::any_of(F.Params.begin(), F.Params.end(), [&](const Param &P) {
      return P.V == Ptr && (!P.RowDims.empty() || P.VectorRows);
    });
  };
  return std::all_of(
      Users[V.Id].begin(), Users[V.Id].end(), [&](const Value *U) {
        bool Access = U->Code == OpCode::Load || U->Code == OpCode::Store ||
                      U->Code == OpCode::AddTo;
        if (Access && U->index() == &V)
          return Shaped(U->Operands[0]);
        return U->Code == OpCode::Offset && U->Operands[1] == &V &&
               Shaped(U->Operands[0]);
      });
}

/// The last position at which U, or a pure value using it, may be printed.
unsigned Planner::reach(const Value *U) {
  if (Reach[U->Id] >= 0)
    return static_cast<unsigned>(Reach[U->Id]);
  unsigned R = Pos[U->Id];
  if (U->hasResult() && !U->hasEffect() && !declares(*U))
    for (const Value *Next : Users[U->Id])
      R = std::max(R, reach(Next));
  Reach[U->Id] = static_cast<int>(R);
  return R;
}

/// The last position of the outermost loop that holds U, or a pure value
/// using it, but not V: a loop's header is evaluated again after its body,
/// so V read there (`while (p_off != end_off)`) must outlive the body.
unsigned Planner::loopReach(const Value *U, const Value &V) {
  if (Seen[U->Id] == Stamp) // shared users are walked once per V
    return 0;
  Seen[U->Id] = Stamp;
  unsigned R = 0;
  for (const Value *L = Parent[U->Id];
       L && !(Pos[L->Id] < Pos[V.Id] && Pos[V.Id] <= End[L->Id]);
       L = Parent[L->Id])
    if (L->Code == OpCode::Loop) // (its last op too: past End)
      R = std::max(R, End[L->Id] + 1);
  if (U->hasResult() && !U->hasEffect() && !declares(*U))
    for (const Value *Next : Users[U->Id])
      R = std::max(R, loopReach(Next, V));
  return R;
}

/// Want if free, else the first free Want_K, K = 2, 3, ...
std::string Planner::fresh(const std::string &Want) {
  std::string Name = Want;
  if (Taken.count(Name) || isMadeKeyword(Name)) {
    auto [It, New] = NextSuffix.try_emplace(Want, 2);
    Undo.push_back({Change::Suffix, Want, New ? 0 : It->second, {}});
    unsigned K = It->second;
    do
      Name = Want + "_" + std::to_string(K++);
    while (Taken.count(Name) || isMadeKeyword(Name));
    It->second = K;
  }
  Taken.insert(Name);
  Undo.push_back({Change::Took, Name, 0, {}});
  return Name;
}

void Planner::setVar(const std::string &Source, Variable V) {
  auto [It, New] = Vars.try_emplace(Source, V);
  Undo.push_back({Change::Var, Source, 0,
                  New ? std::nullopt : std::optional<Variable>(It->second)});
  It->second = V;
}

void Planner::undoTo(size_t Mark) {
  for (; Undo.size() > Mark; Undo.pop_back()) {
    Change &C = Undo.back();
    switch (C.Kind) {
    case Change::Took:
      Taken.erase(C.Key);
      break;
    case Change::Suffix:
      if (C.OldSuffix)
        NextSuffix[C.Key] = C.OldSuffix;
      else
        NextSuffix.erase(C.Key);
      break;
    case Change::Var:
      if (C.OldVar)
        Vars[C.Key] = *C.OldVar;
      else
        Vars.erase(C.Key);
      break;
    }
  }
}

/// Names the variables of B; names declared in B are free again after it.
void Planner::name(const Block &B) {
  size_t Mark = Undo.size();
  nameOps(B);
  undoTo(Mark);
}

void Planner::nameOps(const Block &B) {
  auto LastUse = [&](const Value *V) {
    unsigned Last = V->Code == OpCode::Param ? 0 : Pos[V->Id];
    for (const Value *U : Users[V->Id])
      Last = std::max(Last, EvalPos[U->Id]);
    return Last;
  };
  for (const Value *V : B.Ops) {
    if (!InBranch && V->Code == OpCode::If)
      nameKept(*V);
    if (V->hasResult() && !Plan.Inlined[V->Id] && !V->isConst() && !V->Kept &&
        !Plan.VectorOf[V->Id]) {
      bool Reused = false;
      if (!V->Name.empty() && !declares(*V) && V->Code != OpCode::Pop) {
        auto It = Vars.find(V->Name);
        if (It != Vars.end() && It->second.Assignable &&
            It->second.Home == &B && It->second.Holder->Ty == V->Ty &&
            LastUse(It->second.Holder) <= Pos[V->Id]) {
          Plan.Var[V->Id] = It->second.Name;
          Plan.Replaces[V->Id] = It->second.Holder;
          Variable Next = It->second;
          Next.Holder = V;
          setVar(V->Name, Next);
          Reused = true;
        }
      }
      if (!Reused) {
        std::string Name =
            fresh(V->Name.empty() ? tempName(*V, Plan) : V->Name);
        Plan.Var[V->Id] = Name;
        if (!V->Name.empty())
          setVar(V->Name,
                 {Name, V, !declares(*V) && V->Code != OpCode::Offset, &B});
      }
    }
    // What a loop's init declares (its counter) is in scope in its
    // condition, step and body: taken until the loop ends.
    size_t LoopMark = Undo.size();
    for (size_t R = 0; R < V->Regions.size(); ++R) {
      bool Saved = InBranch;
      InBranch = V->Code == OpCode::If;
      if (V->Code == OpCode::Loop && R == Init)
        nameOps(V->Regions[R]);
      else
        name(V->Regions[R]);
      InBranch = Saved;
    }
    undoTo(LoopMark);
  }
}

/// Values of V's branches that are read after them are variables of the
/// body, declared before V.
void Planner::nameKept(const Value &V) {
  forEachKept(V, [&](const Value &K) {
    Plan.Var[K.Id] = fresh(K.Name.empty() ? tempName(K, Plan) : K.Name);
  });
}

/// Whether the store St, of a vector's element or length with the call it
/// prints in Text, prints its operand Op: `v.push_back(x)` prints x, not
/// the index; `v.pop_back()` nothing; the upkeep (`size`) is silent.
static bool printsOperand(const Value &St, const Value *Op) {
  if (St.Code != OpCode::Store || St.Text.empty())
    return true;
  bool Prints = St.Text == "push_back" || St.Text == "emplace_back" ||
                St.Text == "resize";
  return Prints && St.Operands[1] == Op;
}

/// What only the upkeep of vectors' lengths reads is never printed: as
/// inlined into what does not print it.
void Planner::hideLengthUpkeep() {
  std::vector<bool> Silent(Plan.Inlined.size(), false);
  for (auto It = Order.rbegin(); It != Order.rend(); ++It) {
    const Value *V = *It;
    bool Hidden = V->Code == OpCode::Store && V->Text == "size";
    if (!Hidden && V->hasResult() && !V->hasEffect() && !declares(*V) &&
        V->Code != OpCode::Param && !Users[V->Id].empty()) {
      Hidden = true;
      for (const Value *U : Users[V->Id])
        Hidden &= Silent[U->Id] || !printsOperand(*U, V);
    }
    Silent[V->Id] = Hidden;
    if (Hidden && V->hasResult())
      Plan.Inlined[V->Id] = true;
  }
}

void Planner::uncountRowLengths() {
  // `X[i][j]` of a std::vector of std::vector does not print the length
  // of its rows that its index `i * X_cols + j` holds: a length read by
  // nothing else has no uses in the text (the emitter calls
  // `gradc::cols(X)` for its check alone).
  auto Subscript = [&](const Value *Add) {
    return Add->Code == OpCode::Add && Plan.Inlined[Add->Id] &&
           std::all_of(Users[Add->Id].begin(), Users[Add->Id].end(),
                       [&](const Value *U) {
                         const Param *P = nullptr;
                         for (const Param &Prm : F.Params)
                           P = Prm.V == U->Operands[0] ? &Prm : P;
                         return U->index() == Add && P && P->VectorRows;
                       });
  };
  for (const Value *V : Order) {
    if (V->Code != OpCode::Size || V->Text != "cols")
      continue;
    for (const Value *M : Users[V->Id])
      if (M->Code == OpCode::Mul && M->Operands[1] == V &&
          Plan.Inlined[M->Id] &&
          std::all_of(Users[M->Id].begin(), Users[M->Id].end(),
                      [&](const Value *A) {
                        return A->Operands[0] == M && Subscript(A);
                      }))
        --Plan.Uses[V->Id];
  }
}

NamePlan Planner::run() {
  unsigned N = F.numValues();
  Plan.Uses = countUses(F);
  Plan.Inlined.assign(N, false);
  Plan.Var.assign(N, "");
  Plan.Replaces.assign(N, nullptr);
  Pos.assign(N, 0);
  Reach.assign(N, -1);
  Home.assign(N, nullptr);
  Parent.assign(N, nullptr);
  End.assign(N, 0);
  Seen.assign(N, 0);
  InHeader.assign(N, false);
  Users.assign(N, {});
  Plan.VectorOf.assign(N, nullptr);
  forEachOp(F.Body, [&](Value &V) {
    if (V.Code == OpCode::Local && V.IVal < 0)
      for (size_t I = 1; I < V.Operands.size(); ++I)
        Plan.VectorOf[V.Operands[I]->Id] = &V;
  });
  number(F.Body, false, nullptr);
  for (const Value *V : Order)
    Plan.Inlined[V->Id] = V->hasResult() && !materializes(*V);
  hideLengthUpkeep();
  uncountRowLengths();

  // An inlined value is evaluated where its user is; a variable lives until
  // the last evaluation that reads it.
  EvalPos.assign(N, 0);
  for (auto It = Order.rbegin(); It != Order.rend(); ++It) {
    const Value *V = *It;
    unsigned P = Pos[V->Id];
    if (Plan.Inlined[V->Id])
      for (const Value *U : Users[V->Id])
        P = std::max(P, EvalPos[U->Id]);
    EvalPos[V->Id] = P;
  }

  // A variable named as a function the code calls would hide it (`double
  // prod = x * y;` before `prod(x, z)`).
  forEachOp(F.Body, [&](Value &V) {
    // (`L.dot`, `p->f`: a member function, which a variable cannot hide.)
    if (V.Code != OpCode::Invoke || V.Text.find('.') != std::string::npos ||
        V.Text.find("->") != std::string::npos)
      return;
    if (std::string Callee = word(V.Text); !Callee.empty())
      Taken.insert(Callee);
  });
  for (const Param &P : F.Params) {
    Plan.Var[P.V->Id] = P.V->Name;
    Taken.insert(P.V->Name);
    bool Assignable =
        P.V->Ty.isScalar() && P.Spelling.find("const") == std::string::npos;
    Vars[P.V->Name] = {P.V->Name, P.V, Assignable, &F.Body};
  }
  name(F.Body);
  // The length, and the longest it has been (at most its capacity).
  for (unsigned I = 0; I < N; ++I)
    if (const Value *Vec = Plan.VectorOf[I])
      Plan.Var[I] = Plan.Var[Vec->Id] +
                    (Vec->Operands[1]->Id == I ? ".size()" : ".capacity()");
  return Plan;
}

} // namespace

NamePlan planNames(const Function &F) { return Planner(F).run(); }

} // namespace gradc::emit
