//===- Type.cpp - Types of IR values --------------------------------------===//
#include "gradc/IR/Type.h"

namespace gradc::ir {

bool isFloating(Scalar S) {
  return S == Scalar::Float32 || S == Scalar::Float64 || S == Scalar::Float80;
}

bool isInteger(Scalar S) {
  return S == Scalar::Int32 || S == Scalar::UInt32 || S == Scalar::Int64 ||
         S == Scalar::UInt64;
}

const char *scalarName(Scalar S) {
  switch (S) {
  case Scalar::Bool:
    return "i1";
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
  std::string Pointee =
      std::string(ConstPointee ? "const " : "") + scalarName(S);
  switch (K) {
  case Void:
    return "void";
  case Value:
    return scalarName(S);
  case Ref:
    return "ref " + Pointee;
  case Ptr:
    return "ptr " + Pointee;
  case Tape:
    return std::string("tape ") + scalarName(S);
  }
  return "?";
}

} // namespace gradc::ir
