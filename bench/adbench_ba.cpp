// ADBench's bundle adjustment as ADBench writes it (ba_objective of its C++
// tools, as held in test/lit/calls/ba_adbench_shape.cpp): `project`,
// `rodrigues_rotate_point` with its `if (sqtheta != 0)`, `radial_distort`
// updating `proj` in place, camera parameters at `#define` offsets, the
// reprojection errors and the Zach weight term written through pointers.
// bench-bundle_adjustment times gradc's pullback of it beside the
// example's rewritten form; in a namespace, apart from the example's.
#include <cmath>
#include <gradc/gradc.h>
#define BA_NCAMPARAMS 11
#define BA_ROT_IDX 0
#define BA_C_IDX 3
#define BA_F_IDX 6
#define BA_X0_IDX 7
#define BA_RAD_IDX 9

namespace adbench {
template <typename T> T sqsum(int n, const T *const x) {
  T res = 0;
  for (int i = 0; i < n; i++)
    res = res + x[i] * x[i];
  return res;
}
template <typename T> void cross(const T *const a, const T *const b, T *out) {
  out[0] = a[1] * b[2] - a[2] * b[1];
  out[1] = a[2] * b[0] - a[0] * b[2];
  out[2] = a[0] * b[1] - a[1] * b[0];
}
template <typename T>
void rodrigues_rotate_point(const T *const rot, const T *const pt,
                            T *rotatedPt) {
  T sqtheta = sqsum(3, rot);
  if (sqtheta != 0) {
    T theta, costheta, sintheta, theta_inverse;
    theta = std::sqrt(sqtheta);
    costheta = std::cos(theta);
    sintheta = std::sin(theta);
    theta_inverse = 1.0 / theta;
    T w[3];
    for (int i = 0; i < 3; i++)
      w[i] = rot[i] * theta_inverse;
    T w_cross_pt[3];
    cross(w, pt, w_cross_pt);
    T tmp = (w[0] * pt[0] + w[1] * pt[1] + w[2] * pt[2]) * (1. - costheta);
    for (int i = 0; i < 3; i++)
      rotatedPt[i] = pt[i] * costheta + w_cross_pt[i] * sintheta + w[i] * tmp;
  } else {
    T rot_cross_pt[3];
    cross(rot, pt, rot_cross_pt);
    for (int i = 0; i < 3; i++)
      rotatedPt[i] = pt[i] + rot_cross_pt[i];
  }
}
template <typename T> void radial_distort(const T *const rad_params, T *proj) {
  T rsq, L;
  rsq = sqsum(2, proj);
  L = 1. + rad_params[0] * rsq + rad_params[1] * rsq * rsq;
  proj[0] = proj[0] * L;
  proj[1] = proj[1] * L;
}
template <typename T>
void project(const T *const cam, const T *const X, T *proj) {
  const T *const C = &cam[BA_C_IDX];
  T Xo[3], Xcam[3];
  Xo[0] = X[0] - C[0];
  Xo[1] = X[1] - C[1];
  Xo[2] = X[2] - C[2];
  rodrigues_rotate_point(&cam[BA_ROT_IDX], Xo, Xcam);
  proj[0] = Xcam[0] / Xcam[2];
  proj[1] = Xcam[1] / Xcam[2];
  radial_distort(&cam[BA_RAD_IDX], proj);
  proj[0] = proj[0] * cam[BA_F_IDX] + cam[BA_X0_IDX];
  proj[1] = proj[1] * cam[BA_F_IDX] + cam[BA_X0_IDX + 1];
}
GRADC_DIFF("grad wrt(cam, X, w)")
void computeReprojError(const double *const cam, const double *const X,
                        const double *const w, const double *const feat,
                        double *err) {
  double proj[2];
  project(cam, X, proj);
  err[0] = (*w) * (proj[0] - feat[0]);
  err[1] = (*w) * (proj[1] - feat[1]);
}
GRADC_DIFF("grad wrt(cams, X, w)")
void ba_objective(int n, int m, int p, const double *const cams,
                  const double *const X, const double *const w,
                  const int *const obs, const double *const feats,
                  double *reproj_err, double *w_err) {
  for (int i = 0; i < p; i++) {
    int camIdx = obs[i * 2 + 0];
    int ptIdx = obs[i * 2 + 1];
    computeReprojError(&cams[BA_NCAMPARAMS * camIdx], &X[ptIdx * 3], &w[i],
                       &feats[i * 2], &reproj_err[2 * i]);
  }
  for (int i = 0; i < p; i++)
    w_err[i] = 1 - w[i] * w[i];
}
} // namespace adbench
