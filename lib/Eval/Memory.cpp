//===- Memory.cpp - The interpreter's arrays and tapes --------------------===//
#include "Memory.h"

#include <cmath>
#include <cstdio>

namespace gradc::eval {

namespace {

/// Element E of B's data, named as B's pointer indexes it.
std::string elementName(const Buffer &B, long double E) {
  E -= static_cast<long double>(B.Start);
  if (B.IsScalar && E == 0)
    return B.Name;
  char Buf[64];
  std::snprintf(Buf, sizeof(Buf), "[%.0Lf]", E);
  return B.Name + Buf;
}

std::string extent(const Buffer &B) {
  if (B.IsScalar)
    return B.Name + " is a single variable";
  if (B.Start != 0 && !B.Data.empty())
    return B.Name + " reaches " + elementName(B, 0) + " to " +
           elementName(B, static_cast<long double>(B.Data.size() - 1));
  return B.Name + " has " + std::to_string(B.Data.size()) + " element" +
         (B.Data.size() == 1 ? "" : "s");
}

} // namespace

int Memory::bind(Buffer B) {
  if (B.Written.size() != B.Data.size())
    B.Written.assign(B.Data.size(), true);
  Buffers.push_back(std::move(B));
  return static_cast<int>(Buffers.size() - 1);
}

bool Memory::allocate(unsigned Key, const std::string &Name, bool IsScalar,
                      std::uint64_t Count, bool Zero, Pointer &Out,
                      std::string &Error) {
  auto [It, New] = Locals.try_emplace(Key, static_cast<int>(Buffers.size()));
  if (New) {
    // Counted once: a local in a loop reuses its storage, as on a stack.
    if (!reserve(Count, Error))
      return false;
    Buffers.push_back(Buffer{Name, IsScalar, {}, {}});
  }
  Buffer &B = Buffers[It->second];
  B.Data.assign(Count, 0);
  B.Written.assign(Count, Zero);
  Out = {It->second, 0};
  return true;
}

bool Memory::resize(Pointer P, std::uint64_t Count, std::string &Error) {
  Buffer &B = Buffers[P.Buf];
  if (Count > B.Data.size() && !reserve(Count - B.Data.size(), Error))
    return false;
  B.Data.resize(Count, 0);
  B.Written.resize(Count, true);
  return true;
}

bool Memory::reserve(std::uint64_t N, std::string &Error) {
  if (N > Budget - Used) {
    Error = "needs more than " + std::to_string(Budget) +
            " elements of local arrays and tapes";
    return false;
  }
  Used += N;
  return true;
}

bool Memory::slice(Pointer P, std::uint64_t Count, Buffer &Out,
                   std::string &Error) const {
  const Buffer &B = Buffers[P.Buf];
  auto Size = static_cast<std::int64_t>(B.Data.size());
  if (P.Offset < 0 || P.Offset >= Size) {
    Error = "passes " + elementName(B, static_cast<long double>(P.Offset)) +
            ", but " + extent(B);
    return false;
  }
  std::int64_t End = std::min<std::int64_t>(
      Size, P.Offset + static_cast<std::int64_t>(std::min<std::uint64_t>(
                           Count, static_cast<std::uint64_t>(Size))));
  Out.Name = B.Name;
  Out.Data.assign(B.Data.begin() + P.Offset, B.Data.begin() + End);
  Out.Written.assign(B.Written.begin() + P.Offset, B.Written.begin() + End);
  Out.Cols = P.Offset == 0 ? B.Cols : 0; // a matrix passed whole
  return true;
}

Buffer Memory::window(Pointer P) const {
  Buffer Out = Buffers[P.Buf];
  Out.Start = P.Offset;
  Out.Grows = false;
  if (P.Offset != 0)
    Out.Cols = 0; // a matrix passed whole only
  return Out;
}

bool Memory::isSet(Pointer P, std::int64_t I) const {
  const Buffer &B = Buffers[P.Buf];
  return B.Written.empty() || B.Written[P.Offset + I];
}

void Memory::put(Pointer P, std::int64_t I, long double V, bool IsSet) {
  Buffer &B = Buffers[P.Buf];
  B.Data[P.Offset + I] = V;
  B.Written[P.Offset + I] = IsSet;
}

void Memory::unslice(Pointer P, const Buffer &Orig, const Buffer &In) {
  Buffer &B = Buffers[P.Buf];
  std::int64_t First = P.Offset - Orig.Start;
  for (size_t I = 0; I < In.Data.size(); ++I) {
    bool WasSet = Orig.Written.empty() || Orig.Written[I];
    bool IsSet = In.Written.empty() || In.Written[I];
    long double &X = B.Data[First + I];
    if (!WasSet)
      X = In.Data[I];
    else if (In.Data[I] != Orig.Data[I])
      X += In.Data[I] - Orig.Data[I];
    B.Written[First + I] = B.Written[First + I] || IsSet;
  }
}

bool Memory::assign(Pointer P, const Buffer &In, std::string &Error) {
  if (!resize(P, P.Offset + In.Data.size(), Error))
    return false;
  Buffer &B = Buffers[P.Buf];
  for (size_t I = 0; I < In.Data.size(); ++I) {
    B.Data[P.Offset + I] = In.Data[I];
    B.Written[P.Offset + I] = In.Written.empty() || In.Written[I];
  }
  return true;
}

const Buffer *Memory::local(unsigned Key) const {
  auto It = Locals.find(Key);
  return It == Locals.end() ? nullptr : &Buffers[It->second];
}

std::int64_t Memory::element(Pointer P, long double Index, const char *Verb,
                             std::string &Error) const {
  const Buffer &B = Buffers[P.Buf];
  long double E = static_cast<long double>(P.Offset) + Index;
  if (E < 0 || E >= static_cast<long double>(B.Data.size())) {
    Error = std::string(Verb) + " " + elementName(B, E) + ", but " + extent(B);
    return -1;
  }
  return static_cast<std::int64_t>(E);
}

bool Memory::read(Pointer P, long double Index, const char *Verb,
                  long double &Out, std::string &Error) const {
  std::int64_t E = element(P, Index, Verb, Error);
  if (E < 0)
    return false;
  const Buffer &B = Buffers[P.Buf];
  if (!B.Written[E]) {
    Error = std::string(Verb) + " " +
            elementName(B, static_cast<long double>(E)) +
            " before it is given a value";
    return false;
  }
  Out = B.Data[E];
  return true;
}

bool Memory::write(Pointer P, long double Index, long double V,
                   std::string &Error) {
  if (Buffer &G = Buffers[P.Buf];
      G.Grows && Index >= 0 && P.Offset + Index >= G.Data.size() &&
      !resize(P, std::uint64_t(P.Offset + Index) + 1, Error))
    return false;
  std::int64_t E = element(P, Index, "writes", Error);
  if (E < 0)
    return false;
  Buffer &B = Buffers[P.Buf];
  B.Data[E] = V;
  B.Written[E] = true;
  return true;
}

bool Tapes::pop(unsigned Key, long double &Out) {
  bool IsSet;
  return popMaybe(Key, Out, IsSet);
}

bool Tapes::popMaybe(unsigned Key, long double &Out, bool &IsSet) {
  std::vector<long double> &S = Stacks[Key];
  if (S.empty())
    return false;
  Out = S.back();
  IsSet = Set[Key].back();
  S.pop_back();
  Set[Key].pop_back();
  return true;
}

} // namespace gradc::eval
