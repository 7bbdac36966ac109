//===- IteratorParams.h - Iterators given to the user's functions -*- C++
//-*-===//
//
// `template <class It> double sum(It first, It last)` called as
// `sum(v.begin(), v.end())` or `sum(x, x + n)`: gradc makes it a function
// of its own (`sum_range`) taking the pointer an iterator wraps, and a
// range's end as its offset from the range's first (`last_off`), which the
// IR needs to know points into the same array.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_LIB_FRONTEND_ITERATORPARAMS_H
#define GRADC_LIB_FRONTEND_ITERATORPARAMS_H

#include "clang/AST/Decl.h"

namespace gradc::frontend {

/// The pointer an iterator of type T wraps (a reverse iterator's
/// iterator's; a pointer itself), or a null type.
clang::QualType iteratorPointer(clang::QualType T);

/// The struct an iterator, pointer or array of T designates, or null
/// (LoweringStructPosition.cpp).
clang::QualType structPointee(clang::QualType T);

/// Whether FD's parameter J is the end of a range its parameter J - 1
/// begins: both by value and of one iterator type, of one template
/// parameter (`It first, It last`) in an instance taking pointers, or two
/// pointers of one type that the body compares or subtracts (`const
/// double *first, const double *last`, `first != last`), and never
/// dereferenced itself (`*last`, `last[i]`).
bool isRangeEnd(const clang::FunctionDecl &FD, unsigned J);

/// Whether FD takes an iterator by value or a range: gradc then makes a
/// function of its own from it.
bool takesIterators(const clang::FunctionDecl &FD);

} // namespace gradc::frontend

#endif // GRADC_LIB_FRONTEND_ITERATORPARAMS_H
