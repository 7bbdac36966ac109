//===- Interpreter.cpp - Running IR on concrete values --------------------===//
//
// Walks the structured IR: a block is run op by op, and If and Loop run
// their regions. Break, continue, return and errors travel outwards as the
// Flow a block ends with, so no exception crosses the interpreter.
//
//===----------------------------------------------------------------------===//
#include "gradc/Eval/Interpreter.h"

#include "Arith.h"
#include "Memory.h"
#include "gradc/IR/Printer.h"

#include <cmath>
#include <set>

namespace gradc::eval {

using namespace ir;

namespace {

enum class Flow { Next, Break, Continue, Yield, Return, Fail };

class Interpreter {
public:
  Interpreter(const Function &F, const Limits &L, Run &R)
      : F(F), L(L), R(R), Mem(L.MaxElements), Ptrs(F.numValues()),
        Poison(F.numValues()) {
    R.Last.assign(F.numValues(), 0);
    R.Times.assign(F.numValues(), 0);
  }

  void run(std::vector<Arg> &Args) {
    if (bind(Args))
      block(F.Body);
    // Memory arguments are the caller's: hand back what the run made of them.
    for (size_t I = 0; I < Args.size() && I < F.Params.size(); ++I)
      if (Ptrs[F.Params[I].V->Id].Buf >= 0)
        Args[I].Array = Mem.buffer(Ptrs[F.Params[I].V->Id].Buf);
    for (unsigned Id : Locals)
      R.Locals[Id] = *Mem.local(Id);
  }

private:
  bool bind(std::vector<Arg> &Args) {
    if (Args.size() != F.Params.size()) {
      R.Error = F.Name + " takes " + std::to_string(F.Params.size()) +
                " arguments, given " + std::to_string(Args.size());
      return false;
    }
    for (size_t I = 0; I < Args.size(); ++I) {
      const Value &P = *F.Params[I].V;
      if (!P.Ty.isMemory()) {
        set(P, roundTo(P.Ty.scalarKind(), Args[I].Scalar));
        continue;
      }
      Buffer B = Args[I].Array;
      B.Name = P.Name;
      B.IsScalar = P.Ty.kind() == Type::Ref;
      if (B.IsScalar && B.Data.size() != 1) {
        R.Error = "reference parameter '" + P.Name + "' of " + F.Name +
                  " needs one element, given " + std::to_string(B.Data.size());
        return false;
      }
      std::int64_t Start = B.Start;
      Ptrs[P.Id] = {Mem.bind(std::move(B)), Start};
      ++R.Times[P.Id];
    }
    return true;
  }

  /// Stops the run at V with Msg.
  Flow fail(const Value &V, const std::string &Msg) {
    R.Error = located(V, Msg);
    return Flow::Fail;
  }

  /// Stops the run at V with Msg, for a limit.
  Flow stop(const Value &V, const std::string &Msg) {
    R.Stopped = true;
    return fail(V, Msg);
  }

  std::string located(const Value &V, const std::string &Msg) const {
    std::string Where = F.File;
    if (V.Loc.isValid())
      Where +=
          ":" + std::to_string(V.Loc.Line) + ":" + std::to_string(V.Loc.Col);
    return Where + ": in " + F.Name + ": " + Msg;
  }

  /// What a Throw throws, with the values of its arguments.
  std::string thrown(const Value &V) const {
    std::string Args;
    unsigned Next = 0;
    for (const std::string &A : V.ThrowArgs)
      Args += (Args.empty() ? "" : ", ") +
              (A.empty()
                   ? formatNumber(static_cast<double>(get(V.Operands[Next++])))
                   : A);
    return V.Text.empty() ? Args : V.Text + "(" + Args + ")";
  }

  Flow arithFail(const Value &V, ArithError E) { return fault(V, describe(E)); }

