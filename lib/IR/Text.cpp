//===- Text.cpp - Text values: std::string parameters that are compared ---===//
#include "gradc/IR/Text.h"

#include <map>
#include <vector>

namespace gradc::ir {

namespace {
struct TextTable {
  std::map<std::string, std::int64_t> Index;
  std::vector<std::string> Texts;
};
TextTable &textTable() {
  static TextTable T;
  return T;
}
} // namespace

Type textType() {
  static const TypeName Name = internTypeName("std::string");
  return Type::scalar(Scalar::Int64).named(Name);
}

bool isText(Type T) {
  return T.kind() == textType().kind() && T == textType() &&
         T.name() == textType().name();
}

std::int64_t internText(const std::string &S) {
  TextTable &T = textTable();
  auto [It, New] =
      T.Index.emplace(S, static_cast<std::int64_t>(T.Texts.size()) + 1);
  if (New)
    T.Texts.push_back(S);
  return It->second;
}

const std::string *textOf(std::int64_t N) {
  TextTable &T = textTable();
  if (N < 1 || N > static_cast<std::int64_t>(T.Texts.size()))
    return nullptr;
  return &T.Texts[N - 1];
}

std::string textLiteral(std::int64_t N) {
  const std::string *S = textOf(N);
  if (!S)
    return std::to_string(N);
  std::string Out = "\"";
  for (char C : *S) {
    if (C == '"' || C == '\\')
      Out += '\\';
    Out += C;
  }
  return Out + "\"";
}

} // namespace gradc::ir
