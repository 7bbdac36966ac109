// Helpers that grow a std::vector they are given, defined in a header.
#pragma once

#include <cmath>
#include <vector>

inline void add_squares(std::vector<double> &out,
                        const std::vector<double> &xs) {
  for (std::size_t i = 0; i < xs.size(); ++i)
    out.push_back(xs[i] * xs[i]);
}

inline void add_feature(std::vector<double> &f, double v) {
  f.push_back(std::sin(v));
  f.push_back(v * v);
}