  /// Ops that compute a value and nothing else.
  static bool pure(const Value &V) {
    if (isBitwise(V.Code))
      return true;
    switch (V.Code) {
    case OpCode::Cast:
    case OpCode::Neg:
    case OpCode::Add:
    case OpCode::Sub:
    case OpCode::Mul:
    case OpCode::Div:
    case OpCode::Rem:
    case OpCode::Call:
    case OpCode::Cmp:
    case OpCode::Select:
    case OpCode::And:
    case OpCode::Or:
    case OpCode::Not:
    case OpCode::Load:
    case OpCode::Offset:
    case OpCode::Field:
      return true;
    case OpCode::Copy:
      return !V.Ty.isMemory();
    default:
      return false;
    }
  }

  /// A fault (a read out of bounds, a division by zero) in a pure op is
  /// kept as V's poison: C++ evaluates `i < n && w[i] > 0` and `c ? a : b`
  /// only in part, and the generated code inherits that, so the fault is
  /// reported only where the value is used.
  Flow fault(const Value &V, const std::string &Msg) {
    if (!pure(V))
      return fail(V, Msg);
    return poison(V, located(V, Msg));
  }

  /// V's value is unusable, for Why; the run goes on.
  Flow poison(const Value &V, std::string Why) {
    Poison[V.Id] = std::move(Why);
    set(V, 0);
    return Flow::Next;
  }

  /// The poison V's value carries from the operands it uses, or null.
  const std::string *poisoned(const Value &V) const {
    auto Of = [&](unsigned I) -> const std::string * {
      const std::string &P = Poison[V.Operands[I]->Id];
      return P.empty() ? nullptr : &P;
    };
    switch (V.Code) {
    case OpCode::And:
    case OpCode::Or:
      if (Of(0) || (get(V.Operands[0]) != 0) == (V.Code == OpCode::And))
        return Of(0) ? Of(0) : Of(1);
      return nullptr;
    case OpCode::Select:
      return Of(0) ? Of(0) : Of(get(V.Operands[0]) != 0 ? 1 : 2);
    default:
      for (unsigned I = 0; I < V.Operands.size(); ++I)
        if (Of(I))
          return Of(I);
      return nullptr;
    }
  }

  long double get(const Value *V) const { return R.Last[V->Id]; }
  void set(const Value &V, long double X) {
    R.Last[V.Id] = X;
    ++R.Times[V.Id];
  }

  Flow block(const Block &B) {
    for (const Value *V : B.Ops) {
      if (++R.Steps + L.StepsBefore > L.MaxSteps)
        return stop(*V, "stopped after " + std::to_string(L.MaxSteps) +
                            " steps" + loopHint());
      Flow Fl = op(*V);
      if (Fl != Flow::Next)
        return Fl;
    }
    return Flow::Next;
  }

  std::string loopHint() const {
    if (Running.empty())
      return "";
    const Value &Lp = *Running.back();
    return ": does the loop at line " + std::to_string(Lp.Loc.Line) + " end?";
  }

  /// Where a Load, Store, AddTo or Offset points, and the index it adds.
  long double index(const Value &V) const {
    const Value *I = V.Code == OpCode::Offset ? V.Operands[1] : V.index();
    return I ? get(I) : 0;
  }

