//===- Printer.h - Textual form of the IR -----------------------*- C++ -*-===//
//
// The form `gradc --emit=ir` prints and lit tests check:
//
//   func @f(%x: f64, %y: f64) -> f64 {
//     %0 = neg %y : f64                      ; line 5
//     %sigy = div 1.0, %2 : f64              ; line 5
//     return %f
//   }
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_IR_PRINTER_H
#define GRADC_IR_PRINTER_H

#include "gradc/IR/Function.h"

#include <string>

namespace gradc::ir {

std::string print(const Function &F);

/// The shortest decimal form that reads back as exactly V ("1", "0.5",
/// "1e-08", "inf", "nan").
std::string formatNumber(double V);

} // namespace gradc::ir

#endif // GRADC_IR_PRINTER_H
