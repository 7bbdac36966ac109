//===- ParseFailure.h - Errors raised inside the X3 grammars ----*- C++ -*-===//
//
// A semantic action that finds an error throws a Failure at the offending
// byte; the grammar's entry point catches it and returns its own error type
// with the column. Shared by the spec grammar and the expression language.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_LIB_FRONTEND_PARSEFAILURE_H
#define GRADC_LIB_FRONTEND_PARSEFAILURE_H

#include <string>
#include <utility>

namespace gradc::parse {

struct Failure {
  const char *Where;
  std::string Message;
};

[[noreturn]] inline void fail(const char *Where, std::string Message) {
  throw Failure{Where, std::move(Message)};
}

} // namespace gradc::parse

#endif // GRADC_LIB_FRONTEND_PARSEFAILURE_H
