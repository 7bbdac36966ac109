//===- Reverse.cpp - Reverse-mode differentiation of IR -------------------===//
//
// The gradient function is the forward sweep (a clone of the primal), then
// the backward sweep: the primal's ops in reverse, each adding its operands'
// adjoints, with loops run backward as loops and branches as branches.
//
// Values are found where a person writing the backward sweep would find
// them. Top-level forward values are still in scope. Inside a loop or
// branch the forward values are gone: what reads only unchanged memory is
// recomputed; what depends on memory the function overwrites is pushed on a
// tape in the forward sweep and popped when the backward sweep needs it.
//
//===----------------------------------------------------------------------===//
#include "gradc/Autodiff/Reverse.h"

#include "Legality.h"
#include "LocalDerivatives.h"
#include "LoopShape.h"
#include "ProgramOrder.h"
#include "SeedCleanup.h"
#include "SweepFacts.h"
#include "gradc/Autodiff/Activity.h"
#include "gradc/IR/Builder.h"
#include "gradc/IR/MemoryLocation.h"
#include "gradc/IR/Uses.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

namespace gradc::autodiff {

using namespace ir;

namespace {

void collectNames(const Block &B, std::set<std::string> &Names) {
  for (const Value *V : B.Ops) {
    if (!V->Name.empty())
      Names.insert(V->Name);
    for (const Block &R : V->Regions)
      collectNames(R, Names);
  }
}

std::set<std::string> namesIn(const Function &F) {
  std::set<std::string> Names;
  for (const Param &P : F.Params)
    Names.insert(P.V->Name);
  collectNames(F.Body, Names);
  return Names;
}

std::string uniqueName(const std::set<std::string> &Taken,
                       const std::string &Want, const std::string &Fallback) {
  if (!Taken.count(Want) && !isMadeKeyword(Want))
    return Want;
  for (unsigned N = 1;; ++N) {
    std::string Name = Fallback + (N > 1 ? std::to_string(N) : "");
    if (!Taken.count(Name))
      return Name;
  }
}

std::string baseName(const std::string &Path) {
  size_t Slash = Path.find_last_of("/\\");
  return Slash == std::string::npos ? Path : Path.substr(Slash + 1);
}

/// What makes a copy of V the same op: its name and attributes.
void copyAttributes(const Value &V, Value &C) {
  C.Name = V.Name;
  C.FVal = V.FVal;
  C.IVal = V.IVal;
  C.Text = V.Text;
  C.Fn = V.Fn;
  C.Pred = V.Pred;
  C.ZeroInit = V.ZeroInit;
  C.Callee = V.Callee;
  C.Member = V.Member;
  C.Stride = V.Stride;
  C.Arrow = V.Arrow;
}

/// Matches the sigmoid `1 / (1 + exp(-u))` written in one expression, whose
/// inner values serve nothing else. Returns u, or null.
const Value *matchSigmoid(const Value &V, const std::vector<unsigned> &Uses) {
  auto Private = [&](const Value *X) {
    return X->Name.empty() && Uses[X->Id] == 1;
  };
  if (V.Code != OpCode::Div || !V.Operands[0]->isConstValue(1))
    return nullptr;
  const Value *Sum = V.Operands[1];
  if (Sum->Code != OpCode::Add || !Private(Sum))
    return nullptr;
  const Value *E = Sum->Operands[1];
  if (!Sum->Operands[0]->isConstValue(1)) {
    if (!Sum->Operands[1]->isConstValue(1))
      return nullptr;
    E = Sum->Operands[0];
  }
  if (E->Code != OpCode::Call || E->Fn != MathFn::Exp || !Private(E))
    return nullptr;
  const Value *Neg = E->Operands[0];
  if (Neg->Code != OpCode::Neg || !Private(Neg))
    return nullptr;
  return Neg->Operands[0];
}

/// One block of the primal being reversed, and the backward code built for
/// it.
/// Orders values by Id, their order of creation: containers iterated to
/// write code are ordered the same way in every run (addresses are not).
struct ById {
  bool operator()(const Value *A, const Value *B) const {
    return A->Id < B->Id;
  }
  /// An element (adjoint memory, index or null for *p).
  bool operator()(const std::pair<Value *, Value *> &A,
                  const std::pair<Value *, Value *> &B) const {
    auto Key = [](const std::pair<Value *, Value *> &E) {
      return std::make_pair(E.first->Id, E.second ? E.second->Id + 1 : 0);
    };
    return Key(A) < Key(B);
  }
};

using Element = std::pair<Value *, Value *>;

const Element &keyOf(const Element &E) { return E; }
const Element &keyOf(const std::pair<Element, Value *> &E) { return E.first; }

/// The entry of Elements (pending zeroings or stores) for the element
/// (D, I), or end.
template <class Range>
auto findElement(Range &Elements, Value *D, Value *I,
                 const std::set<const Value *> &Stable) {
  return std::find_if(Elements.begin(), Elements.end(), [&](const auto &E) {
    return samePlace(keyOf(E).first, D, Stable) &&
           sameIndex(keyOf(E).second, I, Stable);
  });
}

struct Frame {
  Frame(const Block *Primal, Block *Out, bool InLoop)
      : Primal(Primal), Out(Out), InLoop(InLoop) {}
  const Block *Primal;
  Block *Out;
  bool InLoop; ///< runs once per iteration of some loop
  /// Primal values of this block as the backward sweep has them here.
  std::map<const Value *, Value *> Avail;
  /// Adjoint memory known to be zero but not yet written: the zeroing waits
  /// for the next contribution, so `dp = 0; dp += x * t` reads `dp = x * t`.
  std::set<std::pair<Value *, Value *>, ById> PendingZero;
  /// Such writes, held to the end of the statement, so that the statement's
  /// other contributions read the adjoint before it changes.
  std::vector<std::pair<std::pair<Value *, Value *>, Value *>> PendingStore;
};

class ReverseMode {
public:
  ReverseMode(const Function &P, const ReverseOptions &Opts,
              std::vector<ReverseError> *Errors)
      : P(P), Opts(Opts), Errors(Errors), Facts(P, Opts), Act(Facts.Act),
        Pos(Facts.Pos),
        Legal(Facts, [this](const Value &At,
                            const std::string &Msg) { error(At, Msg); }),
        G(std::make_unique<Function>()), B(*G, G->Body, /*Fold=*/true) {}

  std::unique_ptr<Function> run();

private:
  void declare();
  Value *cloneOp(const Value *V);
  void forwardBlock(const Block &From, Block &To);
  void backwardBlock(const Block &Blk);
  void backwardOp(const Value &V);
  void backwardValue(const Value &V, Value *A);
  void backwardStore(const Value &V);
  void backwardIf(const Value &V);
  void backwardLoop(const Value &V);
  void backwardRegion(const Value &V, unsigned R, Block &To, bool InLoop);
  void backwardInvoke(const Value &V);
  Value *callArgument(const Value &Call, unsigned I, const Function &PB);
  Value *inOutArgument(const Value &Call, unsigned I);
  /// A copy of the Count elements at argument I of Call, taken before the
  /// call (Before) or after it, pushed on a tape and popped here.
  Value *tapedCopy(const Value &Call, unsigned I, Value *Count, bool Before);
  /// A local shaped as Base (a struct, an array, a vector as long).
  Value *localLike(const Value *Base);
  /// How many scalars Base holds, as the backward sweep counts them.
  Value *countOf(const Value *Base);
  /// Pushes Count scalars at From on a new tape named after Like, right
  /// before or after Call in the forward sweep, and pops them into Copy.
  void tapeAround(const Value &Call, Value *From, Value *Copy, Value *Count,
                  const Value *Like, bool Before);
  std::string spell(const Function &Callee) const;
  Value *tripCount(const Value &V, Value *Trips);
  void reserveTapes();
  Value *hoist(Value *V, const Value &Loop);
  void noteFor(const Value &V);

  Value *avail(const Value *V);
  Value *recompute(const Value *V, Frame *Fr);
  bool dependsOnWrittenMemory(const Value *V, const Block *Home);
  Value *tapeValue(const Value *V, Frame *Fr);
  Value *newTape(Scalar S, const std::string &Var);
  /// Ops placed in the forward sweep right after Fwd (or before it).
  void insertAfter(Value *Fwd, const std::vector<Value *> &Ops,
                   bool Before = false);
  Value *reloadStored(const Value *V, Frame *Fr);
  bool callsAbove(const Value *V, const Block *Blk) const;
  bool outlives(const Value *Base) const { return Facts.outlives(Base); }
  Frame *frameOf(const Value *V);