  Flow op(const Value &V) {
    if (const std::string *Why = poisoned(V)) {
      if (!pure(V)) {
        R.Error = *Why;
        return Flow::Fail;
      }
      return poison(V, *Why);
    }
    if (!Poison[V.Id].empty())
      Poison[V.Id].clear();
    Scalar S = V.Ty.scalarKind();
    const auto &Ops = V.Operands;
    long double Out = 0;
    ArithError E = ArithError::None;
    std::string Err;
    switch (V.Code) {
    case OpCode::Param:
      return fail(V, "a parameter inside the body");
    case OpCode::Note:
      return Flow::Next;
    case OpCode::Const:
      Out = roundTo(S, V.Ty.isFloating() ? static_cast<long double>(V.FVal)
                                         : static_cast<long double>(V.IVal));
      break;
    case OpCode::Cast:
      E = convert(Ops[0]->Ty.scalarKind(), S, get(Ops[0]), Out);
      break;
    case OpCode::Copy:
      if (V.Ty.isMemory()) {
        Ptrs[V.Id] = Ptrs[Ops[0]->Id];
        ++R.Times[V.Id];
        return Flow::Next;
      }
      Out = get(Ops[0]);
      break;
    case OpCode::Neg:
      E = negate(S, get(Ops[0]), Out);
      break;
    case OpCode::Add:
    case OpCode::Sub:
    case OpCode::Mul:
    case OpCode::Div:
    case OpCode::Rem:
      E = arith(V.Code, S, get(Ops[0]), get(Ops[1]), Out);
      break;
    case OpCode::BitAnd:
    case OpCode::BitOr:
    case OpCode::BitXor:
    case OpCode::Shl:
    case OpCode::Shr:
      E = bits(V.Code, S, get(Ops[0]), get(Ops[1]), Out);
      break;
    case OpCode::BitNot:
      E = bits(V.Code, S, get(Ops[0]), 0, Out);
      break;
    case OpCode::Call:
      Out = math(S, V.Fn, get(Ops[0]), Ops.size() > 1 ? get(Ops[1]) : 0,
                 Ops.size() > 2 ? get(Ops[2]) : 0);
      break;
    case OpCode::Cmp:
      Out = compare(V.Pred, get(Ops[0]), get(Ops[1]));
      break;
    case OpCode::Select:
      Out = get(Ops[0]) != 0 ? get(Ops[1]) : get(Ops[2]);
      break;
    case OpCode::And:
      Out = get(Ops[0]) != 0 && get(Ops[1]) != 0;
      break;
    case OpCode::Or:
      Out = get(Ops[0]) != 0 || get(Ops[1]) != 0;
      break;
    case OpCode::Not:
      Out = get(Ops[0]) == 0;
      break;
    case OpCode::Local:
      return local(V);
    case OpCode::Size: {
      Pointer P = Ptrs[Ops[0]->Id];
      const Buffer &Buf = Mem.buffer(P.Buf);
      if (!V.Text.empty()) { // of a std::vector of std::vector
        if (Buf.Cols <= 0 && !Buf.Data.empty())
          return fail(V, "reads the rows of " + Buf.Name +
                             ", which was not given as rows");
        Out = V.Text == "cols" ? Buf.Cols
              : Buf.Cols       ? static_cast<long double>(Buf.Data.size()) /
                               static_cast<long double>(Buf.Cols)
                         : 0;
        break;
      }
      Out = static_cast<long double>(Buf.Data.size()) - P.Offset;
      if (V.Stride > 1) // a container of structs, counted in structs
        Out = std::floor(Out / V.Stride);
      break;
    }
    case OpCode::Offset:
    case OpCode::Field: {
      Pointer P = Ptrs[Ops[0]->Id];
      long double O = V.Code == OpCode::Offset
                          ? static_cast<long double>(P.Offset) + index(V)
                          : static_cast<long double>(P.Offset) +
                                index(V) * static_cast<long double>(V.Stride) +
                                V.IVal;
      // Far outside any array: reported when it is accessed, never wrapped.
      P.Offset = O > 4e18L    ? std::int64_t(4e18)
                 : O < -4e18L ? std::int64_t(-4e18)
                              : std::int64_t(O);
      Ptrs[V.Id] = P;
      ++R.Times[V.Id];
      return Flow::Next;
    }
    case OpCode::Load:
      if (!Mem.read(Ptrs[Ops[0]->Id], index(V), "reads", Out, Err))
        return fault(V, Err);
      break;
    case OpCode::Store:
      // An element appended: at the vector's length, which follows.
      if (!V.Text.empty() && V.Operands.size() > 2 &&
          !Mem.resize(Ptrs[Ops[0]->Id],
                      std::max<std::uint64_t>(
                          Mem.buffer(Ptrs[Ops[0]->Id].Buf).Data.size(),
                          std::uint64_t(index(V)) + 1),
                      Err))
        return fail(V, Err);
      if (!Mem.write(Ptrs[Ops[0]->Id], index(V), get(Ops[1]), Err))
        return fail(V, Err);
      // The length of a vector: the vector follows it.
      if (auto It = LengthOf.find(Ops[0]->Id);
          It != LengthOf.end() &&
          !Mem.resize(Ptrs[It->second.first],
                      std::uint64_t(get(Ops[1])) * It->second.second, Err))
        return fail(V, Err);
      return Flow::Next;
    case OpCode::AddTo:
      return addTo(V);
    case OpCode::If:
      return block(V.Regions[get(Ops[0]) != 0 ? Then : Else]);
    case OpCode::Loop:
      return loop(V);
    case OpCode::Yield:
      YieldValue = get(Ops[0]);
      return Flow::Yield;
    case OpCode::Break:
      return Flow::Break;
    case OpCode::Throw:
      return fail(V, "throws " + thrown(V));
    case OpCode::Continue:
      return Flow::Continue;
    case OpCode::Tape:
      Tps.reset(V.Id);
      // A fixed tape's storage is its size: every push must fit.
      if (V.IVal > 0)
        Tps.reserve(V.Id, V.IVal);
      ++R.Times[V.Id];
      return Flow::Next;
    case OpCode::PushArray:
    case OpCode::PopArray: {
      Pointer P = Ptrs[Ops[1]->Id];
      auto N = static_cast<std::int64_t>(get(Ops[2]));
      if (Ops[1]->Code == OpCode::Local && Ops[1]->IVal < 0)
        N *= std::max<std::int64_t>(Ops[1]->Stride, 1); // counted in structs
      Buffer Range;
      if (!Mem.slice(P, static_cast<std::uint64_t>(N), Range, Err) ||
          static_cast<std::int64_t>(Range.Data.size()) != N)
        return fail(V,
                    Err.empty() ? "copies past the end of " + Range.Name : Err);
      if (V.Code == OpCode::PushArray) {
        if (!Mem.reserve(static_cast<std::uint64_t>(N), Err))
          return fail(V, Err);
        // A tape of whole objects (Text: `fixed_tape<std::vector<T>, K>`)
        // holds K of them, however many scalars each has; its size is
        // not in the scalars counted here.
        if (Ops[0]->IVal > 0 && Ops[0]->Text.empty() &&
            !Tps.reserved(Ops[0]->Id, N))
          return fail(V, "pushes past the size of tape " + Ops[0]->Name);
        for (std::int64_t I = 0; I < N; ++I)
          Tps.pushMaybe(Ops[0]->Id, Range.Data[I], Mem.isSet(P, I));
        return Flow::Next;
      }
      for (std::int64_t I = N - 1; I >= 0; --I) {
        long double X;
        bool IsSet;
        if (!Tps.popMaybe(Ops[0]->Id, X, IsSet))
          return fail(V, "pops the empty tape " + Ops[0]->Name);
        Mem.put(P, I, X, IsSet);
      }
      return Flow::Next;
    }
    case OpCode::Reserve:
      Tps.reserve(Ops[0]->Id, static_cast<std::int64_t>(get(Ops[1])));
      return Flow::Next;
    case OpCode::Push:
      if (!Mem.reserve(1, Err))
        return fail(V, Err);
      // The generated code would write past the tape's storage.
      if ((V.IVal == 1 || Ops[0]->IVal > 0) && !Tps.reserved(Ops[0]->Id))
        return fail(V, (Ops[0]->IVal > 0 ? "pushes past the size of tape "
                                         : "pushes past the room reserved on "
                                           "tape ") +
                           Ops[0]->Name);
      Tps.push(Ops[0]->Id, get(Ops[1]));
      return Flow::Next;
    case OpCode::Invoke:
      if (Flow Fl = invoke(V, Out); Fl != Flow::Next)
        return Fl;
      if (V.Ty.isVoid())
        return Flow::Next;
      break;
    case OpCode::Pop:
      if (!Tps.pop(Ops[0]->Id, Out))
        return fail(V, "pops the empty tape " +
                           (Ops[0]->Name.empty()
                                ? std::string("#") + std::to_string(Ops[0]->Id)
                                : Ops[0]->Name));
      break;
    case OpCode::Return:
      if (!Ops.empty())
        R.Result = get(Ops[0]);
      return Flow::Return;
    }
    if (E != ArithError::None)
      return arithFail(V, E);
    set(V, Out);
    return Flow::Next;
  }

