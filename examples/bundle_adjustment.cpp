// Bundle-adjustment reprojection error (after ADBench's ba_objective),
// written with templates over the scalar type, raw pointers with sizes and
// helpers: each camera has 11 parameters (a Rodrigues rotation vector, its
// centre, the focal length, the principal point and two radial distortion
// coefficients), each observation i sees point obs[2i + 1] from camera
// obs[2i], and the void objective writes its two weighted residuals through
// a pointer.
//
// gradc generates ba_objective_pullback; the example builds the Jacobian
// of the residuals row by row from it (seeding one residual at a time) and
// checks every entry against central finite differences.
#include <gradc/gradc.h>

#include <cmath>
#include <cstdio>

template <typename T> T dot3(const T *a, const T *b) {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

template <typename T> void cross3(const T *a, const T *b, T *out) {
  out[0] = a[1] * b[2] - a[2] * b[1];
  out[1] = a[2] * b[0] - a[0] * b[2];
  out[2] = a[0] * b[1] - a[1] * b[0];
}

/// out = R(rot) pt, R the rotation by |rot| about rot / |rot|; near zero,
/// its first-order form.
template <typename T> void rodrigues_rotate(const T *rot, const T *pt, T *out) {
  T rotated[3];
  T theta2 = dot3(rot, rot);
  if (theta2 != 0) {
    T theta = std::sqrt(theta2);
    T costheta = std::cos(theta);
    T sintheta = std::sin(theta);
    T w[3] = {rot[0] / theta, rot[1] / theta, rot[2] / theta};
    T w_cross_pt[3];
    cross3(w, pt, w_cross_pt);
    T tmp = dot3(w, pt) * (1 - costheta);
    for (int i = 0; i < 3; ++i)
      rotated[i] = pt[i] * costheta + w_cross_pt[i] * sintheta + w[i] * tmp;
  } else {
    T rot_cross_pt[3];
    cross3(rot, pt, rot_cross_pt);
    for (int i = 0; i < 3; ++i)
      rotated[i] = pt[i] + rot_cross_pt[i];
  }
  for (int i = 0; i < 3; ++i)
    out[i] = rotated[i];
}

/// The pixel where camera cam sees the point X.
template <typename T> void project(const T *cam, const T *X, T *proj) {
  T xo[3];
  for (int i = 0; i < 3; ++i)
    xo[i] = X[i] - cam[3 + i];
  T xcam[3];
  rodrigues_rotate(cam, xo, xcam);
  T px = xcam[0] / xcam[2];
  T py = xcam[1] / xcam[2];
  T rsq = px * px + py * py;
  T distortion = 1 + cam[9] * rsq + cam[10] * rsq * rsq;
  proj[0] = px * distortion * cam[6] + cam[7];
  proj[1] = py * distortion * cam[6] + cam[8];
}

template <typename T>
GRADC_DIFF("grad wrt(cams, X) out(err)")
void ba_objective(const T *cams, const T *X, const T *w, const T *feats,
                  const int *obs, int p, T *err) {
  for (int i = 0; i < p; ++i) {
    T proj[2];
    project(cams + 11 * obs[2 * i], X + 3 * obs[2 * i + 1], proj);
    err[2 * i] = w[i] * (proj[0] - feats[2 * i]);
    err[2 * i + 1] = w[i] * (proj[1] - feats[2 * i + 1]);
  }
}

template void ba_objective<double>(const double *, const double *,
                                   const double *, const double *, const int *,
                                   int, double *);

#ifndef __GRADC__
#include "bundle_adjustment.grad.h"

#include <vector>

#ifndef BA_NO_MAIN
int main() {
  // Two cameras (the second with a zero rotation, so both branches of the
  // Rodrigues rotation run), three points, four observations.
  std::vector<double> cams = {0.1, -0.2, 0.05, 0.3, -0.1,  -5,  500,  320,
                              240, 1e-3, 1e-6, 0,   0,     0,   -0.2, 0.1,
                              -6,  480,  300,  250, -2e-3, 2e-6};
  std::vector<double> X = {0.5, 0.2, 1, -0.4, 0.3, 0.5, 0.1, -0.6, 1.5};
  std::vector<double> w = {1, 0.5, 2, 1.5};
  std::vector<double> feats = {330, 250, 300, 260, 310, 230, 290, 270};
  std::vector<int> obs = {0, 0, 0, 1, 1, 2, 1, 0};
  const int p = 4, m = 2 * p;
  std::vector<double> err(m);
  ba_objective(cams.data(), X.data(), w.data(), feats.data(), obs.data(), p,
               err.data());
  // Row r of the Jacobian: the pullback seeded with the unit vector e_r.
  int failures = 0;
  double worst = 0;
  for (int r = 0; r < m; ++r) {
    std::vector<double> derr(m, 0.0), dcams(cams.size()), dX(X.size());
    derr[r] = 1;
    std::vector<double> out(m);
    ba_objective_pullback(cams.data(), X.data(), w.data(), feats.data(),
                          obs.data(), p, out.data(), derr.data(), dcams.data(),
                          dX.data());
    auto Check = [&](std::vector<double> &P, const std::vector<double> &D) {
      for (size_t I = 0; I < P.size(); ++I) {
        double Saved = P[I], H = 1e-6 * std::fmax(1, std::fabs(Saved));
        std::vector<double> Up(m), Down(m);
        P[I] = Saved + H;
        ba_objective(cams.data(), X.data(), w.data(), feats.data(), obs.data(),
                     p, Up.data());
        P[I] = Saved - H;
        ba_objective(cams.data(), X.data(), w.data(), feats.data(), obs.data(),
                     p, Down.data());
        P[I] = Saved;
        double Fd = (Up[r] - Down[r]) / (2 * H);
        double Err = std::fabs(Fd - D[I]) / std::fmax(1, std::fabs(Fd));
        worst = std::fmax(worst, Err);
        failures += Err > 1e-5;
      }
    };
    Check(cams, dcams);
    Check(X, dX);
  }
  std::printf("residuals:");
  for (double E : err)
    std::printf(" %.4f", E);
  std::printf("\nJacobian %d x %zu against finite differences: largest "
              "relative difference %.1e %s\n",
              m, cams.size() + X.size(), worst, failures ? "FAILED" : "ok");
  return failures != 0;
}
#endif
#endif
