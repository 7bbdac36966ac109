// The data's true slope: the model learns w = kSlope.
#pragma once
constexpr double kSlope = 2.0;