  /// Runs the callee on copies of the memory it is given, then puts back
  /// what it changed (as changes: arguments may be the same memory).
  Flow invoke(const Value &V, long double &Out) {
    bool Unseen = !V.Callee || V.Callee->Opaque;
    // The library's classification (`std::isnan(x)`), whose body is a
    // compiler builtin.
    if (Unseen && V.Operands.size() == 1 && V.Text.rfind("std::", 0) == 0)
      if (std::optional<long double> Known = libraryCall(
              V.Text, V.Operands[0]->Ty.scalarKind(), get(V.Operands[0]))) {
        Out = *Known;
        return Flow::Next;
      }
    if (Unseen)
      return fail(V, "calls " + V.Text + ", whose body gradc cannot see");
    const Function &C = *V.Callee;
    std::vector<Arg> Args(V.Operands.size());
    std::string Err;
    // A std::vector returned: the helper writes all of it, and its size.
    size_t Returned =
        C.ReturnsRecord && C.ResultCount ? Args.size() - 1 : Args.size();
    for (size_t I = 0; I < V.Operands.size(); ++I) {
      const Value *Op = V.Operands[I];
      if (I == Returned) {
        Args[I].Array.Name = Mem.buffer(Ptrs[Op->Id].Buf).Name;
        Args[I].Array.Grows = true;
        continue;
      }
      if (!C.Params[I].V->Ty.isMemory()) {
        Args[I].Scalar = get(Op);
        continue;
      }
      if (C.Params[I].V->Ty.kind() != Type::Ref)
        Args[I].Array = Mem.window(Ptrs[Op->Id]);
      else if (!Mem.slice(Ptrs[Op->Id], 1, Args[I].Array, Err))
        return fail(V, Err);
    }
    if (L.Depth >= L.MaxCallDepth)
      return stop(V, "calls " + V.Text + " with " +
                         std::to_string(L.MaxCallDepth) +
                         " calls in progress; does its recursion end?");
    std::vector<Arg> Given = Args;
    Limits Inner = L;
    Inner.StepsBefore += R.Steps;
    ++Inner.Depth;
    Run Sub = evaluate(C, Args, Inner);
    R.Steps += Sub.Steps;
    for (size_t I = 0; I < V.Operands.size(); ++I)
      if (I != Returned && C.Params[I].V->Ty.isMemory())
        Mem.unslice(Ptrs[V.Operands[I]->Id], Given[I].Array, Args[I].Array);
    if (Returned < Args.size() &&
        !Mem.assign(Ptrs[V.Operands[Returned]->Id], Args[Returned].Array, Err))
      return fail(V, Err);
    if (Sub.Stopped) {
      R.Stopped = true;
      R.Error = Sub.Error;
      return Flow::Fail;
    }
    if (!Sub.ok())
      return fail(V, "in the call to " + V.Text + ": " + Sub.Error);
    Out = Sub.Result;
    return Flow::Next;
  }

