constexpr double kScale = 2.0;
