//===- Bytes.h - Bytes of a parsed text, for the X3 grammars ----*- C++ -*-===//
//
// Shared by the spec grammar and the expression language. Both take any
// bytes (a fuzzer's, a user's UTF-8), so classification is by explicit
// sets: <cctype> is undefined for bytes >= 0x80 on signed char.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_LIB_FRONTEND_BYTES_H
#define GRADC_LIB_FRONTEND_BYTES_H

#include <cstdio>
#include <string>
#include <string_view>

namespace gradc::bytes {

/// The white space the grammars skip.
inline bool isBlank(char C) {
  return C == ' ' || C == '\t' || C == '\n' || C == '\v' || C == '\f' ||
         C == '\r';
}

/// A byte as it should appear in a message: itself if printable ASCII, else
/// a hex escape such as `\x0A`, so that messages stay readable whatever the
/// text holds.
inline std::string describeByte(char C) {
  unsigned char U = static_cast<unsigned char>(C);
  if (U >= 0x20 && U < 0x7f)
    return std::string(1, C);
  char Buf[8];
  std::snprintf(Buf, sizeof(Buf), "\\x%02X", U);
  return Buf;
}

/// Text on one line: runs of white space become one space, and none is
/// kept at either end.
inline std::string collapseBlanks(std::string_view Text) {
  std::string Out;
  bool PendingSpace = false;
  for (char C : Text) {
    if (isBlank(C)) {
      PendingSpace = !Out.empty();
      continue;
    }
    if (PendingSpace)
      Out += ' ';
    PendingSpace = false;
    Out += C;
  }
  return Out;
}

} // namespace gradc::bytes

#endif // GRADC_LIB_FRONTEND_BYTES_H
