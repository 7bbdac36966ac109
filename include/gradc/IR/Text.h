//===- Text.h - std::string parameters that are compared ---*- C++ -*-===//
//
// A `const std::string &kind` parameter used for decisions (`kind ==
// "tanh"`) is a passive value: an integer under the C++ name std::string,
// whose value is the text's number in this process (equal texts, equal
// numbers), so that the interpreter compares texts as it compares
// integers. Its literals are constants spelled as the user wrote them.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_IR_TEXT_H
#define GRADC_IR_TEXT_H

#include "gradc/IR/Type.h"

#include <cstdint>
#include <string>

namespace gradc::ir {

/// The type of text values.
Type textType();
/// Whether T is the type of text values.
bool isText(Type T);
/// The number of text S (the same for the same text, from 1 up).
std::int64_t internText(const std::string &S);
/// The text of number N, or null when no text has it.
const std::string *textOf(std::int64_t N);
/// N's text as a C++ literal ("tanh" quoted, escaped), or N itself.
std::string textLiteral(std::int64_t N);

} // namespace gradc::ir

#endif // GRADC_IR_TEXT_H