  Flow local(const Value &V) {
    // A std::vector's size is known when its declaration runs.
    long double N = V.IVal < 0 ? get(V.Operands[0]) : V.IVal;
    if (V.IVal < 0 && V.Stride > 0) // a vector of structs, counted in them
      N *= V.Stride;
    if (N < 0)
      return fail(V, "a local array of negative size");
    std::string Err;
    Pointer P;
    std::uint64_t Count = V.IVal == 0 ? 1 : static_cast<std::uint64_t>(N);
    if (!Mem.allocate(V.Id, V.Name, V.IVal == 0, Count, V.ZeroInit, P, Err))
      return fail(V, Err);
    Locals.insert(V.Id);
    Ptrs[V.Id] = P;
    if (V.IVal < 0 && V.Operands.size() > 1)
      LengthOf[V.Operands[1]->Id] = {V.Id, std::max<std::int64_t>(V.Stride, 1)};
    ++R.Times[V.Id];
    return Flow::Next;
  }

  Flow addTo(const Value &V) {
    Pointer P = Ptrs[V.Operands[0]->Id];
    long double Old = 0, New = 0;
    std::string Err;
    if (!Mem.read(P, index(V), "adds to", Old, Err))
      return fail(V, Err);
    ArithError E = arith(OpCode::Add, V.Operands[1]->Ty.scalarKind(), Old,
                         get(V.Operands[1]), New);
    if (E != ArithError::None)
      return arithFail(V, E);
    Mem.write(P, index(V), New, Err);
    return Flow::Next;
  }

