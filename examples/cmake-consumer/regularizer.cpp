#include "model.h"

#include <gradc/gradc.h>

// A small pull of w towards zero.
GRADC_DIFF("grad")
double penalty(double w) { return 1e-6 * w * w; }