  Value *adjointOf(const Value *V);
  void contribute(const Value *U, Value *C, bool Own);
  Value *paramSum(const Value *U);
  Value *adjointMemory(const Value *Base);
  Value *adjointPointer(const Value *Ptr);
  Value *readAdjoint(const Value *Ptr, const Value *Index);
  void addToAdjoint(const Value *Ptr, const Value *Index, Value *C);
  void zeroAdjoint(const Value *Ptr, const Value *Index);
  void flushPending(Frame &Fr);
  void flushStores(Frame &Fr);
  bool isOutput(const Value *Base) const { return Facts.isOutput(Base); }
  void document();
  /// Declares the adjoints of outputs whose seeds the backward sweep
  /// changes: a local holding a scalar output's seed.
  void declareMutableSeeds();

  /// Declares, through Make, in Fr's backward block: above the note that
  /// opens the statement being reversed there, so that the note stays next
  /// to the loop or branch it names.
  template <typename Fn> Value *declareIn(Frame *Fr, Fn Make) {
    std::vector<Value *> &Ops = Fr->Out->Ops;
    size_t At = Ops.size();
    while (At > 0 && !Ops[At - 1]->hasEffect())
      --At;
    if (At == 0 || Ops[At - 1]->Code != OpCode::Note)
      return inFrame(Fr, Make);
    --At; // above the note and the values computed after it
    std::vector<Value *> Trailing(Ops.begin() + At, Ops.end());
    Ops.resize(At);
    Value *V = inFrame(Fr, Make);
    Ops.insert(Ops.end(), Trailing.begin(), Trailing.end());
    return V;
  }
  /// Appends to Fr's backward block, whatever block is current.
  template <typename Fn> Value *inFrame(Frame *Fr, Fn Make) {
    Block &Saved = B.block();
    B.setBlock(*Fr->Out);
    Value *V = Make();
    B.setBlock(Saved);
    return V;
  }
  void error(const Value &At, const std::string &Msg) {
    if (Errors)
      Errors->push_back({At.Loc, Msg});
    Failed = true;
  }

  const Function &P;
  const ReverseOptions &Opts;
  std::vector<ReverseError> *Errors;
  SweepFacts Facts;
  const Activity &Act;
  const ProgramOrder &Pos;
  Legality Legal;
  std::unique_ptr<Function> G;
  Builder B;
  bool Failed = false;

