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

#ifdef __cplusplus
#include <vector>

namespace gradc {

/// The values that a generated backward sweep needs but that the forward
/// sweep overwrites (a loop-carried value, an array element written twice):
/// pushed in the forward sweep, popped in reverse order in the backward one.
/// Contiguous storage that grows geometrically.
template <typename T> class tape {
public:
  void push(T Value) { Data.push_back(Value); }
  T pop() {
    T Value = Data.back();
    Data.pop_back();
    return Value;
  }

private:
  std::vector<T> Data;
};

} // namespace gradc
#endif

#define GRADC_VERSION_MAJOR 0
#define GRADC_VERSION_MINOR 1

#endif // GRADC_GRADC_H
