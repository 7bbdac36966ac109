// Annotated here, defined in some other file: not an error where included.
#include <gradc/gradc.h>
GRADC_DIFF("grad")
double elsewhere(double x);
