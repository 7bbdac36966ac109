//===- AtTable.cpp - The table `gradc --at` prints ------------------------===//
#include "At.h"

#include "gradc/IR/Printer.h"
#include "gradc/IR/Text.h"

#include <cstdio>

namespace gradc::tool {

using namespace ir;

std::string printNumber(Scalar S, long double V) {
  if (S == Scalar::Float80) {
    char Buf[64];
    std::snprintf(Buf, sizeof(Buf), "%.21Lg", V);
    return Buf;
  }
  return formatNumber(static_cast<double>(V));
}

namespace {

std::string line(const std::string &Where, const std::string &Name,
                 const std::string &Value, const std::string &Grad) {
  char Buf[512];
  std::snprintf(Buf, sizeof(Buf), "%-6s %-14s %-24s %s\n", Where.c_str(),
                Name.c_str(), Value.c_str(), Grad.c_str());
  return Buf;
}

} // namespace

std::string renderTable(const Worked &W) {
  const Function &P = *W.Primal;
  std::string Out = P.Name + "(" + W.Call + ")" +
                    (P.RetTy.isVoid() ? ": " : " = ") + W.Result + "\n";
  if (!W.Seeds.empty())
    Out += "seeds: " + W.Seeds + "\n";
  Out += "\n" + line("line", "variable", "value", W.GradOf);
  for (const Worked::Row &R : W.Rows)
    Out += line(R.Where, R.Name,
                R.Text ? ir::textLiteral(static_cast<std::int64_t>(R.N.Value))
                       : printNumber(R.Ty, R.N.Value),
                R.N.HasGrad ? printNumber(R.Ty, R.N.Grad) : R.Note);
  if (!W.Footer.empty())
    Out += "\n";
  for (const std::string &F : W.Footer)
    Out += F + "\n";
  return Out;
}

} // namespace gradc::tool