  /// A local a call read, copied after the call (Call) into Copy, a local
  /// of the backward block Out (blocks of the generated function outlive
  /// the frames that build them; frames' addresses are reused).
  struct Snapshot {
    const Value *Call;
    Value *Copy;
    const Block *Out;
  };
  std::map<const Value *, Snapshot> Snapshots;
  /// Base's snapshot, if one is in scope here and holds what a store (or
  /// call) at Op left in it.
  const Snapshot *snapshotAfter(const Value *Base, const Value *Op);
  Value *rebase(const Value *Ptr, const Value *Base, Value *Copy);
  /// The counters of backward counted loops: within a body, loads of one
  /// are the same index.
  std::set<const Value *> Counters;
  bool mayAlias(Value *D1, Value *I1, Value *D2, Value *I2) const;
  /// Writes now the pending zeroings and stores of elements that may be
  /// (D, I) without being provably it (`da[i]` before `da[j]`).
  void settleAliases(Frame &Fr, Value *D, Value *I);
  /// Removes the element (D, I) from Fr's pending zeroings, if there.
  bool takePendingZero(Frame &Fr, Value *D, Value *I);
  Value *readCopy(const Value *V, Frame *Fr);
  Value *readBack(const Value *At, const Block *Blk, Frame *Fr);
  std::map<const Value *, Value *> Map;            ///< primal -> forward clone
  std::map<const Value *, Block *> FwdHome;        ///< forward clone -> block
  std::map<const Value *, Value *> Adj;            ///< primal -> SSA adjoint
  std::map<const Value *, Value *> AdjSlot;        ///< primal -> adjoint Local
  std::map<const Value *, Value *> AdjParam;       ///< wrt param -> its adjoint
  std::map<const Value *, Value *, ById> ParamAcc; ///< wrt param -> loop sum
  std::map<const Value *, Value *> AdjMem;         ///< memory -> its adjoint
  std::map<const Value *, Value *> Seeds;          ///< out param -> its seed
  /// Scalar outputs whose seed (null: 1) starts a local adjoint.
  std::map<const Value *, Value *> MutableSeeds;
  std::map<const Value *, Value *> Remap;     ///< counter -> backward counter
  std::map<const Value *, Value *> TripCount; ///< loop -> forward Local
  /// Forward counted loops, whose tapes reserveTapes sizes up front.
  std::vector<std::pair<Value *, CountedLoop>> CountedClones;
  std::map<const Value *, Value *> TripTape; ///< loop -> tape of counts
  std::set<const Value *> Absorbed;
  std::vector<Frame *> Frames;
  std::vector<unsigned> Uses;
  std::set<std::string> Taken;
  Value *Seed = nullptr;
  std::vector<std::string> AdjNames;
  int NotedStmt = -2;
};

void ReverseMode::declare() {
  G->Name = Opts.Name;
  G->Namespaces = P.Namespaces;
  G->File = P.File;
  G->Loc = P.Loc;
  G->Stmts = P.Stmts;
  bool Grad = Opts.Kind == GradKind::Grad;
  G->RetTy = Grad ? P.RetTy : Type::voidTy();
  for (const Param &Prm : P.Params) {
    Map[Prm.V] = G->addParam(Prm.V->Name, Prm.V->Ty, Prm.Spelling);
    G->Params.back().Suffix = Prm.Suffix;
    G->Params.back().Record = Prm.Record;
    G->Params.back().RecordPtr = Prm.RecordPtr;
    G->Params.back().Container = Prm.Container;
    G->Params.back().Elements = Prm.Elements;
    G->Params.back().ElementNames = Prm.ElementNames;
  }
  // A record's seed and adjoint are records of its type.
  auto RecordLike = [&](const Param &Of, bool Const) {
    Param &New = G->Params.back();
    if (Of.Record.empty())
      return;
    New.Record = Of.Record;
    New.RecordPtr = Of.RecordPtr;
    New.Container = Of.Container;
    New.Elements = Of.Elements;
    New.ElementNames = Of.ElementNames;
    New.Spelling =
        (Const ? "const " : "") + Of.Record + (Of.RecordPtr ? " *" : " &");
  };
  Taken = namesIn(P);
  if (Opts.Kind == GradKind::Pullback) {
    if (!P.RetTy.isVoid()) {
      std::string Name = uniqueName(Taken, "dout", "d_out");
      Taken.insert(Name);
      Seed = G->addParam(Name, P.RetTy, "");
    }
  }
  // One seed per output, indexed as the output is (an in/out parameter's
  // adjoint is its seed). A seed the backward sweep must change (an
  // output written over or read back) is the output's adjoint memory: a
  // pointer taken as such, a scalar copied into a local.
  for (unsigned I : Opts.Out) {
    const Value *O = P.Params[I].V;
    if (isInOut(P, Opts.Wrt, Opts.Out, I))
      continue;
    bool ReadOnly = isOutput(O);
    if (Opts.Kind != GradKind::Pullback) {
      if (!ReadOnly)
        MutableSeeds[O] = nullptr;
      continue;
    }
    std::string Name = adjointParamName(P, O->Name);
    Taken.insert(Name);
    Type Ty = O->Ty.kind() == Type::Ptr
                  ? Type::ptr(O->Ty.scalarKind(), /*Const=*/ReadOnly)
                  : Type::scalar(O->Ty.scalarKind());
    Value *S = G->addParam(Name, Ty, "");
    RecordLike(P.Params[I], /*Const=*/ReadOnly);
    if (ReadOnly)
      Seeds[O] = S;
    else if (O->Ty.kind() == Type::Ptr)
      AdjMem[O] = S;
    else
      MutableSeeds[O] = S;
  }
  for (unsigned I : Opts.Wrt) {
    const Value *Prm = P.Params[I].V;
    std::string Name = adjointParamName(P, Prm->Name);
    Taken.insert(Name);
    AdjNames.push_back(Name);
    Type Ty = Prm->Ty.kind() == Type::Ptr ? Type::ptr(Prm->Ty.scalarKind())
                                          : Type::ref(Prm->Ty.scalarKind());
    Value *D = G->addParam(Name, Ty, "");
    RecordLike(P.Params[I], /*Const=*/false);
    if (Prm->Ty.isMemory())
      AdjMem[Prm] = D;
    else
      AdjParam[Prm] = D;
  }
}

Value *ReverseMode::cloneOp(const Value *V) {
  Value *C = G->create(V->Code, V->Ty);
  for (const Value *Op : V->Operands)
    C->Operands.push_back(Map.at(Op));
  copyAttributes(*V, *C);
  C->Loc = V->Loc;
  C->Stmt = V->Stmt;
  return C;
}

/// The forward sweep: the primal as it is, plus a trip count for each loop
/// that the backward sweep cannot count down by itself.
void ReverseMode::forwardBlock(const Block &From, Block &To) {
  for (const Value *V : From.Ops) {
    if (V->Code == OpCode::Return)
      continue;
    if (!Opts.WriteOutputs && !Opts.TraceOut &&
        (V->Code == OpCode::Store || V->Code == OpCode::AddTo) &&
        isOutput(baseOf(V->Operands[0])))
      continue;
    B.setBlock(To);
    B.setOrigin(V->Stmt, V->Loc);
    bool Counted = false;
    Scalar TripType = Scalar::Int64;
    std::optional<CountedLoop> L;
    if (V->Code == OpCode::Loop) {
      L = Pos.counted(*V);
      Counted = Facts.needsBackward(*V) && (!L || L->Breaks);
      if (L)
        TripType = L->Counter->Ty.scalarKind();
    }
    Value *Trips = nullptr;
    if (Counted) {
      std::string Name = uniqueName(Taken, "iters", "iters_");
      Taken.insert(Name);
      Trips = B.local(TripType, 0, Name);
      FwdHome[Trips] = &To;
      B.store(Trips, B.constant(0, TripType));
      TripCount[V] = Trips;
    }
    Value *C = cloneOp(V);
    Map[V] = C;
    FwdHome[C] = &To;
    if (L)
      CountedClones.push_back({C, *L});
    C->Regions.resize(V->Regions.size());
    for (size_t I = 0; I < V->Regions.size(); ++I) {
      if (Counted && I == LoopBody) {
        B.setBlock(C->Regions[I]);
        B.store(Trips, B.add(B.load(Trips), B.constant(1, TripType)));
      }
      forwardBlock(V->Regions[I], C->Regions[I]);
    }
    B.setBlock(To);
    B.append(C);
  }
}

Frame *ReverseMode::frameOf(const Value *V) {
  auto It = Pos.Home.find(V);
  if (It == Pos.Home.end())
    return nullptr;
  for (auto F = Frames.rbegin(); F != Frames.rend(); ++F)
    if ((*F)->Primal == It->second)
      return *F;
  return nullptr;
}

/// Whether V, within its own block, reads memory that the function writes:
/// then recomputing it later could read another value.
bool ReverseMode::dependsOnWrittenMemory(const Value *V, const Block *Blk) {
  if (Pos.Home.count(V) && Pos.Home.at(V) != Blk)
    return false; // available from an enclosing block
  if (V->Code == OpCode::Load) {
    const Value *Base = baseOf(V->Operands[0]);
    if (!Remap.count(Base) && (!Pos.finalAt(V, Base) || !outlives(Base)))
      return true;
  }
  if (V->Code == OpCode::Pop || V->Code == OpCode::Local)
    return true;
  if (V->Code == OpCode::Invoke) {
    // Not made again: the callee may write, or read memory that changed.
    if (V->hasEffect())
      return true;
    for (const Value *Op : V->Operands)
      if (Op->Ty.isMemory()) {
        const Value *Base = baseOf(Op);
        if (!Remap.count(Base) && (!Pos.finalAt(V, Base) || !outlives(Base)))
          return true;
      }
  }
  for (const Value *Op : V->Operands)
    if (dependsOnWrittenMemory(Op, Blk))
      return true;
  return false;
}

/// V read back from where its block stored it for good (`h[j] = s` with h
/// not written again): no tape needed.
Value *ReverseMode::reloadStored(const Value *V, Frame *Fr) {
  for (const Value *S : Pos.Home.at(V)->Ops)
    if (S->Code == OpCode::Store && S->Operands[1] == V &&
        Pos.finalAt(S, baseOf(S->Operands[0])))
      if (Value *R = readBack(S, Pos.Home.at(V), Fr))
        return R;
  return nullptr;
}

/// What the load or store At reads or wrote, read again in the backward
/// sweep: where it is, or from the copy a call's pullback took of a local
/// that is gone; null when neither holds it or its index changed.
Value *ReverseMode::readBack(const Value *At, const Block *Blk, Frame *Fr) {
  const Value *Ptr = At->Operands[0], *Idx = At->index();
  const Value *Base = baseOf(Ptr);
  const Snapshot *Sn = outlives(Base) ? nullptr : snapshotAfter(Base, At);
  if ((!outlives(Base) && !Sn) || (Idx && dependsOnWrittenMemory(Idx, Blk)))
    return nullptr;
  Value *P = Sn ? rebase(Ptr, Base, Sn->Copy) : avail(Ptr);
  Value *I = Idx ? avail(Idx) : nullptr;
  return inFrame(Fr, [&] { return B.load(P, I); });
}

/// Whether recomputing V within its block calls a math function.
bool ReverseMode::callsAbove(const Value *V, const Block *Blk) const {
  if (Pos.Home.count(V) && Pos.Home.at(V) != Blk)
    return false;
  if (V->Code == OpCode::Call || V->Code == OpCode::Invoke)
    return true;
  for (const Value *Op : V->Operands)
    if (callsAbove(Op, Blk))
      return true;
  return false;
}

/// A tape named after Var ("p_tape"), declared at the top of the function.
Value *ReverseMode::newTape(Scalar S, const std::string &Var) {
  Value *T = G->create(OpCode::Tape, Type::tape(S));
  T->Name = uniqueName(Taken, Var + "_tape", Var + "_tape_");
  Taken.insert(T->Name);
  G->Body.Ops.insert(G->Body.Ops.begin(), T);
  return T;
}

void ReverseMode::insertAfter(Value *Fwd, const std::vector<Value *> &Ops,
                              bool Before) {
  Block *Where = FwdHome.at(Fwd);
  auto At = std::find(Where->Ops.begin(), Where->Ops.end(), Fwd);
  Where->Ops.insert(Before ? At : At + 1, Ops.begin(), Ops.end());
}

Value *ReverseMode::tapeValue(const Value *V, Frame *Fr) {
  if (!V->Ty.isScalar()) {
    error(*V, "this pointer is needed by the backward sweep outside its "
              "scope; this is not supported yet");
    return inFrame(Fr, [&] { return B.constant(0, Scalar::Int32); });
  }
  Value *Fwd = Map.at(V);
  std::string Var = V->Name;
  if (Var.empty() && V->Code == OpCode::Load)
    Var = baseOf(V->Operands[0])->Name;
  // A recorded branch condition reads as such.
  bool Branch = V->Ty.isBool() && Var.empty();
  if (Branch)
    Var = "branch";
  Value *T = newTape(V->Ty.scalarKind(), Var.empty() ? "t" : Var);
  insertAfter(Fwd, {G->create(OpCode::Push, Type::voidTy(), {T, Fwd})});
  return inFrame(Fr, [&] {
    Value *Pop = B.pop(T);
    Pop->Name = Branch ? "taken" : V->Name;
    return Pop;
  });
}

Value *ReverseMode::recompute(const Value *V, Frame *Fr) {
  // Constants are made in Fr, where the recomputed op goes (Fr may be a
  // frame around the current one: `0.5 * x[j]` used in a nested loop).
  std::vector<Value *> Ops;
  for (const Value *Op : V->Operands)
    Ops.push_back(Op->isConst() ? nullptr : avail(Op));
  return inFrame(Fr, [&] {
    for (size_t I = 0; I < Ops.size(); ++I)
      if (!Ops[I])
        Ops[I] = avail(V->Operands[I]);
    Value *C = G->create(V->Code, V->Ty, Ops);
    copyAttributes(*V, *C);
    return B.append(C);
  });
}

/// The value of primal V where the backward sweep is now.
Value *ReverseMode::avail(const Value *V) {
  if (V->isConst())
    return B.constant(V->constValue(), V->Ty.scalarKind(), V->Text);
  if (auto It = Remap.find(V); It != Remap.end())
    return It->second;
  if (V->Code == OpCode::Param)
    return Map.at(V);
  const Block *H = Pos.Home.at(V);
  if (H == &P.Body)
    return Map.at(V); // forward values of the body stay in scope
  Frame *Fr = frameOf(V);
  if (!Fr) {
    // In a loop's init or condition: recompute where we are.
    Fr = Frames.back();
    if (auto It = Fr->Avail.find(V); It != Fr->Avail.end())
      return It->second;
    Value *R = recompute(V, Fr);
    Fr->Avail[V] = R;
    return R;
  }
  if (auto It = Fr->Avail.find(V); It != Fr->Avail.end())
    return It->second;
  // What reads overwritten memory is taped at its loads and recomputed
  // above them, unless recomputing would call a math function again.
  // A value that would call a math function again is read back from where
  // it was stored, if it was (`qdiag[t] = exp(...)`).
  bool Calls = callsAbove(V, H);
  Value *R = Calls ? reloadStored(V, Fr) : nullptr;
  if (!R) {
    if (!dependsOnWrittenMemory(V, H) || (V->Code != OpCode::Load && !Calls))
      R = recompute(V, Fr);
    else if (!(R = reloadStored(V, Fr)) && !(R = readCopy(V, Fr)))
      R = tapeValue(V, Fr);
  }
  Fr->Avail[V] = R;
  return R;
}

Value *ReverseMode::adjointMemory(const Value *Base) {
  if (auto It = AdjMem.find(Base); It != AdjMem.end())
    return It->second;
  // A local's adjoint lives in the backward block of the local's own block.
  Frame *Fr = frameOf(Base);
  if (!Fr)
    Fr = Frames.front();
  Scalar S = Base->Ty.scalarKind();
  std::string Name = uniqueName(Taken, "d" + Base->Name, "d_" + Base->Name);
  Taken.insert(Name);
  bool Here = Fr == Frames.back();
  if (!Here)
    flushPending(*Fr);
  auto Declare = [&] {
    Value *L = B.local(S, Base->IVal, Name, /*ZeroInit=*/Base->IVal != 0);
    // A struct's adjoint is a struct (`Camera dc{}`), a vector's a vector
    // of its size (declared at the function's top level, so its size is
    // there).
    L->Text = Base->Text;
    L->Member = Base->Member;
    if (Base->IVal < 0)
      L->Operands.push_back(Map.at(Base->Operands[0]));
    if (Base->IVal == 0 && !Here)
      B.store(L, B.constant(0, S));
    return L;
  };
  Value *D = Here ? inFrame(Fr, Declare) : declareIn(Fr, Declare);
  // Declared here: its first contribution initializes it.
  if (Base->IVal == 0 && Here)
    Fr->PendingZero.insert({D, nullptr});
  AdjMem[Base] = D;
  return D;
}

Value *ReverseMode::adjointPointer(const Value *Ptr) {
  const Value *Base = baseOf(Ptr);
  return rebase(Ptr, Base, adjointMemory(Base));
}

/// Whether elements (D1, I1) and (D2, I2) of one memory may be one
/// element without being provably the same: `da[i]` and `da[j]`.
bool ReverseMode::mayAlias(Value *D1, Value *I1, Value *D2, Value *I2) const {
  if (baseOf(D1) != baseOf(D2))
    return false;
  if (samePlace(D1, D2, Counters) &&
      (sameIndex(I1, I2, Counters) || offsetFrom(I1, I2, Counters) ||
       (I1 && I2 && I1->isConst() && I2->isConst())))
    return false; // the same element, or provably another
  std::optional<double> A = constantPlace(D1, I1), B = constantPlace(D2, I2);
  return !(A && B);
}

void ReverseMode::settleAliases(Frame &Fr, Value *D, Value *I) {
  // What is held back for an element that may be this one runs first.
  bool Stores = false;
  for (const auto &[Where, V] : Fr.PendingStore)
    Stores |= mayAlias(Where.first, Where.second, D, I);
  if (Stores)
    flushStores(Fr);
  for (auto It = Fr.PendingZero.begin(); It != Fr.PendingZero.end();) {
    if (!mayAlias(It->first, It->second, D, I)) {
      ++It;
      continue;
    }
    B.store(It->first, B.constant(0, It->first->Ty.scalarKind()), It->second);
    It = Fr.PendingZero.erase(It);
  }
}

Value *ReverseMode::readAdjoint(const Value *Ptr, const Value *Index) {
  const Value *Base = baseOf(Ptr);
  if (isOutput(Base)) {
    Value *S = Seeds.count(Base) ? Seeds.at(Base) : nullptr;
    if (!S)
      return B.constant(1, Base->Ty.scalarKind());
    if (!S->Ty.isMemory())
      return S;
    return B.load(rebase(Ptr, Base, S), Index ? avail(Index) : nullptr);
  }
  Value *D = adjointPointer(Ptr);
  Value *I = Index ? avail(Index) : nullptr;
  Frame &Fr = *Frames.back();
  flushStores(Fr);
  settleAliases(Fr, D, I);
  // An adjoint zeroed (by a later store) and not added to since is zero.
  if (findElement(Fr.PendingZero, D, I, Counters) != Fr.PendingZero.end())
    return B.constant(0, Base->Ty.scalarKind());
  return B.load(D, I);
}

void ReverseMode::addToAdjoint(const Value *Ptr, const Value *Index, Value *C) {
  if (C->isConstValue(0))
    return;
  Value *D = adjointPointer(Ptr);
  Value *I = Index ? avail(Index) : nullptr;
  Frame &Fr = *Frames.back();
  settleAliases(Fr, D, I);
  if (takePendingZero(Fr, D, I)) {
    Fr.PendingStore.push_back({{D, I}, C});
    return;
  }
  if (auto It = findElement(Fr.PendingStore, D, I, Counters);
      It != Fr.PendingStore.end()) {
    It->second = B.add(It->second, C);
    return;
  }
  B.addTo(D, C, I);
}

void ReverseMode::zeroAdjoint(const Value *Ptr, const Value *Index) {
  Value *D = adjointPointer(Ptr);
  Value *I = Index ? avail(Index) : nullptr;
  Frame &Fr = *Frames.back();
  if (findElement(Fr.PendingZero, D, I, Counters) == Fr.PendingZero.end())
    Fr.PendingZero.insert({D, I});
}

bool ReverseMode::takePendingZero(Frame &Fr, Value *D, Value *I) {
  auto It = findElement(Fr.PendingZero, D, I, Counters);
  if (It == Fr.PendingZero.end())
    return false;
  Fr.PendingZero.erase(It);
  return true;
}

void ReverseMode::flushStores(Frame &Fr) {
  if (Fr.PendingStore.empty())
    return;
  Block &Saved = B.block();
  B.setBlock(*Fr.Out);
  for (const auto &[Where, Value] : Fr.PendingStore)
    B.store(Where.first, Value, Where.second);
  Fr.PendingStore.clear();
  B.setBlock(Saved);
}

void ReverseMode::flushPending(Frame &Fr) {
  flushStores(Fr);
  Block &Saved = B.block();
  B.setBlock(*Fr.Out);
  for (const auto &[D, I] : Fr.PendingZero)
    B.store(D, B.constant(0, D->Ty.scalarKind()), I);
  Fr.PendingZero.clear();
  B.setBlock(Saved);
}

Value *ReverseMode::adjointOf(const Value *V) {
  Value *A = nullptr;
  if (auto It = Adj.find(V); It != Adj.end())
    A = It->second;
  if (auto It = AdjSlot.find(V); It != AdjSlot.end()) {
    Value *FromSlot = B.load(It->second);
    A = A ? B.add(FromSlot, A) : FromSlot;
  }
  return A;
}

/// Inside a loop, a scalar parameter's adjoint is summed in a local and
/// added to the caller's once: `dx += ...` through a reference each
/// iteration would be read and written back every time (dx may alias the
/// arrays written there).
Value *ReverseMode::paramSum(const Value *U) {
  auto It = ParamAcc.find(U);
  if (It != ParamAcc.end())
    return It->second;
  const Value *Param = AdjParam.at(U);
  std::string Name =
      uniqueName(Taken, Param->Name + "_sum", Param->Name + "_sum_");
  Taken.insert(Name);
  Frame *Top = Frames.front();
  flushPending(*Top);
  Value *Acc = declareIn(Top, [&] {
    Value *L = B.local(U->Ty.scalarKind(), 0, Name);
    B.store(L, B.constant(0, U->Ty.scalarKind()));
    return L;
  });
  return ParamAcc.emplace(U, Acc).first->second;
}

void ReverseMode::contribute(const Value *U, Value *C, bool Own) {
  // A zero contribution (0 * y) is no contribution: no `dy += 0`.
  if (!Act.isActive(U) || C->isConstValue(0))
    return;
  if (auto Param = AdjParam.find(U); Param != AdjParam.end()) {
    if (!Frames.back()->InLoop) {
      B.addTo(Param->second, C);
      return;
    }
    B.addTo(paramSum(U), C);
    return;
  }
  std::string Name = U->Name.empty() ? "" : "d" + U->Name;
  Frame *Fr = frameOf(U);
  if (U->Code != OpCode::Param && Fr != Frames.back() && Fr) {
    // Used inside a loop or branch below its own block: its adjoint
    // accumulates there, in a variable of the enclosing backward block.
    auto It = AdjSlot.find(U);
    if (It == AdjSlot.end()) {
      std::string SlotName =
          uniqueName(Taken, Name.empty() ? "dt" : Name, Name + "_");
      Taken.insert(SlotName);
      flushPending(*Fr);
      Value *Slot = declareIn(Fr, [&] {
        Value *L = B.local(U->Ty.scalarKind(), 0, SlotName);
        B.store(L, B.constant(0, U->Ty.scalarKind()));
        return L;
      });
      It = AdjSlot.emplace(U, Slot).first;
    }
    B.addTo(It->second, C);
    return;
  }
  auto It = Adj.find(U);
  if (It == Adj.end()) {
    // A value built for this contribution takes the adjoint's name; anything
    // else (the upstream adjoint, a forward value) is copied, so that
    // `dsigx = dden` reads as the seed's staged code does.
    // A reassigned variable (`s -= 0.5 * y`) passes its adjoint through to
    // the previous version: same name, same value, nothing to copy.
    if (!Name.empty() && C->Name != Name) {
      if (!Own || !C->Name.empty() || C->isConst())
        C = B.copy(C);
      C->Name = Name;
    }
    Adj[U] = C;
    return;
  }
  unsigned Begin = G->numValues();
  Value *Sum = B.add(It->second, C);
  if (Sum->Id >= Begin)
    Sum->Name = Name;
  It->second = Sum;
}

void ReverseMode::noteFor(const Value &V) {
  if (V.Stmt == NotedStmt || V.Stmt < 0)
    return;
  flushStores(*Frames.back());
  NotedStmt = V.Stmt;
  const Statement &S = P.Stmts[V.Stmt];
  B.setOrigin(V.Stmt, S.Loc);
  B.note(baseName(P.File) + ":" + std::to_string(S.Loc.Line) + ": " + S.Text);
}

void ReverseMode::backwardBlock(const Block &Blk) {
  for (auto It = Blk.Ops.rbegin(); It != Blk.Ops.rend(); ++It)
    backwardOp(**It);
  flushPending(*Frames.back());
}

void ReverseMode::backwardOp(const Value &V) {
  switch (V.Code) {
  case OpCode::Store:
    backwardStore(V);
    return;
  case OpCode::If:
    backwardIf(V);
    return;
  case OpCode::Loop:
    backwardLoop(V);
    return;
  case OpCode::Invoke:
    backwardInvoke(V);
    return;
  default:
    break;
  }
  if (!V.hasResult() || !Act.isActive(&V) || Absorbed.count(&V))
    return;
  if (!Adj.count(&V) && !AdjSlot.count(&V))
    return;
  noteFor(V);
  B.setOrigin(V.Stmt, V.Loc);
  Value *A = adjointOf(&V);
  backwardValue(V, A);
}

void ReverseMode::backwardValue(const Value &V, Value *A) {
  if (V.Code == OpCode::Load) {
    addToAdjoint(V.Operands[0], V.index(), A);
    return;
  }
  if (const Value *U = matchSigmoid(V, Uses); U && Act.isActive(U)) {
    // s = 1 / (1 + exp(-u)): ds/du = (1 - s) * s.
    Value *S = avail(&V);
    unsigned Begin = G->numValues();
    Value *One = B.constant(1, V.Ty.scalarKind());
    Value *C = B.mul(B.mul(B.sub(One, S), S), A);
    contribute(U, C, C->Id >= Begin);
    for (const Value *Inner = V.Operands[1]; Inner != U;
         Inner = Inner->Code == OpCode::Add
                     ? (Inner->Operands[0]->isConst() ? Inner->Operands[1]
                                                      : Inner->Operands[0])
                     : Inner->Operands[0])
      Absorbed.insert(Inner);
    return;
  }
  std::vector<bool> Wanted;
  for (const Value *Op : V.Operands)
    Wanted.push_back(Act.isActive(Op));
  emitLocalDerivatives(
      *G, B, V, [&] { return avail(&V); },
      [&](unsigned I) { return avail(V.Operands[I]); }, A, Wanted,
      [&](unsigned I, Value *C, bool Own) {
        contribute(V.Operands[I], C, Own);
      });
}

/// `x = e`: e receives dx, and dx is zero before it (the old x is gone).
/// `x = x + e` (x += e) passes dx to e and leaves dx as it is.
void ReverseMode::backwardStore(const Value &V) {
  const Value *Ptr = V.Operands[0], *Val = V.Operands[1];
  const Value *Base = baseOf(Ptr);
  if (!Act.isActiveMemory(Base) ||
      (!Act.isActive(Val) && (Pos.isInitStore(V) || !Pos.usedBefore(V, Base))))
    return;
  noteFor(V);
  B.setOrigin(V.Stmt, V.Loc);
  const Value *Idx = V.index();
  bool IsOut = isOutput(Base);
  if (!IsOut && Uses[Val->Id] == 1 &&
      (Val->Code == OpCode::Add || Val->Code == OpCode::Sub)) {
    for (unsigned Side = 0; Side < 2; ++Side) {
      const Value *Old = Val->Operands[Side];
      if (Side == 1 && Val->Code == OpCode::Sub)
        break;
      if (Old->Code != OpCode::Load || Old->Operands[0] != Ptr ||
          Old->index() != Idx || Uses[Old->Id] != 1)
        continue;
      const Value *E = Val->Operands[1 - Side];
      Absorbed.insert(Old);
      if (Act.isActive(E)) {
        Value *D = readAdjoint(Ptr, Idx);
        contribute(E, Val->Code == OpCode::Sub ? B.neg(D) : D, false);
      }
      return;
    }
  }
  Value *D = readAdjoint(Ptr, Idx);
  // What was there before is gone: its adjoint is zero, if anything
  // before could read it.
  if (!IsOut && !Pos.isInitStore(V) &&
      (Pos.usedBefore(V, Base) || Pos.rewritesItself(V, Base)))
    zeroAdjoint(Ptr, Idx);
  if (Act.isActive(Val))
    contribute(Val, D, false);
}

void ReverseMode::document() {
  std::string Args;
  for (const Param &Prm : P.Params)
    Args += (Args.empty() ? "" : ", ") + Prm.V->Name;
  std::string Call = P.Name + "(" + Args + ")";
  std::string What = P.RetTy.isVoid() ? "" : Call;
  for (unsigned I : Opts.Out)
    What += (What.empty() ? "" : ", ") + P.Params[I].V->Name;
  std::string Into, InOut;
  for (size_t I = 0; I < Opts.Wrt.size(); ++I) {
    const Value *Prm = P.Params[Opts.Wrt[I]].V;
    const std::string &X = Prm->Name;
    // An in/out parameter's adjoint is not added into: it is its seed.
    if (isInOut(P, Opts.Wrt, Opts.Out, Opts.Wrt[I])) {
      InOut += " " + AdjNames[I] + " holds the seed of " + X +
               "'s final contents; on return, the gradient with respect to " +
               X + " as it came in.";
      continue;
    }
    std::string Dout =
        Opts.Kind == GradKind::Pullback && Seed ? Seed->Name + " * " : "";
    std::string Of = P.RetTy.isVoid() ? "d" + What : "d" + P.Name;
    Into += std::string(Into.empty() ? "" : ", ") + Dout + Of + "/d" + X +
            " into " + AdjNames[I];
  }
  if (!InOut.empty())
    InOut = " On entry," + InOut;
  std::string Where =
      " (" + baseName(P.File) + ":" + std::to_string(P.Loc.Line) + ")";
  if (Opts.Kind == GradKind::Grad) {
    G->Doc.push_back("Gradient of " + Call + Where + ".");
    G->Doc.push_back((P.RetTy.isVoid() ? "Writes " + What : "Returns " + Call) +
                     (Into.empty() ? "." : "; adds " + Into + ".") + InOut);
  } else {
    G->Doc.push_back("Pullback of " + Call + Where +
                     ", for a caller's backward sweep.");
    std::string Adds =
        Into.empty() ? ""
        : Seeds.empty() && MutableSeeds.empty()
            ? "Adds " + Into + "."
            : "Given the seeds of its outputs, adds " + Into + ".";
    G->Doc.push_back(Adds.empty() ? InOut.substr(1) : Adds + InOut);
  }
}

/// Region R of V reversed into To, in a frame of its own.
void ReverseMode::backwardRegion(const Value &V, unsigned R, Block &To,
                                 bool InLoop) {
  Frame Fr(&V.Regions[R], &To, InLoop);
  Frames.push_back(&Fr);
  B.setBlock(To);
  int SavedNote = NotedStmt;
  NotedStmt = V.Stmt;
  backwardBlock(V.Regions[R]);
  NotedStmt = SavedNote;
  Frames.pop_back();
}

void ReverseMode::backwardIf(const Value &V) {
  if (!Facts.needsBackward(V))
    return;
  noteFor(V);
  B.setOrigin(V.Stmt, V.Loc);
  Value *Cond = avail(V.Operands[0]);
  flushPending(*Frames.back());
  Value *If = G->create(OpCode::If, Type::voidTy(), {Cond});
  If->Regions.resize(2);
  If->Loc = V.Loc;
  If->Stmt = V.Stmt;
  Block &Saved = B.block();
  for (unsigned R : {Then, Else})
    backwardRegion(V, R, If->Regions[R], Frames.back()->InLoop);
  B.setBlock(Saved);
  B.append(If);
}

std::string ReverseMode::spell(const Function &Callee) const {
  if (Callee.Namespaces == P.Namespaces)
    return Callee.Name;
  std::string Name;
  for (const std::string &NS : Callee.Namespaces)
    Name += NS + "::";
  return Name + Callee.Name;
}

/// A load of a local that a call's pullback has a copy of, read from the
/// copy when it holds what the load read.
Value *ReverseMode::readCopy(const Value *V, Frame *Fr) {
  // Memory that outlives its block is not read in place here: it changed.
  if (V->Code != OpCode::Load || outlives(baseOf(V->Operands[0])))
    return nullptr;
  return readBack(V, Pos.Home.at(V), Fr);
}

/// Ptr (Base, or offsets and members from it) with Copy in place of Base:
/// the same element of an adjoint, a seed or a copy.
Value *ReverseMode::rebase(const Value *Ptr, const Value *Base, Value *Copy) {
  if (Ptr == Base)
    return Copy;
  Value *On = rebase(Ptr->Operands[0], Base, Copy);
  if (Ptr->Code == OpCode::Offset)
    return B.offset(On, avail(Ptr->Operands[1]));
  const Value *I = Ptr->index();
  Value *F = B.field(On, I ? avail(I) : nullptr, On->Ty, Ptr->IVal, Ptr->Text);
  copyAttributes(*Ptr, *F);
  F->Ty = Type::ptr(Ptr->Ty.scalarKind(), On->Ty.isConstPointee());
  return F;
}

const ReverseMode::Snapshot *ReverseMode::snapshotAfter(const Value *Base,
                                                        const Value *Op) {
  auto It = Snapshots.find(Base);
  if (It == Snapshots.end())
    return nullptr;
  const Snapshot &Sn = It->second;
  bool InScope = std::any_of(Frames.begin(), Frames.end(),
                             [&](const Frame *F) { return F->Out == Sn.Out; });
  if (!InScope)
    return nullptr;
  // Op ran before the copy was taken and nothing wrote Base after Op; or
  // after it, and nothing wrote Base after the copy.
  bool Before = Pos.Order.at(Op) <= Pos.Order.at(Sn.Call);
  if (!Pos.finalAt(Before ? Op : Sn.Call, Base))
    return nullptr;
  return &Sn;
}

/// What the pullback of Call gets for argument I: the value, or memory in
/// place when the backward sweep still finds it as the call left it;
/// otherwise the contents of the local, pushed on a tape after the call
/// and popped into a local of the same name here (an output gets a local
/// to write into, as the callee's pullback writes its outputs again).
Value *ReverseMode::callArgument(const Value &Call, unsigned I,
                                 const Function &PB) {
  const Value *Op = Call.Operands[I];
  if (!Op->Ty.isMemory())
    return avail(Op);
  const Value *Base = baseOf(Op);
  // A pullback may read what its call left in the outputs (a stored
  // tanh is read back, not computed again): then it gets them as the
  // call left them; otherwise a local to write into.
  bool Out = Call.writesArg(I) && !Call.Callee->Custom &&
             !reads(PB.Body, PB.Params[I].V);
  if (Remap.count(Base) ||
      (outlives(Base) && (Call.writesArg(I) || Pos.finalAt(&Call, Base))))
    return avail(Op);
  if (!Out)
    if (const Snapshot *Sn = snapshotAfter(Base, &Call))
      return rebase(Op, Base, Sn->Copy);
  // Memory of unknown size, of which the callee reads a few elements.
  if (Base->Code != OpCode::Local)
    if (std::optional<std::int64_t> N = Facts.argumentExtent(Call, I))
      return tapedCopy(Call, I, B.constant(double(*N), Scalar::Int64),
                       /*Before=*/false);
  Value *Copy = localLike(Base);
  if (!Out) {
    Snapshots[Base] = {&Call, Copy, Frames.back()->Out};
    tapeAround(Call, Map.at(Base), Copy, countOf(Base), Base,
               /*Before=*/false);
  }
  return rebase(Op, Base, Copy);
}

Value *ReverseMode::localLike(const Value *Base) {
  Value *Copy = B.local(Base->Ty.scalarKind(), Base->IVal, Base->Name);
  Copy->Text = Base->Text; // a struct or std::array is copied as one
  Copy->Member = Base->Member;
  if (Base->IVal < 0) // a vector, declared at the top level: as long
    Copy->Operands.push_back(Map.at(Base->Operands[0]));
  return Copy;
}

Value *ReverseMode::countOf(const Value *Base) {
  return Base->IVal < 0
             ? Map.at(Base->Operands[0])
             : B.constant(Base->IVal ? Base->IVal : 1, Scalar::Int64);
}

void ReverseMode::tapeAround(const Value &Call, Value *From, Value *Copy,
                             Value *Count, const Value *Like, bool Before) {
  Value *T = newTape(Copy->Ty.scalarKind(), Like->Name);
  // A struct goes on a tape of structs: `c_tape.push(c)`.
  if (Like->Member == MemberKind::Record)
    T->Text = Like->Text;
  std::vector<Value *> Ops;
  Value *FwdCount = Count;
  if (Count->isConst()) {
    FwdCount = G->create(OpCode::Const, Count->Ty);
    FwdCount->IVal = Count->IVal;
    Ops.push_back(FwdCount);
  }
  Ops.push_back(
      G->create(OpCode::PushArray, Type::voidTy(), {T, From, FwdCount}));
  insertAfter(Map.at(&Call), Ops, Before);
  B.append(G->create(OpCode::PopArray, Type::voidTy(), {T, Copy, Count}));
}

Value *ReverseMode::tapedCopy(const Value &Call, unsigned I, Value *Count,
                              bool Before) {
  const Value *Op = Call.Operands[I];
  const Value *Base = baseOf(Op);
  Value *Copy =
      B.local(Op->Ty.scalarKind(), Count->IVal ? Count->IVal : 1, Base->Name);
  tapeAround(Call, Map.at(Op), Copy, Count, Base, Before);
  return Copy;
}

/// What argument I of Call held before the call, for a callee that reads
/// and writes it: pushed on a tape before the call and popped into a copy,
/// which the pullback runs the callee on again (a callee that only writes
/// it gets a scratch copy). The caller's adjoint of the argument is the
/// callee's in/out adjoint.
Value *ReverseMode::inOutArgument(const Value &Call, unsigned I) {
  const Value *Op = Call.Operands[I];
  const Value *Base = baseOf(Op);
  if (Base->Code != OpCode::Local)
    return tapedCopy(
        Call, I,
        B.constant(double(*Facts.argumentExtent(Call, I)), Scalar::Int64),
        /*Before=*/true);
  Value *Copy = localLike(Base);
  const Function &C = *Call.Callee;
  if (C.RetTy.isVoid() && !readsFirst(C, C.Params[I].V))
    return rebase(Op, Base, Copy);
  tapeAround(Call, Map.at(Base), Copy, countOf(Base), Base, /*Before=*/true);
  return rebase(Op, Base, Copy);
}

/// A call that carries a derivative: the callee's pullback, made once by
/// the PullbackSource, called with the call's arguments, the seeds of what
/// the callee returns or writes, and the adjoints of the arguments that
/// carry a derivative here (scalars through a local each, arrays in place).
void ReverseMode::backwardInvoke(const Value &V) {
  if (!Facts.needsBackward(V))
    return;
  const Function &C = *V.Callee;
  const CallPlan &Plan = Legal.plan(V);
  const std::vector<unsigned> &Wrt = Plan.Wrt, &Outs = Plan.Outs;
  const Function *PB = Plan.Pullback;
  noteFor(V);
  B.setOrigin(V.Stmt, V.Loc);
  flushPending(*Frames.back());
  std::vector<Value *> Args;
  for (unsigned I = 0; I < V.Operands.size(); ++I)
    Args.push_back(Facts.passesInOut(V, I) ? inOutArgument(V, I)
                                           : callArgument(V, I, *PB));
  if (!C.RetTy.isVoid()) {
    Value *A = adjointOf(&V);
    Args.push_back(A ? A : B.constant(0, C.RetTy.scalarKind()));
  }
  for (unsigned I : Outs) {
    const Value *Op = V.Operands[I];
    if (C.Params[I].V->Ty.kind() == Type::Ref) {
      Args.push_back(readAdjoint(Op, nullptr));
      if (!isOutput(baseOf(Op)))
        zeroAdjoint(Op, nullptr);
      continue;
    }
    const Value *Base = baseOf(Op);
    if (isOutput(Base) && Seeds.count(Base)) {
      Value *S = Seeds.at(Base);
      Args.push_back(rebase(Op, Base, S));
    } else {
      Args.push_back(adjointPointer(Op));
    }
  }
  flushPending(*Frames.back());
  std::vector<std::pair<const Value *, Value *>> Scalars;
  for (unsigned I : Wrt) {
    const Value *Op = V.Operands[I];
    if (Op->Ty.isMemory()) {
      Args.push_back(adjointPointer(Op));
      continue;
    }
    // A parameter's own adjoint takes the callee's additions directly.
    if (auto Param = AdjParam.find(Op); Param != AdjParam.end()) {
      Args.push_back(Frames.back()->InLoop ? paramSum(Op) : Param->second);
      continue;
    }
    Scalar S = Op->Ty.scalarKind();
    std::string Name = uniqueName(
        Taken, "d" + C.Params[I].V->Name + "_" + C.Name, "d_" + C.Name);
    Taken.insert(Name);
    Value *L = B.local(S, 0, Name);
    B.store(L, B.constant(0, S));
    Args.push_back(L);
    Scalars.push_back({Op, L});
  }
  // The adjoints the pullback adds into hold their values first (a local's
  // adjoint created here is zeroed, not left to its first contribution).
  flushPending(*Frames.back());
  B.invoke(PB, spell(*PB), Type::voidTy(), std::move(Args));
  for (auto &[Op, L] : Scalars)
    contribute(Op, B.load(L), false);
}

/// V, computed in Loop's init or condition, recomputed before Loop.
Value *ReverseMode::hoist(Value *V, const Value &Loop) {
  bool Inside = false;
  for (const Block &R : Loop.Regions)
    Inside |= std::find(R.Ops.begin(), R.Ops.end(), V) != R.Ops.end();
  if (!Inside)
    return V;
  if (V->isConst())
    return B.constant(V->constValue(), V->Ty.scalarKind(), V->Text);
  if (V->Code == OpCode::Invoke)
    return nullptr; // a call is not made twice
  std::vector<Value *> Ops;
  for (Value *Op : V->Operands) {
    Ops.push_back(hoist(Op, Loop));
    if (!Ops.back())
      return nullptr;
  }
  Value *C = G->create(V->Code, V->Ty, Ops);
  copyAttributes(*V, *C);
  return B.append(C);
}

/// Before each forward counted loop, room on its tapes for one push per
/// iteration (a tape's value is pushed at most once on a path through the
/// body): the pushes in the loop are then plain stores, which keeps a
/// loop-carried value in a register (Horner's p runs twice as fast).
void ReverseMode::reserveTapes() {
  for (auto &[C, L] : CountedClones) {
    std::vector<Value *> Pushes;
    std::function<void(Block &)> Scan = [&](Block &Blk) {
      for (Value *V : Blk.Ops) {
        if (V->Code == OpCode::Push)
          Pushes.push_back(V);
        if (V->Code == OpCode::If)
          for (Block &R : V->Regions)
            Scan(R);
      }
    };
    Scan(C->Regions[LoopBody]);
    if (Pushes.empty())
      continue;
    Block Tmp;
    B.setBlock(Tmp);
    B.setOrigin(C->Stmt, C->Loc);
    Scalar S = L.Counter->Ty.scalarKind();
    Value *Start = hoist(Map.at(L.Start), *C);
    Value *Bound = hoist(Map.at(L.Bound), *C);
    if (!Start || !Bound)
      continue; // the pushes keep their checks
    // `n - 1` plus one reads as `n`.
    auto PlusOne = [&](Value *V) {
      if (V->Code == OpCode::Sub && V->Operands[1]->isConstValue(1))
        return V->Operands[0];
      return B.add(V, B.constant(1, S));
    };
    Value *Trips = L.Step > 0 ? B.sub(Bound, Start) : B.sub(Start, Bound);
    if (L.Pred == CmpPred::LE || L.Pred == CmpPred::GE)
      Trips = PlusOne(Trips);
    std::vector<const Value *> Reserved;
    for (Value *Push : Pushes) {
      Push->IVal = 1;
      Value *T = Push->Operands[0];
      if (std::find(Reserved.begin(), Reserved.end(), T) != Reserved.end())
        continue;
      Reserved.push_back(T);
      B.append(G->create(OpCode::Reserve, Type::voidTy(), {T, Trips}));
    }
    Block *Where = FwdHome.at(C);
    auto At = std::find(Where->Ops.begin(), Where->Ops.end(), C);
    Where->Ops.insert(At, Tmp.Ops.begin(), Tmp.Ops.end());
  }
}

/// The number of iterations of V the forward sweep began, read in the
/// backward sweep: the count itself, or (in a loop nested in another,
/// which runs V many times) popped from a tape pushed after each run.
Value *ReverseMode::tripCount(const Value &V, Value *Trips) {
  if (Pos.Home.at(&V) == &P.Body)
    return B.load(Trips);
  Scalar S = Trips->Ty.scalarKind();
  Value *T = newTape(S, "iters");
  Value *Load = G->create(OpCode::Load, Type::scalar(S), {Trips});
  insertAfter(Map.at(&V),
              {Load, G->create(OpCode::Push, Type::voidTy(), {T, Load})});
  Value *N = B.pop(T);
  N->Name = "iters";
  return N;
}

void ReverseMode::backwardLoop(const Value &V) {
  if (!Facts.needsBackward(V))
    return;
  noteFor(V);
  B.setOrigin(V.Stmt, V.Loc);
  std::optional<CountedLoop> Counted = Pos.counted(V);
  flushPending(*Frames.back());
  Value *Loop = G->create(OpCode::Loop, Type::voidTy());
  Loop->IVal = static_cast<std::int64_t>(LoopKind::For);
  Loop->Regions.resize(4);
  Loop->Loc = V.Loc;
  Loop->Stmt = V.Stmt;
  Block &Saved = B.block();
  // How many iterations the forward sweep began, if it counted them.
  Value *N = nullptr;
  if (auto It = TripCount.find(&V); It != TripCount.end())
    N = tripCount(V, It->second);
  Value *Counter;
  if (Counted) {
    // Run the counter from its last value back to its first. The start and
    // bound are found (or computed again) before the loop, where what is
    // cached for later reads stays in scope.
    Value *Start = avail(Counted->Start);
    Value *Bound = Counted->Breaks ? nullptr : avail(Counted->Bound);
    Scalar S = Counted->Counter->Ty.scalarKind();
    B.setBlock(Loop->Regions[Init]);
    Value *Last;
    if (Counted->Breaks) {
      Value *Begun = B.sub(N, B.constant(1, S));
      Last = Counted->Step > 0 ? B.add(Start, Begun) : B.sub(Start, Begun);
    } else {
      Last = Bound;
      if (Counted->Pred == CmpPred::LT || Counted->Pred == CmpPred::NE)
        Last = Counted->Step > 0 ? B.sub(Bound, B.constant(1, S))
                                 : B.add(Bound, B.constant(1, S));
      else if (Counted->Pred == CmpPred::GT)
        Last = B.add(Bound, B.constant(1, S));
    }
    Counter = B.local(S, 0, Counted->Counter->Name);
    Counters.insert(Counter);
    B.store(Counter, Last);
    B.setBlock(Loop->Regions[Cond]);
    B.yield(B.cmp(Counted->Step > 0 ? CmpPred::GE : CmpPred::LE,
                  B.load(Counter), Start));
    B.setBlock(Loop->Regions[Step]);
    Value *One = B.constant(1, S);
    Value *Old = B.load(Counter);
    B.store(Counter, Counted->Step > 0 ? B.sub(Old, One) : B.add(Old, One));
    Remap[Counted->Counter] = Counter;
  } else {
    // Run the body as many times as the forward sweep did.
    B.setBlock(Loop->Regions[Init]);
    std::string Name = uniqueName(Taken, "iter", "iter_");
    Counter = B.local(Scalar::Int64, 0, Name);
    B.store(Counter, B.constant(0, Scalar::Int64));
    B.setBlock(Loop->Regions[Cond]);
    B.yield(B.cmp(CmpPred::LT, B.load(Counter), N));
    B.setBlock(Loop->Regions[Step]);
    B.store(Counter, B.add(B.load(Counter), B.constant(1, Scalar::Int64)));
  }
  backwardRegion(V, LoopBody, Loop->Regions[LoopBody], /*InLoop=*/true);
  if (Counted)
    Remap.erase(Counted->Counter);
  B.setBlock(Saved);
  B.append(Loop);
}

/// A scalar output whose seed the backward sweep changes gets a local
/// adjoint holding the seed (1 in a gradient).
void ReverseMode::declareMutableSeeds() {
  for (auto &[O, S] : MutableSeeds) {
    Scalar K = O->Ty.scalarKind();
    std::string Name = uniqueName(Taken, "d" + O->Name, "d_" + O->Name);
    Taken.insert(Name);
    Value *L = B.local(K, 0, Name);
    B.store(L, S ? S : B.constant(1, K));
    AdjMem[O] = L;
  }
}

std::unique_ptr<Function> ReverseMode::run() {
  Uses = countUses(P);
  if (!Legal.check())
    return nullptr;
  declare();
  B.setFold(false);
  forwardBlock(P.Body, G->Body);
  B.setBlock(G->Body);
  B.setFold(true);

  Frame Top(&P.Body, &G->Body, false);
  Frames.push_back(&Top);
  declareMutableSeeds();
  const Value *Ret = P.Body.Ops.back();
  if (!Ret->Operands.empty()) {
    const Value *Result = Ret->Operands[0];
    Value *SeedValue = Seed ? Seed : B.constant(1, P.RetTy.scalarKind());
    // The seed flows into the result as its first contribution.
    if (Act.isActive(Result)) {
      if (AdjParam.count(Result))
        B.addTo(AdjParam[Result], SeedValue);
      else
        Adj[Result] = SeedValue;
    }
  }
  backwardBlock(P.Body);
  for (const auto &[Prm, Acc] : ParamAcc)
    B.addTo(AdjParam.at(Prm), B.load(Acc));
  Frames.pop_back();
  if (Failed)
    return nullptr;
  // Seeds the backward sweep could have changed and did not.
  for (Param &Prm : G->Params)
    for (const auto &[O, D] : AdjMem)
      if (D == Prm.V && O->Code == OpCode::Param && !Pos.isWrtMemory(O))
        constIfUnwritten(*G, Prm);
  for (const auto &[O, S] : MutableSeeds)
    if (S)
      forwardIfUnchanged(*G, AdjMem.at(O), S);

  B.setOrigin(Ret->Stmt, Ret->Loc);
  if (Opts.Kind == GradKind::Grad && !Ret->Operands.empty()) {
    Value *Result = Map.at(Ret->Operands[0]);
    // Name the result after the function, as the seeds write `f = ...`.
    if (Result->Name.empty() && Result->Code != OpCode::Param &&
        !Result->isConst())
      Result->Name = P.Name;
    B.ret(Result);
  } else {
    B.ret(nullptr);
  }
  reserveTapes();
  document();
  if (Opts.TraceOut) {
    for (const Param &Prm : P.Params) {
      auto D = AdjParam.find(Prm.V);
      auto M = AdjMem.find(Prm.V);
      Opts.TraceOut->Entries.push_back(
          {Prm.V, Map.at(Prm.V),
           D != AdjParam.end() ? D->second
                               : (M != AdjMem.end() ? M->second : nullptr)});
    }
    for (const Value *V : P.Body.Ops) {
      if (!V->hasResult() || V->isConst())
        continue;
      auto A = Adj.find(V);
      Opts.TraceOut->Entries.push_back(
          {V, Map.at(V), A == Adj.end() ? nullptr : A->second});
    }
  } else {
    eliminateDeadCode(*G);
  }
  return std::move(G);
}

} // namespace

std::vector<unsigned> defaultInputs(const Function &F) {
  std::vector<unsigned> Out = defaultOutputs(F), In;
  for (unsigned I = 0; I < F.Params.size(); ++I)
    if (isFloating(F.Params[I].V->Ty.scalarKind()) &&
        (std::find(Out.begin(), Out.end(), I) == Out.end() ||
         readsFirst(F, F.Params[I].V)))
      In.push_back(I);
  return In;
}

std::vector<unsigned> defaultOutputs(const Function &F) {
  std::vector<unsigned> Out;
  if (!F.RetTy.isVoid())
    return Out;
  for (unsigned I = 0; I < F.Params.size(); ++I)
    if (F.writesParam(I) && isFloating(F.Params[I].V->Ty.scalarKind()))
      Out.push_back(I);
  return Out;
}

bool isInOut(const Function &F, const std::vector<unsigned> &Wrt,
             const std::vector<unsigned> &Out, unsigned I) {
  auto Has = [&](const std::vector<unsigned> &V) {
    return std::find(V.begin(), V.end(), I) != V.end();
  };
  return Has(Wrt) && F.Params[I].V->Ty.isMemory() &&
         (Has(Out) || F.writesParam(I));
}

std::string adjointParamName(const Function &Primal, const std::string &P) {
  return uniqueName(namesIn(Primal), "d" + P, "d_" + P);
}

std::unique_ptr<Function> reverse(const Function &Primal,
                                  const ReverseOptions &Opts,
                                  std::vector<ReverseError> *Errors) {
  return ReverseMode(Primal, Opts, Errors).run();
}

} // namespace gradc::autodiff
