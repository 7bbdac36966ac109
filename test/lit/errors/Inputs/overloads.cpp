#include <gradc/gradc.h>
GRADC_DIFF("grad")
double sq(double x) { return x * x; }
GRADC_DIFF("grad")
float sq(float x) { return x * x; }