  /// Runs a loop's condition region: an empty one is true.
  Flow condition(const Value &Lp, bool &Holds) {
    const Block &C = Lp.Regions[Cond];
    Holds = true;
    if (C.Ops.empty())
      return Flow::Next;
    Flow Fl = block(C);
    if (Fl == Flow::Yield) {
      Holds = YieldValue != 0;
      return Flow::Next;
    }
    if (Fl == Flow::Next || Fl == Flow::Fail)
      return Fl;
    return fail(Lp, "a loop condition that leaves by break, continue or "
                    "return");
  }

  /// C++ semantics: init once; then, for and while, condition, body, step;
  /// do-while runs the body before the first test.
  Flow loop(const Value &Lp) {
    Running.push_back(&Lp);
    Flow Fl = block(Lp.Regions[Init]);
    bool Test = Lp.loopKind() != LoopKind::DoWhile;
    while (Fl == Flow::Next) {
      bool Holds = true;
      if (Test && (Fl = condition(Lp, Holds)) != Flow::Next)
        break;
      if (!Holds)
        break;
      Test = true;
      Fl = block(Lp.Regions[LoopBody]);
      if (Fl == Flow::Break) {
        Fl = Flow::Next;
        break;
      }
      if (Fl == Flow::Continue)
        Fl = Flow::Next;
      if (Fl == Flow::Next)
        Fl = block(Lp.Regions[Step]);
    }
    Running.pop_back();
    return Fl;
  }

  const Function &F;
  const Limits &L;
  Run &R;
  Memory Mem;
  Tapes Tps;
  std::vector<Pointer> Ptrs; ///< By Value::Id, for pointer-typed values.
  /// By Value::Id: why the value is unusable (see fault), or empty.
  std::vector<std::string> Poison;
  std::set<unsigned> Locals; ///< Local ops that ran.
  /// The length Local of each vector that changes size -> the vector, and
  /// the scalars in each of its elements.
  std::map<unsigned, std::pair<unsigned, std::uint64_t>> LengthOf;
  std::vector<const Value *> Running; ///< Loops being run, innermost last.
  long double YieldValue = 0;
};

} // namespace

Run evaluate(const Function &F, std::vector<Arg> &Args, const Limits &L) {
  Run R;
  Interpreter(F, L, R).run(Args);
  return R;
}

} // namespace gradc::eval
