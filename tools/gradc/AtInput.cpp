//===- AtInput.cpp - The inputs `--at` is given ---------------------------===//
#include "AtInput.h"

#include "gradc/IR/Text.h"

#include <cctype>
#include <cstdlib>

namespace gradc::tool {

namespace {

std::string trim(const std::string &S) {
  size_t B = S.find_first_not_of(" \t");
  size_t E = S.find_last_not_of(" \t");
  return B == std::string::npos ? "" : S.substr(B, E - B + 1);
}

bool parseNumber(const std::string &Text, long double &V) {
  std::string T = trim(Text);
  char *End = nullptr;
  V = std::strtold(T.c_str(), &End);
  return !T.empty() && *End == '\0';
}

/// Splits at the commas that are not inside brackets.
std::vector<std::string> splitItems(const std::string &At) {
  std::vector<std::string> Items(1);
  int Depth = 0;
  bool Quoted = false;
  for (char C : At) {
    Quoted ^= C == '"';
    Depth += Quoted ? 0 : C == '[' ? 1 : C == ']' ? -1 : 0;
    if (C == ',' && Depth == 0 && !Quoted)
      Items.emplace_back();
    else
      Items.back() += C;
  }
  return Items;
}

bool parseValue(const std::string &Text, AtValue &V) {
  std::string T = trim(Text);
  if (T.size() >= 2 && T.front() == '"' && T.back() == '"') {
    V.IsText = true;
    V.Numbers = {
        static_cast<long double>(ir::internText(T.substr(1, T.size() - 2)))};
    return T.find('"', 1) == T.size() - 1;
  }
  if (T.empty() || T.front() != '[') {
    V.Numbers.resize(1);
    return parseNumber(T, V.Numbers[0]);
  }
  if (T.back() != ']')
    return false;
  V.IsList = true;
  std::string Inner = T.substr(1, T.size() - 2);
  if (trim(Inner).empty())
    return true;
  if (trim(Inner).front() == '[') {
    // Rows, one list each.
    for (const std::string &Item : splitItems(Inner)) {
      AtValue Row;
      if (!parseValue(Item, Row) || !Row.IsList || !Row.RowLengths.empty())
        return false;
      V.Numbers.insert(V.Numbers.end(), Row.Numbers.begin(), Row.Numbers.end());
      V.RowLengths.push_back(Row.Numbers.size());
    }
    return true;
  }
  size_t Pos = 0;
  for (;;) {
    size_t Comma = Inner.find(',', Pos);
    long double X;
    if (!parseNumber(Inner.substr(Pos, Comma - Pos), X))
      return false;
    V.Numbers.push_back(X);
    if (Comma == std::string::npos)
      return true;
    Pos = Comma + 1;
  }
}

} // namespace

bool parseAt(const std::string &At, std::map<std::string, AtValue> &Out,
             std::string &Error) {
  for (const std::string &Raw : splitItems(At)) {
    std::string Item = trim(Raw);
    size_t Eq = Item.find('=');
    std::string Name = trim(Item.substr(0, Eq));
    AtValue V;
    if (Eq == std::string::npos || Name.empty() ||
        !parseValue(Item.substr(Eq + 1), V)) {
      Error =
          "--at: expected name=number or name=[number,...], got '" + Item + "'";
      return false;
    }
    if (!Out.emplace(Name, V).second) {
      Error = "--at: '" + Name + "' is given twice";
      return false;
    }
  }
  return true;
}

} // namespace gradc::tool
