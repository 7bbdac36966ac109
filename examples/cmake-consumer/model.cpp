#include "model.h"

#include <gradc/gradc.h>
#include <model_params.h>

// Squared error of yhat = x * w against data on the line y = kSlope * x.
GRADC_DIFF("grad wrt(w)")
double loss(double w, double x) {
  double yhat = x * w;
  double r = yhat - kSlope * x;
  return r * r;
}
