#pragma once
double loss(double w, double x);
double penalty(double w);
