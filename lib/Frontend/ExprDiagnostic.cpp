//===- ExprDiagnostic.cpp - An expression error with a caret --------------===//
#include "gradc/Frontend/Expr.h"

#include <algorithm>

using namespace gradc;

std::string expr::renderError(std::string_view Text, const ExprError &E) {
  size_t Col = std::min<size_t>(E.Column, Text.size());
  // The line holding the column, should the text span several.
  size_t Begin = Text.rfind('\n', Col == 0 ? std::string_view::npos : Col - 1);
  Begin = Begin == std::string_view::npos ? 0 : Begin + 1;
  if (Col > 0 && Text[Col - 1] == '\n')
    Begin = Col;
  size_t End = std::min(Text.find('\n', Col), Text.size());
  std::string Line, Pad;
  for (size_t I = Begin; I < End; ++I) {
    unsigned char C = static_cast<unsigned char>(Text[I]);
    // Tabs stay tabs, so that the caret lines up in any terminal; other
    // control bytes would move the cursor and show as blanks.
    char Shown = C == '\t' || C >= 0x20 ? Text[I] : ' ';
    if (C == 0x7f)
      Shown = ' ';
    Line += Shown;
    // One column a character: UTF-8 continuation bytes take none.
    if (I < Col && (C & 0xC0) != 0x80)
      Pad += Shown == '\t' ? '\t' : ' ';
  }
  return E.Message + "\n  " + Line + "\n  " + Pad + "^\n";
}
