// gradc.h - the one header that annotated code and generated code include.
//
// GRADC_DIFF(spec) marks a function for differentiation by the gradc tool.
// With Clang it becomes an annotation that gradc reads; with other compilers
// it expands to nothing, so annotated sources still build unchanged.
#ifndef GRADC_GRADC_H
#define GRADC_GRADC_H

#if defined(__clang__)
#define GRADC_DIFF(spec) [[clang::annotate("gradc " spec)]]
#else
#define GRADC_DIFF(spec)
#endif

#define GRADC_VERSION_MAJOR 0
#define GRADC_VERSION_MINOR 1

#endif // GRADC_GRADC_H
