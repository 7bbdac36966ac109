// --at works the expression through in the interpreter: the seed's values
// f = 1.5456448841066441, df/dx = 2.0595697955721652, df/dy =
// 1.5922327514838093, whether written in one expression or in stages.
// RUN: %gradc --expr 'f(x, y) = (x + sigmoid(y)) / (sigmoid(x) + (x + y)^2)' --at x=3,y=-4 | FileCheck %s --check-prefix=ONE --match-full-lines
// ONE: f(x = 3, y = -4) = 1.5456448841066441
// ONE-EMPTY:
// ONE-NEXT: line   variable       value                    df/d(variable)
// ONE-NEXT: param  x              3                        2.0595697955721652
// ONE-NEXT: param  y              -4                       1.5922327514838093
// ONE-EMPTY:
//
// RUN: %gradc --expr 'f(x, y) = sigy = sigmoid(y); num = x + sigy; sigx = sigmoid(x); xpy = x + y; xpysqr = xpy^2; den = sigx + xpysqr; invden = 1 / den; return num * invden' --at x=3,y=-4 | FileCheck %s --check-prefix=STAGED --match-full-lines
// STAGED: f(x = 3, y = -4) = 1.5456448841066441
// STAGED-EMPTY:
// STAGED-NEXT: line   variable       value                    df/d(variable)
// STAGED-NEXT: param  x              3                        2.0595697955721652
// STAGED-NEXT: param  y              -4                       1.5922327514838093
// STAGED-NEXT: 1      sigy           0.01798620996209156      0.5121444488396316
// STAGED-NEXT: 1      num            3.0179862099620918       0.5121444488396316
// STAGED-NEXT: 1      sigx           0.9525741268224334       -0.7915934472725935
// STAGED-NEXT: 1      xpy            -1                       1.583186894545187
// STAGED-NEXT: 1      xpysqr         1                        -0.7915934472725935
// STAGED-NEXT: 1      den            1.9525741268224333       -0.7915934472725935
// STAGED-NEXT: 1      invden         0.5121444488396316       3.0179862099620918
// STAGED-EMPTY:
//
// The seed's max gate and sigmoid neuron (DESIGN.md §1).
// RUN: %gradc --expr 'f(x, y, z, w) = 2 * (x*y + max(z, w))' --at x=3,y=-4,z=2,w=-1 | FileCheck %s --check-prefix=MAX
// MAX: f(x = 3, y = -4, z = 2, w = -1) = -20
// MAX: param  x {{ *}}3 {{ *}}-8
// MAX: param  y {{ *}}-4 {{ *}}6
// MAX: param  z {{ *}}2 {{ *}}2
// MAX: param  w {{ *}}-1 {{ *}}0
// RUN: %gradc --expr 'neuron(w0, w1, w2, x0, x1) = sigmoid(w0*x0 + w1*x1 + w2)' --at w0=2,w1=-3,w2=-3,x0=-1,x1=-2 | FileCheck %s --check-prefix=NEURON
// NEURON: neuron({{.*}}) = 0.7310585786300049
// NEURON: param  w0 {{ *}}2 {{ *}}-0.19661193324148185
// NEURON: param  w1 {{ *}}-3 {{ *}}-0.3932238664829637
// NEURON: param  w2 {{ *}}-3 {{ *}}0.19661193324148185
// NEURON: param  x0 {{ *}}-1 {{ *}}0.3932238664829637
// NEURON: param  x1 {{ *}}-2 {{ *}}-0.5898357997244456
