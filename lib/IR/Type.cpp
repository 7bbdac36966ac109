//===- Type.cpp - Types of IR values --------------------------------------===//
#include "gradc/IR/Type.h"

#include <deque>
#include <map>

namespace gradc::ir {

bool isFloating(Scalar S) {
  return S == Scalar::Float32 || S == Scalar::Float64 || S == Scalar::Float80;
}

bool isInteger(Scalar S) { return S != Scalar::Bool && !isFloating(S); }

unsigned intBits(Scalar S) {
  switch (S) {
  case Scalar::Bool:
    return 1;
  case Scalar::Int8:
  case Scalar::UInt8:
    return 8;
  case Scalar::Int16:
  case Scalar::UInt16:
    return 16;
  case Scalar::Int32:
  case Scalar::UInt32:
    return 32;
  default:
    return 64;
  }
}

bool isSignedInt(Scalar S) {
  return S == Scalar::Int8 || S == Scalar::Int16 || S == Scalar::Int32 ||
         S == Scalar::Int64;
}

namespace {
struct NameTable {
  std::deque<std::string> Names{""};
  std::map<std::string, TypeName> Index{{"", 0}};
};
NameTable &nameTable() {
  static NameTable T;
  return T;
}
} // namespace

TypeName internTypeName(const std::string &Name) {
  NameTable &T = nameTable();
  auto [It, New] = T.Index.emplace(Name, static_cast<TypeName>(T.Names.size()));
  if (New)
    T.Names.push_back(Name);
  return It->second;
}

const std::string &typeNameOf(TypeName N) { return nameTable().Names.at(N); }

const char *scalarName(Scalar S) {
  switch (S) {
  case Scalar::Bool:
    return "i1";
  case Scalar::Int8:
    return "i8";
  case Scalar::UInt8:
    return "u8";
  case Scalar::Int16:
    return "i16";
  case Scalar::UInt16:
    return "u16";
  case Scalar::Int32:
    return "i32";
  case Scalar::UInt32:
    return "u32";
  case Scalar::Int64:
    return "i64";
  case Scalar::UInt64:
    return "u64";
  case Scalar::Float32:
    return "f32";
  case Scalar::Float64:
    return "f64";
  case Scalar::Float80:
    return "f80";
  }
  return "?";
}

std::string Type::str() const {
  std::string Of = scalarName(S);
  if (Name)
    Of += "(" + typeNameOf(Name) + ")";
  std::string Pointee = std::string(ConstPointee ? "const " : "") + Of;
  switch (K) {
  case Void:
    return "void";
  case Value:
    return Of;
  case Ref:
    return "ref " + Pointee;
  case Ptr:
    return "ptr " + Pointee;
  case Tape:
    return "tape " + Of;
  }
  return "?";
}

} // namespace gradc::ir
