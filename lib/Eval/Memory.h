//===- Memory.h - The interpreter's arrays and tapes ------------*- C++ -*-===//
//
// Memory is a set of named buffers: one per pointer or reference parameter
// (the caller's array) and one per Local op (reset each time the op runs, as
// a C++ local is a new object each time its declaration is reached). A
// pointer is a buffer and an offset. Every access is checked: an index out
// of bounds or an element read before it is written is an error naming the
// array and its size, so that a wrong index in a test or in `--at` is
// reported instead of reading garbage.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_LIB_EVAL_MEMORY_H
#define GRADC_LIB_EVAL_MEMORY_H

#include "gradc/Eval/Interpreter.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace gradc::eval {

/// Where a pointer-typed value points: element Offset of buffer Buf.
struct Pointer {
  int Buf = -1;
  std::int64_t Offset = 0;
};

class Memory {
public:
  explicit Memory(std::uint64_t MaxElements) : Budget(MaxElements) {}

  /// A buffer for a parameter, holding the caller's elements. IsScalar: a
  /// reference parameter, named without an index in messages.
  int bind(Buffer B);
  /// The buffer of the Local op Key, (re)allocated with Count elements,
  /// zeroed or not yet written. False with Error set when over budget.
  bool allocate(unsigned Key, const std::string &Name, bool IsScalar,
                std::uint64_t Count, bool Zero, Pointer &Out,
                std::string &Error);

  /// Gives the buffer of P Count elements, as `std::vector::resize` does
  /// (new ones zero). False with Error set when over budget.
  bool resize(Pointer P, std::uint64_t Count, std::string &Error);

  /// P[Index]. Verb ("reads", "adds to") is for the message.
  bool read(Pointer P, long double Index, const char *Verb, long double &Out,
            std::string &Error) const;
  bool write(Pointer P, long double Index, long double V, std::string &Error);

  const Buffer &buffer(int Id) const { return Buffers[Id]; }
  /// What a callee given P sees: the elements from P to the end of its
  /// buffer (Count of them at most). False with Error set outside it.
  bool slice(Pointer P, std::uint64_t Count, Buffer &Out,
             std::string &Error) const;
  /// What a callee given the pointer P sees: all of P's buffer, with P's
  /// element as its Start (it may read before it, as C++ may).
  Buffer window(Pointer P) const;
  /// Whether element I of P's buffer has been given a value.
  bool isSet(Pointer P, std::int64_t I) const;
  /// Gives element I of P's buffer the value V, or leaves it unset.
  void put(Pointer P, std::int64_t I, long double V, bool IsSet);
  /// Puts back what the callee made of the slice or window Orig taken at
  /// P: what it
  /// changed, as a change, so that two arguments that are the same memory
  /// (`g_pullback(y, y, dout, dy, dy)`) both count.
  void unslice(Pointer P, const Buffer &Orig, const Buffer &In);
  /// Makes the buffer at P (from P on) hold In, all of it: the vector a
  /// helper returned.
  bool assign(Pointer P, const Buffer &In, std::string &Error);
  /// The buffer of Local op Key, if it ran.
  const Buffer *local(unsigned Key) const;

  /// Counts N more elements (of a tape) against the budget.
  bool reserve(std::uint64_t N, std::string &Error);

private:
  /// The element P[Index] designates, or -1 with Error set.
  std::int64_t element(Pointer P, long double Index, const char *Verb,
                       std::string &Error) const;

  std::vector<Buffer> Buffers;
  std::map<unsigned, int> Locals; ///< Local op id -> buffer.
  std::uint64_t Budget;
  std::uint64_t Used = 0;
};

/// LIFO stacks of scalars, one per Tape op; a Tape op starts its tape anew.
class Tapes {
public:
  void reset(unsigned Key) {
    Stacks[Key].clear();
    Set[Key].clear();
    Room[Key] = 0;
  }
  void push(unsigned Key, long double V) {
    Stacks[Key].push_back(V);
    Set[Key].push_back(true);
  }
  /// An element that may be unset (copied from a local array).
  void pushMaybe(unsigned Key, long double V, bool IsSet) {
    Stacks[Key].push_back(V);
    Set[Key].push_back(IsSet);
  }
  /// The last value pushed and whether it was set; false when empty.
  bool popMaybe(unsigned Key, long double &Out, bool &IsSet);
  /// Room for N more pushes, as gradc::tape::reserve makes.
  void reserve(unsigned Key, std::int64_t N) {
    std::uint64_t Want = Stacks[Key].size() + (N > 0 ? N : 0);
    Room[Key] = std::max<std::uint64_t>(Room[Key], Want);
  }
  /// Whether N pushes without a check (push_reserved, or on a fixed tape)
  /// stay in that room.
  bool reserved(unsigned Key, std::int64_t N = 1) {
    return Stacks[Key].size() + static_cast<std::uint64_t>(N) <= Room[Key];
  }
  /// False when the tape is empty.
  bool pop(unsigned Key, long double &Out);

private:
  std::map<unsigned, std::vector<long double>> Stacks;
  std::map<unsigned, std::vector<bool>> Set;
  std::map<unsigned, std::uint64_t> Room;
};

} // namespace gradc::eval

#endif // GRADC_LIB_EVAL_MEMORY_H
