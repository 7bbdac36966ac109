//===- StepOrder.h - A loop step's stores in an order C++ can print -*- C++
//-*-//
#ifndef GRADC_FRONTEND_STEPORDER_H
#define GRADC_FRONTEND_STEPORDER_H

#include "gradc/IR/Function.h"

namespace gradc::frontend {

/// Orders the stores of a for loop's Step so that none is printed after a
/// store to what its value read (`j = i++` as `j = i, ++i`); false when
/// that cannot be done by moving a store earlier.
bool orderStepStores(ir::Block &Step);

} // namespace gradc::frontend

#endif // GRADC_FRONTEND_STEPORDER_H
