#!/usr/bin/env python3
"""gen.py: random C++ functions for gradc's random differential tester.

Generates, from a seed, valid and well-conditioned C++ functions that gradc
should accept, each annotated with GRADC_DIFF("grad"), and a main() that
holds every generated gradient against central finite differences with
test/support/gradc_check.h (check_arrays). The output of that main() is
also what test/support/vs_interpreter.py reads, to compare the compiled
gradients with gradc's interpreter (`gradc --at`).

Conditioning. Values stay O(1): parameters lie in [-1.5, 1.5], math
functions are applied on safe domains (exp of a bounded argument, log and
sqrt of 1 + e*e, ...) and loops are short. A branch on data is a kink: the
harness carries a second copy of every function (suffix _m, compiled by g++
only, never seen by gradc) whose comparisons on doubles record their
margin |a - b|; of a list of candidate points the harness takes the first
one whose smallest margin is at least 1e-3, far from any threshold at the
scale of the finite-difference step (1e-6). When no candidate qualifies,
the function is reported as "SKIP", which run.py counts separately and
never as passing.

Every construct is a feature (FEATURES) that can be switched off, so that a
slice can leave out what a known bug breaks. Function i of a file with seed
s is drawn from its own random stream (s, i): it is the same whether
generated in a batch or alone, which run.py uses to isolate a culprit.

    gen.py --seed 7 --per-file 5 [--features all,-dead_store] -o f.cpp
"""
import argparse
import copy
import random
import re
import sys

FEATURES = {
    "math": "<cmath> calls on safe domains (sin, cos, tanh, exp, log, sqrt, lgamma, asinh, ...)",
    "reassign": "locals reassigned with = several times",
    "unsigned_loop": "for loops over an unsigned counter (std::size_t i < v.size(), unsigned i < 3)",
    "dead_store": "a store overwritten before it is read (double t = x; t = 2*y;)",
    "if": "if / else on data and on passive ints",
    "ternary": "?: whose arms are both safe",
    "guarded_ternary": "?: guarding an arm that would fault (sqrt of a negative, w[i + 1] past the end)",
    "logic": "&&, ||, ! in conditions",
    "guarded_logic": "&& / || guarding an out-of-range read (i + 1 < n && w[i + 1] > 0)",
    "for": "counted for loops",
    "while": "while loops (counted, and on data with a cap)",
    "nested": "loops inside loops",
    "break": "break and continue",
    "local_array": "local arrays with initializer lists",
    "array_update": "=, +=, *= on elements of local arrays",
    "outer_read": "values of an outer loop body or branch read in a nested loop or if",
    "helper": "non-annotated helpers returning a double",
    "helper_out": "non-annotated void helpers writing through references or a pointer",
    "struct": "a struct of doubles as a const reference parameter",
    "struct_local": "a local struct, its members written and read",
    "early_return": "if (c) return e; at the top level",
    "throw": "argument checks that throw, in branches never taken (if (!(std::fabs(e) < 1e9)) throw std::domain_error(\"...\");), also in helpers and loops",
    "param_write": "a double parameter assigned at the top level",
    "int_param": "passive int parameters in conditions and loop bounds",
    "array_param": "const double * parameters with their size n",
    "do_while": "do { ... } while loops (counted, and on data with a cap)",
    "while_continue": "while loops with a data-dependent exit and continue",
    "division": "division by data kept away from zero (a / (1.5 + sin(b)), t /= d, a positive local)",
    "vector": "std::vector<double> parameters and top-level locals: .size(), .data(), indexing",
    "std_array": "std::array<double, N> locals and parameters",
    "vector_growth": "top-level std::vector<double> locals grown by push_back / emplace_back / insert(end) in "
                     "loops (nested) and branches, then pop_back, resize, clear and refill, read by size(), "
                     "back(), indexing and range-for",
    "vector_grow_local": "the vector_growth statements inside loop bodies and branches (and helpers): "
                         "a std::vector<double> declared there, grown, changed at its end and read, "
                         "made anew each time its declaration runs",
    "vector_erase_insert": "with vector_growth / vector_grow_local: erase and insert inside the vector grown "
                           "(erase(g.begin() + k), erase(g.begin() + k, g.begin() + k + 1), erase(g.end() - 1), "
                           "insert(g.begin() + k, e), insert(g.begin(), e)), also in loops (a front erased while "
                           "g.size() > 1, inserts at the counter)",
    "vector_ops": "with vector / std_array: vector locals in loops and branches, containers as wholes (std::vector<double> c = h; c = h; "
                  "std::array b = a; a.fill(e); references const std::vector<double> &r = h;), "
                  "ends (.at(k), .front(), .back() read and written), assign / resize / reserve to the own size",
    "struct_array": "arrays of structs as parameters (const S *ps, ps[i].a)",
    "struct_vector_member": "a struct holding a std::vector beside a number (struct GVM { std::vector<double> u; "
                            "double g; int m; }) as a const reference parameter: gvm.u[i], gvm.g, gvm.u.size(), "
                            "range-for over gvm.u, a const member function (gvm.gvm_wave(t)) and a helper "
                            "(gvm_norm(gvm)); adjoint GVM &dgvm (dgvm.u, dgvm.g); with inout_param, GVM &gvm "
                            "changed in place first (in/out), sometimes read before by gvm.gvm_wave(x) or "
                            "gvm_norm(gvm); a local GVM gl{} grown and read through its members",
    "struct_vector": "with struct_array: the array of structs as a const std::vector<S> &ps",
    "struct_array_local": "local arrays of structs (S qa[3] = {}; std::array<S, 3> qa{}; std::vector<S> qa(n);), "
                          "their members written in a loop, read as qa[i].a, summed over by reference",
    "struct_vector_grow": "a local std::vector<S> (declared at the top, or in a loop or branch) grown by "
                          "push_back(S{...}), push_back(q) and emplace_back(), maybe pop_back, read as "
                          "sg[k].a and by reference",
    "struct_build": "with struct_vector_grow: the std::vector<S> instead made by a helper returning it, "
                    "which fills one of its own by push_back (auto sg = sb_S(e, n);), declared after the struct",
    "struct_sort": "with struct_vector_grow: the grown std::vector<S> sorted by std::sort or std::stable_sort "
                   "with a lambda comparing a member it was given from data (< or >), before it is read",
    "array_member": "the struct's array member is a std::array<double, 2> (not double v[2])",
    "method": "member functions of the struct (p.m0(t), ps[i].m1(t)), non-virtual",
    "void_out": "void annotated functions writing out(err), each element once",
    "helper_array_out": "void helpers writing a local array through a pointer (in a loop)",
    "shared_helper": "a second annotated function calling the first one's helpers, called by it",
    "float": "float locals and float arithmetic",
    "index_arith": "integer index arithmetic (w[(i * 3 + 1) % n], w[n - 1 - i])",
    "nested_call": "helpers calling helpers, calls as arguments of calls",
    "math2": "kinks and jumps, margins kept (fmax fmin fabs fdim copysign, floor ceil trunc round "
             "rint nearbyint, fmod remainder); hypot/atan2/pow/fma on safe domains",
    "if_init": "if with an init-statement (if (double v = e; v > 0.5) ...)",
    "assign_value": "assignments used as values (a = b = e; double t = 0.5 * (u += e);)",
    "incdec_value": "++ / -- used as values: w[k++] in a while loop, while (m--), t = a[k++]",
    "comma": "the comma operator (double t = (u += e, 0.5 * u); for (...; ++i, --k))",
    "switch": "switch on an int: cases, fallthrough, braced declarations, default, an init-statement",
    "range_for": "range-based for over local arrays (double v, double &v, const double &v)",
    "iterator_loop": "loops over a std::vector's or std::array's iterators (auto it = c.begin(); it != c.end(); "
                     "++it), reading *it or writing *it = ...; cbegin/cend, it++, a loop running backward; "
                     "*it++ in expressions, std::next/prev/advance/distance, rbegin/rend, iterators given to "
                     "gi_sum/gi_scale (declared in every file), std::partial_sum, std::adjacent_difference, "
                     "std::find_if",
    "pointer_range": "with iterator_loop: a helper taking a range as two pointers it compares "
                     "(gi_psum(const double *first, const double *last, double w), declared in every file), "
                     "given c.data() + k, c.data() + size",
    "inout_param": "a double *io parameter read and written (in/out), checked with check_vjp",
    "inout_helper": "with inout_param: io taken as std::vector<double> &io and changed in place by a helper "
                    "too (gio_scale(io, e), also a struct Gio &g parameter stepped by gio_step(g, e) in a loop), "
                    "read before by gio_sum(io)",
    "out_rewrite": "outputs err written several times, accumulated, read back, in branches and loops, partly unwritten",
    "param_assign_deep": "double parameters passed by value assigned anywhere (in loops and branches)",
    "inplace_helper": "helpers reading and writing an argument: an array in place, double &acc, a method changing its object",
    "text_param": "helpers deciding by a std::string parameter (gt_act(e, \"tanh\"): kind == \"tanh\", kind != \"sin\", "
                  "\"sin\" == kind; gt_mix(e, \"sin\", e) passing its by-value std::string on), declared in every file",
    "mutating_method": "a method changing a local struct's members (q.u0(e)), also in a short loop of its own, its argument "
                       "reading the object's own members (q.u1(0.5 * q.a + e), a value taken before the call), and methods "
                       "calling other methods of the same object (void u2(double t) { u0(0.5 * t); u1(t * a); })",
    "scratch_reuse": "scratch arrays declared once before a loop, written by a helper each iteration (RK4 stages)",
    "address_of": "&local passed as a helper's double * output",
    "call_alias": "with inplace_helper / address_of: the scalar local a call writes is one read before (t = 2 * s; h(s, y); h(s, s); h(0.25 * v, &v))",
    "const_ref_arg": "with inplace_helper: the scalar parameter of an in-place helper taken as const double & "
                     "(h(u, e), h_i(z, 3, e)), given locals, elements of other arrays and temporaries, never "
                     "memory the call writes (h(u, u), h_i(z, 3, z[0]): gradc refuses those)",
    "ref_var": "references to an element of a local array (double &r = a[k]; r += e;, const double &)",
    "moving_ptr": "a pointer walking a local array (const double *p = a; while (p != a + N) u += *p++ * e;), also to an end taken from it (const double *end = p + N; while (p != end))",
    "chosen_ptr": "a pointer chosen by a condition between local arrays (const double *p = i % 2 == 0 ? &a[0] : "
                  "&b[0] + 1;, or declared bare and set in an if and an else, or given b after a read through a), "
                  "read (p[k], *p) and written (p[k] += e) through",
    "loop_return": "return inside loops, nested loops and switches, also under an if followed by more of its block",
    "multi_dim": "local arrays of arrays (double m[2][3] = {};, m[i][j] += e in nested loops, read as m[i][j])",
    "array2d_local": "with multi_dim: the local array of arrays passed whole to helpers taking one "
                     "(gm_sq2(m, 3), const double m[][C]; gm_scale3(m, 2, e), which writes it; gm_corner, "
                     "const double (&m)[2][2]), declared in every file",
    "array2d_param": "a parameter that is an array of arrays (const double q[2][3], const double q[][3], "
                     "const double (*q)[3], const double (&q)[2][3]) read as q[i][j]",
    "array_of_arrays": "std::array<std::array<double, C>, R>: a const & parameter qaa read as qaa[i][j], by "
                       "range-for over its rows and over a row (const auto &row : qaa), with .size() of both "
                       "levels; locals (std::array<std::array<double, C>, R> am{};, am[i][j] += e, copies, rows "
                       "updated through auto &row, a row passed to aa_rowsum), declared in every file",
    "vector_of_vectors": "a const std::vector<std::vector<double>> &qv parameter (a matrix, differentiated) read "
                         "as qv[i][j], by range-for over its rows and over a row, with .size() of both levels",
    "local_matrix": "a local std::vector<std::vector<double>> vm(R, std::vector<double>(C)) (also (C, e)) "
                    "written vm[i][j] += e, read by index, range-for over its rows and .size() of both levels; "
                    "a row copied (std::vector<double> r = vm[i];) or assigned (vm[i] = vm[j]), passed to VV_HELPERS' vv_rowsum "
                    "(const std::vector<double> &) and vv_scale (std::vector<double> &, written)",
    "local_matrix_list": "with local_matrix: the local matrix also given as a list of rows of one length "
                         "(std::vector<std::vector<double>> vm = {{e, e}, {e, e}})",
    "vector_of_arrays": "a const std::vector<std::array<double, C>> &qva parameter (rows of a known length, "
                        "differentiated) read as qva[i][j], by range-for over its rows and over a row, with "
                        ".size() of both levels",
    "vector_of_arrays_local": "a local std::vector<std::array<double, C>> va (sized, from a list, or grown by "
                              "push_back({e, e})) written va[i][j] += e, read by index, range-for, .back() and "
                              "std::for_each(va.begin(), va.end(), lambda taking a row)",
    "struct_element_copy": "an element of an array or container of structs copied into a local (S q = ps[i];), "
                           "changed, read, written back into a local container (qa[i] = q;); std::for_each "
                           "over a std::vector of structs",
    "struct_extreme": "with struct_element_copy: std::max_element / std::min_element over a std::vector, "
                      "std::array or array of structs with a comparison of a member, the iterator read "
                      "(it->b, (*it).c) and subtracted (it - std::begin(qa))",
    "auto_element_copy": "with struct_element_copy: the element copied into an auto local (auto q = ps[i];), "
                         "a copy of it declared decltype(q)",
    "structured_binding": "structured bindings of a struct (const auto &[pa, pb, pc, pv] = p;), its members read by name",
    "variadic": "variadic templates with fold expressions over + * and ',' (gv_sum(a, b), gv_sq(a, b, c)), declared in every file",
    "member_default": "a default member initializer in the struct (double c = 0.5;), which no adjoint of it may start at",
    "array_return": "helpers returning a std::array by value (auto a = ga_make(e, e); a = ga_mix(a, e); "
                    "ga_dot(ga_make(e, e), a), ga_mix(a, e)[k]), declared in every file",
    "struct_value": "structs as values: copies (S q2 = q; q2 = p;) and a helper returning a struct (S q2 = sv_S(q, p, e); q = sv_S(q, q, e);)",
    "constructor": "a struct with constructors of its own (GK g(e, e); GK g{e}; GK(e, e).u), declared in every file",
    "ctor_only": "a class GQ with private members and no default constructor (GQ g(e, e); GQ g{e, e}; "
                 "auto g = GQ(e, e); GQ g(e); a delegating GQ g(e, e, e); GQ(e, e).gq_v(e)), and a struct "
                 "GQH holding one (GQH h{GQ(e, e), e}), read by its methods, declared in every file",
    "member_rows": "a local struct GR whose members are arrays of arrays (double W[2][2]; "
                   "std::array<std::array<double, 2>, 2> A;) filled in nested loops, read as g.W[i][j] and "
                   "g.A[i][j], changed by gr_bump(GR &), read by gr_quad(const GR &) and a row g.W[k] "
                   "passed to gr_row(const double *), declared in every file",
    "functor": "function objects: a stateless GFs (GFs f; f(e), GFs{}(e), f.gfs_cube(e)) and GFk with a "
               "number (GFk f{e}; f(e)), passed to a template (gl_apply(f, e), gf_twice(f, e) by const &), "
               "declared in every file",
    "vector_member_operator": "with struct_vector_member: GVM's operator() and operator[] read "
                              "(gvm(k), gvm[k]), and with inout_param its double &operator[] written "
                              "(gvm[0] *= e)",
    "base_class": "structs with base classes (GD : GB, GE : GD, GM), built by a constructor calling the "
                  "base's or member by member; base members and methods through the derived object "
                  "(g.u, g.GM::m, g.gb_m(e)), a derived object passed as a const GB &, declared in every file",
    "private_members": "a class GP with private data and public methods (GP g(e, e); g.gp_step(e); "
                       "g.gp_e(e) + g.p()), declared in every file",
    "struct_operator": "operators of a struct GO (member, free and friend + - * /, unary -, += *=, a dot "
                       "product *, ==, [] read), chained (g * e + e * g - -g / 2.0), declared in every file",
    "std_minmax": "std::max, std::min, std::clamp, std::max({a, b, c}) on doubles (margins kept), "
                  "std::max / std::min / std::abs / std::clamp on ints, std::swap of locals and elements",
    "everyday": "printing left in (std::fprintf(stderr, ...), std::cerr << ...), std::memset / std::memcpy "
                "of local arrays, std::numeric_limits<double>::max() / infinity(), std::isfinite checks",
    "std_algorithm": "std::accumulate, std::inner_product, std::fill, std::copy over local arrays "
                     "(&a[0], &a[0] + N)",
    "algorithm_ops": "std::accumulate with std::multiplies / std::plus / capturing lambdas, std::inner_product "
                     "with two operations, std::transform_reduce (binary, unary), std::reduce, "
                     "std::max_element / std::min_element with a comparison (lambda, std::greater<>()), "
                     "dereferenced and as a position, std::sort / std::stable_sort / std::partial_sort / "
                     "std::nth_element of a local copy "
                     "(margins kept), std::count_if and std::copy_n over local arrays",
    "minmax_element": "with algorithm_ops: auto [lo, hi] = std::minmax_element(first, first + k, cmp) "
                      "over a local array, both positions dereferenced and one subtracted",
    "lambda": "lambdas called where written ([&](double t) { ... }(e), [=], generic [&](auto t)) and passed to a template (gl_apply([&](double t) { ... }, e))",
    "transform": "std::transform (unary and binary, in place too), std::for_each (the element by value "
                 "into a captured sum, or by reference changed), std::for_each_n, std::iota and "
                 "std::reverse over local arrays (&a[0], &a[0] + k), with capturing and generic lambdas",
    "mutable_lambda": "mutable lambdas whose by-value capture changes across calls (auto g = [c](double t) "
                      "mutable { c = ...; return ...; }; g(e) + g(e)), copied (auto h = g;) and passed to "
                      "std::transform",
    "fused_loop": "a function ending in a loop summed into a local that is returned as it is "
                  "(double acc = ...; for (...) { ...; acc += e; } return acc;), whose backward sweep "
                  "runs inside the loop when its iterations are independent",
    "global_const": "constants of namespace and class scope (static const double c[], constexpr, inline constexpr, static constexpr members, a static const array member defined out of the class)",
    "view_struct": "view structs of pointers into local arrays (GW g{&a[0], &a[0] + 1, 2};) passed to helpers "
                   "(gw_dot(g, e), gw_twice passing it on), copied (GW h = g;), declared in every file",
    "return_vector": "helpers returning a std::vector<double> by value, sized from their parameters "
                     "(auto g = gr_make(e, e, K); g = gr_mix(g, e); gr_mix(g, e)[k]; gr_sum(gr_chain(g, e)), "
                     "a helper returning another's result; auto p = gr_soft(g);), also in loops and "
                     "branches, declared in every file",
    "return_vector_grows": "helpers returning a std::vector<double> whose size is known once they have run: "
                           "built by push_back in a loop (gv_keep), returned from several places "
                           "(gv_pick), or sized by a loop's counter at a call in the loop "
                           "(gr_make(e, e, i + 1)); declared in every file",
    "growing_helper": "a local std::vector<double> grown by helpers of the file that take it by reference: "
                      "gg_add(g, e) (push_back), gg_powers(g, e, K) (push_back in a loop, then gg_add), "
                      "gg_fill(g, K, e) (assign), gg_grow(g, K) (resize), gg_drop(g) (pop_back), also "
                      "called in a loop, the vector declared at the top or in a loop or branch, then "
                      "read by gg_dot(g, e), back() and indexing; declared in every file",
    "state_step": "a state of two slices and an input slice in one std::vector (an LSTM's hidden values, "
                  "cells and input), stepped in a loop by gs_step, a void helper calling tanh and exp with "
                  "a vector of its own (gs_step(n, w.data(), s.data(), s.data() + n, s.data() + 2 * n)), "
                  "declared in every file",
    "pair_tuple": "std::pair and std::tuple of doubles (and an int): locals from braces, std::make_pair and "
                  "helpers returning them (gp_split, gp_stats), members and std::get<I> read and written, "
                  "copies, structured bindings, std::tie(a, b) = gp_split(e, e), a pair passed to gp_dot, "
                  "declared in every file",
    "complex": "std::complex<double> locals: arithmetic with complex and real operands, += -= *= /=, "
               "real / imag (read and set), abs norm arg conj proj polar (one or two arguments) exp log log10 "
               "sqrt pow (integer, real, complex exponent; real base) sin cos tan sinh cosh tanh asin acos atan "
               "asinh acosh atanh, a helper taking and returning complex values (gc_step), updated in a loop",
    "complex_container": "std::array<std::complex<double>, 3> and std::vector<std::complex<double>> locals "
                         "sized where declared: elements assigned and updated (zs[i] = ..., zs[i] *= ...), read as "
                         "zs[i], zs[i].real() and by range-for, passed to a helper (gc_energy)",
    "byval_write": "parameters passed by value that the body writes: the struct p (S p, p.a += e, "
                   "std::swap(p.a, p.b)), the std::vector u and the std::array g (u[k] *= e), in the "
                   "annotated function; helpers taking a struct, a std::array, a std::vector and a double "
                   "by value and changing them (gb_swap, gb_unit, gb_scan, gb_damp), declared in every file",
    "do_break": "with do_while: a do loop whose condition counts (while (++j < 3)) and whose body "
                "breaks in its middle (if (c) break; more statements)",
    "vector_list": "std::vector<double> locals from a list (std::vector<double> vl{e, e}; = {e, e, e}), "
                   "read, written, and grown by push_back at the top level",
    "member_array_default": "a default member initializer on the struct's array member (double v[2] = "
                            "{0.25, 0.5}; std::array<double, 2> v{0.25};), and locals of it declared "
                            "without braces (S q; q.a = e; ...)",
    "struct_vector_idioms": "with struct_array_local / struct_element_copy / struct_operator: vectors of "
                            "structs as people write them: std::vector<S> qa(n, S{e, e, e, {e, e}}), "
                            "qa.back().a, qa.front(), qa.at(k), range-for copying each element "
                            "(for (S r : qa), for (auto r : ps)), and with GO a std::vector<GO> filled with "
                            "a value, changed by a free operator -= and a member += on elements (gv[1] -= g; "
                            "gv.back() += e * g;) and read by copies",
    "ref_result": "helpers returning a reference to a number (gf_at(a, k) *= e; gf_last(v) += e of a "
                  "std::vector; accessors s.at(i) = e, s.get(i) of struct GRS; double &r = s.at(2); "
                  "gf_self(u) *= e; a read of const double &gf_pick(a, b, m)), declared in every file",
    "struct_choice": "?: choosing between structs (GRS c = m > 0 ? a : b; const GRS &q = ...; "
                     "gf_choose(a, b, m) returning one), on passive ints",
    "swap_whole": "std::swap of two local arrays or std::vectors of one size, and v.swap(w) of vectors",
    "pingpong": "two buffers (arrays, or std::vectors by .data()) traded by pointers after each step of a "
                "loop at the top level (std::swap(gps, gpd), or double *gpx = gps; gps = gpd; gpd = gpx;, "
                "some steps skipping it), the buffers named only through the pointers after",
    "minmax_bind": "auto [lo, hi] = std::minmax(a, b) of two doubles 2 apart (no kink), in either order",
    "int_types": "integers of the types people declare (long, short, unsigned long, signed char, std::int64_t, "
                 "std::size_t, std::ptrdiff_t, ...): a passive parameter kt of one, locals of one given "
                 "std::max / std::min of it and a constant (static_cast<long>(2)) or kt, counters of one "
                 "(for (short gk = 0; gk < 3; ++gk)), each a factor of a double",
    "enum_switch": "enums declared in every file (ge::Mode, an enum class; ge::Tag, unscoped): a local made by "
                   "static_cast<ge::Mode>(k % 3), switched on with enumerators as case labels, compared, "
                   "static_cast<int>(m) as an index, an unscoped enumerator in arithmetic",
    "enum_arrays": "arrays of the enums of enum_switch: a local 'ge::Mode gk[3] = {...}' switched on "
                   "gk[i] in a loop, a std::array<ge::Mode, 3> over which a range-based for runs, a "
                   "std::vector<ge::Tag> grown by push_back and indexed",
    "cxx17_order": "what C++17's order makes well defined: a[k] = e * (k++ % 3 + 1) (the value before the "
                   "target), y = y++ * 0.5, z += 0.5 * std::exchange(w, z)",
    "bitwise": "bit operations on ints: parity (i & 1) ? e : -e, masks (1 << i) | (k ^ 2), ~k & 3, "
               "x &= 5, m <<= 1, m >>= 1, and the power by squaring (while (n) { if (n & 1u) r *= b; "
               "b *= b; n >>= 1; })",
    "local_type": "a struct declared inside the function (also a helper, also in a loop's body: "
                  "struct GL1 { double a = 0.5, b; }; GL1 q; q.b = e; q.a += e * q.b;), read by its members",
    "exchange_choice": "std::exchange of a number (t += std::exchange(x, e);) and a place chosen by ?: on an "
                       "int as an assignment's target ((i % 2 == 0 ? x : y) += e;, (k > 0 ? a[1] : x) = e;)",
    "lambda_each": "a lambda given by F && (gl_each) or const F & (gl_each_into, with a double &) to a template "
                   "calling it in nested loops, adding into a captured local or its double & parameter",
    "lambda_nest": "a lambda capturing another lambda (auto lg = [&lf](double s) { return lf(s) * s; };, "
                   "[lf], [&], [=]), the inner one capturing a variable of the function by reference",
    "bounds": "std::upper_bound / std::lower_bound of a value over sorted constant knots (also std::greater<> "
              "over falling ones, a comparison of the user's), the position as an index (it - kn, "
              "std::distance) into a local array, margins kept",
    "step_effects": "a for loop's step changing a variable inside an expression over a local array: the "
                    "shoelace formula's for (int i = 0, j = N - 1; i < N; j = i++), a lagged index "
                    "(++i, k = j++), a header declaration int k = j++",
    "recursion": "recursive helpers bounded by an int depth parameter (if (k <= 0) return e; double r = rh(e, k - 1); "
                 "return std::tanh(e);), some calling themselves twice (k - 1, k - 2)",
    "carried": "a local carried through a loop by a call on its old value (t = std::tanh(t * e + 0.91);), "
               "its new value read after (u += t * t;): one tape for the old and the new values",
}

# Features that hit bugs found by the tester ((a) to (d): issue 12; (e):
# the in/out memory work, fixed in 9922574; (f): fixed 2026-12-07, test
# records/popped_copy_fields.cpp). Against today's gradc all pass; the ctest
# slice runs with every feature, and 'safe' leaves them all out.
KNOWN_BUGS = {
    "dead_store": "(a) a dead store then an update in an if or loop: nonzero d/dx",
    "guarded_ternary": "(b) both arms of ?: are evaluated",
    "guarded_logic": "(b) both sides of && / || are evaluated",
    "outer_read": "(c) internal error 'operand #N is used before it is defined'",
    "param_write": "(d) a parameter assigned before it is read: the header does not compile",
    "call_alias": "(e) a scalar local read before a call that writes it (double &acc, &local): reads after the call see the value before it",
    "member_rows": "(f) internal error 'operand #N is used before it is defined': a local struct of arrays in a loop, "
                   "written in an inner loop and passed to a helper",
}


def parse_features(text):
    """'all,-dead_store' or 'math,if,for' -> a set of feature names."""
    feats = set()
    for word in filter(None, (w.strip() for w in text.split(","))):
        if word == "all":
            feats |= set(FEATURES)
        elif word == "safe":  # everything not known to be broken today
            feats |= set(FEATURES) - set(KNOWN_BUGS)
        elif word.startswith("-"):
            feats.discard(word[1:])
        elif word in FEATURES:
            feats.add(word)
        else:
            raise ValueError("unknown feature %r; known: %s"
                             % (word, ", ".join(sorted(FEATURES))))
    return feats


# ---------------------------------------------------------------- the tree
# A tiny AST, enough to render the function twice (plain, and with margins)
# and for run.py's reducer to delete statements and simplify expressions.

class Expr:
    """op: lit var bin neg fn call cond cmp logic not. ty: d (double),
    b (bool). A cmp with margin=True compares doubles (a possible kink)."""

    def __init__(self, op, text="", kids=(), ty="d", margin=False, keep=False):
        self.op, self.text, self.kids = op, text, list(kids)
        self.ty, self.margin = ty, margin
        self.keep = keep  # the reducer must not replace it by an operand (a divisor)


class Stmt:
    """op: decl (double name = e), arr (double a[N] = {...}), assign
    (lhs op= e), if, for, while, break, continue, return, call, raw."""

    def __init__(self, op, text="", exprs=(), blocks=(), **extra):
        self.op, self.text = op, text
        self.exprs, self.blocks = list(exprs), [list(b) for b in blocks]
        self.extra = extra


class Func:
    """A generated function: the annotated one (helpers=[...], its own
    callees) or a helper. params: dicts with kind d / arr / int / n /
    struct; points: candidate points, {param name: [values]}."""

    def __init__(self, name, ret, params, body):
        self.name, self.ret, self.params, self.body = name, ret, params, body
        self.helpers, self.structs, self.points = [], [], []
        self.methods = []   # member functions of the struct (Funcs)
        self.member_default = False  # the struct's c has a default (= 0.5)
        self.member_array_default = False  # the struct's v has one (member_array_default)
        self.array_member = False  # the struct's v is a std::array<double, 2>
        self.member_array_default = False  # the struct's v has a default
        self.margin = 1e-3  # the smallest margin of a checked point
        self.fdtol = 1e-5   # 1e-3 with floats: gradc_check takes h = 1e-2
        self.vmax = 1e4     # the largest |value| of a checked point
        self.nout = 0       # void_out: the size of err
        self.annotated = False


PREC = {"+": 1, "-": 1, "*": 2, "/": 2}
LEAVES = ("lit", "var", "fn", "call", "kink", "mcall")


def paren(e, m):
    s = render_expr(e, m)
    return s if e.op in LEAVES else "(" + s + ")"


def render_expr(e, m=False):
    """m: the margin copy (helpers called as name_m, double comparisons
    recording |a - b|)."""
    op, k = e.op, e.kids
    if op in ("lit", "var"):
        return e.text
    if op == "neg":
        return "-" + paren(k[0], m)
    if op == "bin":
        def side(x, left):
            if x.op == "bin" and (PREC[x.text] > PREC[e.text] or
                                  (left and PREC[x.text] == PREC[e.text])):
                return render_expr(x, m)
            return paren(x, m)
        return "%s %s %s" % (side(k[0], True), e.text, side(k[1], False))
    if op == "fn":  # text: a template, {0} as an argument, {p0} in arithmetic
        args = [render_expr(x, m) for x in k]
        return e.text.format(*args, **{"p%d" % i: paren(x, m)
                                       for i, x in enumerate(k)})
    if op == "kink" and e.text == "max3":  # std::max of a list
        args = ", ".join(render_expr(x, m) for x in k)
        return "rt_max3(%s)" % args if m else "std::max<double>({%s})" % args
    if op == "kink" and e.text in ("max", "min", "clamp") and not m:
        # <double>: a float argument would not deduce
        return "std::%s<double>(%s)" % (e.text, ", ".join(render_expr(x, m) for x in k))
    if op == "kink":  # std::fmax, std::floor, ...: rt_fmax ... record a margin
        return "%s%s(%s)" % ("rt_" if m else "std::", e.text,
                             ", ".join(render_expr(x, m) for x in k))
    if op == "mcall":  # a member function: one definition for both copies
        return "%s(%s)" % (e.text, ", ".join(render_expr(x, m) for x in k))
    if op == "call":
        return "%s%s(%s)" % (e.text, "_m" if m else "",
                             ", ".join(render_expr(x, m) for x in k))
    if op == "cond":
        arms = [paren(x, m) if x.op == "cond" else render_expr(x, m)
                for x in k[1:]]
        return "%s ? %s : %s" % (render_expr(k[0], m), arms[0], arms[1])
    if op == "cmp":
        a = paren(k[0], m) if k[0].op == "cond" else render_expr(k[0], m)
        if m and e.margin:
            return "rt_margin(%s - %s) %s 0.0" % (a, paren(k[1], m), e.text)
        return "%s %s %s" % (a, e.text, paren(k[1], m))
    if op == "logic":
        return (" %s " % e.text).join(
            paren(x, m) if x.op == "logic" else render_expr(x, m) for x in k)
    if op == "not":
        return "!(" + render_expr(k[0], m) + ")"
    raise ValueError(op)


def render_block(block, m, ind):
    out = []
    for s in block:
        out += render_stmt(s, m, ind)
    return out


def render_stmt(s, m, ind):
    pad = "  " * ind
    op, x = s.op, s.extra
    ex = [render_expr(e, m) for e in s.exprs]
    if op == "decl":
        return ["%sdouble %s = %s;" % (pad, s.text, ex[0])]
    if op == "arr":
        return ["%sdouble %s[%d] = {%s};" % (pad, s.text, len(ex), ", ".join(ex))]
    if op == "assign":
        return ["%s%s %s %s;" % (pad, s.text, x["aop"], ex[0])]
    if op in ("break", "continue", "raw"):
        if m and x.get("mtext"):  # the margin copy's own text
            return [pad + x["mtext"] + ";"]
        return [pad + (s.text or op) + ";"]
    if op == "return":
        return ["%sreturn %s;" % (pad, ex[0])]
    if op == "call":
        return ["%s%s;" % (pad, ex[0])]
    if op == "if":
        init = "double %s = %s; " % (x["init"], ex[1]) if x.get("init") else ""
        out = ["%sif (%s%s) {" % (pad, init, ex[0])] + render_block(s.blocks[0], m, ind + 1)
        if len(s.blocks) > 1 and s.blocks[1]:
            out += [pad + "} else {"] + render_block(s.blocks[1], m, ind + 1)
        return out + [pad + "}"]
    if op == "for":
        head = "%sfor (%s; %s; %s) {" % (pad, x["init"], ex[0], x["step"])
        return [head] + render_block(s.blocks[0], m, ind + 1) + [pad + "}"]
    if op == "while":
        head = "%swhile (%s) {" % (pad, ex[0])
        return [head] + render_block(s.blocks[0], m, ind + 1) + [pad + "}"]
    if op == "do":
        return ([pad + "do {"] + render_block(s.blocks[0], m, ind + 1) +
                ["%s} while (%s);" % (pad, ex[0])])
    if op == "fdecl":
        return ["%sfloat %s = %s;" % (pad, s.text, ex[0])]
    if op == "starr":
        return ["%sstd::array<double, %d> %s{%s};" % (pad, x["size"], s.text, ", ".join(ex))]
    raise ValueError(op)


# The integer types int_types declares (what the header writes back).
INT_TYPES = ["int", "long", "unsigned", "short", "long long", "unsigned long", "signed char",
             "unsigned char", "std::int64_t", "std::size_t", "std::ptrdiff_t", "std::uint32_t",
             "std::int16_t", "std::uint8_t", "ge::index_t", "ge::Index"]

# What enum_switch names (declared in every file).
ENUMS = ["namespace ge {", "enum class Mode { Lo, Mid, Hi };", "enum Tag { TA, TB, TC };",
         "typedef int index_t;", "using Index = std::ptrdiff_t;",
         "} // namespace ge", ""]


def paren_text(s):
    return s if re.fullmatch(r"[\w.]+", s) else "(" + s + ")"


def param_decl(p):
    if p["kind"] == "int" and p.get("ity"):  # int_types
        return "%s %s" % (p["ity"], p["name"])
    if p["kind"] == "vm":  # STRUCT_VECTORS: the struct, whose member u is p
        return "GVM &gvm" if p.get("io") else "const GVM &gvm"
    if p["kind"] == "vmg":  # its member g: no parameter of its own
        return None
    if p["kind"] == "io" and p.get("vec"):  # inout_helper
        return "std::vector<double> &%s" % p["name"]
    if p["kind"] == "am2":
        return "const std::array<std::array<double, %d>, %d> &%s" % (p["cols"], p["rows"], p["name"])
    if p["kind"] == "vv":
        return "const std::vector<std::vector<double>> &%s" % p["name"]
    if p["kind"] == "va":
        return "const std::vector<std::array<double, %d>> &%s" % (p["cols"], p["name"])
    if p["kind"] == "m2":  # an array of arrays, in one of its four spellings
        r, c, n = p["rows"], p["cols"], p["name"]
        return {"arr": "const double %s[%d][%d]" % (n, r, c),
                "open": "const double %s[][%d]" % (n, c),
                "ptr": "const double (*%s)[%d]" % (n, c),
                "ref": "const double (&%s)[%d][%d]" % (n, r, c)}[p["form"]]
    if p.get("byval"):  # byval_write: the function's own copy, written
        return {"struct": "%s %%s" % p.get("type"), "vec": "std::vector<double> %s",
                "starr": "std::array<double, %s> %%s" % p.get("size")}[p["kind"]] % p["name"]
    return {"d": "double %s", "arr": "const double *%s", "int": "int %s",
            "n": "int %s", "depth": "int %s", "struct": "const %s &%%s" % p.get("type"),
            "ref": "double &%s", "cref": "const double &%s", "out": "double *%s", "err": "double *%s",
            "io": "double *%s", "zarr": "double *%s",
            "vec": "const std::vector<double> &%s",
            "starr": "const std::array<double, %s> &%%s" % p.get("size"),
            "sarr": "const %s *%%s" % p.get("type"),
            "svec": "const std::vector<%s> &%%s" % p.get("type")}[p["kind"]] % p["name"]


# Gen.render_tmp's texts, written in both copies as they are: the margin
# copy's text of each (helpers as name_m, kinks as rt_*, recording their
# margins), which render_func substitutes in the margin copy; by family (an
# annotated function and its helpers, f7_2 and f7_2_h0).
TMP_MARGIN = {}


def family(name):
    mo = re.match(r"f\d+_\d+", name)
    return mo.group(0) if mo else name


def margin_text(f, line):
    texts = TMP_MARGIN.get(family(f.name))
    if not texts:
        return line
    keys = sorted(texts, key=len, reverse=True)
    return re.sub("|".join(map(re.escape, keys)), lambda mo: texts[mo.group(0)], line)


def render_func(f, m=False, annotate=False):
    annotate = annotate or (getattr(f, "annotated", False) and not m)
    head = "%s%s %s%s(%s) {" % (
        "" if annotate else "static ", f.ret, f.name, "_m" if m else "",
        ", ".join(d for d in map(param_decl, f.params) if d))
    # With an in/out io, a void function's outputs are its defaults: err
    # (written first) and io (read first: in/out).
    io = any(p["kind"] == "io" or (p["kind"] == "vm" and p.get("io")) for p in f.params)
    spec = "grad out(err)" if f.ret == "void" and annotate and not io else "grad"
    lines = (['GRADC_DIFF("%s")' % spec] if annotate else []) + [head]
    body = render_block(f.body, m, 1)
    return lines + ([margin_text(f, x) for x in body] if m else body) + ["}"]


# ---------------------------------------------------------- the generator

LITS = ["0.5", "1.5", "2.0", "0.25", "0.75", "1.25", "3.0", "0.125"]
THRESHOLDS = ["0.0", "0.25", "-0.25", "0.5", "-0.5", "1.0"]
# Safe on any finite argument of moderate size; {p0} is the parenthesized
# argument, {0} the bare one.
MATH = ["std::sin({0})", "std::cos({0})", "std::tanh({0})",
        "std::exp(std::sin({0}))", "std::exp(-{p0} * {p0})",
        "std::log(1.0 + {p0} * {p0})", "std::sqrt(1.0 + {p0} * {p0})",
        "{p0} / (1.0 + {p0} * {p0})", "std::atan({0})", "std::erf({0})",
        "std::exp(0.5 * std::tanh({0}))", "std::hypot({0}, 0.5)",
        "std::cbrt(2.0 + std::sin({0}))", "std::pow(1.5 + std::cos({0}), 2.0)",
        "std::exp2(std::sin({0}))", "std::expm1(std::sin({0}))",
        "std::log2(1.0 + {p0} * {p0})", "std::log10(2.0 + std::cos({0}))",
        "std::log1p({p0} * {p0})", "std::asinh({0})", "std::acosh(1.5 + {p0} * {p0})",
        "std::atanh(0.5 * std::tanh({0}))", "std::erfc({0})",
        # lgamma and tgamma away from their poles and from tgamma's growth
        "std::lgamma(0.5 + {p0} * {p0})", "std::tgamma(1.5 + std::sin({0}))",
        "std::pow(1.25 + std::cos({0}), 3)"]


# math2: two-argument functions on safe domains ({0}, {1} the arguments).
MATH2 = ["std::hypot({0}, 0.25 + {p1} * {p1})", "std::atan2({0}, 1.0 + {p1} * {p1})",
         "std::atan2(0.5 + {p0} * {p0}, {1})",
         # bounded exponents: pow(0.5, -1e5) is inf, and 0 * inf in the
         # pullback of an arm fmax did not choose is NaN
         "std::pow(1.25 + std::sin({0}), 2.0 * std::tanh({1}))",
         "std::pow(1.5 + std::tanh({0}), std::tanh({1}))", "std::pow({0}, 3.0)",
         "std::pow({0}, 2)", "std::hypot({0}, {1}, 0.5)",
         "std::fma({0}, {1}, 0.5)", "std::fma(std::sin({0}), {1}, {0})"]
# math2's kinks and jumps: name -> arity. The margin copy calls rt_<name>,
# which records the distance to the nearest kink or jump.
KINKS = {"fmax": 2, "fmin": 2, "fabs": 1, "fdim": 2, "copysign": 2,
         "floor": 1, "ceil": 1, "trunc": 1, "round": 1, "rint": 1, "nearbyint": 1,
         "fmod": 2, "remainder": 2}
# division: divisors that stay away from zero.
# Parenthesized: a template is printed as an operand without parentheses.
DIVS = ["({p0} / (1.5 + std::sin({1})))", "({p0} / (0.5 + {p1} * {p1}))",
        "(1.0 / (2.0 + std::tanh({0})) + 0.0 * {p1})", "(({0}) / std::exp(std::sin({1})))",
        "({p0} / (1.25 + std::cos({1})))"]


def sum_of(terms):
    e = terms[0]
    for t in terms[1:]:
        e = Expr("bin", "+", [e, t])
    return e


class Var:
    def __init__(self, ty, writable=True, size=0, bound=None, value=None, to_n=False):
        # ty: d (double), i (int), arr (array of size), st (struct);
        # bound: a counter's exclusive upper bound (its values are in
        # [0, bound)); to_n: the bound is the arrays' size parameter, so
        # that i + 1 < n guards w[i + 1]; value: a passive int parameter's
        # value, or "param" for the parameters.
        self.ty, self.writable, self.size = ty, writable, size
        self.bound, self.value, self.to_n = bound, value, to_n
        self.data = None  # a container: the pointer to pass (u.data())
        self.float = False  # a float local
        self.carr = False  # a C array local (double a[N]): may be passed as double *
        self.unsigned = None  # unsigned_loop: the counter's unsigned type
        # vector_ops: a container, (kind, size): ("vec", "n") of a vector
        # given its size by that text, ("arr", 3) of a std::array
        self.cont = None


class Gen:
    """Generates one annotated function (or a helper) from rng."""

    def __init__(self, rng, feats, name, helper=False, budget=14):
        self.rng, self.feats, self.name = rng, feats, name
        self.helper = helper
        self.frames = [{}]  # name -> Var; frames[0]: parameters and top level
        self.bindings = set()  # names of structured bindings (never captured)
        self.loops = []     # "for" / "while" of the enclosing loops
        self.budget = budget  # statements left
        self.counter = 0
        self.helpers, self.structs = [], []
        self.narr = None    # the value of n when there are array parameters
        self.nname = "n"    # the name of their size ("m" in a helper)
        self.shared = []    # nested_call: helpers of the caller this one may call
        self.methods = []   # method: the struct's member functions
        self.vm = False     # struct_vector_member: the parameter gvm
        self.no_kinks = False  # a method: no comparison (no margin is recorded)
        self.uses_float = False
        self.after_early = False  # an early return was generated (vector locals before it)
        self.struct_arrays = False  # a local std::vector of structs grows
        self.byval = []  # byval_write: (name, kind, size) of parameters passed by value
        # member_array_default: the struct's array member has a default,
        # and locals of it are declared without braces (gradc refuses a
        # growing std::vector of such structs: no struct_vector_grow).
        self.mad = self.on("member_array_default")
        self.sibling = None
        self.void = False  # void_out: the function writes err instead of returning
        self.nout = 0
        self.vjp = False  # in/out or rewritten outputs: checked with check_vjp

    # -- names and scopes
    def fresh(self, prefix):
        self.counter += 1
        return "%s%d" % (prefix, self.counter)

    def on(self, feat):
        return feat in self.feats

    def chance(self, p):
        return self.rng.random() < p

    def declare(self, name, var):
        self.frames[-1][name] = var

    def visible(self, ty):
        """Names of type ty that may be read here: the top level and the
        innermost block, or every enclosing block with outer_read. Ints
        (loop counters, passive parameters) are always visible: indexing
        w[i] in an if inside the loop is basic."""
        if ty == "i" or self.on("outer_read"):
            frames = self.frames
        else:
            frames = [self.frames[0]] + self.frames[1:][-1:]
        return [(n, v) for f in frames for n, v in f.items() if v.ty == ty]

    def pick(self, weighted):
        total = sum(w for _, w in weighted)
        r = self.rng.random() * total
        for item, w in weighted:
            r -= w
            if r < 0:
                return item
        return weighted[-1][0]

    # -- expressions
    def lit(self):
        return Expr("lit", self.rng.choice(LITS))

    def index(self, size, param):
        """A valid index into an array of `size` elements."""
        opts = [str(j) for j in range(min(size, 3))]
        if param:
            opts.append(self.nname + " - 1")
        cs = [n for n, v in self.visible("i") if v.bound is not None and v.bound <= size]
        opts += cs * 3
        if self.on("index_arith") and cs:
            i = self.rng.choice(cs)
            top = self.nname if param else str(size)
            opts += ["(%s * 3 + 1) %% %s" % (i, top), "%s - 1 - %s" % (top, i),
                     "(%s + 1) %% %s" % (i, top), "(2 * %s + %s) %% %s" % (i, top, top)]
        return self.rng.choice(opts)

    def leaf(self):
        opts = [(("var", n), 4) for n, _ in self.visible("d")]
        opts += [(("arr", n, v), 3) for n, v in self.visible("arr")]
        opts += [(("st", n, v), 2) for n, v in self.visible("st")]
        opts += [(("sarr", n, v), 3) for n, v in self.visible("sarr")]
        opts.append((("lit",), 1))
        if getattr(self, "vm", False) and self.visible("arr"):
            opts.append((("vm",), 1))
        if self.on("global_const"):
            opts.append((("gc",), 1.5))
        opts += [(("md", n, v), 2) for n, v in self.visible("md")]
        opts += [(("md", n, v), 2) for n, v in self.visible("am2")]
        ch = self.pick(opts)
        if ch[0] == "var":
            return Expr("var", ch[1])
        if ch[0] == "md":
            rows, cols = ch[2].size
            if (self.on("array2d_local") and getattr(ch[2], "local", False)
                    and self.chance(0.4)):  # ARRAY2D_HELPERS
                if (rows, cols) == (2, 2) and self.chance(0.5):
                    return Expr("var", "gm_corner(%s)" % ch[1])
                return Expr("var", "gm_sq%d(%s, %d)" % (cols, ch[1], rows))
            return Expr("var", "%s[%s][%s]" % (ch[1], self.index(rows, False),
                                               self.index(cols, False)))
        if ch[0] == "vm":  # STRUCT_VECTORS, which every file declares
            if self.on("vector_member_operator") and self.chance(0.4):
                return Expr("var", self.rng.choice(["gvm(0)", "gvm[gvm.m - 1]", "gvm(gvm.m - 1) * gvm[0]"]))
            if self.chance(0.5):
                return Expr("fn", "gvm.gvm_wave({0})", [self.dexpr(0)])
            return Expr("var", "gvm_norm(gvm)")
        if ch[0] == "gc":  # GLOBAL_CONSTANTS, which every file declares
            return Expr("var", self.rng.choice([
                "gc_coef[%s]" % self.index(4, False), "gc_k", "gc::half", "GC::rate",
                "GC::taps[%s]" % self.index(3, False), "GC::outside[%s]" % self.index(2, False)]))
        if ch[0] in ("st", "sarr"):
            obj = ch[1] if ch[0] == "st" else "%s[%s]" % (
                ch[1], self.index(ch[2].size, not getattr(ch[2], "local", False)))
            if self.on("method") and self.methods is not None and self.chance(0.3):
                meth = self.method()
                return Expr("mcall", "%s.%s" % (obj, meth.name), [self.dexpr(0)])
            return Expr("var", "%s.%s" % (obj, self.rng.choice(["a", "b", "c", "v[0]", "v[1]"])))
        if ch[0] == "arr" and ch[2].cont and self.on("vector_ops") and self.chance(0.3):
            end = self.rng.choice(["front()", "back()", "at(%s)" % self.index(ch[2].size, ch[2].value == "param")])
            return Expr("var", "%s.%s" % (ch[1], end))
        if ch[0] == "arr":
            return Expr("var", "%s[%s]" % (ch[1], self.index(ch[2].size, ch[2].value == "param")))
        if ch[0] == "st":
            member = self.rng.choice(["a", "b", "c", "v[0]", "v[1]"])
            return Expr("var", "%s.%s" % (ch[1], member))
        return self.lit()

    def guarded(self):
        """A ?: whose other arm would fault if it were evaluated."""
        counters = [(n, v) for n, v in self.visible("i") if v.to_n]
        arrays = [n for n, v in self.visible("arr") if v.value == "param"]
        if counters and arrays and self.chance(0.6):
            i, a = self.rng.choice(counters)[0], self.rng.choice(arrays)
            if self.chance(0.5):
                return Expr("cond", "", [Expr("cmp", "<", [Expr("var", i + " + 1"), Expr("var", self.nname)], "b"),
                                         Expr("var", "%s[%s + 1]" % (a, i)), self.lit()])
            return Expr("cond", "", [Expr("cmp", ">", [Expr("var", i), Expr("lit", "0")], "b"),
                                     Expr("var", "%s[%s - 1]" % (a, i)), self.lit()])
        v = self.leaf()
        fn = self.rng.choice(["std::sqrt({0})", "std::log({0})"])
        cmp = Expr("cmp", ">", [v, Expr("lit", "0.0")], "b", margin=True)
        return Expr("cond", "", [cmp, Expr("fn", fn, [copy.deepcopy(v)]),
                                 Expr("bin", "*", [Expr("lit", "2.0"), copy.deepcopy(v)])])

    def dexpr(self, depth):
        if depth <= 0 or self.chance(0.25):
            return self.leaf()
        opts = [("bin", 5), ("scale", 2)]
        if self.on("math"):
            opts.append(("fn", 4))
        if self.on("ternary"):
            opts.append(("cond", 1))
        if self.on("guarded_ternary"):
            opts.append(("guard", 1))
        if self.on("helper") and not self.helper:
            opts.append(("call", 1))
        if self.on("nested_call") and self.shared:
            opts.append(("scall", 1))
        if self.on("division"):
            opts.append(("div", 2))
        if self.on("math2"):
            opts.append(("math2", 2))
            if not self.no_kinks:
                opts.append(("kink", 1.5))
        if self.on("variadic"):
            opts.append(("variadic", 1))
        if self.on("std_minmax") and not self.no_kinks:
            opts.append(("stdkink", 1))
        if self.on("lambda"):
            opts.append(("lambda", 1))
        if self.on("recursion") and not self.helper:
            opts.append(("rec", 1))
        ch = self.pick(opts)
        if ch == "stdkink":  # rt_max ... record the margins
            k = self.rng.choice(["max", "min", "clamp", "max3"])
            a, b = self.dexpr(depth - 1), self.dexpr(depth - 1)
            if k == "clamp":  # lo <= hi
                hi = Expr("bin", "+", [b, Expr("lit", "1.0")])
                return Expr("kink", k, [a, b, hi])
            if render_expr(a) == render_expr(b):
                b = Expr("bin", "+", [b, Expr("lit", "0.5")])
            if k == "max3":
                return Expr("kink", k, [a, b, Expr("lit", self.rng.choice(THRESHOLDS))])
            return Expr("kink", k, [a, b])
        if ch == "lambda":  # the body reads the enclosing variables it captures
            cap = self.rng.choice(["&", "="])
            param = self.rng.choice(["double t", "auto t"])
            body = "[%s](%s) {{ return t * ({1}) + 0.5 * t; }}" % (cap, param)
            text = (("gl_apply(%s, {0})" if self.chance(0.5) else "%s({0})")
                    % body)
            # C++17 cannot capture a structured binding: the body reads none.
            # Nor does it read an array the function writes: gradc refuses
            # a call whose pullback reads memory of unknown extent that
            # changes after it (and says to pass a copy).
            inner = self.dexpr(depth - 1)
            # Nor a std::vector of structs, nor a local std::vector of
            # std::vector (gradc refuses capturing either).
            avoid = list(self.bindings) + [
                n for n, v in self.visible("arr")
                if v.writable or v.value in ("io", "zarr")] + [
                n for n, v in self.visible("sarr") if getattr(v, "svec", False)] + [
                n for n, v in self.visible("am2") if getattr(v, "vvlocal", False)]
            if re.search(r"\b(%s)\b" % "|".join(avoid or ["$^"]),
                         render_expr(inner)):
                inner = Expr("lit", "1.25")
            # gradc refuses passing an array of arrays the lambda captures
            # to a helper taking a reference to one (gm_corner).
            if "gm_corner(" in render_expr(inner):
                inner = Expr("lit", "1.25")
            return Expr("fn", text, [self.dexpr(depth - 1), inner])
        if ch == "variadic":  # VARIADIC_TEMPLATES, which every file declares
            fn, n = self.rng.choice([("gv_sum", 2), ("gv_sum", 3), ("gv_prod", 2), ("gv_sq", 2),
                                     ("gv_sq", 3), ("gv_sum", 1)])
            text = "%s(%s)" % (fn, ", ".join("{%d}" % k for k in range(n)))
            args = [self.dexpr(depth - 1) for _ in range(n)]
            if fn == "gv_prod":  # factors near 1 keep products O(1)
                args = [Expr("fn", "std::cos(0.5 * {p0})", [a]) for a in args]
            return Expr("fn", text, args)
        if ch == "rec":
            f = self.recursive_helper()
            return Expr("call", f.name, self.args_for(f))
        if ch == "scall":
            h = self.rng.choice(self.shared)
            return Expr("call", h.name, [self.dexpr(depth - 1) for _ in h.params])
        if ch == "div":
            return Expr("fn", self.rng.choice(DIVS), [self.dexpr(depth - 1), self.dexpr(depth - 1)])
        if ch == "math2":
            return Expr("fn", self.rng.choice(MATH2), [self.dexpr(depth - 1), self.dexpr(depth - 1)])
        if ch == "kink":
            k = self.rng.choice(sorted(KINKS))
            if KINKS[k] == 1:
                return Expr("kink", k, [self.dexpr(depth - 1)])
            a, b = self.dexpr(depth - 1), self.dexpr(depth - 1)
            if k in ("fmod", "remainder"):
                # a divisor in [0.5, 1]: the jumps stay O(1) apart
                return Expr("kink", k, [a, Expr("fn", "0.75 + 0.25 * std::sin({0})", [b])])
            if render_expr(a) == render_expr(b):
                b = Expr("bin", "+", [b, Expr("lit", "0.5")])
            return Expr("kink", k, [a, b])
        if ch == "bin":
            op = self.rng.choice("+-*")
            a, b = self.dexpr(depth - 1), self.dexpr(depth - 1)
            if op == "-" and render_expr(a) == render_expr(b):
                op = "+"  # x - x: a condition on it has no margin
            return Expr("bin", op, [a, b])
        if ch == "scale":
            return Expr("bin", "*", [self.lit(), self.dexpr(depth - 1)])
        if ch == "fn":
            return Expr("fn", self.rng.choice(MATH), [self.dexpr(depth - 1)])
        if ch == "cond":
            return Expr("cond", "", [self.cond(), self.dexpr(depth - 1), self.dexpr(depth - 1)])
        if ch == "guard":
            return self.guarded()
        return self.call()

    def cond(self, allow_logic=True):
        ints = self.visible("i")
        opts = [("d", 3)]
        if ints:
            opts.append(("i", 2))
        if allow_logic and self.on("logic"):
            opts.append(("logic", 1))
        counters = [n for n, v in ints if v.to_n]
        arrays = [n for n, v in self.visible("arr") if v.value == "param"]
        if allow_logic and self.on("guarded_logic") and counters and arrays:
            opts.append(("guard", 2))
        ch = self.pick(opts)
        if ch == "d":
            op = self.rng.choice(["<", ">", "<=", ">="])
            return Expr("cmp", op, [self.dexpr(1), Expr("lit", self.rng.choice(THRESHOLDS))],
                        "b", margin=True)
        if ch == "i":
            n, v = self.rng.choice(ints)
            if v.value is not None:  # a passive parameter
                return Expr("cmp", self.rng.choice([">", "==", "<"]),
                            [Expr("var", n), Expr("lit", str(self.rng.randint(0, 3)))], "b")
            return self.rng.choice([
                Expr("cmp", ">", [Expr("var", n), Expr("lit", "0")], "b"),
                Expr("cmp", "==", [Expr("var", n + " % 2"), Expr("lit", "0")], "b"),
                Expr("cmp", "<", [Expr("var", n), Expr("lit", "2")], "b")])
        if ch == "logic":
            parts = [self.cond(False), self.cond(False)]
            if self.chance(0.2):
                return Expr("not", "", [parts[0]], "b")
            return Expr("logic", self.rng.choice(["&&", "||"]), parts, "b")
        i, a = self.rng.choice(counters), self.rng.choice(arrays)
        th = Expr("lit", self.rng.choice(THRESHOLDS))
        if self.chance(0.5):
            return Expr("logic", "&&", [
                Expr("cmp", "<", [Expr("var", i + " + 1"), Expr("var", self.nname)], "b"),
                Expr("cmp", ">", [Expr("var", "%s[%s + 1]" % (a, i)), th], "b", True)], "b")
        return Expr("logic", "||", [
            Expr("cmp", "==", [Expr("var", i), Expr("lit", "0")], "b"),
            Expr("cmp", "<", [Expr("var", "%s[%s - 1]" % (a, i)), th], "b", True)], "b")

    # -- helpers
    def array_params(self):
        """What may be passed as a helper's `const double *v` of n elements."""
        return [v.data or n for n, v in self.frames[0].items()
                if v.ty == "arr" and v.value == "param"]

    def new_helper(self, out, sibling=False):
        """A helper of one or two doubles (and the caller's array w, n);
        out: void, writing two results through references (or, given an
        array, through a pointer)."""
        name = "%s_%s%d" % (self.name, "o" if out else "h", len(self.helpers))
        feats = self.feats - {"helper", "helper_out", "param_write", "struct",
                              "struct_local", "early_return", "int_param", "vector",
                              "float", "helper_array_out", "std_array", "struct_array",
                              "void_out", "shared_helper"}
        if out:  # a void helper returns nothing
            feats = feats - {"loop_return"}
        g = Gen(self.rng, feats, name, helper=True, budget=4)
        if self.on("nested_call") or sibling:  # it may call the helpers made before it
            g.shared = self.scalar_helpers()
        params = [{"kind": "d", "name": "a"}]
        g.declare("a", Var("d", writable=False))
        if self.chance(0.6):
            params.append({"kind": "d", "name": "b"})
            g.declare("b", Var("d", writable=False))
        arrays = self.array_params()
        with_array = bool(arrays) and self.chance(0.4)
        if with_array:
            params = [{"kind": "arr", "name": "v"}, {"kind": "n", "name": "m"}] + params
            g.declare("v", Var("arr", writable=False, size=self.narr, value="param"))
            g.declare("m", Var("i", writable=False, value=self.narr))
            g.narr, g.nname = self.narr, "m"
        body = g.start_sink() + g.block(self.rng.randint(1, 3))
        if with_array and g.on("for"):
            # A reduction over the array, so that the pullback of a loop
            # over a pointer argument is exercised.
            body += [Stmt("decl", "acc", [Expr("lit", "0.0")]),
                     Stmt("for", "", [Expr("cmp", "<", [Expr("var", "i"), Expr("var", "m")], "b")],
                          [[Stmt("assign", "acc", [g.dexpr(1)], aop="+=")]],
                          init="int i = 0", step="++i")]
            g.frames[0]["acc"] = Var("d")
        if not out:
            terms = [g.dexpr(2)] + g.reads_of(g.frames[0])
            if sibling and g.shared:  # it calls a helper of its caller for sure
                h = self.rng.choice(g.shared)
                terms.append(Expr("call", h.name, [g.dexpr(1) for _ in h.params]))
            body.append(Stmt("return", "", [sum_of(terms)]))
            f = Func(name, "double", params, body)
        elif with_array and self.chance(0.5):
            params.append({"kind": "out", "name": "o"})
            # keep: the reducer must not delete the stores of the outputs
            # (the caller would read uninitialized values).
            body += [Stmt("assign", "o[0]", [sum_of([g.dexpr(2)] + g.reads_of(g.frames[0]))], aop="=", keep=True),
                     Stmt("assign", "o[1]", [g.dexpr(2)], aop="=", keep=True)]
            f = Func(name, "void", params, body)
            f.outs = "ptr"
        else:
            params += [{"kind": "ref", "name": "r"}, {"kind": "ref", "name": "q"}]
            body += [Stmt("assign", "r", [sum_of([g.dexpr(2)] + g.reads_of(g.frames[0]))], aop="=", keep=True),
                     Stmt("assign", "q", [g.dexpr(2)], aop="=", keep=True)]
            f = Func(name, "void", params, body)
            f.outs = "ref"
        self.helpers.append(f)
        return f

    def recursive_helper(self):
        """A helper that calls itself down to depth 0 (k <= 0), once or
        twice a level (a tree of calls, as Fibonacci's); its result goes
        through a bounded function, so that values stay O(1) at any
        depth."""
        recs = [h for h in self.helpers if getattr(h, "recursive", False)]
        if recs and self.chance(0.4):
            return self.rng.choice(recs)
        name = "%s_r%d" % (self.name, len(self.helpers))
        feats = self.feats & {"math", "ternary", "division", "math2", "logic"}
        g = Gen(self.rng, feats, name, helper=True, budget=3)
        g.declare("a", Var("d", writable=False))
        k = Expr("var", "k")
        down = lambda by: Expr("bin", "-", [k, Expr("lit", by)])
        base = Stmt("if", "", [Expr("cmp", "<=", [k, Expr("lit", "0")], "b")],
                    [[Stmt("return", "", [g.dexpr(1)])]])
        body = [base, Stmt("decl", "r", [Expr("call", name, [g.dexpr(1), down("1")])])]
        calls = ["r"]
        if self.chance(0.35):
            body.append(Stmt("decl", "s", [Expr("call", name, [g.dexpr(1), down("2")])]))
            calls.append("s")
        for c in calls:
            g.declare(c, Var("d", writable=False))
        wrap = self.rng.choice(["std::tanh({0})", "std::sin({0})", "std::atan({0})"])
        body.append(Stmt("return", "", [Expr("fn", wrap, [sum_of(
            [g.dexpr(2)] + [Expr("var", c) for c in calls])])]))
        f = Func(name, "double", [{"kind": "d", "name": "a"}, {"kind": "depth", "name": "k"}], body)
        f.recursive = True
        self.helpers.append(f)
        return f

    def scalar_helpers(self):
        return [h for h in self.helpers + self.shared if h.ret == "double" and
                all(p["kind"] == "d" for p in h.params)]

    def method(self):
        """A member function of the struct: an existing one or a new one.
        Its body has no comparison on doubles (the struct is shared by both
        copies, so a margin would not be recorded)."""
        const = [m for m in self.methods if not getattr(m, "mutating", False)]
        if const and (len(const) >= 2 or self.chance(0.6)):
            return self.rng.choice(const)
        name = "m%d" % len(self.methods)
        feats = self.feats & {"math", "reassign", "division", "math2", "for", "index_arith"}
        g = Gen(self.rng, feats, name, helper=True, budget=3)
        g.methods, g.no_kinks = None, True
        g.declare("t", Var("d", writable=False))
        for mem in "abc":
            g.declare(mem, Var("d", writable=False))
        g.declare("v", Var("arr", writable=False, size=2, value="member"))
        body = g.start_sink() + g.block(self.rng.randint(1, 2))
        body.append(Stmt("return", "", [sum_of([g.dexpr(2)] + g.reads_of(g.frames[0]))]))
        f = Func(name, "double", [{"kind": "d", "name": "t"}], body)
        self.methods.append(f)
        return f

    def args_for(self, f):
        args = []
        for p in f.params:
            if p["kind"] == "arr":
                args.append(Expr("var", self.rng.choice(self.array_params())))
            elif p["kind"] == "n":
                args.append(Expr("var", "n"))
            elif p["kind"] == "depth":
                args.append(Expr("lit", str(self.rng.randint(0, 4))))
            elif p["kind"] == "d":
                if self.on("nested_call") and len(self.helpers) < 5 and self.chance(0.25):
                    args.append(self.call())  # a call as an argument of a call
                else:
                    args.append(self.dexpr(1))
        return args

    def make_sibling(self):
        """An annotated function that calls this one's helpers, and that
        this one calls."""
        for _ in range(3):
            if self.scalar_helpers():
                break
            self.new_helper(False)
        f = self.new_helper(False, sibling=True)
        f.annotated = True
        self.sibling = f
        return f

    def call(self):
        if self.on("shared_helper") and not self.helper and self.sibling is None and self.chance(0.5):
            f = self.make_sibling()
            return Expr("call", f.name, self.args_for(f))
        scalar = [h for h in self.helpers if h.ret == "double" and
                  (self.array_params() or h.params[0]["kind"] == "d")]
        f = self.rng.choice(scalar) if scalar and self.chance(0.4) else self.new_helper(False)
        return Expr("call", f.name, self.args_for(f))

    def out_call(self):
        f = self.new_helper(True)
        args = self.args_for(f)
        if f.outs == "ptr":
            o = self.fresh("o")
            self.declare(o, Var("arr", writable=False, size=2))
            decl = Stmt("raw", "double %s[2]" % o)
            args.append(Expr("var", o))
        else:
            r, q = self.fresh("r"), self.fresh("r")
            self.declare(r, Var("d", writable=False))
            self.declare(q, Var("d", writable=False))
            decl = Stmt("raw", "double %s, %s" % (r, q))
            args += [Expr("var", r), Expr("var", q)]
        return [decl, Stmt("call", "", [Expr("call", f.name, args)])]

    # -- statements
    def writable(self, ty="d"):
        return [n for n, v in self.visible(ty) if v.writable]

    def block(self, count):
        """count statements in the current block (a helper's body)."""
        out = []
        for _ in range(count):
            if self.budget <= 0:
                break
            self.budget -= 1
            out += self.stmt(None)
        return out

    def sub_block(self, count, loop=None, setup=None):
        """A nested block with its own frame; setup declares its counter."""
        self.frames.append({})
        if setup:
            setup()
        out = []
        for _ in range(count):
            if self.budget <= 0:
                break
            self.budget -= 1
            out += self.stmt(loop)
        # Every local is read: no dead code that gradc would drop unseen,
        # no unused-variable warning.
        terms = self.reads_of(self.frames[-1])
        if terms:
            out.append(Stmt("assign", self.sink, [sum_of(terms)], aop="+="))
        self.frames.pop()
        return out

    def reads_of(self, frame):
        """Reads of the locals declared in frame (an array's element 0, a
        struct's member b)."""
        terms = []
        for n, v in frame.items():
            if v.ty == "d" and v.value != "param" and n != self.sink:
                terms.append(Expr("var", n))
            elif v.ty == "arr" and v.value not in ("param", "member", "cparam"):
                terms.append(Expr("var", n + "[0]"))
            elif v.ty == "st" and v.value != "param":
                terms.append(Expr("var", n + ".b"))
        return terms

    def stmt(self, loop):
        depth = len(self.frames) - 1
        top = depth == 0
        nloops = len(self.loops)
        opts = [("decl", 3), ("compound", 3)]
        if self.on("reassign"):
            opts.append(("reassign", 2))
        if self.on("dead_store"):
            opts.append(("dead", 1.5))
        if self.on("if") and depth < 3:
            opts.append(("if", 2))
        max_loops = 2 if self.on("nested") else 1
        if self.on("for") and nloops < max_loops:
            opts.append(("for", 2))
        if self.on("while") and nloops < max_loops:
            opts.append(("while", 1))
        if self.on("local_array"):
            opts.append(("arr", 1))
        if self.on("array_update") and self.writable("arr"):
            opts.append(("arrupd", 3))
        if self.on("helper_out") and not self.helper and len(self.helpers) < 3:
            opts.append(("outcall", 1))
        if self.on("struct_local") and not self.helper:
            opts.append(("stlocal", 1))
        if self.on("struct_array_local") and not self.helper:
            opts.append(("starrlocal", 1))
        if self.on("struct_vector_grow") and not self.helper and not self.after_early and not self.mad:
            opts.append(("stgrow", 1))
        if self.on("vector_of_arrays_local") and not self.helper and len(self.loops) < 2:
            opts.append(("valocal", 1))
        if self.on("local_matrix") and not self.helper and len(self.loops) < 2:
            opts.append(("vvlocal", 1))
        if self.on("struct_element_copy") and not self.helper and self.visible("sarr"):
            opts.append(("stcopy", 1.5))
        if self.on("break") and loop:
            opts.append(("break", 3))
        if self.on("early_return") and top and not self.helper and not self.void:
            opts.append(("early", 0.7))
        if self.on("loop_return") and loop and not self.void:
            opts.append(("loopret", 1))
        if self.on("param_write") and top and not self.helper:
            opts.append(("pwrite", 0.7))
        if self.on("do_while") and nloops < max_loops:
            opts.append(("do", 1))
        if self.on("byval_write") and self.byval:
            opts.append(("pbyval", 1.5))
        if self.on("byval_write") and not self.helper and self.writable():
            opts.append(("byvalcall", 1))
        if self.on("vector_list") and not self.helper and self.writable():
            opts.append(("veclist", 1))
        if self.on("while_continue") and nloops < max_loops:
            opts.append(("whilec", 1))
        if self.on("division"):
            opts.append(("divstmt", 1))
        if self.on("throw"):
            opts.append(("throw", 0.7))
        if self.on("vector") and not self.helper and (
                (top and not self.after_early) or self.on("vector_ops")):
            opts.append(("vec", 0.7))  # vector_ops: also in loops and branches
        if self.on("std_array"):
            opts.append(("starr", 1))
        if self.on("vector_growth") and not self.helper and top and not self.after_early:
            opts.append(("grow", 0.8))
        if self.on("vector_grow_local") and not top and not self.after_early:
            opts.append(("grow", 0.8))
        if self.on("vector_ops") and self.containers():
            opts.append(("vecops", 1.5))
        if self.on("float") and not self.helper:
            opts.append(("float", 1))
        if self.on("helper_array_out") and not self.helper and len(self.helpers) < 4:
            opts.append(("aout", 1))
        if self.on("assign_value"):
            opts.append(("assignv", 1))
        if self.on("incdec_value") and self.arrays():
            opts.append(("incdec", 1))
        if self.on("comma"):
            opts.append(("comma", 1))
        if self.on("switch"):
            opts.append(("switch", 1))
        if self.on("range_for") and self.visible_local_arrays():
            opts.append(("rangefor", 1))
        if self.on("iterator_loop") and self.containers():
            opts.append(("iterloop", 1))
        if self.on("inplace_helper") and not self.helper and len(self.helpers) < 5:
            opts.append(("inplace", 1.5))
        if self.on("mutating_method") and not self.helper and \
                [n for n, _ in self.visible("st") if n.startswith("q")]:
            opts.append(("mutating", 1))
        if self.on("scratch_reuse") and top and not self.helper and len(self.helpers) < 5:
            opts.append(("scratch", 0.7))
        if self.on("address_of") and not self.helper and len(self.helpers) < 5:
            opts.append(("addr", 1))
        if self.on("ref_var") and self.visible_local_arrays():
            opts.append(("refvar", 1))
        if self.on("structured_binding") and self.visible("st"):
            opts.append(("bind", 1))
        if self.on("struct_value") and not self.helper and self.visible("st"):
            opts.append(("stvalue", 1))
        if self.on("array_return") and not self.helper and self.writable():
            opts.append(("arret", 1))
        if self.on("return_vector") and not self.helper and self.writable():
            opts.append(("retvec", 1))
        if self.on("return_vector_grows") and not self.helper and self.writable():
            opts.append(("grvec", 1))
        if self.on("growing_helper") and not self.helper and self.writable():
            opts.append(("gghelp", 1))
        if self.on("state_step") and not self.helper and self.narr and self.writable():
            opts.append(("gsstate", 1))
        if self.on("pair_tuple") and not self.helper and self.writable():
            opts.append(("pairtup", 1))
        if self.on("constructor") and not self.helper and self.writable():
            opts.append(("ctor", 1))
        if self.on("base_class") and not self.helper and self.writable():
            opts.append(("based", 1))
        if self.on("ctor_only") and not self.helper and self.writable():
            opts.append(("ctoronly", 1))
        if self.on("member_rows") and not self.helper and self.writable():
            opts.append(("mrows", 1))
        if self.on("functor") and not self.helper and self.writable():
            opts.append(("functor", 1))
        if self.on("private_members") and not self.helper and self.writable():
            opts.append(("private", 1))
        if self.on("struct_operator") and not self.helper and self.writable():
            opts.append(("goop", 1))
        if self.on("complex") and not self.helper and self.writable():
            opts.append(("cplx", 1))
        if self.on("complex_container") and not self.helper and self.writable():
            opts.append(("cvec", 1))
        if self.on("multi_dim") and len(self.loops) < 2:
            opts.append(("mdim", 1))
        if self.on("array_of_arrays") and len(self.loops) < 2:
            opts.append(("amdim", 1))
        if ((self.on("array_of_arrays") or self.on("vector_of_vectors") or self.on("vector_of_arrays")
             or self.on("local_matrix"))
                and len(self.loops) < 2 and self.visible("am2")):
            opts.append(("amrows", 1))
        if self.on("moving_ptr") and self.visible_local_arrays():
            opts.append(("ptrwalk", 1))
        if self.on("chosen_ptr") and self.visible_local_arrays():
            opts.append(("ptrchoice", 1))
        if self.on("std_algorithm") and self.visible_local_arrays():
            opts.append(("stdalgo", 1.5))
        if self.on("everyday"):
            opts.append(("everyday", 1))
        if self.on("algorithm_ops") and self.visible_local_arrays():
            opts.append(("algoops", 1.5))
        if self.on("view_struct") and self.visible_local_arrays():
            opts.append(("view", 1))
        if self.on("transform") and self.visible_local_arrays():
            opts.append(("transform", 1.5))
        if self.on("mutable_lambda"):
            opts.append(("mutable", 1))
        if self.on("ref_result") and not self.helper and self.writable():
            opts.append(("refres", 1))
        if self.on("struct_choice") and not self.helper and self.writable():
            opts.append(("structchoice", 1))
        if self.on("bounds") and self.visible_local_arrays():
            opts.append(("bounds", 1))
        if self.on("step_effects") and self.visible_local_arrays():
            opts.append(("stepeffects", 1))
        if self.on("swap_whole") and not self.helper and self.writable():
            opts.append(("swapwhole", 1))
        if self.on("pingpong") and top and not self.helper and self.writable():
            opts.append(("pingpong", 1))
        if self.on("minmax_bind") and not self.helper and self.writable():
            opts.append(("minmaxbind", 1))
        if self.on("int_types"):
            opts.append(("inttypes", 1))
        if self.on("enum_switch"):
            opts.append(("enumswitch", 1))
        if self.on("enum_arrays"):
            opts.append(("enumarrays", 1))
        if self.on("cxx17_order"):
            opts.append(("cxx17order", 1))
        if self.on("bitwise"):
            opts.append(("bitwise", 1))
        if self.on("text_param"):
            opts.append(("text", 0.7))
        if self.on("local_type"):
            opts.append(("localtype", 1))
        if self.on("exchange_choice") and self.writable():
            opts.append(("exchange", 1.5))
        if self.on("lambda_nest"):
            opts.append(("lambdanest", 1))
        if self.on("lambda_each"):
            opts.append(("lambdaeach", 1))
        if self.on("std_minmax"):
            opts.append(("stdswap", 1))
            if self.visible("i"):
                opts.append(("stdint", 1))
        if self.on("carried") and loop and self.writable():
            opts.append(("carried", 2))
        ch = self.pick(opts)
        return getattr(self, "s_" + ch)(loop)

    def s_decl(self, loop):
        t = self.fresh("t")
        s = Stmt("decl", t, [self.dexpr(2)])
        self.declare(t, Var("d"))
        return [s]

    def s_compound(self, loop):
        targets = self.writable()
        if not targets:
            return self.s_decl(loop)
        t = self.rng.choice(targets)
        aop = self.rng.choice(["+=", "+=", "-=", "*="])
        e = self.dexpr(2)
        if aop == "*=":  # a factor near 1 keeps products O(1)
            e = Expr("bin", "+", [Expr("lit", "0.75"),
                                  Expr("bin", "*", [Expr("lit", "0.25"), Expr("fn", "std::sin(std::tanh({0}))", [e])])])
        return [Stmt("assign", t, [e], aop=aop)]

    def s_reassign(self, loop):
        targets = self.writable()
        if not targets:
            return self.s_decl(loop)
        t = self.rng.choice(targets)
        e = self.dexpr(2)
        if self.chance(0.5):  # a recurrence: t = 0.5 * t + e
            e = Expr("bin", "+", [Expr("bin", "*", [Expr("lit", "0.5"), Expr("var", t)]), e])
        return [Stmt("assign", t, [e], aop="=")]

    def s_carried(self, loop):
        """t = std::tanh(t * e + 0.91); then u += t * t: the old value of a
        local read by a call, the call's value read after the store."""
        targets = self.writable()
        t = self.rng.choice(targets)
        fn = self.rng.choice(["std::tanh({0})", "std::sin({0})", "std::atan({0})"])
        # The old value times data: the derivative in the data reads it.
        arg = Expr("bin", "+", [Expr("bin", "*", [Expr("var", t), self.dexpr(1)]),
                               Expr("lit", self.rng.choice(["0.25", "0.91"]))])
        out = [Stmt("assign", t, [Expr("fn", fn, [arg])], aop="=")]
        others = [n for n in targets if n != t]
        if others:
            out.append(Stmt("assign", self.rng.choice(others),
                            [Expr("bin", "*", [Expr("var", t), Expr("var", t)])], aop="+="))
        return out

    def s_dead(self, loop):
        t = self.fresh("t")
        first = Stmt("decl", t, [self.leaf()])
        second = Stmt("assign", t, [self.dexpr(1)], aop="=")
        self.declare(t, Var("d"))
        return [first, second]

    def s_if(self, loop):
        if self.on("if_init") and self.chance(0.3):
            # if (double v = e; v > t): v is the if's alone, as in C++.
            v, e = self.fresh("v"), self.dexpr(1)
            self.frames.append({v: Var("d")})
            c = Expr("cmp", self.rng.choice(["<", ">"]),
                     [Expr("var", v), Expr("lit", self.rng.choice(THRESHOLDS))],
                     "b", margin=True)
            then = self.sub_block(self.rng.randint(1, 3))
            other = self.sub_block(self.rng.randint(1, 2)) if self.chance(0.5) else []
            self.frames.pop()
            return [Stmt("if", "", [c, e], [then, other], init=v)]
        c = self.cond()
        then = self.sub_block(self.rng.randint(1, 3))
        other = self.sub_block(self.rng.randint(1, 2)) if self.chance(0.5) else []
        return [Stmt("if", "", [c], [then, other])]

    def loop_body(self, kind, setup):
        self.loops.append(kind)
        body = self.sub_block(self.rng.randint(1, 4), loop=kind, setup=setup)
        self.loops.pop()
        return body

    def s_for(self, loop):
        i = self.fresh("i")
        bounds = [("3", 3), ("2", 2)]
        ints = [(n, v) for n, v in self.frames[0].items() if v.ty == "i" and v.value is not None]
        if ints:
            n, v = self.rng.choice(ints)
            bounds.append((n, v.value))
        if self.narr:
            bounds += [(self.nname, self.narr)] * 3
        sized = [(n, v) for n, v in self.frames[0].items() if v.ty == "arr" and v.data]
        bounds += [("static_cast<int>(%s.size())" % n, v.size) for n, v in sized]
        text, bound = self.rng.choice(bounds)
        var = Var("i", writable=False, bound=bound,
                  to_n=text == self.nname or (bound == self.narr and "size" in text))
        if self.on("unsigned_loop") and self.chance(0.3):
            # `i + 1 < n` would compare signed with unsigned: not to_n.
            var.to_n = False
            if text.startswith("static_cast<int>("):
                text, var.unsigned = text[len("static_cast<int>("):-1], "std::size_t"
            elif text.isdigit():
                var.unsigned = self.rng.choice(["unsigned", "std::size_t"])
            else:
                text, var.unsigned = "static_cast<unsigned>(%s)" % text, "unsigned"
            if self.chance(0.3):  # from the bound down to 1: not an index
                var.bound = None
        body = self.loop_body("for", lambda: self.declare(i, var))
        if var.unsigned and var.bound is None:  # counts down: i > 0
            return [Stmt("for", "", [Expr("cmp", ">", [Expr("var", i), Expr("lit", "0")], "b")],
                         [body], init="%s %s = %s" % (var.unsigned, i, text), step="--" + i)]
        if var.unsigned:  # unsigned_loop: counts up to an unsigned bound
            return [Stmt("for", "", [Expr("cmp", "<", [Expr("var", i), Expr("var", text)], "b")],
                         [body], init="%s %s = 0" % (var.unsigned, i), step="++" + i)]
        if self.chance(0.25):
            return [Stmt("for", "", [Expr("cmp", ">=", [Expr("var", i), Expr("lit", "0")], "b")],
                         [body], init="int %s = %s - 1" % (i, text), step="--" + i)]
        return [Stmt("for", "", [Expr("cmp", "<", [Expr("var", i), Expr("var", text)], "b")],
                     [body], init="int %s = 0" % i, step="++" + i)]

    def s_while(self, loop):
        j = self.fresh("j")
        out = [Stmt("raw", "int %s = 0" % j)]
        if self.chance(0.5):  # counted
            cond = Expr("cmp", "<", [Expr("var", j), Expr("lit", "3")], "b")
            body = self.loop_body("while", lambda: self.declare(j, Var("i", writable=False, bound=3)))
        else:  # on data, capped; c grows by at least 0.1 per iteration
            c = self.fresh("c")
            out.insert(0, Stmt("decl", c, [self.dexpr(1)]))
            self.declare(c, Var("d", writable=False))
            cond = Expr("logic", "&&", [
                Expr("cmp", "<", [Expr("var", c), Expr("lit", self.rng.choice(["1.0", "1.5", "2.0"]))],
                     "b", margin=True),
                Expr("cmp", "<", [Expr("var", j), Expr("lit", "6")], "b")], "b")
            body = self.loop_body("while", lambda: self.declare(j, Var("i", writable=False, bound=6)))
            step = Expr("bin", "+", [Expr("lit", "0.3"), Expr("bin", "*", [
                Expr("lit", "0.2"), Expr("fn", "std::tanh({0})", [self.dexpr(1)])])])
            body.append(Stmt("assign", c, [step], aop="+="))
        body.append(Stmt("raw", "++" + j))
        return out + [Stmt("while", "", [cond], [body])]

    def s_arr(self, loop):
        a = self.fresh("a")
        size = self.rng.choice([3, 4])
        s = Stmt("arr", a, [self.dexpr(1) for _ in range(size)])
        var = Var("arr", size=size)
        var.carr = True
        self.declare(a, var)
        return [s]

    def s_bind(self, loop):
        """const auto &[ba, bb, bc, bv] = q; ba, bb, bc then read by name."""
        q = self.rng.choice(self.visible("st"))[0]
        k = self.fresh("b")
        names = [k + m for m in ("a", "b", "c", "v")]
        for n in names[:3]:
            self.declare(n, Var("d", writable=False))
        self.bindings.update(names)
        return [Stmt("raw", "const auto &[%s] = %s" % (", ".join(names), q))]

    def s_stvalue(self, loop):
        """S q2 = q;, q2 = p;, S q2 = sv_S(q, p, e);, q = sv_S(q, q, e);
        (sv_S, declared after the struct, returns one by value)."""
        srcs = [n for n, _ in self.visible("st")]
        locs = [n for n in srcs if n.startswith("q")]  # locals, not p
        st = self.structs[0]
        kind = self.rng.choice(["copy", "call"] + (["assign", "recall"] if locs else []))
        a, b = self.rng.choice(srcs), self.rng.choice(srcs)
        e = self.render_tmp(self.dexpr(1))
        if kind in ("copy", "call"):
            q = self.fresh("q")
            init = a if kind == "copy" else "sv_%s(%s, %s, %s)" % (st, a, b, e)
            self.declare(q, Var("st", writable=False))
            return [Stmt("raw", "%s %s = %s" % (st, q, init))]
        q = self.rng.choice(locs)
        value = a if kind == "assign" else "sv_%s(%s, %s, %s)" % (st, q, b, e)
        return [Stmt("raw", "%s = %s" % (q, value))]

    def s_arret(self, loop):
        """auto a = ga_make(e, e); then a = ga_mix(a, e); or t += a call's
        element or ga_dot of a temporary (ga_*: ARRAY_RETURNS)."""
        a, t = self.fresh("ga"), self.rng.choice(self.writable())
        e = [self.render_tmp(self.dexpr(1)) for _ in range(3)]
        out = [Stmt("raw", "%s %s = ga_make(%s, %s)"
                    % (self.rng.choice(["auto", "std::array<double, 3>"]), a, e[0], e[1]))]
        kind = self.rng.choice(["reassign", "element", "temp"])
        if kind == "reassign":
            out.append(Stmt("raw", "%s = ga_mix(%s, %s)" % (a, a, e[2])))
            out.append(Stmt("raw", "%s += %s[%d]" % (t, a, self.rng.randrange(3))))
        elif kind == "element":
            out.append(Stmt("raw", "%s += ga_mix(%s, %s)[%d]" % (t, a, e[2], self.rng.randrange(3))))
        else:
            out.append(Stmt("raw", "%s += ga_dot(ga_mix(%s, %s), %s)" % (t, a, e[2], a)))
        return out

    def s_retvec(self, loop):
        """auto g = gr_make(e, e, K); then a vector a helper returns
        assigned to it, indexed, passed on, or declared (gr_*:
        RETURN_VECTORS)."""
        g, t = self.fresh("gr"), self.rng.choice(self.writable())
        e = [self.render_tmp(self.dexpr(1)) for _ in range(3)]
        n = self.rng.randint(2, 4)
        k = self.rng.randrange(n)
        out = [Stmt("raw", "%s %s = gr_make(%s, %s, %d)"
                    % (self.rng.choice(["auto", "std::vector<double>"]), g, e[0], e[1], n))]
        kind = self.rng.choice(["reassign", "element", "temp", "declare"])
        if kind == "reassign":
            out.append(Stmt("raw", "%s = gr_%s(%s, %s)"
                            % (g, self.rng.choice(["mix", "chain"]), g, e[2])))
            out.append(Stmt("raw", "%s += %s[%d]" % (t, g, k)))
        elif kind == "element":
            out.append(Stmt("raw", "%s += gr_mix(%s, %s)[%d]" % (t, g, e[2], k)))
        elif kind == "temp":
            out.append(Stmt("raw", "%s += gr_sum(gr_chain(%s, %s))" % (t, g, e[2])))
        else:
            p = self.fresh("gr")
            out.append(Stmt("raw", "auto %s = gr_soft(%s)" % (p, g)))
            out.append(Stmt("raw", "%s += %s[%d] * %s" % (t, p, k, e[2])))
        return out

    def s_grvec(self, loop):
        """A vector whose size a helper gives it as it runs: gv_keep's
        (push_back in a loop), gv_pick's (returned from one of several
        places), or gr_make's sized by a loop counter (GROWN_VECTORS)."""
        g, t = self.fresh("gv"), self.rng.choice(self.writable())
        e = [self.render_tmp(self.dexpr(1)) for _ in range(3)]
        src = self.fresh("gv")
        n = self.rng.randint(2, 4)
        out = [Stmt("raw", "std::vector<double> %s = gr_make(%s, %s, %d)" % (src, e[0], e[1], n))]
        counters = [(c, v) for c, v in self.visible("i") if v.bound]
        kind = self.rng.choice(["keep", "pick", "counter" if counters else "keep"])
        if kind == "keep":
            # gv_keep keeps the elements of even index: (n + 1) / 2 of them.
            make = "gv_keep(%s, %s)" % (src, e[2])
            size = (n + 1) // 2
        elif kind == "pick":
            m = self.rng.randint(0, 3)
            make = "gv_pick(%s, %s, %d)" % (src, e[2], m)
            size = 2 if m > 2 else (n + 1) // 2 if m == 0 else n
        else:
            c, _ = self.rng.choice(counters)
            make = "gr_make(%s, %s, %s + 1)" % (e[2], e[0], c)
            size = 1
        k = self.rng.randrange(size)
        use = self.rng.choice(["declare", "element", "sum", "grow"])
        if use == "declare":
            out.append(Stmt("raw", "%s %s = %s" % (self.rng.choice(["auto", "std::vector<double>"]), g, make)))
            out.append(Stmt("raw", "%s += %s[%d] * %s.back()" % (t, g, k, g)))
        elif use == "element":
            out.append(Stmt("raw", "%s += %s[%d]" % (t, make, k)))
        elif use == "sum":
            out.append(Stmt("raw", "%s += gr_sum(%s) * 0.5" % (t, make)))
        else:
            out.append(Stmt("raw", "std::vector<double> %s = %s" % (g, make)))
            out.append(Stmt("raw", "%s.push_back(%s * %s[0])" % (g, e[1], g)))
            out.append(Stmt("raw", "%s += %s.back() + %s[%d]" % (t, g, g, k)))
        return out

    def s_gghelp(self, loop):
        """A local vector grown by the helpers of GROWING_HELPERS, which
        take it by reference (written where they are called), then read."""
        g, t = self.fresh("gg"), self.rng.choice(self.writable())
        e = [self.render_tmp(self.dexpr(1)) for _ in range(3)]
        out = [Stmt("raw", "std::vector<double> %s" % g)]
        size = 0
        for _ in range(self.rng.randint(2, 4)):
            kinds = ["add", "powers", "fill", "grow", "loop"] + (["drop"] if size > 0 else [])
            kind = self.rng.choice(kinds)
            x = self.rng.choice(e)
            if kind == "add":
                out.append(Stmt("raw", "gg_add(%s, %s)" % (g, x)))
                size += 1
            elif kind == "powers":
                k = self.rng.randint(1, 3)
                out.append(Stmt("raw", "gg_powers(%s, %s, %d)" % (g, x, k)))
                size += k + 1
            elif kind == "fill":
                size = self.rng.randint(1, 3)
                out.append(Stmt("raw", "gg_fill(%s, %d, %s)" % (g, size, x)))
            elif kind == "grow":
                size = self.rng.randint(max(size, 1), size + 2)
                out.append(Stmt("raw", "gg_grow(%s, %d)" % (g, size)))
            elif kind == "loop":
                k, m = self.fresh("k"), self.rng.randint(1, 3)
                out.append(Stmt("raw", "for (int %s = 0; %s < %d; ++%s) gg_add(%s, %s * (%s + 1))"
                                % (k, k, m, k, g, x, k)))
                size += m
            else:
                out.append(Stmt("raw", "gg_drop(%s)" % g))
                size -= 1
        if size == 0:
            out.append(Stmt("raw", "gg_add(%s, %s)" % (g, e[0])))
            size = 1
        use = self.rng.choice(["dot", "back", "index"])
        if use == "dot":
            out.append(Stmt("raw", "%s += gg_dot(%s, %s)" % (t, g, e[1])))
        elif use == "back":
            out.append(Stmt("raw", "%s += %s.back() * %s" % (t, g, e[2])))
        else:
            out.append(Stmt("raw", "%s += %s[%d] + 0.5 * %s.size()" % (t, g, self.rng.randrange(size), g)))
        return out

    def s_gsstate(self, loop):
        """A vector holding h, c and an input (n each, the caller's n),
        stepped a few times by gs_step (STATE_STEPS), as an LSTM's layers
        step their state: written inline in the loop, the helper's vector
        sized before it."""
        s, t = self.fresh("gs"), self.rng.choice(self.writable())
        e = [self.render_tmp(self.dexpr(1)) for _ in range(3)]
        k, j, w = self.fresh("k"), self.fresh("k"), self.fresh("gw")
        # The caller's n, or a constant size: the helper's reach is then
        # counted from the constant (arguments 2 apart reach 2 each).
        m = self.rng.choice(["n", "n", "2", "3"])
        return [Stmt("raw", "std::vector<double> %s(%s + 3)" % (w, m)),
                Stmt("raw", "for (int %s = 0; %s < %s + 3; ++%s) %s[%s] = %s * (%s %% 2) + %s * 0.3 - 0.1 * %s"
                     % (j, j, m, j, w, j, e[0], j, e[1], j)),
                Stmt("raw", "std::vector<double> %s(3 * %s)" % (s, m)),
                Stmt("raw", "for (int %s = 0; %s < 3 * %s; ++%s) %s[%s] = %s * (%s %% 3 - 1) + 0.1 * %s"
                     % (j, j, m, j, s, j, e[2], j, j)),
                Stmt("raw", "for (int %s = 0; %s < %d; ++%s) gs_step(%s, %s.data(), %s.data(), %s.data() + %s, %s.data() + 2 * %s)"
                     % (k, k, self.rng.randint(1, 3), k, m, w, s, s, m, s, m)),
                Stmt("raw", "%s += %s[0] + 0.5 * %s[%s]" % (t, s, s, m))]

    def s_pairtup(self, loop):
        """A pair made one way, then used one way (gp_*: PAIR_TUPLES)."""
        p, t = self.fresh("gp"), self.rng.choice(self.writable())
        e = [self.render_tmp(self.dexpr(1)) for _ in range(3)]
        make = self.rng.choice([
            "std::pair<double, double> %s{%s, %s}",
            "std::pair<double, double> %s = {%s, %s}",
            "auto %s = std::make_pair(%s, %s)",
            "auto %s = gp_split(%s, %s)",
            "std::pair<double, double> %s = gp_split(%s, %s)"])
        out = [Stmt("raw", make % (p, e[0], e[1]))]
        kind = self.rng.choice(["member", "get", "bind", "refbind", "stats", "tuple",
                                "tie", "dot", "reassign", "copy"])
        a, b = self.fresh("gpa"), self.fresh("gpb")
        raw = lambda text: out.append(Stmt("raw", text))
        if kind == "member":
            raw("%s.first = %s.second * %s" % (p, p, e[2]))
            raw("%s += %s.first * %s.second" % (t, p, p))
        elif kind == "get":
            raw("std::get<1>(%s) += %s" % (p, e[2]))
            raw("%s += std::get<0>(%s) * std::get<1>(%s)" % (t, p, p))
        elif kind == "bind":
            raw("auto [%s, %s] = %s" % (a, b, p))
            raw("%s.second = %s" % (p, e[2]))
            if self.chance(0.5):  # a copy's binding assigned: its own variable
                raw("%s += %s * %s" % (a, b, self.render_tmp(self.dexpr(1))))
            raw("%s += %s * %s + %s.second" % (t, a, b, p))
        elif kind == "refbind":
            raw("auto &[%s, %s] = %s" % (a, b, p))
            raw("%s = %s * %s" % (b, a, e[2]))
            raw("%s += %s.second + %s" % (t, p, a))
        elif kind == "stats":
            k = self.fresh("gpk")
            raw("auto [%s, %s, %s] = gp_stats(%s, %s)" % (a, b, k, p, e[2]))
            raw("%s += %s * %s + %s" % (t, a, k, b))
        elif kind == "tuple":
            q = self.fresh("gt")
            raw("std::tuple<double, double, int> %s = gp_stats(%s, %s)" % (q, p, e[2]))
            raw("std::get<0>(%s) *= %s.first" % (q, p))
            raw("%s += std::get<0>(%s) + std::get<1>(%s) * std::get<2>(%s)" % (t, q, q, q))
        elif kind == "tie":
            raw("double %s = 0, %s = 0" % (a, b))
            raw("std::tie(%s, %s) = gp_split(%s.second, %s)" % (a, b, p, e[2]))
            raw("%s += %s * %s" % (t, a, b))
        elif kind == "dot":
            raw("%s += gp_dot(%s, gp_split(%s, %s.first))" % (t, p, e[2], p))
        elif kind == "reassign":
            raw("%s = gp_split(%s.second, %s)" % (p, p, e[2]))
            raw("%s += %s.first - %s.second" % (t, p, p))
        else:
            raw("std::pair<double, double> %s = %s" % (a, p))
            raw("%s.first = %s" % (a, e[2]))
            raw("%s = %s" % (p, a))
            raw("%s += %s.first * %s.second" % (t, p, a))
        return out

    def s_ctor(self, loop):
        """GK g(e, e); t += g.u * g.w; (GK, CONSTRUCTED, has constructors)."""
        g, t = self.fresh("g"), self.rng.choice(self.writable())
        e1, e2 = self.render_tmp(self.dexpr(1)), self.render_tmp(self.dexpr(1))
        kind = self.rng.choice(["paren", "brace", "default_arg", "temp"])
        if kind == "temp":
            return [Stmt("raw", "%s += GK(%s, %s).u" % (t, e1, e2))]
        init = {"paren": "(%s, %s)" % (e1, e2), "brace": "{%s, %s}" % (e1, e2),
                "default_arg": "(%s)" % e1}[kind]
        return [Stmt("raw", "GK %s%s" % (g, init)),
                Stmt("raw", "%s += %s.u * %s.w" % (t, g, g))]

    def s_ctoronly(self, loop):
        """GQ g(e, e); t += g.gq_v(e) + g.gq_m(); (GQ, CTOR_ONLY: no default
        constructor.)"""
        g, t = self.fresh("g"), self.rng.choice(self.writable())
        e = [self.render_tmp(self.dexpr(1)) for _ in range(4)]
        kind = self.rng.choice(["paren", "brace", "auto", "default_arg", "delegate", "temp", "held"])
        if kind == "temp":
            return [Stmt("raw", "%s += GQ(%s, %s).gq_v(%s)" % (t, e[0], e[1], e[2]))]
        if kind == "held":
            return [Stmt("raw", "GQH %s{GQ(%s, %s), %s}" % (g, e[0], e[1], e[2])),
                    Stmt("raw", "%s += %s.w * %s.q.gq_v(%s)" % (t, g, g, e[3]))]
        decl = {"paren": "GQ %s(%s, %s)" % (g, e[0], e[1]),
                "brace": "GQ %s{%s, %s}" % (g, e[0], e[1]),
                "auto": "auto %s = GQ(%s, %s)" % (g, e[0], e[1]),
                "default_arg": "GQ %s(%s)" % (g, e[0]),
                "delegate": "GQ %s(%s, %s, %s)" % (g, e[0], e[1], e[2])}[kind]
        return [Stmt("raw", decl),
                Stmt("raw", "%s += %s.gq_v(%s) + %s.gq_m()" % (t, g, e[3], g))]

    def s_mrows(self, loop):
        """GR g{}; its arrays of arrays filled in nested loops, maybe
        gr_bump(g, e); t += what reads them. (GR: MEMBER_ROWS.)"""
        g, t = self.fresh("g"), self.rng.choice(self.writable())
        a, c = self.fresh("a"), self.fresh("c")
        e = [self.render_tmp(self.dexpr(1)) for _ in range(5)]
        k, l = self.rng.randrange(2), self.rng.randrange(2)
        out = [Stmt("raw", "GR %s{}" % g),
               Stmt("raw", "for (int %s = 0; %s < 2; ++%s) for (int %s = 0; %s < 2; ++%s) "
                           "%s.W[%s][%s] = %s * (%s + 1) - 0.5 * %s"
                    % (a, a, a, c, c, c, g, a, c, e[0], a, c)),
               Stmt("raw", "for (int %s = 0; %s < 2; ++%s) for (int %s = 0; %s < 2; ++%s) "
                           "%s.A[%s][%s] = %s.W[%s][%s] * %s + 0.25 * %s"
                    % (a, a, a, c, c, c, g, a, c, g, c, a, e[1], a)),
               Stmt("raw", "%s.b[%d] = %s" % (g, k, e[2]))]
        if self.rng.random() < 0.5:
            out.append(Stmt("raw", "gr_bump(%s, %s)" % (g, e[3])))
        return out + [Stmt("raw", "%s += gr_quad(%s, %s) + %s.W[%d][%d] * %s.A[%d][%d] + gr_row(%s.W[%d])"
                                  % (t, g, e[4], g, k, l, g, l, k, g, l))]

    def s_functor(self, loop):
        """GFs f; t += f(e) + gl_apply(f, e); or GFk f{e}; ... (FUNCTORS.)"""
        f, t = self.fresh("f"), self.rng.choice(self.writable())
        e = [self.render_tmp(self.dexpr(1)) for _ in range(4)]
        kind = self.rng.choice(["stateless", "data", "temp"])
        if kind == "temp":
            return [Stmt("raw", "%s += GFs{}(%s) + gl_apply(GFs{}, %s)" % (t, e[0], e[1]))]
        decl = "GFs %s" % f if kind == "stateless" else "GFk %s{%s}" % (f, e[0])
        use = self.rng.choice(["%s(%s)" % (f, e[1]), "gl_apply(%s, %s)" % (f, e[2]),
                               "gf_twice(%s, %s)" % (f, e[3])])
        if kind == "stateless" and self.rng.random() < 0.5:
            use += " + %s.gfs_cube(%s)" % (f, e[2])
        return [Stmt("raw", decl), Stmt("raw", "%s += %s" % (t, use))]

    def s_based(self, loop):
        """GD g(e, e); or GE g{}; g.u = e; ...; then t += what reads the
        bases' members and methods through g. (BASED.)"""
        g, t = self.fresh("g"), self.rng.choice(self.writable())
        e = [self.render_tmp(self.dexpr(1)) for _ in range(3)]
        if self.rng.random() < 0.5:
            return [Stmt("raw", "GD %s(%s, %s)" % (g, e[0], e[1])),
                    Stmt("raw", "%s += %s.u * %s.z + %s.gb_m(%s) + gb_len(%s)"
                         % (t, g, g, g, e[2], g))]
        r = self.fresh("r")
        return [Stmt("raw", "GE %s{}" % g), Stmt("raw", "%s.u = %s" % (g, e[0])),
                Stmt("raw", "%s.m = %s" % (g, e[1])),
                Stmt("raw", "%s.y = %s.u * %s.GM::m + %s.w" % (g, g, g, g)),
                Stmt("raw", "const GB &%s = %s" % (r, g)),
                Stmt("raw", "%s += %s.y + %s.gb_m(%s) + gb_len(%s) + %s.u"
                     % (t, g, g, e[2], g, r))]

    def s_private(self, loop):
        """GP g(e, e); g.gp_step(e); t += g.gp_e(e) + g.p(); (GP: PRIVATE.)"""
        g, t = self.fresh("g"), self.rng.choice(self.writable())
        e = [self.render_tmp(self.dexpr(1)) for _ in range(4)]
        out = [Stmt("raw", "GP %s(%s, %s)" % (g, e[0], e[1]))]
        if self.rng.random() < 0.5:
            out.append(Stmt("raw", "%s.gp_step(%s)" % (g, e[2])))
        return out + [Stmt("raw", "%s += %s.gp_e(%s) + %s.p()" % (t, g, e[3], g))]

    def s_goop(self, loop):
        """GO g{e, e}; arithmetic, compound assignment and a comparison on
        it with GO's operators; t += g * g, g[1]. (GO: OPERATED.)"""
        g, h, t = self.fresh("g"), self.fresh("g"), self.rng.choice(self.writable())
        # Parenthesized: an operand of GO's operators (`g * (z + z)`).
        e = ["(%s)" % self.render_tmp(self.dexpr(1)) for _ in range(4)]
        out = [Stmt("raw", "GO %s{%s, %s}" % (g, e[0], e[1]))]
        kinds = ["chain", "compound", "temp", "cmp"]
        if self.on("struct_vector_idioms"):
            kinds.append("vector")
        kind = self.rng.choice(kinds)
        if kind == "vector":
            gv, x = self.fresh("gv"), self.fresh("x")
            out.append(Stmt("raw", "std::vector<GO> %s(3, GO{%s, 0.5})" % (gv, e[2])))
            out.append(Stmt("raw", "%s[1] -= %s" % (gv, g)))
            out.append(Stmt("raw", "%s.back() += %s * %s" % (gv, e[3], g)))
            out.append(Stmt("raw", "%s.front() = %s.at(2)" % (gv, gv)))
            out.append(Stmt("raw", "for (GO %s : %s) %s += %s.u * %s.w" % (x, gv, t, x, x)))
        elif kind == "chain":
            out.append(Stmt("raw", "GO %s = %s * %s + %s * %s - -%s / 2.0"
                            % (h, g, e[2], e[3], g, g)))
            out.append(Stmt("raw", "%s += %s * %s + %s[1]" % (t, h, g, h)))
        elif kind == "compound":
            out.append(Stmt("raw", "%s += GO{%s, %s}" % (g, e[2], e[3])))
            out.append(Stmt("raw", "%s *= 0.5" % g))
            out.append(Stmt("raw", "%s += %s.u - %s[0] * %s.w" % (t, g, g, g)))
        elif kind == "temp":
            out.append(Stmt("raw", "%s += (%s + %s) * (%s - GO{%s, 0.5}) + (%s / 2.0).w"
                            % (t, g, g, g, e[2], g)))
        else:
            out.append(Stmt("raw", "GO %s = %s" % (h, g)))
            out.append(Stmt("raw", "if (%s == %s) %s += %s.u * %s" % (g, h, t, h, e[2])))
        return out

    def s_cplx(self, loop):
        """std::complex<double> z(tanh e, 0.5 sin e); complex arithmetic and
        functions on it, kept away from zero and from log's branch cut (z + 2
        has a positive real part); t += a real number of it. (gc_step:
        COMPLEXES.)"""
        z, w, k = self.fresh("z"), self.fresh("z"), self.fresh("k")
        t = self.rng.choice(self.writable())
        e = ["(%s)" % self.render_tmp(self.dexpr(1)) for _ in range(4)]
        cd = "std::complex<double>"
        den = "%s(1.5 + std::sin(%s), 0.25 * std::cos(%s))" % (cd, e[2], e[3])
        out = [Stmt("raw", "%s %s(std::tanh(%s), 0.5 * std::sin(%s))" % (cd, z, e[0], e[1]))]
        kind = self.rng.choice(["arith", "compound", "fn", "pow", "helper", "parts", "inverse",
                                "realpow"])
        if kind == "arith":
            out.append(Stmt("raw", "%s %s = %s * %s + %s / %s - std::conj(%s) * 0.5 + %s / (%s + 2.0)"
                            % (cd, w, z, e[2], e[3], den, z, e[1], z)))
            out.append(Stmt("raw", "%s += std::norm(%s) * 0.25 + %s.real() - std::imag(%s)" % (t, w, w, w)))
        elif kind == "compound":
            out.append(Stmt("raw", "%s += 0.5 * std::tanh(%s)" % (z, e[2])))
            out.append(Stmt("raw", "%s *= %s(0.5, 0.25)" % (z, cd)))
            out.append(Stmt("raw", "%s /= %s" % (z, den)))
            out.append(Stmt("raw", "%s -= %s{0.25, -0.5}" % (z, cd)))
            out.append(Stmt("raw", "%s += std::abs(%s) + 0.5 * %s.imag()" % (t, z, z)))
        elif kind == "fn":
            out.append(Stmt("raw", "%s %s = std::exp(%s) + std::sin(%s) * std::cos(%s) + std::tanh(%s)"
                            % (cd, w, z, z, z, z)))
            out.append(Stmt("raw", "%s += std::log(%s + 2.0).imag() + std::sqrt(%s + 2.0).real() + "
                            "std::arg(%s + 2.0) + 0.25 * std::abs(%s)" % (t, z, z, w, w)))
        elif kind == "pow":
            out.append(Stmt("raw", "%s %s = std::pow(%s, 2) + std::pow(%s + 2.0, 1.5) + "
                            "std::pow(%s + 2.0, %s(0.5, 0.25)) + std::polar(1.0, static_cast<double>(%s))"
                            % (cd, w, z, z, z, cd, e[2])))
            out.append(Stmt("raw", "%s += 0.25 * %s.real() + 0.5 * %s.imag()" % (t, w, w)))
        elif kind == "inverse":
            # |re z| < 1 and |im z| < 0.5: 0.5 z is inside every inverse
            # function's cuts and z + 2 right of acosh's.
            out.append(Stmt("raw", "%s %s = std::tan(%s) + std::sinh(%s) * std::cosh(%s) + std::asin(0.5 * %s) "
                            "- std::acos(0.5 * %s)" % (cd, w, z, z, z, z, z)))
            out.append(Stmt("raw", "%s += std::atan(%s).real() + std::asinh(%s).imag() + "
                            "std::acosh(%s + 2.0).real() + std::atanh(0.5 * %s).imag() + "
                            "std::log10(%s + 2.0).real() + 0.25 * std::proj(%s).imag()"
                            % (t, z, z, z, z, w, w)))
        elif kind == "realpow":
            out.append(Stmt("raw", "%s %s = std::pow(%s + 2.0, 0.5 + 0.25 * std::tanh(%s)) + std::pow(1.5, %s) + "
                            "std::polar(1.0 + 0.5 * std::tanh(%s)) * %s"
                            % (cd, w, z, e[2], z, e[3], z)))
            out.append(Stmt("raw", "%s += 0.25 * %s.real() + 0.5 * %s.imag()" % (t, w, w)))
        elif kind == "helper":
            out.append(Stmt("raw", "%s %s = gc_step(%s, %s(0.25, 0.5 * std::tanh(%s)))" % (cd, w, z, cd, e[2])))
            out.append(Stmt("raw", "for (int %s = 0; %s < 2; ++%s) %s = gc_step(%s, %s)" % (k, k, k, w, w, z)))
            out.append(Stmt("raw", "%s += std::norm(%s) * 0.25" % (t, w)))
        else:
            out.append(Stmt("raw", "%s.imag(%s.imag() * 0.5 + std::tanh(%s))" % (z, z, e[2])))
            out.append(Stmt("raw", "%s.real(%s.real() - %s.imag())" % (z, z, z)))
            out.append(Stmt("raw", "for (int %s = 0; %s < 2; ++%s) %s = %s * %s * 0.5 + 0.25" % (k, k, k, z, z, z)))
            out.append(Stmt("raw", "%s += %s.real() * %s.imag()" % (t, z, z)))
        return out

    def s_cvec(self, loop):
        """std::array<std::complex<double>, 3> zs; (or a vector sized 3)
        filled from expressions, rotated in place, read by index, by
        range-for and by gc_energy: t += a real number of them."""
        zs, i, u = self.fresh("zs"), self.fresh("i"), self.fresh("u")
        t = self.rng.choice(self.writable())
        e = ["(%s)" % self.render_tmp(self.dexpr(1)) for _ in range(3)]
        cd = "std::complex<double>"
        vector = self.chance(0.5)
        decl = "std::vector<%s> %s(3)" % (cd, zs) if vector else "std::array<%s, 3> %s" % (cd, zs)
        out = [Stmt("raw", decl),
               Stmt("raw", "for (int %s = 0; %s < 3; ++%s) %s[%s] = %s(std::tanh(%s) + 0.25 * %s, 0.5 * std::sin(%s))"
                    % (i, i, i, zs, i, cd, e[0], i, e[1])),
               Stmt("raw", "%s[1] *= %s(std::cos(%s), 0.5)" % (zs, cd, e[2])),
               Stmt("raw", "%s[2] += %s[0] * %s[1].real()" % (zs, zs, zs))]
        kind = self.rng.choice(["index", "range", "helper"])
        if kind == "index" or (kind == "helper" and not vector):
            out.append(Stmt("raw", "for (int %s = 0; %s < 3; ++%s) %s += %s[%s].real() * %s[%s].imag() + "
                            "std::norm(%s[%s])" % (i, i, i, t, zs, i, zs, i, zs, i)))
        elif kind == "range":
            out.append(Stmt("raw", "for (const auto &%s : %s) %s += std::abs(%s + 2.0) - 0.5 * %s.imag()"
                            % (u, zs, t, u, u)))
        else:
            out.append(Stmt("raw", "%s += gc_energy(%s)" % (t, zs)))
        return out

    def filled_2d(self, decl, m, rows, cols):
        """decl; m[R-1][C-1] = e; for i, j: m[i][j] += e; of a matrix m
        (an array of arrays, a std::array of std::array)."""
        i, j = self.fresh("i"), self.fresh("j")
        out = [Stmt("raw", decl),
               Stmt("assign", "%s[%d][%d]" % (m, rows - 1, cols - 1), [self.dexpr(1)], aop="=")]
        self.frames.append({})
        self.declare(i, Var("i", writable=False, bound=rows))
        self.declare(j, Var("i", writable=False, bound=cols))
        e = self.dexpr(1)
        self.frames.pop()
        inner = Stmt("for", "", [Expr("cmp", "<", [Expr("var", j), Expr("lit", str(cols))], "b")],
                     [[Stmt("assign", "%s[%s][%s]" % (m, i, j), [e], aop="+=")]],
                     init="int %s = 0" % j, step="++" + j)
        out.append(Stmt("for", "", [Expr("cmp", "<", [Expr("var", i), Expr("lit", str(rows))], "b")],
                        [[inner]], init="int %s = 0" % i, step="++" + i))
        return out

    def s_mdim(self, loop):
        """double m[R][C] = {}; m[0][1] = e; for i, j: m[i][j] += e;"""
        m = self.fresh("m")
        rows, cols = self.rng.choice([(2, 2), (2, 3), (3, 2)])
        out = self.filled_2d("double %s[%d][%d] = {}" % (m, rows, cols), m, rows, cols)
        if self.on("array2d_local") and self.chance(0.6):
            # ARRAY2D_HELPERS, which every file declares: the whole array
            # passed to a helper that writes it.
            out.append(Stmt("raw", "gm_scale%d(%s, %d, %s)" % (
                cols, m, rows, render_expr(self.dexpr(1)))))
        var = Var("md", writable=False)
        var.size = (rows, cols)
        var.local = True
        self.declare(m, var)
        return out

    def s_amdim(self, loop):
        """std::array<std::array<double, C>, R> am{}; am[R-1][C-1] = e;
        for i, j: am[i][j] += e; maybe a copy, rows updated by reference, a
        row passed to AA_HELPERS' aa_rowsum."""
        m = self.fresh("am")
        rows, cols = self.rng.choice([(2, 2), (2, 3), (3, 2)])
        ty = "std::array<std::array<double, %d>, %d>" % (cols, rows)
        out = self.filled_2d("%s %s{}" % (ty, m), m, rows, cols)
        if self.chance(0.4):  # rows updated through a reference
            row, v = self.fresh("row"), self.fresh("v")
            e2 = self.render_tmp(self.dexpr(1))
            out.append(Stmt("raw", "for (auto &%s : %s) for (double &%s : %s) %s = 0.5 * %s + %s"
                            % (row, m, v, row, v, v, e2)))
        if self.chance(0.3):  # a copy, changed on its own
            c = self.fresh("am")
            out += [Stmt("raw", "%s %s = %s" % (ty, c, m)),
                    Stmt("assign", "%s[0][%d]" % (c, cols - 1), [self.dexpr(1)], aop="*=")]
            m2 = Var("am2", writable=False)
            m2.size = (rows, cols)
            self.declare(c, m2)
        if self.chance(0.4):  # AA_HELPERS: a row passed whole
            u, more = self.target()
            out += more
            out.append(Stmt("raw", "%s += aa_rowsum%d(%s[%s])" % (u, cols, m, self.index(rows, False))))
        var = Var("am2", writable=False)
        var.size = (rows, cols)
        self.declare(m, var)
        return out

    def s_valocal(self, loop):
        """std::vector<std::array<double, C>> va: R rows sized, listed or
        pushed back, then va[i][j] += e; read by .back() or std::for_each
        with a lambda taking a row (its body reads the row only)."""
        m = self.fresh("va")
        rows, cols = self.rng.choice([(2, 2), (2, 3), (3, 2)])
        ty = "std::vector<std::array<double, %d>>" % cols
        how = self.rng.choice(["sized", "list", "push"])
        if how == "sized":
            out = self.filled_2d("%s %s(%d)" % (ty, m, rows), m, rows, cols)
        else:
            row = lambda: "{%s}" % ", ".join(self.render_tmp(self.dexpr(1)) for _ in range(cols))
            if how == "list":
                out = [Stmt("raw", "%s %s = {%s}" % (ty, m, ", ".join(row() for _ in range(rows))))]
            else:
                out = [Stmt("raw", "%s %s" % (ty, m))]
                out += [Stmt("raw", "%s.push_back(%s)" % (m, row())) for _ in range(rows)]
            out.append(Stmt("assign", "%s[%d][%d]" % (m, rows - 1, cols - 1), [self.dexpr(1)], aop="+="))
        u, more = self.target()
        out += more
        if self.chance(0.4) and u not in self.bindings:
            r = self.fresh("r")
            out.append(Stmt("raw", "std::for_each(%s.begin(), %s.end(), [&](const std::array<double, %d> &%s) "
                            "{ %s += %s[0] * %s[%d] + 0.25 * std::sin(%s[1]); })"
                            % (m, m, cols, r, u, r, r, cols - 1, r)))
        elif self.chance(0.5):
            out.append(Stmt("raw", "%s += %s.back()[%d] * %s.front()[0]" % (u, m, cols - 1, m)))
        var = Var("am2", writable=False)
        var.size = (rows, cols)
        self.declare(m, var)
        return out

    def s_vvlocal(self, loop):
        """std::vector<std::vector<double>> vm(R, std::vector<double>(C)),
        maybe filled with e; vm[i][j] += e; a row copied and changed, a row
        passed to VV_HELPERS' vv_rowsum (read) or vv_scale (written)."""
        m = self.fresh("vm")
        rows, cols = self.rng.choice([(2, 2), (2, 3), (3, 2)])
        if self.on("local_matrix_list") and self.chance(0.4):  # = {{e, e}, {e, e}}
            listed = ", ".join("{%s}" % ", ".join(self.render_tmp(self.dexpr(1)) for _ in range(cols))
                               for _ in range(rows))
            decl = "std::vector<std::vector<double>> %s = {%s}" % (m, listed)
        else:
            fill = ", %s" % self.render_tmp(self.dexpr(1)) if self.chance(0.4) else ""
            decl = "std::vector<std::vector<double>> %s(%d, std::vector<double>(%d%s))" % (
                m, rows, cols, fill)
        out = self.filled_2d(decl, m, rows, cols)
        if self.chance(0.3):  # a row assigned from another
            out.append(Stmt("raw", "%s[%d] = %s[%s]" % (m, rows - 1, m, self.index(rows, False))))
        if self.chance(0.35):  # a row written by a helper
            out.append(Stmt("raw", "vv_scale(%s[%s], %s)" % (
                m, self.index(rows, False), self.render_tmp(self.dexpr(1)))))
        if self.chance(0.4):  # a row copied, changed on its own
            r = self.fresh("r")
            u, more = self.target()
            out += more
            out += [Stmt("raw", "std::vector<double> %s = %s[%s]" % (r, m, self.index(rows, False))),
                    Stmt("assign", "%s[%d]" % (r, cols - 1), [self.dexpr(1)], aop="*="),
                    Stmt("raw", "%s += %s[0] * %s[%d] + 0.5 * double(%s.size())" % (u, r, r, cols - 1, r))]
        if self.chance(0.4):  # a row read by a helper
            u, more = self.target()
            out += more
            if self.chance(0.5):
                row = self.fresh("row")
                out.append(Stmt("raw", "for (const auto &%s : %s) %s += vv_rowsum(%s)" % (row, m, u, row)))
            else:
                out.append(Stmt("raw", "%s += vv_rowsum(%s[%s])" % (u, m, self.index(rows, False))))
        var = Var("am2", writable=False)
        var.size = (rows, cols)
        var.vvlocal = True  # not captured by a lambda (refused)
        self.declare(m, var)
        return out

    def s_stcopy(self, loop):
        """S q = ps[i]; a member changed, two read; written back into a
        local container of structs; or std::for_each over a std::vector
        of structs."""
        a, var = self.rng.choice(self.visible("sarr"))
        s = self.structs[0]
        u, out = self.target()
        local = getattr(var, "local", False)
        if getattr(var, "svec", False) and u not in self.bindings and self.chance(0.3):
            r = self.fresh("r")
            out.append(Stmt("raw", "std::for_each(%s.begin(), %s.end(), [&](const %s &%s) "
                            "{ %s += %s.a * %s.b + 0.5 * %s.v[1]; })" % (a, a, s, r, u, r, r, r)))
            return out
        ends = getattr(var, "ends", False) or getattr(var, "svec", False)
        ranged = local or getattr(var, "svec", False)  # (not `const S *ps`)
        if self.on("struct_extreme") and ranged and self.chance(0.35):
            it, l, r = self.fresh("it"), self.fresh("l"), self.fresh("r")
            m = self.rng.choice(["a", "b", "c"])
            out.append(Stmt("raw", "auto %s = std::%s(std::begin(%s), std::end(%s), "
                            "[](const %s &%s, const %s &%s) { return %s.%s < %s.%s; })" % (
                                it, self.rng.choice(["max_element", "min_element"]), a, a,
                                s, l, s, r, l, m, r, m)))
            out.append(Stmt("raw", "%s += %s->b * %s + (*%s).c + 0.25 * double(%s - std::begin(%s))" % (
                u, it, self.render_tmp(self.dexpr(1)), it, it, a)))
            return out
        if self.on("struct_vector_idioms") and (ends or ranged) and self.chance(0.5):
            e = self.render_tmp(self.dexpr(1))
            if ranged and (not ends or self.chance(0.5)):
                r = self.fresh("r")
                m = self.rng.choice(["a", "b", "v[0]"])
                out.append(Stmt("raw", "for (%s %s : %s) { %s.%s *= %s; %s += %s.%s * %s.c; }" % (
                    self.rng.choice([s, "auto"]), r, a, r, m, e, u, r, m, r)))
            else:
                k = self.index(var.size, not local)
                out.append(Stmt("raw", "%s += %s.back().a * %s + %s.front().%s - %s.at(%s).c" % (
                    u, a, e, a, self.rng.choice(["b", "v[1]"]), a, k)))
            return out
        q, k = self.fresh("q"), self.index(var.size, not local)
        auto = self.on("auto_element_copy") and self.chance(0.5)
        out.append(Stmt("raw", "%s %s = %s[%s]" % ("auto" if auto else s, q, a, k)))
        if auto and self.chance(0.5):
            q2 = self.fresh("q")
            out.append(Stmt("raw", "decltype(%s) %s = %s" % (q, q2, q)))
            q = q2
        out.append(Stmt("assign", "%s.%s" % (q, self.rng.choice(["a", "b", "v[0]"])), [self.dexpr(1)],
                        aop=self.rng.choice(["=", "*="])))
        out.append(Stmt("raw", "%s += %s.a * %s.c - %s.v[0]" % (u, q, q, q)))
        if local and self.chance(0.6):
            out.append(Stmt("raw", "%s[%s] = %s" % (a, self.index(var.size, False), q)))
        return out

    def s_amrows(self, loop):
        """Range-for over the rows of a std::array of std::array (or a
        std::vector of std::vector) and over each row; .size() of both
        levels bounding an indexed loop."""
        a, var = self.rng.choice(self.visible("am2"))
        u, out = self.target()
        e = self.render_tmp(self.dexpr(1))
        if self.chance(0.5):
            row, v = self.fresh("row"), self.fresh("v")
            out.append(Stmt("raw", "for (const auto &%s : %s) for (double %s : %s) %s += %s * %s"
                            % (row, a, v, row, u, v, e)))
        else:
            i, j = self.fresh("i"), self.fresh("j")
            out.append(Stmt("raw", "for (std::size_t %s = 0; %s < %s.size(); ++%s) "
                            "for (std::size_t %s = 0; %s < %s[%s].size(); ++%s) %s += %s[%s][%s] * %s"
                            % (i, i, a, i, j, j, a, i, j, u, a, i, j, e)))
        return out

    def s_arrupd(self, loop):
        a = self.rng.choice(self.writable("arr"))
        size = [v for n, v in self.visible("arr") if n == a][0].size
        aop = self.rng.choice(["=", "+=", "*="])
        e = self.dexpr(2)
        if aop == "*=":
            e = Expr("bin", "+", [Expr("lit", "0.75"),
                                  Expr("bin", "*", [Expr("lit", "0.25"), Expr("fn", "std::cos(std::tanh({0}))", [e])])])
        return [Stmt("assign", "%s[%s]" % (a, self.index(size, False)), [e], aop=aop)]

    def s_outcall(self, loop):
        return self.out_call()

    def s_stlocal(self, loop):
        if not self.structs:
            self.structs.append("S_" + self.name)
        q = self.fresh("q")
        init = [self.render_tmp(self.dexpr(1)) for _ in range(3)]
        init.append("{%s, %s}" % (self.render_tmp(self.dexpr(1)), self.render_tmp(self.dexpr(1))))
        # The initializer is kept as text: the reducer simplifies the
        # member stores after it instead.
        out = [Stmt("raw", "%s %s{%s}" % (self.structs[0], q, ", ".join(init)))]
        if self.mad and self.chance(0.5):
            # `S q;`: v from its default, the numbers assigned.
            out = [Stmt("raw", "%s %s" % (self.structs[0], q))]
            out += [Stmt("raw", "%s.%s = %s" % (q, m, x)) for m, x in zip("abc", init)]
        self.declare(q, Var("st", writable=False))
        for member in self.rng.sample(["a", "b", "c", "v[0]", "v[1]"], 2):
            out.append(Stmt("assign", "%s.%s" % (q, member), [self.dexpr(1)],
                            aop=self.rng.choice(["=", "+="])))
        return out

    def s_starrlocal(self, loop):
        """S qa[N] = {};, std::array<S, N> qa{}; or std::vector<S> qa(n);
        two members of each element written in a loop; then read as an
        array of structs parameter is, and summed over by reference."""
        if not self.structs:
            self.structs.append("S_" + self.name)
        s, qa = self.structs[0], self.fresh("qa")
        size = self.narr or 3
        kind = self.rng.choice(["carr", "std", "vec"])
        count = self.nname if self.narr and kind == "vec" else str(size)
        decl = {"carr": "%s %s[%d] = {}" % (s, qa, size),
                "std": "std::array<%s, %d> %s{}" % (s, size, qa),
                "vec": "std::vector<%s> %s(%s)" % (s, qa, count)}[kind]
        if kind == "vec" and self.on("struct_vector_idioms") and self.chance(0.5):
            fill = [self.render_tmp(self.dexpr(1)) for _ in range(5)]
            decl = "std::vector<%s> %s(%s, %s{%s, %s, %s, {%s, %s}})" % (s, qa, count, s, *fill)
        out = [Stmt("raw", decl)]
        k = self.fresh("k")
        self.frames.append({})
        self.declare(k, Var("i", writable=False, bound=size, to_n=bool(self.narr)))
        body = [Stmt("assign", "%s[%s].%s" % (qa, k, m), [self.dexpr(1)],
                     aop=self.rng.choice(["=", "+="]))
                for m in self.rng.sample(["a", "b", "c", "v[0]", "v[1]"], 2)]
        self.frames.pop()
        out.append(Stmt("for", "", [Expr("cmp", "<", [Expr("var", k), Expr("var", count)], "b")],
                        [body], init="int %s = 0" % k, step="++" + k))
        var = Var("sarr", writable=False, size=size)
        var.local = True
        var.svec = kind == "vec"  # (never captured by a lambda)
        var.ends = kind != "carr"  # (.front(), .back(), .at(k))
        self.declare(qa, var)
        if self.chance(0.5):
            u, more = self.target()
            e, qe = self.render_tmp(self.dexpr(1)), self.fresh("qe")
            more.append(Stmt("raw", "for (const %s &%s : %s) %s += %s.%s * %s" % (
                s, qe, qa, u, qe, self.rng.choice(["a", "b", "c", "v[1]"]), e)))
            out += more
        return out

    def s_stgrow(self, loop):
        """std::vector<S> sg; grown element by element in a loop (a
        struct in braces, a copy of a local struct, or a zeroed one),
        maybe popped, then read by index and by reference; its name is
        its own."""
        if not self.structs:
            self.structs.append("S_" + self.name)
        s, g = self.structs[0], self.fresh("sg")
        self.struct_arrays = True
        size = self.narr or 3
        n = self.nname if self.narr else "3"
        rng = self.rng
        i = self.fresh("i")
        self.frames.append({})
        self.declare(i, Var("i", writable=False, bound=size, to_n=bool(self.narr)))
        e1 = self.render_tmp(self.dexpr(2))
        e2 = self.render_tmp(self.dexpr(1))
        self.frames.pop()
        out = [Stmt("raw", "std::vector<%s> %s" % (s, g))]
        built = self.on("struct_build") and rng.random() < 0.4
        kind = "built" if built else rng.choice(["braces", "copy", "zero"])
        if built:
            e = self.render_tmp(self.dexpr(1))
            out = [Stmt("raw", "%s %s = sb_%s(%s, %s)" % (
                rng.choice(["auto", "std::vector<%s>" % s]), g, s, e, n))]
            body = None
        elif kind == "braces":
            body = "%s.push_back(%s{%s, %s, 0.5, {%s, 0}})" % (g, s, e1, e2, e2)
        elif kind == "copy":
            q = self.fresh("q")
            body = "{ %s %s{}; %s.a = %s; %s.v[1] = %s; %s.push_back(%s); }" % (
                s, q, q, e1, q, e2, g, q)
        else:
            body = "{ %s.emplace_back(); %s[%s.size() - 1].b = %s; }" % (g, g, g, e1)
        if body:
            out.append(Stmt("raw", "for (int %s = 0; %s < %s; ++%s) %s" % (i, i, n, i, body)))
        if rng.random() < 0.4:
            out.append(Stmt("raw", "%s.pop_back()" % g))
        if self.on("struct_sort") and rng.random() < 0.6:
            # A member each kind fills from data (the margin copy compares
            # it through rt_margin: equal keys are a tie, not checked).
            m = rng.choice({"braces": ["a", "b"], "copy": ["a", "v[1]"], "zero": ["b"],
                            "built": ["a", "b"]}[kind])
            l, r = self.fresh("l"), self.fresh("r")
            op = rng.choice(["<", ">"])
            cmp = "return %s.%s %s %s.%s;" % (l, m, op, r, m)
            TMP_MARGIN.setdefault(family(self.name), {})[cmp] = \
                "return rt_margin(%s.%s - %s.%s) %s 0;" % (l, m, r, m, op)
            out.append(Stmt("raw", "std::%s(%s.begin(), %s.end(), [](const %s &%s, const %s &%s) { %s })" % (
                rng.choice(["sort", "stable_sort"]), g, g, s, l, s, r, cmp)))
        u, pre = self.target()
        out = pre + out
        e = self.render_tmp(self.dexpr(1))
        k, r = self.fresh("k"), self.fresh("qe")
        m = rng.choice(["a", "b", "c", "v[1]"])
        if rng.random() < 0.5:
            out.append(Stmt("raw", "for (std::size_t %s = 0; %s < %s.size(); ++%s) %s += %s[%s].%s * %s" % (
                k, k, g, k, u, g, k, m, e)))
        else:
            out.append(Stmt("raw", "for (const %s &%s : %s) %s += %s.%s * %s + %s.a" % (
                s, r, g, u, r, m, e, r)))
        return out

    def render_tmp(self, e):
        # Initializers of a local struct contain no comparison on doubles
        # (they would be left out of the margins): plain rendering is exact.
        s = render_expr(e)
        if "?" in s or re.search(r"std::(f(max|min|abs)|max|min|clamp)\(", s):
            return self.lit().text
        m = render_expr(e, True)
        if m != s:  # helpers, floor ...: render_func puts the margin text back
            TMP_MARGIN.setdefault(family(self.name), {})[s] = m
        return s

    def s_break(self, loop):
        # continue would skip the ++j of a while or do loop (a whilec loop
        # counts at the top of its body)
        word = "break" if loop in ("while", "do") or self.chance(0.5) else "continue"
        c = self.cond()
        if word == "break" and self.chance(0.4):
            # if (c) { t += e; break; }: the last statement of its path
            t = self.writable()
            if t:
                return [Stmt("if", "", [c], [[Stmt("assign", self.rng.choice(t), [self.dexpr(1)], aop="+="),
                                              Stmt("break")]])]
        return [Stmt("if", "", [c], [[Stmt(word)]])]

    def s_early(self, loop):
        self.after_early = True
        return [Stmt("if", "", [self.cond()], [[Stmt("return", "", [self.dexpr(2)])]])]

    def s_loopret(self, loop):
        """if (c) return e; in a loop, sometimes in an if that more of its
        block follows (if (c) { if (d) return e; u += e2; })."""
        self.after_early = True
        ret = Stmt("if", "", [self.cond()], [[Stmt("return", "", [self.dexpr(2)])]])
        t = self.writable()
        if t and self.chance(0.4):
            more = Stmt("assign", self.rng.choice(t), [self.dexpr(1)], aop="+=")
            return [Stmt("if", "", [self.cond()], [[ret, more]])]
        return [ret]

    def data_loop_parts(self):
        """c, its declaration, the exit condition on it (with a margin) and
        its step (c grows by at least 0.1 per iteration)."""
        c = self.fresh("c")
        decl = Stmt("decl", c, [self.dexpr(1)])
        self.declare(c, Var("d", writable=False))
        cond = Expr("cmp", "<", [Expr("var", c), Expr("lit", self.rng.choice(["1.0", "1.5", "2.0"]))],
                    "b", margin=True)
        step = Expr("bin", "+", [Expr("lit", "0.3"), Expr("bin", "*", [
            Expr("lit", "0.2"), Expr("fn", "std::tanh({0})", [self.dexpr(1)])])])
        return c, decl, cond, step

    def s_pbyval(self, loop):
        """A parameter passed by value written: p.a += e;, std::swap(p.a,
        p.b);, u[k] *= e; (byval_write)."""
        name, ty, size = self.rng.choice(self.byval)
        if ty == "st" and self.chance(0.3):
            a, b = self.rng.sample(["a", "b", "c", "v[0]", "v[1]"], 2)
            return [Stmt("raw", "std::swap(%s.%s, %s.%s)" % (name, a, name, b))]
        if ty == "st":
            target = "%s.%s" % (name, self.rng.choice(["a", "b", "c", "v[0]", "v[1]"]))
        else:
            target = "%s[%s]" % (name, self.index(size, False))
        aop = self.rng.choice(["=", "+=", "*="])
        e = self.dexpr(2)
        if aop == "*=":
            e = Expr("bin", "+", [Expr("lit", "0.75"),
                                  Expr("bin", "*", [Expr("lit", "0.25"), Expr("fn", "std::cos(std::tanh({0}))", [e])])])
        return [Stmt("assign", target, [e], aop=aop)]

    def s_byvalcall(self, loop):
        """Helpers that change what they take by value (gb_*: BY_VALUE)."""
        t = self.rng.choice(self.writable())
        e = [self.render_tmp(self.dexpr(1)) for _ in range(3)]
        kind = self.rng.choice(["struct", "array", "vector", "double"])
        if kind == "struct":
            q = self.fresh("gq")
            return [Stmt("raw", "GBV %s{%s, %s}" % (q, e[0], e[1])),
                    Stmt("raw", "%s = gb_swap(%s, %s)" % (q, q, e[2])),
                    Stmt("raw", "%s += %s.x * %s.y" % (t, q, q))]
        if kind == "array":
            a = self.fresh("gu")
            return [Stmt("raw", "std::array<double, 3> %s{%s, %s, %s}" % (a, e[0], e[1], e[2])),
                    Stmt("raw", "%s += gb_unit(%s)[%d] * %s[0]" % (t, a, self.rng.randrange(3), a))]
        if kind == "vector":
            v = self.fresh("gs")
            return [Stmt("raw", "std::vector<double> %s(3, %s)" % (v, e[0])),
                    Stmt("raw", "%s[1] = %s" % (v, e[1])),
                    Stmt("raw", "%s += gb_scan(%s, %s)" % (t, v, e[2]))]
        return [Stmt("raw", "%s += gb_damp(%s, %d)" % (t, e[0], self.rng.randint(0, 3)))]

    def s_veclist(self, loop):
        """std::vector<double> vl{e, e}; read and written (vector_list)."""
        v, t = self.fresh("vl"), self.rng.choice(self.writable())
        n = self.rng.randint(1, 3)
        e = [self.render_tmp(self.dexpr(1)) for _ in range(n)]
        form = "%s %s{%s}" if self.chance(0.5) else "%s %s = {%s}"
        out = [Stmt("raw", form % ("std::vector<double>", v, ", ".join(e)))]
        if self.chance(0.5):
            out.append(Stmt("raw", "%s[%d] *= %s" % (v, self.rng.randrange(n), self.render_tmp(self.dexpr(1)))))
        top = len(self.frames) == 1
        if (top and not self.after_early and self.on("vector_growth") and self.chance(0.4)):
            out.append(Stmt("raw", "%s.push_back(%s)" % (v, self.render_tmp(self.dexpr(1)))))
        k = self.rng.randrange(n)
        out.append(Stmt("raw", "%s += %s[%d] * %s.back() + 0.125 * %s.size()" % (t, v, k, v, v)))
        return out

    def s_do(self, loop):
        j = self.fresh("j")
        out = [Stmt("raw", "int %s = 0" % j)]
        if self.on("do_break") and self.chance(0.5):
            # do { ...; if (c) break; ... } while (++j < 3): the break
            # skips the rest of the body and the count.
            body = self.loop_body("do", lambda: self.declare(j, Var("i", writable=False, bound=3)))
            body.insert(self.rng.randint(0, len(body)), Stmt("if", "", [self.cond()], [[Stmt("break")]]))
            return out + [Stmt("do", "", [Expr("lit", "++%s < 3" % j)], [body])]
        if self.chance(0.5):  # counted
            cond = Expr("cmp", "<", [Expr("var", j), Expr("lit", "3")], "b")
            body = self.loop_body("do", lambda: self.declare(j, Var("i", writable=False, bound=3)))
        else:
            c, decl, cmp, step = self.data_loop_parts()
            out.insert(0, decl)
            cond = Expr("logic", "&&", [cmp, Expr("cmp", "<", [Expr("var", j), Expr("lit", "6")], "b")], "b")
            body = self.loop_body("do", lambda: self.declare(j, Var("i", writable=False, bound=6)))
            body.append(Stmt("assign", c, [step], aop="+="))
        body.append(Stmt("raw", "++" + j))
        return out + [Stmt("do", "", [cond], [body])]

    def s_whilec(self, loop):
        """while (c < 1.5 && j < 6) { ++j; c += step; if (d) continue; ... }"""
        j = self.fresh("j")
        c, decl, cmp, step = self.data_loop_parts()
        cond = Expr("logic", "&&", [cmp, Expr("cmp", "<", [Expr("var", j), Expr("lit", "6")], "b")], "b")
        body = self.loop_body("whilec", lambda: self.declare(j, Var("i", writable=False)))
        if self.chance(0.7) and not any(st.op == "if" and st.blocks[0] and st.blocks[0][-1].op == "continue"
                                        for st in body):
            body.insert(0, Stmt("if", "", [self.cond()], [[Stmt("continue")]]))
        body = [Stmt("raw", "++" + j), Stmt("assign", c, [step], aop="+=")] + body
        return [decl, Stmt("raw", "int %s = 0" % j), Stmt("while", "", [cond], [body])]

    def s_throw(self, loop):
        """if (!(std::fabs(e) < 1e9)) throw std::domain_error("..."); a
        check that values stay O(1) never fails, so the branch is never
        taken; the generated functions keep it."""
        kind = self.rng.choice(["std::domain_error", "std::invalid_argument",
                                "std::runtime_error"])
        test = self.rng.choice(["!(std::fabs({0}) < 1e9)", "std::isnan({0})",
                                "!std::isfinite({0})"])
        cond = Expr("fn", test, [self.dexpr(2)], "b", keep=True)
        return [Stmt("if", "", [cond],
                     [[Stmt("raw", 'throw %s("value out of range")' % kind)]])]

    def s_divstmt(self, loop):
        targets = self.writable()
        if targets and self.chance(0.5):
            e = Expr("fn", self.rng.choice(["1.5 + std::sin({0})", "0.75 + {p0} * {p0}",
                                            "std::exp(0.5 * std::sin({0}))"]),
                     [self.dexpr(1)], keep=True)
            return [Stmt("assign", self.rng.choice(targets), [e], aop="/=")]
        d, t = self.fresh("d"), self.fresh("t")
        den = Expr("fn", self.rng.choice(["0.75 + {p0} * {p0}", "1.0 + std::exp({0})",
                                          "2.0 - std::cos({0})"]), [self.dexpr(1)], keep=True)
        out = [Stmt("decl", d, [den])]
        num = self.dexpr(1)
        self.declare(d, Var("d", writable=False))
        out.append(Stmt("decl", t, [Expr("bin", "/", [num, Expr("var", d)])]))
        self.declare(t, Var("d"))
        return out

    def fill_loop(self, name, size, bound_text, to_n):
        """for (int i = 0; i < bound; ++i) name[i] = e(i);"""
        i = self.fresh("i")
        self.frames.append({})
        self.declare(i, Var("i", writable=False, bound=size, to_n=to_n))
        e = self.dexpr(2)
        self.frames.pop()
        return Stmt("for", "", [Expr("cmp", "<", [Expr("var", i), Expr("var", bound_text)], "b")],
                    [[Stmt("assign", "%s[%s]" % (name, i), [e], aop="=")]],
                    init="int %s = 0" % i, step="++" + i)

    def s_vec(self, loop):
        h = self.fresh("h")
        size = self.narr or 3
        text = self.nname if self.narr else "3"
        out = [Stmt("raw", "std::vector<double> %s(%s)" % (h, text))]
        bound = self.rng.choice([text, "static_cast<int>(%s.size())" % h])
        out.append(self.fill_loop(h, size, bound, bool(self.narr)))
        var = Var("arr", size=size)
        var.cont = ("vec", text)
        self.declare(h, var)
        return out

    def s_grow(self, loop):
        """A vector grown element by element, changed at its end, and read;
        its name is its own (no other statement sees it)."""
        g = self.fresh("g")
        size = self.narr or 3
        n = self.nname if self.narr else "3"
        rng = self.rng
        sized = self.chance(0.3)  # starts with two zeros
        out = [Stmt("raw", "std::vector<double> %s%s" % (g, "(2)" if sized else ""))]
        if self.chance(0.3):
            out.append(Stmt("raw", "%s.reserve(%s)" % (g, n)))

        def fill():
            i, j = self.fresh("i"), self.fresh("j")
            self.frames.append({})
            self.declare(i, Var("i", writable=False, bound=size, to_n=bool(self.narr)))
            e1 = self.render_tmp(self.dexpr(2))
            e2 = self.render_tmp(self.dexpr(1))
            self.frames.pop()
            kind = rng.choice(["plain", "branch", "nested"])
            if kind == "plain":
                verb = rng.choice(["push_back(%s)", "emplace_back(%s)",
                                   "insert(%s.end(), %%s)" % g])
                body = "%s.%s" % (g, verb % e1)
            elif kind == "branch":
                body = "if (%s %% 2 == 0) %s.push_back(%s); else %s.emplace_back(%s)" % (
                    i, g, e1, g, e2)
            else:  # a triangle: i + 1 elements per i
                body = "for (int %s = 0; %s <= %s; ++%s) %s.push_back(%s * (%s + 1))" % (
                    j, j, i, j, g, e1, j)
            return Stmt("raw", "for (int %s = 0; %s < %s; ++%s) %s" % (i, i, n, i, body))

        out.append(fill())
        u, pre = self.target()
        out = pre + out
        e = self.render_tmp(self.dexpr(1))
        changes = ["none", "pop", "insert", "resize", "refill"]
        if self.on("vector_erase_insert"):
            changes += ["erase", "erase", "midinsert", "midinsert", "drain", "loopinsert"]
        change = rng.choice(changes)
        k = rng.randrange(size)  # the vector holds at least size elements
        if change == "erase":
            out.append(Stmt("raw", rng.choice([
                "%s.erase(%s.begin() + %d)" % (g, g, k),
                "%s.erase(%s.begin() + %d, %s.begin() + %d)" % (g, g, k, g, k + 1),
                "%s.erase(%s.end() - 1)" % (g, g)])))
        elif change == "midinsert":
            out.append(Stmt("raw", rng.choice([
                "%s.insert(%s.begin() + %d, %s)" % (g, g, k, e),
                "%s.insert(%s.begin(), %s)" % (g, g, e)])))
        elif change == "drain":
            out.append(Stmt("raw", "while (%s.size() > 1) { %s += %s[0] * %s[1] * %s; %s.erase(%s.begin()); }"
                            % (g, u, g, g, e, g, g)))
        elif change == "loopinsert":
            i = self.fresh("i")
            out.append(Stmt("raw", "for (int %s = 0; %s < 2; ++%s) %s.insert(%s.begin() + %s, %s * (%s + 1))"
                            % (i, i, i, g, g, i, e, i)))
        if change == "pop":
            out.append(Stmt("raw", "%s.pop_back()" % g))
        elif change == "insert":
            out.append(Stmt("raw", "%s.insert(%s.end(), %s)" % (g, g, e)))
        elif change == "resize":
            out.append(Stmt("raw", "%s.resize(%s.size() + 2)" % (g, g)))
            out.append(Stmt("raw", "%s[%s.size() - 1] = %s" % (g, g, e)))
        elif change == "refill":
            out.append(Stmt("raw", "%s += %s.back()" % (u, g)))
            out.append(Stmt("raw", "%s.clear()" % g))
            out.append(fill())
        v = self.fresh("v")
        read = rng.choice(["range", "index", "back"])
        if read == "range":
            out.append(Stmt("raw", "for (double %s : %s) %s += %s * %s" % (v, g, u, v, e)))
        elif read == "index":
            k = self.fresh("k")
            out.append(Stmt("raw", "for (std::size_t %s = 0; %s < %s.size(); ++%s) %s += %s[%s] * %s[%s / 2]" % (
                k, k, g, k, u, g, k, g, k)))
        else:
            out.append(Stmt("raw", "%s += %s.back() * static_cast<double>(%s.size()) + %s[0]" % (u, g, g, g)))
        return out

    # -- side effects in expressions, switch, range-based for. Their
    # expressions are kept as text (render_tmp: no comparison on doubles,
    # so both copies of the function are the same).
    def arrays(self):
        """(name, size text, size) of the arrays readable here."""
        out = []
        for n, v in self.visible("arr"):
            if v.value == "param":
                out.append((n, self.nname, self.narr))
            elif v.data is None and v.size:
                out.append((n, str(v.size), v.size))
        return out

    def visible_local_arrays(self):
        return [(n, v) for n, v in self.visible("arr")
                if v.value is None and v.data is None and v.size]

    def target(self):
        """A writable double, declared here if there is none."""
        t = self.writable()
        if t:
            return self.rng.choice(t), []
        u = self.fresh("u")
        decl = Stmt("decl", u, [self.dexpr(1)])
        self.declare(u, Var("d"))
        return u, [decl]

    def s_assignv(self, loop):
        e = self.render_tmp(self.dexpr(2))
        if self.chance(0.5):
            a, b = self.fresh("t"), self.fresh("t")
            out = [Stmt("raw", "double %s, %s" % (a, b)),
                   Stmt("raw", "%s = %s = %s" % (a, b, e))]
            self.declare(a, Var("d"))
            self.declare(b, Var("d"))
            return out
        u, out = self.target()
        t = self.fresh("t")
        op = self.rng.choice(["+=", "-="])
        out.append(Stmt("raw", "double %s = 0.5 * (%s %s %s)" % (t, u, op, e)))
        self.declare(t, Var("d"))
        return out

    def s_incdec(self, loop):
        a, ntext, size = self.rng.choice(self.arrays())
        k, t = self.fresh("k"), self.fresh("t")
        e = self.render_tmp(self.dexpr(1))
        kind = self.rng.choice(["up", "down", "pair"] if size >= 2 else ["up", "down"])
        if kind == "up":
            out = [Stmt("raw", "int %s = 0" % k), Stmt("raw", "double %s = 0" % t),
                   Stmt("raw", "while (%s < %s) %s += %s[%s++] * %s" % (k, ntext, t, a, k, e))]
        elif kind == "down":
            out = [Stmt("raw", "int %s = %s" % (k, ntext)), Stmt("raw", "double %s = 0" % t),
                   Stmt("raw", "while (%s--) %s = 0.5 * %s + %s[%s] * %s" % (k, t, t, a, k, e))]
        else:
            out = [Stmt("raw", "int %s = 0" % k),
                   Stmt("raw", "double %s = %s[%s++]" % (t, a, k)),
                   Stmt("raw", "%s += %s[%s++] * %s" % (t, a, k, e))]
        self.declare(t, Var("d"))
        return out

    def s_comma(self, loop):
        arrs = self.arrays()
        t = self.fresh("t")
        if arrs and self.chance(0.5):
            a, ntext, _ = self.rng.choice(arrs)
            i, k = self.fresh("i"), self.fresh("k")
            out = [Stmt("raw", "double %s = 0" % t),
                   Stmt("raw", "for (int %s = 0, %s = %s - 1; %s < %s; ++%s, --%s) %s += %s[%s] * %s[%s]"
                        % (i, k, ntext, i, ntext, i, k, t, a, i, a, k))]
        else:
            u, out = self.target()
            e1, e2 = self.render_tmp(self.dexpr(1)), self.render_tmp(self.dexpr(1))
            out.append(Stmt("raw", "double %s = (%s += %s, 0.5 * %s + %s)" % (t, u, e1, u, e2)))
        self.declare(t, Var("d"))
        return out

    def s_switch(self, loop):
        u, out = self.target()
        ints = [n for n, v in self.visible("i") if v.bound is not None or isinstance(v.value, int)]
        key = self.rng.choice(ints) if ints else self.rng.choice(["1", "2"])
        e = [self.render_tmp(self.dexpr(1)) for _ in range(4)]
        v = self.fresh("v")
        if self.chance(0.3):
            k = self.fresh("k")
            head = "switch (int %s = %s + %d; %s %% 4)" % (k, key, self.rng.randint(0, 3), k)
        else:
            head = "switch (%s %% 3)" % key
        lines = [head + " {",
                 "  case 0:", "    %s += %s;" % (u, e[0]), "    break;",
                 "  case 1:", "    %s *= 0.75 + 0.25 * std::sin(%s);" % (u, e[1]),
                 "    [[fallthrough]];",
                 "  case 2: {", "    double %s = %s;" % (v, e[2]),
                 "    %s += 0.5 * %s;" % (u, v), "    break;", "  }",
                 "  default:", "    %s -= %s;" % (u, e[3]), "  }"]
        text = "\n".join(lines)
        # A raw statement gets a ';' after it: an empty statement.
        out.append(Stmt("raw", text))
        return out

    def int_key(self):
        """A non-negative int to branch on: a counter, k, or a literal."""
        ints = [n for n, v in self.visible("i") if v.bound is not None or isinstance(v.value, int)]
        ints = [n for n in ints if not self.vars_unsigned(n)]
        return self.rng.choice(ints) if ints else self.rng.choice(["1", "2"])

    def vars_unsigned(self, name):
        return any(f.get(name) is not None and f[name].unsigned for f in self.frames)

    def s_inttypes(self, loop):
        """Locals and counters of the integer types people write, given
        std::max / std::min beside a constant of their type (the generated
        code must declare them as written for the template to deduce)."""
        t = self.rng.choice(INT_TYPES)
        u, out = self.target()
        e = self.render_tmp(self.dexpr(1))
        g, h = self.fresh("gi"), self.fresh("gj")
        if self.chance(0.3):
            out.append(Stmt("raw", "for (%s %s = 0; %s < 3; ++%s) %s += static_cast<double>(%s) * %s"
                            % (t, g, g, g, u, g, e)))
            return out
        kt = getattr(self, "kt", None)
        src = "static_cast<%s>(%s)" % (t, kt[0]) if kt and self.chance(0.5) else str(self.rng.randint(0, 4))
        out.append(Stmt("raw", "%s %s = %s" % (t, g, src)))
        other = self.rng.choice(["static_cast<%s>(%d)" % (t, self.rng.randint(0, 3)),
                                 "static_cast<%s>(%s)" % (t, self.int_key())])
        if kt and kt[1] == t and self.chance(0.5):
            other = kt[0]
        f = self.rng.choice(["std::max", "std::min"])
        out.append(Stmt("raw", "%s %s = %s(%s, %s)" % (t, h, f, g, other)))
        out.append(Stmt("raw", "%s += static_cast<double>(%s) * %s" % (u, h, e)))
        return out

    def s_enumswitch(self, loop):
        """An enum class local switched on, and an unscoped one compared."""
        u, out = self.target()
        key = self.int_key()
        e = [self.render_tmp(self.dexpr(1)) for _ in range(3)]
        m, w = self.fresh("gm"), self.fresh("gw")
        out.append(Stmt("raw", "ge::Mode %s = static_cast<ge::Mode>(%s %% 3)" % (m, key)))
        if self.chance(0.5):
            lines = ["switch (%s) {" % m,
                     "  case ge::Mode::Lo:", "    %s += %s;" % (u, e[0]), "    break;",
                     "  case ge::Mode::Mid:", "    %s -= %s;" % (u, e[1]), "    break;",
                     "  default:", "    %s += 0.5 * %s;" % (u, e[2]), "  }"]
            out.append(Stmt("raw", "\n".join(lines)))
        else:
            out.append(Stmt("raw", "double %s[3] = {%s, %s, %s}" % (w, e[0], e[1], e[2])))
            out.append(Stmt("raw", "%s += %s[static_cast<int>(%s)]" % (u, w, m)))
        tag = self.fresh("gt")
        out.append(Stmt("raw", "ge::Tag %s = %s" % (tag, self.rng.choice(["ge::TA", "ge::TB", "ge::TC"]))))
        out.append(Stmt("raw", "if (%s != ge::Mode::Hi && %s == ge::TB) %s *= 0.5" % (m, tag, u)))
        out.append(Stmt("raw", "%s += (%s + ge::TC) * %s" % (u, tag, paren_text(e[0]))))
        return out

    def s_enumarrays(self, loop):
        """Arrays of enums: a C array switched on, a std::array walked by a
        range-based for, a std::vector grown and indexed."""
        u, out = self.target()
        key = self.int_key()
        e = [self.render_tmp(self.dexpr(1)) for _ in range(2)]
        a, i = self.fresh("gk"), self.fresh("gq")
        modes = ["ge::Mode::Lo", "ge::Mode::Mid", "ge::Mode::Hi"]
        init = ", ".join(self.rng.choice(modes) for _ in range(3))
        kind = self.rng.choice(["carray", "stdarray", "vector"])
        if kind == "carray":
            out.append(Stmt("raw", "ge::Mode %s[3] = {%s}" % (a, init)))
            out.append(Stmt("raw", "%s[%s %% 3] = static_cast<ge::Mode>((%s + 1) %% 3)" % (a, key, key)))
            lines = ["for (int %s = 0; %s < 3; ++%s) {" % (i, i, i),
                     "    switch (%s[%s]) {" % (a, i),
                     "    case ge::Mode::Lo:", "      %s += %s;" % (u, e[0]), "      break;",
                     "    case ge::Mode::Mid:", "      %s -= 0.5 * %s;" % (u, paren_text(e[1])), "      break;",
                     "    default:", "      break;", "    }", "  }"]
            out.append(Stmt("raw", "\n".join(lines)))
        elif kind == "stdarray":
            m = self.fresh("gm")
            out.append(Stmt("raw", "std::array<ge::Mode, 3> %s = {%s}" % (a, init)))
            out.append(Stmt("raw", "for (ge::Mode %s : %s) %s += (%s == ge::Mode::Hi ? 2.0 : 0.5) * %s"
                            % (m, a, u, m, paren_text(e[0]))))
        else:
            out.append(Stmt("raw", "std::vector<ge::Tag> %s" % a))
            out.append(Stmt("raw", "for (int %s = 0; %s < 3; ++%s) %s.push_back(static_cast<ge::Tag>((%s + %s) %% 3))"
                            % (i, i, i, a, key, i)))
            out.append(Stmt("raw", "%s += (%s[1] == ge::TB ? %s : %s)" % (u, a, e[0], e[1])))
        return out

    def s_cxx17order(self, loop):
        """Side effects C++17 orders: an assignment's value before its
        target. (Not `k++ << k`, which C++17 orders too: g++ 12 under
        -fsanitize=undefined, as the harness builds, evaluates the shift's
        right operand first, so the harness's own primal is wrong.)"""
        u, out = self.target()
        key = self.int_key()
        e = [self.render_tmp(self.dexpr(1)) for _ in range(2)]
        kind = self.rng.choice(["index", "self", "exchange"])
        if kind == "index":
            a, k = self.fresh("ga"), self.fresh("gc")
            out.append(Stmt("raw", "double %s[4] = {0.5, 0.25, 0.125, 1}" % a))
            out.append(Stmt("raw", "int %s = %s %% 3" % (k, key)))
            out.append(Stmt("raw", "%s[%s] = %s * (%s++ %% 3 + 1)" % (a, k, paren_text(e[0]), k)))
            out.append(Stmt("raw", "%s += %s[0] + %s[1] * %s[2] - %s[3]" % (u, a, a, a, a)))
        elif kind == "self":
            y = self.fresh("gy")
            out.append(Stmt("raw", "double %s = %s" % (y, e[0])))
            out.append(Stmt("raw", "%s = %s++ * 0.5" % (y, y)))
            out.append(Stmt("raw", "%s += %s" % (u, y)))
        else:
            z, w = self.fresh("gz"), self.fresh("gw")
            out.append(Stmt("raw", "double %s = %s, %s = %s" % (z, e[0], w, e[1])))
            out.append(Stmt("raw", "%s += 0.5 * std::exchange(%s, %s)" % (z, w, z)))
            out.append(Stmt("raw", "%s += %s * %s" % (u, z, w)))
        return out

    def s_text(self, loop):
        """double t = gt_act(e, "tanh"); or gt_mix(e, "sin", e): text
        literals given to helpers that compare them (TEXTS)."""
        t = self.fresh("t")
        kind = self.rng.choice(['"tanh"', '"sin"', '"rational"'])
        if self.chance(0.5):
            e = Expr("fn", "gt_act({0}, %s)" % kind, [self.dexpr(1)])
        else:
            e = Expr("fn", "gt_mix({0}, %s, {1})" % kind, [self.dexpr(1), self.dexpr(1)])
        self.declare(t, Var("d"))
        return [Stmt("decl", t, [e])]

    def s_bitwise(self, loop):
        """Parity, masks and shifts of ints, and the power by squaring."""
        u, out = self.target()
        key = self.int_key()
        e = self.render_tmp(self.dexpr(1))
        kind = self.rng.choice(["parity", "mask", "compound", "power"])
        if kind == "parity":
            out.append(Stmt("raw", "%s += (%s & 1) ? %s : -%s" % (u, key, e, paren_text(e))))
        elif kind == "mask":
            b = self.fresh("gb")
            out.append(Stmt("raw", "int %s = (1 << (%s & 7)) | (%s ^ 2)" % (b, key, key)))
            out.append(Stmt("raw", "%s += static_cast<double>((%s & 7) + (~%s & 3)) * %s" % (u, b, key, e)))
        elif kind == "compound":
            b = self.fresh("gb")
            out.append(Stmt("raw", "unsigned %s = static_cast<unsigned>(%s) + 5u" % (b, key)))
            op = self.rng.choice(["&= 6u", "|= 2u", "^= 3u", "<<= 1", ">>= 1"])
            out.append(Stmt("raw", "%s %s" % (b, op)))
            out.append(Stmt("raw", "%s += static_cast<double>(%s) * %s" % (u, b, e)))
        else:
            b, r, n = self.fresh("gb"), self.fresh("gr"), self.fresh("gn")
            out += [Stmt("raw", "double %s = 0.5 * std::tanh(%s), %s = 1" % (b, e, r)),
                    Stmt("raw", "unsigned %s = static_cast<unsigned>(%s & 3) + 1u" % (n, key)),
                    Stmt("raw", "\n".join(["while (%s) {" % n, "    if (%s & 1u)" % n,
                                           "      %s *= %s;" % (r, b), "    %s *= %s;" % (b, b),
                                           "    %s >>= 1;" % n, "  }"])),
                    Stmt("raw", "%s += %s" % (u, r))]
        return out

    def s_rangefor(self, loop):
        a, var = self.rng.choice(self.visible_local_arrays())
        e = self.render_tmp(self.dexpr(1))
        v = self.fresh("v")
        kind = self.rng.choice(["copy", "ref", "cref"] if var.writable else ["copy", "cref"])
        if kind == "ref":
            return [Stmt("raw", "for (double &%s : %s) %s = 0.5 * %s + %s" % (v, a, v, v, e))]
        u, out = self.target()
        decl = "double" if kind == "copy" else "const double &"
        out.append(Stmt("raw", "for (%s %s : %s) %s += %s * %s" % (decl, v, a, u, v, e)))
        return out

    def s_iterloop(self, loop):
        c, var = self.rng.choice(self.containers())
        e = self.render_tmp(self.dexpr(1))
        it = self.fresh("it")
        b, en = self.rng.choice([("begin", "end"), ("cbegin", "cend")])
        if self.chance(0.5):
            return self.iterator_forms(c, var, e, it, b, en)
        if var.writable and self.chance(0.4):
            return [Stmt("raw", "for (auto %s = %s.begin(); %s != %s.end(); ++%s) *%s = 0.5 * *%s + %s"
                         % (it, c, it, c, it, it, it, e))]
        u, out = self.target()
        if self.chance(0.3):  # backward, from the end
            out.append(Stmt("raw", "for (auto %s = %s.%s(); %s != %s.%s();) { --%s; %s = 0.5 * %s + *%s * %s; }"
                            % (it, c, en, it, c, b, it, u, u, it, e)))
        else:
            out.append(Stmt("raw", "for (auto %s = %s.%s(); %s != %s.%s(); %s) %s += *%s * %s"
                            % (it, c, b, it, c, en, self.rng.choice(["++" + it, it + "++"]), u, it, e)))
        return out

    def iterator_forms(self, c, var, e, it, b, en):
        """*it++, std::next/prev/advance/distance, reverse iterators,
        ITERATOR_HELPERS, partial_sum / adjacent_difference, find_if."""
        size = var.size if isinstance(var.size, int) else 1
        same = [n for n, v in self.containers(True) if v.cont == var.cont]
        forms = ["postinc", "next", "advance", "reverse", "helper", "find"]
        if var.writable:
            forms += ["postwrite", "scale"]
        if same:
            forms += ["partial", "partial"]
        form = self.rng.choice(forms)
        if form == "postwrite":
            return [Stmt("raw", "for (auto %s = %s.begin(); %s != %s.end();) *%s++ *= std::cos(%s)"
                         % (it, c, it, c, it, e))]
        if form == "scale":
            return [Stmt("raw", "gi_scale(%s.begin(), %s.end(), std::cos(%s))" % (c, c, e))]
        if form == "partial":
            d = self.rng.choice(same)
            fn = self.rng.choice(["partial_sum", "adjacent_difference"])
            return [Stmt("raw", "std::%s(%s.%s(), %s.%s(), %s.begin())" % (fn, c, b, c, en, d))]
        u, out = self.target()
        if form == "postinc":
            out.append(Stmt("raw", "for (auto %s = %s.%s(); %s != %s.%s();) %s += *%s++ * %s"
                            % (it, c, b, it, c, en, u, it, e)))
        elif form == "next":
            k = self.rng.randint(0, size - 1)
            out.append(Stmt("raw", "%s += *std::next(%s.%s(), %d) * %s + 0.5 * *std::prev(%s.%s())"
                            % (u, c, b, k, e, c, en)))
        elif form == "advance":
            out.append(Stmt("raw", "for (auto %s = %s.%s(); %s != %s.%s(); std::advance(%s, 1)) "
                                   "%s += 0.25 * *%s * static_cast<double>(std::distance(%s.%s(), %s) + 1) * %s"
                            % (it, c, b, it, c, en, it, u, it, c, b, it, e)))
        elif form == "reverse":
            rb, re_ = self.rng.choice([("rbegin", "rend"), ("crbegin", "crend")])
            out.append(Stmt("raw", "for (auto %s = %s.%s(); %s != %s.%s(); ++%s) %s = 0.5 * %s + *%s * %s"
                            % (it, c, rb, it, c, re_, it, u, u, it, e)))
        elif form == "helper" and self.on("pointer_range") and self.chance(0.5):
            k = self.rng.randint(0, size - 1)
            out.append(Stmt("raw", "%s += 0.5 * gi_psum(%s.data() + %d, %s.data() + %s.size(), 0.5) * %s"
                            % (u, c, k, c, c, e)))
        elif form == "helper":
            k = self.rng.randint(0, size - 1)
            out.append(Stmt("raw", "%s += 0.5 * gi_sum(%s.%s() + %d, %s.%s(), 0.5) * %s"
                            % (u, c, b, k, c, en, e)))
        else:  # find: a predicate far from every value (no margin to keep)
            f = self.fresh("f")
            pred = self.rng.choice(["v < 100.0", "v > 100.0", "v * v >= 0.0"])
            out += [Stmt("raw", "auto %s = std::find_if(%s.%s(), %s.%s(), [](double v) { return %s; })"
                         % (f, c, b, c, en, pred)),
                    Stmt("raw", "%s += (%s != %s.%s() ? *%s : 0.5) * %s" % (u, f, c, en, f, e))]
        return out

    def s_refvar(self, loop):
        # The index is evaluated at the declaration; the reference is only
        # read or updated in place, as a name for that element.
        a, var = self.rng.choice(self.visible_local_arrays())
        r, e = self.fresh("r"), self.render_tmp(self.dexpr(1))
        k = self.index(var.size, False)
        if var.writable and self.chance(0.6):
            return [Stmt("raw", "double &%s = %s[%s]" % (r, a, k)),
                    Stmt("raw", "%s = 0.5 * %s + %s" % (r, r, e))]
        u, out = self.target()
        out += [Stmt("raw", "const double &%s = %s[%s]" % (r, a, k)),
                Stmt("raw", "%s += %s * %s" % (u, r, e))]
        return out

    def int_choice(self):
        """A condition on passive ints: a visible int, or a literal."""
        ints = [n for n, _ in self.visible("i")]
        if ints and self.chance(0.7):
            return "%s %% 2 == 0" % self.rng.choice(ints)
        return self.rng.choice(["1 > 0", "2 < 1"])

    def s_refres(self, loop):
        """A helper's reference result written or read (REF_RESULTS)."""
        t = self.rng.choice(self.writable())
        e = [self.render_tmp(self.dexpr(1)) for _ in range(3)]
        kind = self.rng.choice(["at", "last", "struct", "self", "pick"])
        out = []
        raw = lambda text: out.append(Stmt("raw", text))
        if kind == "at":
            a = self.fresh("gfa")
            raw("double %s[3] = {%s, %s, 0.5}" % (a, e[0], e[1]))
            raw("gf_at(%s, %d) *= 0.75 + 0.25 * std::sin(%s)" % (a, self.rng.randrange(3), e[2]))
            raw("%s += %s[0] + gf_at(%s, %d) * %s[2]" % (t, a, a, self.rng.randrange(3), a))
        elif kind == "last":
            v = self.fresh("gfv")
            raw("std::vector<double> %s{%s, %s}" % (v, e[0], e[1]))
            raw("gf_last(%s) += %s" % (v, e[2]))
            raw("%s += gf_last(%s) * %s[0]" % (t, v, v))
        elif kind == "struct":
            g, r = self.fresh("gfs"), self.fresh("gfr")
            raw("GRS %s{}" % g)
            raw("%s.at(0) = %s" % (g, e[0]))
            raw("%s.at(1) = %s.get(0) * %s" % (g, g, e[1]))
            raw("double &%s = %s.at(2)" % (r, g))
            raw("%s = %s + %s.at(1)" % (r, e[2], g))
            raw("%s += %s.get(2) * 0.5 + %s" % (t, g, r))
        elif kind == "self":
            u = self.fresh("gfu")
            raw("double %s = %s" % (u, e[0]))
            raw("gf_self(%s) *= 0.5 + 0.25 * std::tanh(%s)" % (u, e[1]))
            raw("%s += %s * %s" % (t, u, e[2]))
        else:
            raw("%s += gf_pick(%s, %s, %d) * %s" % (t, e[0], e[1], self.rng.randrange(2), e[2]))
        return out

    def s_structchoice(self, loop):
        """Structs chosen by ?: on passive ints (REF_RESULTS' GRS)."""
        t = self.rng.choice(self.writable())
        e = [self.render_tmp(self.dexpr(1)) for _ in range(3)]
        a, b, c = self.fresh("gca"), self.fresh("gcb"), self.fresh("gcc")
        out = [Stmt("raw", "GRS %s{{%s, %s, 0.5}}" % (a, e[0], e[1])),
               Stmt("raw", "GRS %s{{%s, 0.25, %s}}" % (b, e[2], e[0]))]
        kind = self.rng.choice(["copy", "ref", "helper"])
        cond = self.int_choice()
        if kind == "copy":
            out.append(Stmt("raw", "GRS %s = %s ? %s : %s" % (c, cond, a, b)))
        elif kind == "ref":
            out.append(Stmt("raw", "const GRS &%s = %s ? %s : %s" % (c, cond, a, b)))
        else:
            out.append(Stmt("raw", "GRS %s = gf_choose(%s, %s, %d)" % (c, a, b, self.rng.randrange(2))))
        out.append(Stmt("raw", "%s += %s.c[0] * %s.c[1] + %s.c[2]" % (t, c, c, c)))
        return out

    def s_swapwhole(self, loop):
        """Two arrays or vectors of one size swapped whole."""
        t = self.rng.choice(self.writable())
        e = [self.render_tmp(self.dexpr(1)) for _ in range(3)]
        p, q = self.fresh("gsp"), self.fresh("gsq")
        kind = self.rng.choice(["array", "vector", "member"])
        if kind == "array":
            out = [Stmt("raw", "double %s[2] = {%s, %s}" % (p, e[0], e[1])),
                   Stmt("raw", "double %s[2] = {%s, 0.5}" % (q, e[2])),
                   Stmt("raw", "std::swap(%s, %s)" % (p, q))]
        else:
            out = [Stmt("raw", "std::vector<double> %s(2), %s(2)" % (p, q)),
                   Stmt("raw", "%s[0] = %s" % (p, e[0])), Stmt("raw", "%s[1] = %s" % (p, e[1])),
                   Stmt("raw", "%s[0] = %s" % (q, e[2])), Stmt("raw", "%s[1] = 0.5" % q),
                   Stmt("raw", ("std::swap(%s, %s)" if kind == "vector" else "%s.swap(%s)") % (p, q))]
        out.append(Stmt("raw", "%s += %s[0] * %s[1] + %s[1]" % (t, p, q, p)))
        return out

    def s_pingpong(self, loop):
        """A time stepper's two buffers, traded by pointers declared at the
        top level; nothing names the buffers once the pointers hold them."""
        t = self.rng.choice(self.writable())
        a, b, c = self.fresh("gpa"), self.fresh("gpb"), self.fresh("gpc")
        src, dst, k, i = self.fresh("gps"), self.fresh("gpd"), self.fresh("gpk"), self.fresh("gpi")
        e = [self.render_tmp(self.dexpr(1)) for _ in range(3)]
        if self.chance(0.4):
            out = [Stmt("raw", "std::vector<double> %s = {%s, %s, 0.5}, %s(3)" % (a, e[0], e[1], b))]
            starts = ("%s.data()" % a, "%s.data()" % b)
        else:
            out = [Stmt("raw", "double %s[3] = {%s, %s, 0.5}, %s[3]" % (a, e[0], e[1], b))]
            starts = (a, b)
        out.append(Stmt("raw", "double %s = std::tanh(%s)" % (c, e[2])))
        out.append(Stmt("raw", "double *%s = %s, *%s = %s" % (src, starts[0], dst, starts[1])))
        kind = self.rng.choice(["swap", "swap_back", "tmp", "skip"])
        if kind == "tmp":
            x = self.fresh("gpx")
            trade = "double *%s = %s; %s = %s; %s = %s;" % (x, src, src, dst, dst, x)
        elif kind == "skip":
            trade = "if (%s %% 3 != 1) std::swap(%s, %s);" % (k, src, dst)
        else:
            trade = "std::swap(%s, %s);" % ((src, dst) if kind == "swap" else (dst, src))
        step = ("for (int {i} = 0; {i} < 3; ++{i}) {d}[{i}] = std::tanh({s}[{i}] * {c} + "
                "{s}[({i} + 1) % 3] * 0.5);").format(i=i, d=dst, s=src, c=c)
        out.append(Stmt("raw", "for (int %s = 0; %s < %d; ++%s) { %s %s }"
                        % (k, k, self.rng.randint(1, 4), k, step, trade)))
        out.append(Stmt("raw", "%s += %s[0] * %s[1] + *%s" % (t, src, src, dst)))
        return out

    def s_bounds(self, loop):
        """An interval found by a binary search over constant knots: the
        position a passive index into a local array."""
        a, var = self.rng.choice(self.visible_local_arrays())
        kn, it, i = self.fresh("gkn"), self.fresh("git"), self.fresh("gki")
        n = self.rng.randint(2, 5)
        knots = sorted(self.rng.sample([-1.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 1.5, 2.0], n))
        fn = self.rng.choice(["upper_bound", "lower_bound"])
        falling = self.chance(0.3)
        if falling:
            knots.reverse()
        arr = self.rng.choice(["const double %s[%d] = {%s}", "const std::array<double, %d> %s = {%s}"])
        lits = ", ".join(repr(k) for k in knots)
        decl = arr % ((kn, n, lits) if arr.startswith("const double") else (n, kn, lits))
        v = self.render_tmp(self.dexpr(1))
        u, out = self.target()
        out.append(Stmt("raw", decl))
        first, last = ((kn, "%s + %d" % (kn, n)) if decl.startswith("const double")
                       else ("%s.begin()" % kn, "%s.end()" % kn))
        # Both algorithms compare with `<` (or the comparison given): the
        # margin copy's lambda measures how far each comparison is from a tie.
        if falling:
            cmp, mcmp = "std::greater<>()", "[](double p, double q) { return rt_margin(p - q) > 0.0; }"
        else:
            cmp = self.rng.choice(["", "[](double p, double q) { return p < q; }"])
            mcmp = "[](double p, double q) { return rt_margin(p - q) < 0.0; }"
        # (Joined, not formatted again: v may hold a %.)
        call = "auto %s = std::%s(%s, %s, %s" % (it, fn, first, last, v)
        out.append(Stmt("raw", call + (", " + cmp if cmp else "") + ")",
                        mtext=call + ", " + mcmp + ")"))
        pos = self.rng.choice(["static_cast<int>(%s - %s)" % (it, first),
                               "static_cast<int>(std::distance(%s, %s))" % (first, it)])
        out.append(Stmt("raw", "int %s = %s" % (i, pos)))
        read = "%s[%s %% %d]" % (a, i, var.size)
        out.append(Stmt("raw", "%s += (%s + 0.25 * %s) * (%s)" % (u, read, i, v)))
        return out

    def s_minmaxbind(self, loop):
        """std::minmax bound to names; its arguments 2 apart, so that no
        point is near the tie (a kink)."""
        t = self.rng.choice(self.writable())
        e, f = self.fresh("gme"), self.fresh("gmf")
        lo, hi = self.fresh("gml"), self.fresh("gmh")
        # (Variables: the pair refers to its arguments, and a temporary's
        # reference would dangle.)
        args = "%s, %s" % ((e, f) if self.chance(0.5) else (f, e))
        ref = self.rng.choice(["auto", "const auto &"])
        return [Stmt("raw", "double %s = %s" % (e, self.render_tmp(self.dexpr(1)))),
                Stmt("raw", "double %s = %s + 2.0" % (f, e)),
                Stmt("raw", "%s[%s, %s] = std::minmax(%s)" % (ref + ("" if ref.endswith("&") else " "),
                                                           lo, hi, args)),
                Stmt("raw", "%s += %s * %s - 0.5 * %s" % (t, lo, hi, hi))]

    def s_localtype(self, loop):
        """A struct declared where it is used, its members written and read."""
        st, q = self.fresh("GL"), self.fresh("ql")
        u, out = self.target()
        out += [Stmt("raw", "struct %s { double a = 0.5, b; }" % st),
                Stmt("raw", "%s %s" % (st, q)),
                Stmt("raw", "%s.b = %s" % (q, self.render_tmp(self.dexpr(1)))),
                Stmt("raw", "%s.a += %s * %s.b" % (q, self.render_tmp(self.dexpr(1)), q)),
                Stmt("raw", "%s += %s.a * %s.b" % (u, q, q))]
        return out

    def s_exchange(self, loop):
        """std::exchange of a number; a place chosen by ?: on an int as the
        target of =, += or *=."""
        scalars = self.writable()
        kinds = {n: v.float for n, v in self.visible("d") if v.writable}
        ints = [n for n, v in self.visible("i") if not v.unsigned]
        places = [(x, kinds.get(x)) for x in scalars]
        places += [("%s[%s]" % (a, self.index(v.size, False)), False)
                   for a, v in self.visible_local_arrays() if v.writable and v.size]
        pairs = [(x, y) for x, kx in places for y, ky in places if x != y and kx == ky]
        e = self.render_tmp(self.dexpr(1))
        if ints and pairs and self.chance(0.6):
            x, y = self.rng.choice(pairs)
            c = self.rng.choice(["%s %% 2 == 0", "%s > 0", "%s < 2"]) % self.rng.choice(ints)
            op = self.rng.choice(["=", "+=", "-=", "*="])
            if op == "*=":  # a factor near 1 keeps products O(1)
                e = "(0.75 + 0.25 * std::sin(std::tanh(%s)))" % e
            return [Stmt("raw", "(%s ? %s : %s) %s %s" % (c, x, y, op, e))]
        if len(scalars) < 2:
            return self.s_decl(loop)
        x, t = self.rng.sample(scalars, 2)
        # (gradc refuses `t += std::exchange(x, t)`, a read of t beside a
        # change in one expression, which C++17 orders: not what this tests.)
        if re.search(r"\b%s\b" % re.escape(t), e):
            e = "0.25"
        if self.chance(0.5):
            e = "0.5 * %s + %s" % (x, e)
        return [Stmt("raw", "%s += 0.5 * std::exchange(%s, %s)" % (t, x, e))]

    def s_lambdaeach(self, loop):
        """A lambda adding into a local, called in nested loops by a
        template taking it by F && or const F & (with a double &)."""
        u, out = self.target()
        lv, la, a, b = self.fresh("lv"), self.fresh("la"), self.fresh("li"), self.fresh("lj")
        out.append(Stmt("raw", "double %s = %s" % (lv, self.render_tmp(self.dexpr(1)))))
        out.append(Stmt("raw", "double %s = 0.5" % la))
        if self.chance(0.5):
            out.append(Stmt("raw", "gl_each(2, [&](int %s, int %s) { %s += (%s + 0.5 * %s) * %s * %s; })"
                            % (a, b, la, a, b, lv, la)))
        else:
            out.append(Stmt("raw", "gl_each_into(2, [&](int %s, int %s, double &acc) "
                            "{ acc += 0.25 * (%s + 0.5) * %s * acc + 0.5 * %s * %s; }, %s)"
                            % (a, b, a, lv, b, lv, la)))
        out.append(Stmt("raw", "%s += %s" % (u, la)))
        return out

    def s_lambdanest(self, loop):
        """A lambda that captures another lambda and calls it."""
        f, g = self.fresh("lf"), self.fresh("lg")
        u, out = self.target()
        inner = self.rng.choice(["t * t", "std::sin(t) * t", "0.5 * t + 1.0"])
        if self.chance(0.5):  # reads the function's variables when called
            inner = "(%s) * (%s)" % (inner, self.render_tmp(self.dexpr(1)))
        cap = self.rng.choice(["&%s" % f, f, "&", "="])
        out.append(Stmt("raw", "auto %s = [&](double t) { return %s; }" % (f, inner)))
        out.append(Stmt("raw", "auto %s = [%s](double s) { return %s(s) * s + %s(0.5 * s); }"
                        % (g, cap, f, f)))
        out.append(Stmt("raw", "%s += 0.25 * %s(%s)" % (u, g, self.render_tmp(self.dexpr(1)))))
        return out

    def s_stdswap(self, loop):
        arrays = [(n, v) for n, v in self.visible_local_arrays() if v.writable]
        scalars = self.writable()
        if arrays and (len(scalars) < 2 or self.chance(0.5)):
            a, var = self.rng.choice(arrays)
            return [Stmt("raw", "std::swap(%s[%s], %s[%s])"
                         % (a, self.index(var.size, False), a, self.index(var.size, False)))]
        # std::swap takes two of one type: a float local with a float.
        kinds = {n: v.float for n, v in self.visible("d") if v.writable}
        pairs = [(x, y) for x in scalars for y in scalars
                 if x < y and kinds.get(x) == kinds.get(y)]
        if not pairs:
            return self.s_decl(loop)
        x, y = self.rng.choice(pairs)
        return [Stmt("raw", "std::swap(%s, %s)" % (x, y))]

    def s_everyday(self, loop):
        """What people leave in numerical code: printing (which the
        generated functions leave out), memset / memcpy of arrays, the
        library's limits and classifications."""
        arrays = [(n, v) for n, v in self.visible_local_arrays()
                  if not v.float and v.writable]
        ch = self.rng.choice(["print", "limits", "finite"] + (["mem"] * 2 if arrays else []))
        if ch == "print":
            reads = [n for n, v in self.visible("d")]
            if not reads:
                return self.s_decl(loop)
            x = self.rng.choice(reads)
            if self.chance(0.5):
                return [Stmt("raw", 'std::fprintf(stderr, "%s = %%g\\n", %s)' % (x, x))]
            return [Stmt("raw", 'std::cerr << "%s " << %s << std::endl' % (x, x))]
        if ch == "mem":
            d, dv = self.rng.choice(arrays)
            # A std::vector or std::array is given by its first element.
            at = lambda n, v: n if v.carr else "&%s[0]" % n
            others = [(n, v) for n, v in self.visible_local_arrays() if n != d and not v.float]
            if others and self.chance(0.6):
                a, av = self.rng.choice(others)
                k = min(av.size, dv.size)
                return [Stmt("raw", "std::memcpy(%s, %s, %d * sizeof(double))" % (at(d, dv), at(a, av), k))]
            if dv.carr and self.chance(0.5):
                return [Stmt("raw", "std::memset(%s, 0, sizeof %s)" % (d, d))]
            k = self.rng.randint(1, dv.size)
            return [Stmt("raw", "std::memset(&%s[0], 0, %d * sizeof(double))" % (d, k))]
        u, out = self.target()
        e = self.render_tmp(self.dexpr(1))
        if ch == "finite":
            out.append(Stmt("raw", "if (std::isfinite(%s) && !std::isnan(%s)) %s += 0.5 * %s"
                            % (e, e, u, e)))
            return out
        m = self.fresh("m")
        if self.chance(0.5):
            out += [Stmt("raw", "double %s = std::numeric_limits<double>::max()" % m),
                    Stmt("raw", "%s = std::min(%s, %s)" % (m, m, e))]
        else:
            out += [Stmt("raw", "double %s = -std::numeric_limits<double>::infinity()" % m),
                    Stmt("raw", "%s = std::max(%s, %s)" % (m, m, e))]
        out.append(Stmt("raw", "%s += 0.5 * %s" % (u, m)))
        return out

    def s_stdalgo(self, loop):
        arrays = self.visible_local_arrays()
        a, var = self.rng.choice(arrays)
        first = "&%s[0]" % a
        targets = [(n, v) for n, v in arrays if v.writable]
        ch = self.rng.choice(["acc", "inner", "fill", "copy"])
        if ch == "fill" and targets:
            d, dv = self.rng.choice(targets)
            k = self.rng.randint(1, dv.size)
            e = self.render_tmp(self.dexpr(1))
            fn = self.rng.choice(["std::fill(&%s[0], &%s[0] + %d, %s)" % (d, d, k, e),
                                  "std::fill_n(&%s[0], %d, %s)" % (d, k, e)])
            return [Stmt("raw", fn)]
        if ch == "copy" and targets:
            d, dv = self.rng.choice(targets)
            if d != a:
                k = min(var.size, dv.size)
                return [Stmt("raw", "std::copy(%s, %s + %d, &%s[0])" % (first, first, k, d))]
        u, out = self.target()
        if ch == "inner":
            b, bv = self.rng.choice(arrays)
            k = min(var.size, bv.size)
            out.append(Stmt("raw", "%s += 0.25 * std::inner_product(%s, %s + %d, &%s[0], 0.0)"
                            % (u, first, first, k, b)))
        else:
            out.append(Stmt("raw", "%s += 0.5 * std::accumulate(%s, %s + %d, 0.0)"
                            % (u, first, first, var.size)))
        return out

    # Comparisons s_algoops passes: (plain, margin copy's), in p and q.
    COMPARISONS = [("[](double p, double q) { return p < q; }",
                    "[](double p, double q) { return rt_margin(p - q) < 0.0; }"),
                   ("[](const double &p, const double &q) { return std::abs(p) < std::abs(q); }",
                    "[](const double &p, const double &q) { return rt_margin(std::abs(p) - std::abs(q)) < 0.0; }"),
                   ("std::greater<>()",
                    "[](double p, double q) { return rt_margin(p - q) > 0.0; }")]

    def s_algoops(self, loop):
        """The <numeric> and <algorithm> calls that take an operation of the
        user's, over local arrays."""
        arrays = self.visible_local_arrays()
        a, var = self.rng.choice(arrays)
        b, bv = self.rng.choice(arrays)
        first = "&%s[0]" % a
        k = self.rng.randint(1, var.size)
        c = self.fresh("c")
        out = [Stmt("decl", c, [self.dexpr(1)])]
        self.declare(c, Var("d"))
        body = self.rng.choice(self.UNARY_BODIES).replace("c", c)
        pbody = self.rng.choice(self.BINARY_BODIES).replace("c", c)
        ch = self.rng.choice(["acc", "acc", "inner", "treduce", "reduce", "extreme", "extreme",
                              "sort", "sort", "count", "copy_n"])
        u, more = self.target()
        out += more
        e = self.render_tmp(self.dexpr(1))
        if ch == "acc":
            op, init = self.rng.choice([
                ("std::multiplies<>()", "1.0"), ("std::multiplies<double>()", "0.5"),
                ("std::plus<>()", "0.0"),
                ("[%s](double acc, double t) { return acc + %s; }" % (c, body), "0.0"),
                ("[&](double acc, const double &t) { return 0.5 * acc + %s; }" % body, "0.25"),
                ("[=](auto acc, auto t) { return acc * (0.5 + 0.25 * std::sin(%s)); }" % body, "1.0")])
            out.append(Stmt("raw", "%s += 0.5 * std::accumulate(%s, %s + %d, %s, %s)"
                            % (u, first, first, k, init, op)))
        elif ch == "inner":
            k = min(k, bv.size)
            out.append(Stmt("raw", "%s += 0.25 * std::inner_product(%s, %s + %d, &%s[0], 0.0, "
                                   "std::plus<>(), [%s](double p, double q) { return %s; })"
                            % (u, first, first, k, b, c, pbody)))
        elif ch == "treduce":
            k = min(k, bv.size)
            call = self.rng.choice([
                "std::transform_reduce(%s, %s + %d, &%s[0], 0.0)" % (first, first, k, b),
                "std::transform_reduce(%s, %s + %d, &%s[0], 0.5, std::plus<>(), "
                "[&](double p, double q) { return %s; })" % (first, first, k, b, pbody),
                "std::transform_reduce(%s, %s + %d, 0.0, std::plus<>(), [%s](double t) { return %s; })"
                % (first, first, k, c, body)])
            out.append(Stmt("raw", "%s += 0.25 * %s" % (u, call)))
        elif ch == "reduce":
            call = self.rng.choice(["std::reduce(%s, %s + %d)", "std::reduce(%s, %s + %d, 0.5)",
                                    "std::reduce(%s, %s + %d, 1.0, std::multiplies<>())"])
            out.append(Stmt("raw", "%s += 0.5 * %s * %s" % (u, call % (first, first, k), e)))
        elif ch == "extreme" and self.on("minmax_element") and self.chance(0.4):
            cmp, mcmp = self.rng.choice(self.COMPARISONS)
            lo, hi = self.fresh("lo"), self.fresh("hi")
            decl = "auto [%s, %s] = std::minmax_element(%s, %s + %d, %%s)" % (lo, hi, first, first, k)
            out.append(Stmt("raw", decl % cmp, mtext=decl % mcmp))
            out.append(Stmt("raw", "%s += (*%s - 0.5 * *%s + 0.25 * (%s - %s)) * %s"
                            % (u, hi, lo, hi, first, e)))
        elif ch == "extreme":
            fn = self.rng.choice(["max_element", "min_element"])
            cmp, mcmp = self.rng.choice(self.COMPARISONS)
            it = self.fresh("it")
            decl = "auto %s = std::%s(%s, %s + %d, %%s)" % (it, fn, first, first, k)
            out.append(Stmt("raw", decl % cmp, mtext=decl % mcmp))
            use = self.rng.choice(["*%s * %s" % (it, e), "(*%s + 0.25 * (%s - %s)) * %s" % (it, it, first, e)])
            out.append(Stmt("raw", "%s += %s" % (u, use)))
        elif ch == "sort":
            srt = self.fresh("srt")
            out.append(Stmt("raw", "double %s[%d]" % (srt, k)))
            out.append(Stmt("raw", "std::copy(%s, %s + %d, %s)" % (first, first, k, srt)))
            fn = self.rng.choice(["sort", "stable_sort", "partial_sort", "nth_element"])
            h = k // 2
            # partial_sort sorts [0, h]; nth_element places h: only those
            # elements are read (the rest C++ leaves in no given order).
            mid = {"partial_sort": "%s + %d, " % (srt, h + 1),
                   "nth_element": "%s + %d, " % (srt, h)}.get(fn, "")
            if self.chance(0.5):
                cmp, mcmp = self.rng.choice(self.COMPARISONS)
                call = "std::%s(%s, %s%s + %d, %%s)" % (fn, srt, mid, srt, k)
                out.append(Stmt("raw", call % cmp, mtext=call % mcmp))
            else:  # the margin copy compares as the default does
                out.append(Stmt("raw", "std::%s(%s, %s%s + %d)" % (fn, srt, mid, srt, k),
                                mtext="std::%s(%s, %s%s + %d, [](double p, double q) { return rt_margin(p - q) < 0.0; })"
                                % (fn, srt, mid, srt, k)))
            first_read = "%s[%d]" % (srt, h) if fn == "nth_element" else "%s[0]" % srt
            out.append(Stmt("raw", "%s += (%s + 0.5 * %s[%d]) * %s" % (u, first_read, srt, h, e)))
        elif ch == "count":
            t = self.rng.choice(["0.25", "-0.5", "0.0"])
            # (Joined, not formatted twice: e may hold a `%`.)
            head = "%s += std::count_if(%s, %s + %d, " % (u, first, first, k)
            tail = ") * %s" % e
            out.append(Stmt("raw", head + ("[](double t) { return t > %s; }" % t) + tail,
                            mtext=head + ("[](double t) { return rt_margin(t - %s) > 0.0; }" % t) + tail))
        else:  # copy_n into a fresh local array, then read
            cp = self.fresh("cp")
            out.append(Stmt("raw", "double %s[%d]" % (cp, k)))
            out.append(Stmt("raw", "std::copy_n(%s, %d, %s)" % (first, k, cp)))
            out.append(Stmt("raw", "%s += %s[%d] * %s" % (u, cp, k - 1, e)))
        return out

    # Bodies of the lambdas s_transform passes, in the element(s) and c.
    UNARY_BODIES = ["t * c + 0.5 * t", "std::sin(t) * c", "0.5 * t * t + c", "std::tanh(c * t)"]
    BINARY_BODIES = ["p * q + c", "c * p - 0.5 * q", "std::sin(p) * q + c"]

    def s_transform(self, loop):
        arrays = self.visible_local_arrays()
        a, var = self.rng.choice(arrays)
        targets = [(n, v) for n, v in arrays if v.writable]
        c = self.fresh("c")
        out = [Stmt("decl", c, [self.dexpr(1)])]
        self.declare(c, Var("d"))
        body = self.rng.choice(self.UNARY_BODIES).replace("c", c)
        param = self.rng.choice(["double t", "auto t", "const double &t"])
        ch = self.rng.choice(["transform", "binary", "for_each", "for_each_n", "inplace",
                              "iota", "reverse"])
        if ch in ("transform", "binary", "inplace", "iota", "reverse") and targets:
            d, dv = self.rng.choice(targets)
            k = min(var.size, dv.size)
            if ch == "transform":
                out.append(Stmt("raw", "std::transform(&%s[0], &%s[0] + %d, &%s[0], [%s](%s) { return %s; })"
                                % (a, a, k, d, c, param, body)))
            elif ch == "binary":
                b, bv = self.rng.choice(arrays)
                k = min(k, bv.size)
                pb = self.rng.choice(self.BINARY_BODIES).replace("c", c)
                out.append(Stmt("raw", "std::transform(&%s[0], &%s[0] + %d, &%s[0], &%s[0], "
                                "[&](double p, double q) { return %s; })" % (a, a, k, b, d, pb)))
            elif ch == "inplace":
                out.append(Stmt("raw", "std::for_each(&%s[0], &%s[0] + %d, [%s](double &t) { t = %s; })"
                                % (d, d, dv.size, c, body)))
            elif ch == "iota":
                out.append(Stmt("raw", "std::iota(&%s[0], &%s[0] + %d, %s)" % (d, d, k, c)))
            else:
                out.append(Stmt("raw", "std::reverse(&%s[0], &%s[0] + %d)" % (d, d, k)))
            return out
        u, more = self.target()
        s = self.fresh("s")
        out += more + [Stmt("decl", s, [Expr("lit", "0.0")])]
        self.declare(s, Var("d"))
        if ch == "for_each_n":
            k = self.rng.randint(1, var.size)
            out.append(Stmt("raw", "std::for_each_n(&%s[0], %d, [&%s, %s](%s) { %s += %s; })"
                            % (a, k, s, c, param, s, body)))
        else:
            out.append(Stmt("raw", "std::for_each(&%s[0], &%s[0] + %d, [&](%s) { %s += %s; })"
                            % (a, a, var.size, param, s, body)))
        out.append(Stmt("raw", "%s += 0.5 * %s" % (u, s)))
        return out

    def s_mutable(self, loop):
        c, g = self.fresh("c"), self.fresh("g")
        out = [Stmt("decl", c, [self.dexpr(1)])]
        self.declare(c, Var("d"))
        step = self.rng.choice(["0.5 * %s + t", "%s * std::cos(t)", "std::sin(%s + t)"]) % c
        out.append(Stmt("raw", "auto %s = [%s](double t) mutable { %s = %s; return %s * t; }"
                        % (g, c, c, step, c)))
        u, more = self.target()
        out += more
        calls = "%s(%s) + %s(%s)" % (g, self.render_tmp(self.dexpr(1)), g, self.render_tmp(self.dexpr(1)))
        if self.chance(0.4):
            h = self.fresh("h")
            out.append(Stmt("raw", "auto %s = %s" % (h, g)))
            calls += " + %s(0.5) * %s(0.25)" % (h, g)
        out.append(Stmt("raw", "%s += 0.25 * (%s)" % (u, calls)))
        arrays = [(n, v) for n, v in self.visible_local_arrays() if v.writable]
        if arrays and self.chance(0.4):
            d, dv = self.rng.choice(arrays)
            out.append(Stmt("raw", "std::transform(&%s[0], &%s[0] + %d, &%s[0], %s)" % (d, d, dv.size, d, g)))
        return out

    def s_stdint(self, loop):
        # Integers carry no derivative: computed as written.
        n, _ = self.rng.choice([(n, v) for n, v in self.visible("i") if not v.unsigned] or
                               [("static_cast<int>(%s)" % n, v) for n, v in self.visible("i")])
        f = self.rng.choice(["std::max(%s - 1, 0)", "std::min(%s, 2)", "std::abs(%s - 2)",
                             "std::clamp(%s, 1, 3)"]) % n
        u, out = self.target()
        e = self.render_tmp(self.dexpr(1))
        out.append(Stmt("raw", "%s += %s * %s" % (u, f, e)))
        return out

    def s_ptrwalk(self, loop):
        a, var = self.rng.choice(self.visible_local_arrays())
        p, e = self.fresh("p"), self.render_tmp(self.dexpr(1))
        u, out = self.target()
        a = "&%s[0]" % a  # also a std::array or std::vector
        out.append(Stmt("raw", "const double *%s = %s" % (p, a)))
        r = self.rng.random()
        if r < 0.25:
            # The end taken from the pointer before it moves.
            end = self.fresh("end")
            out.append(Stmt("raw", "const double *%s = %s + %d" % (end, p, var.size)))
            out.append(Stmt("raw", "while (%s != %s) %s += *%s++ * %s"
                            % (p, end, u, p, e)))
        elif r < 0.4:
            end = self.fresh("end")
            out.append(Stmt("raw", "for (const double *%s = %s + %d; %s < %s; ++%s) %s += *%s * %s"
                            % (end, p, var.size, p, end, p, u, p, e)))
        elif r < 0.7:
            out.append(Stmt("raw", "while (%s != %s + %d) %s += *%s++ * %s"
                            % (p, a, var.size, u, p, e)))
        else:
            out.append(Stmt("raw", "for (; %s + 1 < %s + %d; ++%s) %s += %s[0] * %s[1] * %s"
                            % (p, a, var.size, p, u, p, p, e)))
        return out

    def s_stepeffects(self, loop):
        """A loop whose step (or header declaration) changes a variable
        inside an expression, over a local array of N elements."""
        a, var = self.rng.choice(self.visible_local_arrays())
        n = var.size
        i, j, k = self.fresh("gsi"), self.fresh("gsj"), self.fresh("gsk")
        e = self.render_tmp(self.dexpr(1))
        u, out = self.target()
        ch = self.rng.choice(["shoelace", "lagged", "init"])
        if ch == "shoelace":
            out.append(Stmt("raw", "for (int %s = 0, %s = %d; %s < %d; %s = %s++) %s += %s[%s] * %s[%s] * (%s)"
                            % (i, j, n - 1, i, n, j, i, u, a, j, a, i, e)))
        elif ch == "lagged":
            out.append(Stmt("raw", "int %s = 0, %s = 0" % (j, k)))
            out.append(Stmt("raw", "for (int %s = 0; %s < %d; ++%s, %s = %s++) %s += %s[%s] * (%s + %s[%s])"
                            % (i, i, n, i, k, j, u, a, k, e, a, i)))
        else:
            out.append(Stmt("raw", "int %s = %d" % (j, self.rng.randint(0, n - 1))))
            out.append(Stmt("raw", "for (int %s = %s++; %s < %d; ++%s) %s += %s[%s] * %s * (%s)"
                            % (k, j, k, n, k, u, a, k, j, e)))
        return out

    def s_ptrchoice(self, loop):
        """A pointer into one of two local arrays (maybe the same one), at
        offsets that leave n elements to read and write through it."""
        arrays = self.visible_local_arrays()
        (a, va), (b, vb) = self.rng.choice(arrays), self.rng.choice(arrays)
        ka = self.rng.randint(0, va.size - 1)
        kb = self.rng.randint(0, vb.size - 1)
        n = min(va.size - ka, vb.size - kb)
        at = lambda x, k: "&%s[0]" % x + (" + %d" % k if k else "")  # also a std::array or std::vector
        p, e = self.fresh("p"), self.render_tmp(self.dexpr(1))
        u, out = self.target()
        write = self.chance(0.3)
        ptr = "double *" if write else "const double *"
        ints = self.visible("i")
        if self.chance(0.25):
            # Given the second array after it was read through (ADBench's
            # LSTM `xp`): both are known where it is declared.
            k = self.rng.randint(0, n - 1)
            out.append(Stmt("raw", "%s%s = %s" % (ptr, p, at(a, ka))))
            out.append(Stmt("raw", "%s += %s[%d] * %s" % (u, p, k, self.render_tmp(self.dexpr(1)))))
            out.append(Stmt("raw", "%s = %s" % (p, at(b, kb))))
        elif ints and self.chance(0.5):
            name, v = self.rng.choice(ints)
            c = ("%s > %d" % (name, self.rng.randint(0, 2)) if v.value is not None
                 else "%s %% 2 == 0" % name)
            out.append(Stmt("raw", "%s%s = %s ? %s : %s" % (ptr, p, c, at(a, ka), at(b, kb))))
        else:
            out.append(Stmt("raw", "%s%s" % (ptr, p)))
            out.append(Stmt("if", "", [self.cond(allow_logic=False)],
                            [[Stmt("raw", "%s = %s" % (p, at(a, ka)))],
                             [Stmt("raw", "%s = %s" % (p, at(b, kb)))]]))
        k = self.rng.randint(0, n - 1)
        read = "*%s" % p if k == 0 and self.chance(0.5) else "%s[%d]" % (p, k)
        out.append(Stmt("raw", "%s += %s * %s" % (u, read, e)))
        if write:
            j = self.rng.randint(0, n - 1)
            out.append(Stmt("raw", "%s[%d] += 0.5 * %s" % (p, j, self.render_tmp(self.dexpr(1)))))
        return out

    def s_view(self, loop):
        """GW g{&a[0], &a[0] + k, m}; t += gw_dot(g, e); (GW: VIEWED)."""
        a, var = self.rng.choice(self.visible_local_arrays())
        g, e = self.fresh("g"), self.render_tmp(self.dexpr(1))
        u, out = self.target()
        a = "&%s[0]" % a  # also a std::array or std::vector
        k = self.rng.choice([0, 1]) if var.size > 1 else 0
        out.append(Stmt("raw", "GW %s{%s, %s + %d, %d}" % (g, a, a, k, var.size - k)))
        if self.chance(0.3):
            h = self.fresh("g")
            out.append(Stmt("raw", "GW %s = %s" % (h, g)))
            g = h
        fn = self.rng.choice(["gw_dot", "gw_twice"])
        out.append(Stmt("raw", "%s += %s(%s, %s)" % (u, fn, g, e)))
        return out

    def s_starr(self, loop):
        a = self.fresh("a")
        size = self.rng.choice([2, 3])
        n_init = size if self.chance(0.7) else size - 1  # the rest is zero
        s = Stmt("starr", a, [self.dexpr(1) for _ in range(n_init)], size=size)
        var = Var("arr", size=size)
        var.cont = ("arr", size)
        self.declare(a, var)
        return [s]

    def containers(self, writable=False):
        return [(n, v) for n, v in self.visible("arr")
                if v.cont and (v.writable or not writable)]

    def s_vecops(self, loop):
        """Containers as wholes: copies, assignments of one size, fill,
        references, ends written, assign / resize / reserve."""
        conts = self.containers()
        if not conts:
            return []
        name, var = self.rng.choice(conts)
        kind, size = var.cont
        ty = ("std::vector<double>" if kind == "vec"
              else "std::array<double, %d>" % size)
        opts = ["endw", "copy", "copy"]
        same = [n for n, v in self.containers(True) if v.cont == var.cont and n != name]
        if same:
            opts += ["assign", "assign"]
        if kind == "arr" and var.writable:
            opts.append("fill")
        if kind == "vec" and var.writable:
            opts.append("vsize")
        opts.append("ref")
        ch = self.rng.choice(opts)
        if ch == "copy":
            c = self.fresh("c")
            form = self.rng.choice(["%s %s = %s", "%s %s(%s)"])
            out = [Stmt("raw", form % (ty, c, name))]
            copy = Var("arr", size=var.size)
            copy.cont = var.cont
            self.declare(c, copy)
            out.append(Stmt("assign", "%s[%s]" % (c, self.index(var.size, False)),
                            [self.dexpr(1)], aop=self.rng.choice(["=", "+=", "*="])))
            return out
        if ch == "assign":
            return [Stmt("raw", "%s = %s" % (self.rng.choice(same), name))]
        if ch == "fill":
            return [Stmt("call", "", [Expr("fn", name + ".fill({0})", [self.dexpr(1)])])]
        if ch == "vsize":
            form = self.rng.choice(["%s.assign(%s, {0})", "%s.resize(%s)", "%s.reserve(%s)"])
            return [Stmt("call", "", [Expr("fn", form % (name, size), [self.dexpr(1)]
                                           if "{0}" in form else [])])]
        if ch == "ref":
            r = self.fresh("r")
            alias = Var("arr", size=var.size, writable=var.writable and self.chance(0.6),
                        value=var.value)
            alias.cont, alias.data = var.cont, var.data
            self.declare(r, alias)
            const = "" if alias.writable else "const "
            return [Stmt("raw", "%s%s &%s = %s" % (const, ty, r, name))]
        # an end written: a.back() += e, a.front() = e, a.at(k) *= ...
        targets = self.containers(True)
        if not targets:
            return []
        name, var = self.rng.choice(targets)
        end = self.rng.choice(["front()", "back()", "at(%s)" % self.index(var.size, var.value == "param")])
        aop = self.rng.choice(["=", "+="])
        return [Stmt("assign", "%s.%s" % (name, end), [self.dexpr(2)], aop=aop)]

    def s_float(self, loop):
        t = self.fresh("t")
        self.uses_float = True
        out = [Stmt("fdecl", t, [Expr("fn", "static_cast<float>({0})", [self.dexpr(1)])])]
        upd = self.rng.choice([
            ("=", Expr("fn", "0.5f * %s + static_cast<float>({0})" % t, [self.dexpr(1)])),
            ("*=", Expr("lit", "0.75f")),
            ("+=", Expr("fn", "0.25f * %s * %s" % (t, t), [])),
            ("-=", Expr("fn", "static_cast<float>({0}) * 0.5f", [self.dexpr(1)]))])
        out.append(Stmt("assign", t, [upd[1]], aop=upd[0]))
        v = Var("d")
        v.float = True  # not for a double & or double * argument
        self.declare(t, v)
        return out

    def s_aout(self, loop):
        """double o[3]; h(a, b, o); with h writing o[i] in a loop (or o[0],
        o[1], o[2]), each element once."""
        name = "%s_o%d" % (self.name, len(self.helpers))
        feats = self.feats - {"helper", "helper_out", "param_write", "struct", "vector",
                              "struct_local", "early_return", "loop_return", "int_param", "float",
                              "helper_array_out", "std_array", "struct_array", "void_out"}
        g = Gen(self.rng, feats, name, helper=True, budget=3)
        if self.on("nested_call"):
            g.shared = self.scalar_helpers()
        params = [{"kind": "d", "name": "a"}, {"kind": "d", "name": "b"}][:self.rng.randint(1, 2)]
        for p in params:
            g.declare(p["name"], Var("d", writable=False))
        body = g.start_sink() + g.block(self.rng.randint(1, 3))
        total = sum_of([g.dexpr(1)] + g.reads_of(g.frames[0]))
        if self.chance(0.6):
            i = "k"
            g.frames.append({})
            g.declare(i, Var("i", writable=False, bound=3))
            e = Expr("bin", "+", [total, Expr("bin", "*", [Expr("var", "(k + 1)"), g.dexpr(1)])])
            g.frames.pop()
            body.append(Stmt("for", "", [Expr("cmp", "<", [Expr("var", "k"), Expr("lit", "3")], "b")],
                             [[Stmt("assign", "o[k]", [e], aop="=", keep=True)]],
                             init="int k = 0", step="++k", keep=True))
        else:
            body.append(Stmt("assign", "o[0]", [total], aop="=", keep=True))
            body += [Stmt("assign", "o[%d]" % k, [g.dexpr(2)], aop="=", keep=True) for k in (1, 2)]
        params.append({"kind": "out", "name": "o"})
        f = Func(name, "void", params, body)
        f.outs = "ptr"
        self.helpers.append(f)
        o = self.fresh("o")
        args = [self.dexpr(1) for p in params if p["kind"] == "d"] + [Expr("var", o)]
        self.declare(o, Var("arr", writable=False, size=3))
        return [Stmt("raw", "double %s[3]" % o), Stmt("call", "", [Expr("call", name, args)])]

    # -- memory as C++ has it: calls that read and write their arguments
    def mini(self, name, budget):
        """A Gen for a small non-annotated helper."""
        feats = self.feats - {"helper", "helper_out", "param_write", "struct", "vector",
                              "struct_local", "early_return", "loop_return", "int_param", "float",
                              "helper_array_out", "std_array", "struct_array", "void_out",
                              "shared_helper", "inout_param", "out_rewrite", "param_assign_deep",
                              "inplace_helper", "scratch_reuse", "address_of"}
        g = Gen(self.rng, feats, name, helper=True, budget=budget)
        if self.on("nested_call"):
            g.shared = self.scalar_helpers()
        return g

    def arg_not_reading(self, name, make):
        """make(), an argument of a call that writes name: without
        call_alias, one that does not read name (KNOWN_BUGS (e))."""
        e = make()
        if not self.on("call_alias") and re.search(r"(?<![\w.])%s\b" % re.escape(name), render_expr(e)):
            return self.lit()
        return e

    def scalar_param(self, name):
        """A helper's scalar parameter: by value, or with const_ref_arg
        sometimes by const reference."""
        cref = self.on("const_ref_arg") and self.chance(0.5)
        return {"kind": "cref" if cref else "d", "name": name}

    def scalar_arg(self, param, written, make):
        """arg_not_reading(written, make) for param: given to a const
        reference, one reading written is a temporary (0.5 * u), not the
        memory the call writes (which gradc refuses)."""
        e = self.arg_not_reading(written, make)
        if param["kind"] == "cref" and re.search(r"(?<![\w.])%s\b" % re.escape(written), render_expr(e)):
            return Expr("bin", "*", [Expr("lit", "0.5"), e])
        return e

    def fused_loop(self, terms):
        """The result summed by a last loop and returned as it is: gradc runs
        the loop's backward sweep inside it when no iteration touches what
        another writes (its random statements may make it otherwise)."""
        acc = self.fresh("acc")
        out = [Stmt("decl", acc, [sum_of(terms)])]
        self.declare(acc, Var("d", writable=False))
        i = self.fresh("i")
        text, size = (self.nname, self.narr) if self.narr else ("3", 3)
        var = Var("i", writable=False, bound=size, to_n=bool(self.narr))
        body = self.loop_body("for", lambda: self.declare(i, var))
        self.loops.append("for")
        self.frames.append({})
        self.declare(i, var)
        e = self.dexpr(2)
        self.frames.pop()
        self.loops.pop()
        body.append(Stmt("assign", acc, [e], aop="+="))
        out.append(self.counted(i, text, body))
        out.append(Stmt("return", "", [Expr("var", acc)]))
        return out

    def counted(self, i, bound, body):
        return Stmt("for", "", [Expr("cmp", "<", [Expr("var", i), Expr("var", bound)], "b")],
                    [body], init="int %s = 0" % i, step="++" + i, keep=True)

    def with_counter(self, g, i, size, make):
        """make() with the counter i (in [0, size)) visible in g."""
        g.frames.append({})
        g.declare(i, Var("i", writable=False, bound=size))
        e = make()
        g.frames.pop()
        return e

    def s_inplace(self, loop):
        kinds = ["arr", "arr", "acc"]
        locs = [n for n, v in self.visible("st") if n.startswith("q")]  # locals, not p
        if locs:
            kinds.append("method")
        kind = self.rng.choice(kinds)
        if kind == "acc":
            return self.inplace_acc()
        if kind == "method":
            meth = self.mutating_method()
            q = self.rng.choice(locs)
            return [Stmt("call", "", [Expr("mcall", "%s.%s" % (q, meth.name),
                                           [self.arg_not_reading(q, lambda: self.dexpr(1))])])]
        return self.inplace_arr()

    def inplace_acc(self):
        """void h(double &acc, double v) { acc += e; } on a local (or a
        parameter, an element of err)."""
        name = "%s_a%d" % (self.name, len(self.helpers))
        g = self.mini(name, 2)
        g.declare("acc", Var("d", writable=False, value="param"))
        g.declare("v", Var("d", writable=False, value="param"))
        body = g.start_sink() + g.block(self.rng.randint(0, 2))
        e = sum_of([g.dexpr(2)] + g.reads_of(g.frames[0]))
        kind = self.rng.choice(["+=", "-=", "relax"])
        if kind == "relax":
            body.append(Stmt("assign", "acc", [Expr("bin", "+", [
                Expr("bin", "*", [Expr("lit", "0.5"), Expr("var", "acc")]), e])], aop="=", keep=True))
        else:
            body.append(Stmt("assign", "acc", [e], aop=kind, keep=True))
        v = self.scalar_param("v")
        f = Func(name, "void", [{"kind": "ref", "name": "acc"}, v], body)
        self.helpers.append(f)
        # A local: gradc refuses a parameter passed by reference ("copy it
        # into a local variable first") and an element of err ("not a local
        # variable here").
        locs = [n for n, v in self.visible("d")
                if v.writable and v.value is None and not v.float]
        out = []
        if locs and self.on("call_alias"):  # KNOWN_BUGS (e): a local read before
            u = self.rng.choice(locs)
        else:
            u = self.fresh("u")
            out.append(Stmt("decl", u, [self.dexpr(1)]))
            self.declare(u, Var("d"))
        return out + [Stmt("call", "", [Expr("call", name, [Expr("var", u), self.scalar_arg(v, u, lambda: self.dexpr(1))])])]

    def inplace_arr(self):
        """void h(double *z, int m, double c): z updated in place (relaxed,
        normalized, or a softmax), on a local array written before."""
        cands = [(n, v) for n, v in self.visible("arr") if v.carr and v.writable]
        out = []
        if cands and self.chance(0.6):
            a, var = self.rng.choice(cands)
            size = var.size
        else:
            a, size = self.fresh("z"), self.rng.choice([2, 3, 4])
            out.append(Stmt("arr", a, [self.dexpr(1) for _ in range(size)]))
            var = Var("arr", size=size)
            var.carr = True
            self.declare(a, var)
        name = "%s_i%d" % (self.name, len(self.helpers))
        g = self.mini(name, 2)
        g.declare("z", Var("arr", writable=False, size=size, value="zarr"))
        g.declare("c", Var("d", writable=False, value="param"))
        body = g.start_sink() + g.block(self.rng.randint(0, 2))
        sink = g.reads_of(g.frames[0])
        kind = self.rng.choice(["relax", "normalize", "softmax"])
        if kind == "relax":  # z[i] = 0.5 * z[i] + 0.5 * tanh(e)
            e = self.with_counter(g, "i", size, lambda: sum_of([g.dexpr(2)] + sink))
            body.append(self.counted("i", "m", [Stmt("assign", "z[i]", [Expr("fn", "0.5 * z[i] + 0.5 * std::tanh({0})", [e])], aop="=", keep=True)]))
        elif kind == "normalize":  # z[i] = (z[i] + e) / sqrt(1 + sum z^2)
            e = self.with_counter(g, "i", size, lambda: sum_of([g.dexpr(1)] + sink))
            body += [Stmt("decl", "q", [Expr("lit", "0.0")]),
                     self.counted("i", "m", [Stmt("assign", "q", [Expr("var", "z[i] * z[i]")], aop="+=", keep=True)]),
                     Stmt("decl", "r", [Expr("var", "std::sqrt(1.0 + q)")]),
                     self.counted("i", "m", [Stmt("assign", "z[i]", [Expr("fn", "(z[i] + 0.5 * std::tanh({0})) / r", [e])], aop="=", keep=True)])]
        else:  # a softmax of z scaled by c, its maximum a kink
            mx = Expr("cmp", ">", [Expr("var", "z[i]"), Expr("var", "mx")], "b", margin=True)
            body += [Stmt("decl", "mx", [Expr("var", "z[0]")]),
                     Stmt("for", "", [Expr("cmp", "<", [Expr("var", "i"), Expr("var", "m")], "b")],
                          [[Stmt("if", "", [mx], [[Stmt("assign", "mx", [Expr("var", "z[i]")], aop="=", keep=True)]])]],
                          init="int i = 1", step="++i", keep=True),
                     Stmt("decl", "q", [sum_of([Expr("lit", "0.0")] + [Expr("bin", "*", [Expr("lit", "0.0"), t]) for t in sink])]),
                     self.counted("i", "m", [Stmt("assign", "z[i]", [Expr("var", "std::exp(z[i] - mx)")], aop="=", keep=True),
                                             Stmt("assign", "q", [Expr("var", "z[i]")], aop="+=", keep=True)]),
                     self.counted("i", "m", [Stmt("assign", "z[i]", [Expr("fn", "z[i] / q * (1.0 + 0.25 * std::tanh({0}))", [Expr("var", "c")])], aop="=", keep=True)])]
        c = self.scalar_param("c")
        f = Func(name, "void", [{"kind": "zarr", "name": "z"}, {"kind": "n", "name": "m"}, c], body)
        self.helpers.append(f)
        return out + [Stmt("call", "", [Expr("call", name, [Expr("var", a), Expr("lit", str(size)),
                                                             self.scalar_arg(c, a, lambda: self.dexpr(1))])])]

    def s_mutating(self, loop):
        """q.u0(e) on a local struct q; e may read q's own members (the
        method takes a double by value: no overlap), the method may call
        others of its object, and the call may run in a loop of its own."""
        q = self.rng.choice([n for n, _ in self.visible("st") if n.startswith("q")])
        meth = self.mutating_method(compose=True)
        arg = self.dexpr(1)
        if self.chance(0.6):
            own = Expr("var", "%s.%s" % (q, self.rng.choice(["a", "b", "c", "v[0]", "v[1]"])))
            arg = Expr("bin", "+", [Expr("bin", "*", [Expr("lit", "0.5"), own]), arg])
        call = Stmt("call", "", [Expr("mcall", "%s.%s" % (q, meth.name), [arg])])
        if self.chance(0.5):
            i = self.fresh("mi")
            return [Stmt("for", "", [Expr("cmp", "<", [Expr("var", i), Expr("lit", str(self.rng.randint(2, 4)))], "b")],
                         [[call]], init="int %s = 0" % i, step="++" + i, keep=True)]
        return [call]

    def mutating_method(self, compose=False):
        """void u0(double t) { ...; a += ...; v[1] = 0.5 * v[1] + ...; }
        With compose (mutating_method), sometimes one that calls others of
        its object: void u2(double t) { u0(0.5 * t); u1(t * a); }."""
        mm = [m for m in self.methods if getattr(m, "mutating", False)]
        if compose and mm and self.on("mutating_method") and self.chance(0.4):
            body = []
            for m in self.rng.sample(mm, min(len(mm), self.rng.randint(1, 2))):
                arg = self.rng.choice(["t", "0.5 * t", "t * a", "0.25 + 0.5 * b", "v[1] - t"])
                body.append(Stmt("call", "", [Expr("call", m.name, [Expr("var", arg)])]))
            f = Func("u%d" % len(self.methods), "void", [{"kind": "d", "name": "t"}], body)
            f.mutating = True
            self.methods.append(f)
            return f
        if mm and self.chance(0.5):
            return self.rng.choice(mm)
        name = "u%d" % len(self.methods)
        feats = self.feats & {"math", "reassign", "division", "math2"}
        g = Gen(self.rng, feats, name, helper=True, budget=2)
        g.methods, g.no_kinks = None, True
        g.declare("t", Var("d", writable=False, value="param"))
        for mem in "abc":
            g.declare(mem, Var("d", writable=False, value="param"))
        g.declare("v", Var("arr", writable=False, size=2, value="member"))
        body = g.start_sink() + g.block(self.rng.randint(0, 1))
        sink = g.reads_of(g.frames[0])
        for mem in self.rng.sample(["a", "b", "c", "v[0]", "v[1]"], self.rng.randint(1, 2)):
            e = sum_of([g.dexpr(2)] + sink)
            sink = []
            kind = self.rng.choice(["+=", "relax", "*="])
            if kind == "+=":
                body.append(Stmt("assign", mem, [Expr("fn", "0.5 * std::tanh({0})", [e])], aop="+=", keep=True))
            elif kind == "*=":
                body.append(Stmt("assign", mem, [Expr("fn", "0.75 + 0.25 * std::sin({0})", [e])], aop="*=", keep=True))
            else:
                body.append(Stmt("assign", mem, [Expr("fn", "0.5 * %s + {p0}" % mem, [e])], aop="=", keep=True))
        f = Func(name, "void", [{"kind": "d", "name": "t"}], body)
        f.mutating = True
        self.methods.append(f)
        return f

    def s_scratch(self, loop):
        """RK-like stages: double k1[3], k2[3], tmp[3]; declared once, written
        by a helper at every step of a time loop."""
        name = "%s_k%d" % (self.name, len(self.helpers))
        g = self.mini(name, 1)
        g.declare("y", Var("arr", writable=False, size=3, value="yarr"))
        g.declare("a", Var("d", writable=False, value="param"))
        body = g.start_sink() + g.block(self.rng.randint(0, 1))
        sink = g.reads_of(g.frames[0])
        wraps = ["std::tanh({0})", "std::sin({0})", "{p0} / (1.0 + {p0} * {p0})"]
        if self.chance(0.5):
            e = self.with_counter(g, "j", 3, lambda: sum_of([g.dexpr(2)] + sink))
            body.append(self.counted("j", "3", [Stmt("assign", "k[j]", [Expr("fn", self.rng.choice(wraps), [e])], aop="=", keep=True)]))
        else:
            for j in range(3):
                e = sum_of([g.dexpr(2)] + (sink if j == 0 else []))
                body.append(Stmt("assign", "k[%d]" % j, [Expr("fn", self.rng.choice(wraps), [e])], aop="=", keep=True))
        f = Func(name, "void", [{"kind": "arr", "name": "y"}, {"kind": "d", "name": "a"},
                                {"kind": "out", "name": "k"}], body)
        self.helpers.append(f)
        y, k1, k2, tmp = self.fresh("y"), self.fresh("k"), self.fresh("k"), self.fresh("tmp")
        st, i1, i2 = self.fresh("i"), self.fresh("i"), self.fresh("i")
        out = [Stmt("raw", "double %s[3], %s[3], %s[3]" % (k1, k2, tmp)),
               Stmt("arr", y, [self.dexpr(1) for _ in range(3)])]
        steps = self.rng.choice(["2", "3"])
        loop_body = [
            Stmt("call", "", [Expr("call", name, [Expr("var", y), self.dexpr(1), Expr("var", k1)])]),
            self.counted(i1, "3", [Stmt("assign", "%s[%s]" % (tmp, i1), [Expr("var", "%s[%s] + 0.5 * %s[%s]" % (y, i1, k1, i1))], aop="=", keep=True)]),
            Stmt("call", "", [Expr("call", name, [Expr("var", tmp), self.dexpr(1), Expr("var", k2)])]),
            self.counted(i2, "3", [Stmt("assign", "%s[%s]" % (y, i2), [Expr("var", "0.25 * (%s[%s] + %s[%s])" % (k1, i2, k2, i2))], aop="+=", keep=True)])]
        out.append(self.counted(st, steps, loop_body))
        for a, w in ((y, True), (k1, False)):
            var = Var("arr", writable=w, size=3)
            var.carr = w
            self.declare(a, var)
        return out

    def s_addr(self, loop):
        """void h(double a, double *o) { *o = e; } called with &w, w a local."""
        name = "%s_p%d" % (self.name, len(self.helpers))
        g = self.mini(name, 2)
        params = [{"kind": "d", "name": "a"}, {"kind": "d", "name": "b"}][:self.rng.randint(1, 2)]
        for p in params:
            g.declare(p["name"], Var("d", writable=False, value="param"))
        body = g.start_sink() + g.block(self.rng.randint(0, 2))
        e = sum_of([g.dexpr(2)] + g.reads_of(g.frames[0]))
        kind = self.rng.choice(["=", "=", "+="])
        lhs = self.rng.choice(["*o", "o[0]"])
        body.append(Stmt("assign", lhs, [Expr("fn", "0.5 * std::tanh({0})", [e]) if kind == "+=" else e],
                         aop=kind, keep=True))
        f = Func(name, "void", params + [{"kind": "out", "name": "o"}], body)
        self.helpers.append(f)
        locs = [n for n, v in self.visible("d")
                if v.writable and v.value is None and not v.float]
        out = []
        if locs and self.on("call_alias") and self.chance(0.5):  # KNOWN_BUGS (e)
            w = self.rng.choice(locs)
        else:
            w = self.fresh("w")
            out.append(Stmt("decl", w, [self.lit() if kind == "+=" else Expr("lit", "0.0")]))
            self.declare(w, Var("d"))
        args = [self.arg_not_reading(w, lambda: self.dexpr(1)) for _ in params] + [Expr("var", "&" + w)]
        return out + [Stmt("call", "", [Expr("call", name, args)])]

    def s_pwrite(self, loop):
        ps = [n for n, v in self.frames[0].items()
              if v.ty == "d" and v.value == "param" and "." not in n]
        if not ps:
            return self.s_decl(loop)
        return [Stmt("assign", self.rng.choice(ps), [self.dexpr(2)], aop="=")]

    def local_gvm(self):
        """A local GVM used through its members (gradc follows each as a
        local of its own): grown, its number set, read into the sink."""
        g = self.fresh("gl")
        return [Stmt("raw", "GVM %s{}" % g),
                Stmt("call", "", [Expr("fn", g + ".u.push_back({0})", [self.dexpr(1)])]),
                Stmt("call", "", [Expr("fn", g + ".u.push_back({0})", [self.dexpr(1)])]),
                Stmt("assign", g + ".g", [self.dexpr(1)], aop="=", keep=True),
                Stmt("assign", self.sink, [Expr("var", "%s.u[0] * %s.g + %s.u[1]" % (g, g, g))],
                     aop="+=", keep=True)]

    def start_sink(self):
        """s0, the top-level local that the locals of nested blocks are
        added to."""
        self.sink = "s0"
        s = Stmt("decl", "s0", [self.dexpr(1)])
        self.declare("s0", Var("d"))
        return [s]

    # -- the function
    def function(self):
        rng = self.rng
        params = []
        # param_assign_deep: parameters passed by value are locals, written
        # anywhere (in loops and branches).
        deep = self.on("param_assign_deep") and rng.random() < 0.5
        for name in rng.sample(["x", "y", "z"], rng.randint(1, 3)):
            params.append({"kind": "d", "name": name})
            self.declare(name, Var("d", writable=deep, value="param"))
        if self.on("array_param") and rng.random() < 0.7:
            self.narr = rng.randint(2, 4)
            for name in ["w", "v"][:rng.randint(1, 2)]:
                params.append({"kind": "arr", "name": name, "size": self.narr})
                self.declare(name, Var("arr", writable=False, size=self.narr, value="param"))
        if self.on("vector") and rng.random() < 0.4:
            self.narr = self.narr or rng.randint(2, 4)
            params.append({"kind": "vec", "name": "u", "size": self.narr,
                           "byval": self.on("byval_write") and rng.random() < 0.4})
            if params[-1]["byval"]:
                self.byval.append(("u", "arr", self.narr))
            var = Var("arr", writable=False, size=self.narr, value="param")
            var.data = "u.data()"
            var.cont = ("vec", "u.size()")
            self.declare("u", var)
        if self.on("std_array") and rng.random() < 0.3:
            params.append({"kind": "starr", "name": "g", "size": 3,
                           "byval": self.on("byval_write") and rng.random() < 0.4})
            if params[-1]["byval"]:
                self.byval.append(("g", "arr", 3))
            var = Var("arr", writable=False, size=3, value="cparam")
            var.data = "g.data()"
            var.cont = ("arr", 3)
            self.declare("g", var)
        if self.on("struct_array") and rng.random() < 0.4:
            self.narr = self.narr or rng.randint(2, 4)
            if not self.structs:
                self.structs.append("S_" + self.name)
            kind = "svec" if self.on("struct_vector") and rng.random() < 0.5 else "sarr"
            params.append({"kind": kind, "name": "ps", "type": self.structs[0], "size": self.narr})
            var = Var("sarr", writable=False, size=self.narr)
            var.svec = kind == "svec"
            self.declare("ps", var)
        if self.on("array2d_param") and rng.random() < 0.35:
            rows, cols = rng.choice([(2, 2), (2, 3), (3, 2)])
            # A reference to the array is copied by a [=] lambda, which
            # gradc refuses (user guide, section 7): not with lambdas.
            forms = ["arr", "open", "ptr"] + ([] if self.on("lambda") else ["ref"])
            params.append({"kind": "m2", "name": "q", "rows": rows, "cols": cols,
                           "form": rng.choice(forms)})
            var = Var("md", writable=False, value="param")
            var.size = (rows, cols)
            self.declare("q", var)
        if self.on("struct_vector_member") and rng.random() < 0.4:
            # (n, which helpers are given with the array, is its size.)
            size = self.narr = self.narr or rng.randint(2, 4)
            # With inout_param, taken by reference and changed in place
            # first (in/out, checked with check_vjp).
            self.vmio = self.on("inout_param") and rng.random() < 0.5
            params.append({"kind": "vm", "name": "gvm.u", "size": size, "io": self.vmio})
            var = Var("arr", writable=False, size=size, value="param")
            var.data = "gvm.u.data()"
            var.cont = ("vec", "gvm.u.size()")
            self.declare("gvm.u", var)
            # Its number g, read as a scalar parameter is (not written).
            params.append({"kind": "vmg", "name": "gvm.g"})
            self.declare("gvm.g", Var("d", writable=False, value="param"))
            self.vm = True
        if self.on("array_of_arrays") and rng.random() < 0.35:
            rows, cols = rng.choice([(2, 2), (2, 3), (3, 2)])
            params.append({"kind": "am2", "name": "qaa", "rows": rows, "cols": cols})
            var = Var("am2", writable=False, value="param")
            var.size = (rows, cols)
            self.declare("qaa", var)
        if self.on("vector_of_vectors") and rng.random() < 0.35:
            rows, cols = rng.choice([(2, 2), (2, 3), (3, 2)])
            params.append({"kind": "vv", "name": "qv", "rows": rows, "cols": cols})
            var = Var("am2", writable=False, value="param")
            var.size = (rows, cols)
            self.declare("qv", var)
        if self.on("vector_of_arrays") and rng.random() < 0.35:
            rows, cols = rng.choice([(2, 2), (2, 3), (3, 2)])
            params.append({"kind": "va", "name": "qva", "rows": rows, "cols": cols})
            var = Var("am2", writable=False, value="param")
            var.size = (rows, cols)
            self.declare("qva", var)
        if self.on("struct") and rng.random() < 0.4:
            if not self.structs:
                self.structs.append("S_" + self.name)
            params.append({"kind": "struct", "name": "p", "type": self.structs[0],
                           "byval": self.on("byval_write") and rng.random() < 0.5})
            if params[-1]["byval"]:
                self.byval.append(("p", "st", 0))
            self.declare("p", Var("st", writable=False))
        if self.on("int_param") and rng.random() < 0.5:
            kv = rng.randint(0, 3)
            params.append({"kind": "int", "name": "k", "value": kv})
            self.declare("k", Var("i", writable=False, value=kv))
        if self.on("int_types") and rng.random() < 0.4:
            # Not declared as an int: other statements take k to be one.
            ity = rng.choice(INT_TYPES)
            params.append({"kind": "int", "name": "kt", "value": rng.randint(0, 3), "ity": ity})
            self.kt = ("kt", ity)
        io = self.on("inout_param") and rng.random() < 0.3
        if io:  # double *io: read, then written (in/out)
            size = self.narr or 3
            # inout_helper: a std::vector<double> &io that helpers change
            self.iov = self.on("inout_helper") and rng.random() < 0.6
            params.append({"kind": "io", "name": "io", "size": size, "vec": self.iov})
            self.declare("io", Var("arr", writable=True, size=size, value="io"))
        rng.shuffle(params)
        # GVM's number g is a member of gvm: right after it (its u).
        for p in [p for p in params if p["kind"] == "vmg"]:
            params.remove(p)
            params.insert(next(k for k, q in enumerate(params) if q["kind"] == "vm") + 1, p)
        if self.narr:  # n after the arrays, as people write it
            params.append({"kind": "n", "name": "n", "value": self.narr})
        self.void = self.on("void_out") and rng.random() < 0.3
        if not self.void and self.on("out_rewrite") and self.on("void_out"):
            self.void = rng.random() < 0.2
        rewrite = self.void and self.on("out_rewrite") and rng.random() < 0.8
        # check_vjp's step and tolerance are double's: no float here.
        self.vjp = io or rewrite or getattr(self, "vmio", False)
        if self.vjp:
            self.feats = self.feats - {"float"}
        # A param_write makes the parameter writable at the top level only
        # (gradc refuses writes to parameters in loops and branches).
        body = []
        if getattr(self, "vmio", False):
            # GVM &gvm changed in place; sometimes read first by its const
            # member function or a helper (whose pullback gradc gives a
            # copy of gvm.u as it was).
            x = next(p["name"] for p in params if p["kind"] == "d")
            if rng.random() < 0.5:
                t = self.fresh("t")
                call = rng.choice(["gvm.gvm_wave(%s)" % x, "gvm_norm(gvm)"])
                body.append(Stmt("raw", "double %s = %s" % (t, call)))
                self.declare(t, Var("d"))
            body.append(Stmt("raw", "for (int i = 0; i < gvm.m; ++i) gvm.u[i] = "
                                    "0.5 * gvm.u[i] + 0.25 * std::sin(gvm.g * %s)" % x))
            body.append(Stmt("raw", "gvm.g = gvm.g * gvm.u[0] + 0.5"))
            if self.on("vector_member_operator") and rng.random() < 0.5:
                body.append(Stmt("raw", "gvm[0] *= 0.5 + 0.25 * std::tanh(%s)" % x))
        body += self.start_sink()
        if self.on("struct_vector_member") and rng.random() < 0.3:
            body += self.local_gvm()
        if io:
            # Every element read before it is written: in/out in a void
            # function too (there, an output read first is in/out).
            size = self.narr or 3
            text = self.nname if self.narr else "3"
            i = self.fresh("i")
            self.frames.append({})
            self.declare(i, Var("i", writable=False, bound=size, to_n=bool(self.narr)))
            e = self.dexpr(2)
            self.frames.pop()
            body.append(self.counted(i, text, [Stmt("assign", "io[%s]" % i, [Expr("fn", "0.5 * io[%s] + {p0}" % i, [e])], aop="=", keep=True)]))
            if getattr(self, "iov", False):
                # Changed in place by helpers, read by one before.
                x = next(p["name"] for p in params if p["kind"] == "d")
                t = self.fresh("t")
                body.insert(0, Stmt("raw", "double %s = gio_sum(io)" % t))
                self.declare(t, Var("d"))
                body.append(Stmt("raw", "gio_scale(io, 0.75 + 0.25 * std::sin(%s))" % x))
                if rng.random() < 0.5:
                    g = self.fresh("g")
                    body.append(Stmt("raw", "Gio %s{%s, 0.5 * %s}" % (g, x, t)))
                    body.append(Stmt("raw", "for (int k = 0; k < 2; ++k) gio_step(%s, io)" % g))
                    u = self.fresh("u")
                    body.append(Stmt("raw", "double %s = %s.a * %s.b" % (u, g, g)))
                    self.declare(u, Var("d"))
        if rewrite:
            # err[0] written first, then a local like any other: updated in
            # loops and branches, read back, passed by reference.
            body.append(Stmt("assign", "err[0]", [self.dexpr(1)], aop="=", keep=True))
            self.declare("err[0]", Var("d", value="errel"))
        for _ in range(rng.randint(3, 6)):
            if self.budget <= 0:
                break
            self.budget -= 1
            body += self.stmt(None)
        # The result reads the top-level locals (no dead code, no unused
        # variable) and one more expression.
        terms = [self.dexpr(2), Expr("var", self.sink)] + self.reads_of(self.frames[0])
        if self.void:
            body += self.outputs_rewrite(terms) if rewrite else self.outputs(terms)
            params.append({"kind": "err", "name": "err", "size": self.nout})
        elif self.on("fused_loop") and rng.random() < 0.5:
            body += self.fused_loop(terms)
        else:
            body.append(Stmt("return", "", [sum_of(terms)]))
        f = Func(self.name, "void" if self.void else "double", params, body)
        f.helpers, f.structs, f.methods = self.helpers, self.structs, self.methods
        # (gradc refuses a growing local vector of structs with default
        # member initializers)
        f.member_default = self.on("member_default") and not self.struct_arrays
        f.array_member = self.on("array_member") and self.rng.random() < 0.5
        f.member_array_default = self.mad
        f.nout = self.nout
        f.vjp = self.vjp
        if self.uses_float:
            # A float's rounding swamps a small step: gradc_check takes
            # h = 1e-2, which needs points far from kinks and a function
            # of moderate size (its third derivative makes the FD error).
            # The FD check is coarse (2e-2, campaigns gave 1e-3 misses that
            # a step of 1e-6 confirmed right); the interpreter, which
            # computes in float too, is the exact witness.
            f.fdtol, f.margin, f.vmax = 2e-2, 0.05, 300
        f.points = [self.point(params) for _ in range(8)]
        return f

    def outputs(self, terms):
        """The stores of err, each element once: err[0] = ...; err[1] = ...;
        or for (int i = 0; i < K; ++i) err[i] = ...;"""
        if self.narr and self.chance(0.4):
            k, text = self.narr, self.nname
        else:
            k = self.rng.choice([2, 3])
            text = str(k)
        self.nout = k
        if self.chance(0.5):
            out = [Stmt("assign", "err[0]", [sum_of(terms)], aop="=", keep=True)]
            return out + [Stmt("assign", "err[%d]" % j, [self.dexpr(2)], aop="=", keep=True)
                          for j in range(1, k)]
        i = self.fresh("i")
        self.frames.append({})
        self.declare(i, Var("i", writable=False, bound=k, to_n=text == self.nname))
        e = Expr("bin", "+", [sum_of(terms), Expr("bin", "*", [Expr("var", i), self.dexpr(2)])])
        self.frames.pop()
        return [Stmt("for", "", [Expr("cmp", "<", [Expr("var", i), Expr("var", text)], "b")],
                     [[Stmt("assign", "err[%s]" % i, [e], aop="=", keep=True)]],
                     init="int %s = 0" % i, step="++" + i, keep=True)]

    def outputs_rewrite(self, terms):
        """err[0] (written at the top) updated again; each other element
        written several times, in both branches of an if, accumulated in a
        loop, computed from an element written before, or in one branch
        only (or not at all: the rest keeps what it held)."""
        if self.narr and self.chance(0.4):
            k, text = self.narr, self.nname
        else:
            k = self.rng.choice([2, 3])
            text = str(k)
        self.nout = k
        out = [Stmt("assign", "err[0]", [sum_of(terms)], aop=self.rng.choice(["=", "+="]), keep=True)]
        if self.chance(0.3):  # the whole of err zeroed, then accumulated in a loop
            i = self.fresh("i")
            self.frames.append({})
            self.declare(i, Var("i", writable=False, bound=k, to_n=text == self.nname))
            e = self.dexpr(2)
            self.frames.pop()
            return out + [
                self.counted(i, text, [Stmt("assign", "err[%s]" % i, [Expr("lit", "0.0")], aop="=", keep=True)]),
                self.counted(i, text, [Stmt("assign", "err[%s]" % i, [Expr("fn", "0.5 * std::tanh({0})", [e])], aop="+=", keep=True),
                                       Stmt("assign", "err[%s]" % i, [Expr("fn", "err[%s] + 0.25 * {p0}" % i, [self.dexpr(1)])], aop="=", keep=True)])]
        written = [0]  # surely written: may be read back
        for j in range(1, k):
            el = "err[%d]" % j
            kind = self.pick([("twice", 3), ("branch", 3), ("acc", 2), ("from", 2), ("one", 1), ("none", 0.5)])
            if kind == "twice":
                out += [Stmt("assign", el, [self.dexpr(2)], aop="=", keep=True),
                        Stmt("assign", el, [Expr("fn", "0.5 * %s + {p0}" % el, [self.dexpr(1)])], aop="=", keep=True)]
            elif kind in ("branch", "one"):
                then = [Stmt("assign", el, [self.dexpr(2)], aop="=", keep=True)]
                other = [Stmt("assign", el, [self.dexpr(2)], aop="=", keep=True)] if kind == "branch" else []
                out.append(Stmt("if", "", [self.cond()], [then, other]))
            elif kind == "acc":
                i = self.fresh("i")
                self.frames.append({})
                self.declare(i, Var("i", writable=False, bound=3))
                e = self.dexpr(2)
                self.frames.pop()
                out += [Stmt("assign", el, [Expr("lit", "0.0")], aop="=", keep=True),
                        self.counted(i, "3", [Stmt("assign", el, [Expr("fn", "0.5 * std::tanh({0})", [e])], aop="+=", keep=True)])]
            elif kind == "from":
                out.append(Stmt("assign", el, [Expr("fn", "0.5 * err[%d] + {p0}" % self.rng.choice(written), [self.dexpr(1)])], aop="=", keep=True))
            if kind not in ("one", "none"):
                written.append(j)
        return out

    def point(self, params):
        pt = {}
        for p in params:
            if p["kind"] in ("d", "vmg"):
                pt[p["name"]] = [self.value()]
            elif p["kind"] == "arr":
                pt[p["name"]] = [self.value() for _ in range(p["size"])]
            elif p["kind"] in ("m2", "am2", "vv", "va"):
                pt[p["name"]] = [self.value() for _ in range(p["rows"] * p["cols"])]
            elif p["kind"] == "struct":
                pt[p["name"]] = [self.value() for _ in range(5)]
            elif p["kind"] in ("vec", "starr", "vm"):
                pt[p["name"]] = [self.value() for _ in range(p["size"])]
            elif p["kind"] in ("sarr", "svec"):
                pt[p["name"]] = [self.value() for _ in range(5 * p["size"])]
            elif p["kind"] == "io":
                pt[p["name"]] = [self.value() for _ in range(p["size"])]
            elif p["kind"] == "err" and self.vjp:
                # what err holds before the call: kept where it is not written
                pt[p["name"]] = [0.25 * (j + 1) for j in range(self.nout)]
        return pt

    def value(self):
        return round(self.rng.uniform(-1.5, 1.5), 3)


def generate(seed, index, feats):
    """Function `index` of the file with seed `seed`: its own stream."""
    rng = random.Random("%d/%d" % (seed, index))
    return Gen(rng, feats, "f%d_%d" % (seed, index)).function()


def generate_file(seed, count, feats):
    return [generate(seed, i, feats) for i in range(count)]


# ----------------------------------------------------------- the harness

def harness_args(f, src, adj=None, vjp=False):
    """Arguments of f's call from a harness lambda: src is the Arrays of
    values (p), adj the adjoints (d) when calling f_grad / f_pullback."""
    args, dargs, pre, post = [], [], [], []
    k = 0
    for p in f.params:
        kind = p["kind"]
        if kind in ("int", "n"):
            args.append(str(p["value"]))
            continue
        if kind == "err" and not vjp:
            args.append("err")
            continue
        if kind in ("err", "io"):  # check_vjp's memory: p[k] itself
            data = "" if p.get("vec") else ".data()"  # std::vector<double> &io
            args.append("%s[%d]%s" % (src, k, data))
            if kind == "io":
                dargs.append("%s[%d]%s" % (adj, k, data))
        if kind == "d":
            args.append("%s[%d][0]" % (src, k))
            dargs.append("%s[%d][0]" % (adj, k))
        elif kind == "arr":
            args.append("%s[%d].data()" % (src, k))
            dargs.append("%s[%d].data()" % (adj, k))
        elif kind == "m2":  # the rows of p[k]; its adjoint is double (*dq)[C]
            rows = "rt_rows<%d>(%%s[%d])" % (p["cols"], k)
            arg = rows % src
            if p["form"] == "ref":
                arg = "*reinterpret_cast<const double (*)[%d][%d]>(%s)" % (p["rows"], p["cols"], arg)
            args.append(arg)
            dargs.append(rows % adj)
        elif kind == "struct":
            args.append("gradc_check::as<%s>(%s[%d])" % (p["type"], src, k))
            pre.append("%s d%s = gradc_check::as<%s>(%s[%d]);" % (p["type"], p["name"], p["type"], adj, k))
            post.append("gradc_check::back(d%s, %s[%d]);" % (p["name"], adj, k))
            dargs.append("d" + p["name"])
        elif kind == "vec":
            args.append("%s[%d]" % (src, k))
            dargs.append("%s[%d]" % (adj, k))
        elif kind == "am2":  # rows of p[k], the adjoint of the same type
            mat = "rt_mat<%d, %d>(%%s[%d])" % (p["rows"], p["cols"], k)
            args.append(mat % src)
            pre.append("auto d%s = %s;" % (p["name"], mat % adj))
            post.append("rt_back(d%s, %s[%d]);" % (p["name"], adj, k))
            dargs.append("d" + p["name"])
        elif kind == "vv":  # rows of p[k]; --at takes them as rows too
            args.append("rt_vv(%s[%d], %d)" % (src, k, p["cols"]))
            pre.append('gradc_check::rowLengths()["%s"] = %d; auto d%s = rt_vv(%s[%d], %d);'
                       % (p["name"], p["cols"], p["name"], adj, k, p["cols"]))
            post.append("rt_back(d%s, %s[%d]);" % (p["name"], adj, k))
            dargs.append("d" + p["name"])
        elif kind == "va":  # rows of p[k]; --at takes them flat
            args.append("rt_va<%d>(%s[%d])" % (p["cols"], src, k))
            pre.append("auto d%s = rt_va<%d>(%s[%d]);" % (p["name"], p["cols"], adj, k))
            post.append("rt_back(d%s, %s[%d]);" % (p["name"], adj, k))
            dargs.append("d" + p["name"])
        elif kind == "starr":
            args.append("rt_arr<%d>(%s[%d])" % (p["size"], src, k))
            pre.append("std::array<double, %d> d%s = rt_arr<%d>(%s[%d]);" % (p["size"], p["name"], p["size"], adj, k))
            post.append("rt_back(d%s, %s[%d]);" % (p["name"], adj, k))
            dargs.append("d" + p["name"])
        elif kind == "sarr":
            args.append("gradc_check::as_array<%s>(%s[%d]).data()" % (p["type"], src, k))
            pre.append("std::vector<%s> d%s = gradc_check::as_array<%s>(%s[%d]);" % (p["type"], p["name"], p["type"], adj, k))
            post.append("gradc_check::back(d%s, %s[%d]);" % (p["name"], adj, k))
            dargs.append("d%s.data()" % p["name"])
        elif kind == "vm" and p.get("io"):  # GVM &: written back (RtGvm)
            args.append("RtGvm(%s[%d], %s[%d][0], %d)" % (src, k, src, k + 1, p["size"]))
            if adj:
                dargs.append("RtGvm(%s[%d], %s[%d][0], 0)" % (adj, k, adj, k + 1))
        elif kind == "vm":  # GVM{u, g, m}; its adjoint sized as u, zeroed
            args.append("GVM{%s[%d], %s[%d][0], %d}" % (src, k, src, k + 1, p["size"]))
            pre.append("GVM dgvm{%s[%d], %s[%d][0], 0};" % (adj, k, adj, k + 1))
            post.append("%s[%d] = dgvm.u; %s[%d][0] = dgvm.g;" % (adj, k, adj, k + 1))
            dargs.append("dgvm")
        elif kind == "svec":
            args.append("gradc_check::as_array<%s>(%s[%d])" % (p["type"], src, k))
            pre.append("std::vector<%s> d%s = gradc_check::as_array<%s>(%s[%d]);" % (p["type"], p["name"], p["type"], adj, k))
            post.append("gradc_check::back(d%s, %s[%d]);" % (p["name"], adj, k))
            dargs.append("d" + p["name"])
        k += 1
    return args, dargs, pre, post


WRT_KINDS = ("d", "arr", "struct", "vec", "starr", "sarr", "svec", "m2", "vm", "vmg", "am2", "vv", "va")


def passive_named(f, passive):
    """The passive values check_arrays names: ints, and GVM's m."""
    items = ['{"%s", {%d}}' % (p["name"], p["value"]) for p in passive]
    items += ['{"gvm.m", {%d}}' % p["size"] for p in f.params if p["kind"] == "vm"]
    return ", ".join(items)
SEEDS = [1.0, -0.5, 2.0, 0.75]


def render_harness(f):
    name = f.name
    wrt = [p for p in f.params if p["kind"] in WRT_KINDS]
    passive = [p for p in f.params if p["kind"] in ("int", "n")]
    args, _, _, _ = harness_args(f, "p")
    margs, _, _, _ = harness_args(f, "P")
    gargs, gd, pre, post = harness_args(f, "p", "d")
    pts = ",\n      ".join("{%s}" % ", ".join("{%s}" % ", ".join(repr(x) for x in pt[p["name"]])
                                               for p in wrt) for pt in f.points)
    named = ", ".join('{"%s", P[%d]}' % (p["name"], k) for k, p in enumerate(wrt))
    pnamed = passive_named(f, passive)
    call_g = "%s_grad(%s)" % (name, ", ".join(gargs + gd))
    call_pb = "%s_pullback(%s)" % (name, ", ".join(gargs + ["s"] + gd))
    if getattr(f, "vjp", False):
        return render_vjp_harness(f)
    if f.ret == "void":
        return render_void_harness(f, pts, margs, named, pnamed, args, gargs, gd, pre, post)
    return """
static void run_{name}() {{
  using gradc_check::Arrays;
  static const Arrays points[] = {{
      {pts}}};
  std::printf("{name}: start\\n");
  for (const Arrays &P : points) {{
    rt_min_margin = 1e300;
    std::feclearexcept(FE_ALL_EXCEPT);
    double v;
    try {{
      v = {name}_m({margs});
    }} catch (...) {{  // an argument check trips at this point: not checked
      continue;
    }}
    if (!(rt_min_margin >= {margin} && std::isfinite(v) && std::fabs(v) < {vmax}) ||
        rt_overflowed())
      continue;
    auto primal = [](const Arrays &p) {{ return {name}({args}); }};
    if (!rt_smooth(primal, P, {smooth}))
      continue;
    if (!rt_steady([](const Arrays &P) {{ return {name}_m({margs}); }}, P, {steady}))
      continue;
    gradc_check::check_arrays(
        "{name}", {{{named}}}, {{{pnamed}}}, primal,
        [](const Arrays &p, Arrays &d) {{
          {pre}double r = {call_g};
          {post}return r;
        }},
        [](const Arrays &p, double s, Arrays &d) {{
          {pre}{call_pb};
          {post}
        }},
        {fdtol});
    std::printf("{name}: done\\n");
    return;
  }}
  std::printf("{name}: SKIP no well-conditioned point\\n");
}}""".format(name=name, pts=pts, margs=", ".join(margs), named=named, pnamed=pnamed,
             margin=f.margin, fdtol=f.fdtol, vmax=f.vmax, smooth=smooth_args(f),
             steady=steady_args(f), args=", ".join(args),
             pre=" ".join(pre) + ("\n          " if pre else ""),
             post=" ".join(post) + ("\n          " if post else ""),
             call_g=call_g, call_pb=call_pb)


def render_vjp_harness(f):
    """A function that writes memory (an in/out io, outputs err written any
    number of times): checked with gradc_check::check_vjp, the seeded sum
    of its result and of the final contents of io and err."""
    name, void = f.name, f.ret == "void"
    mem = [p for p in f.params if p["kind"] in WRT_KINDS + ("io", "err")]
    role = {"io": "InOut", "err": "Out"}
    if any(p["kind"] == "vm" and p.get("io") for p in f.params):
        role.update({"vm": "InOut", "vmg": "InOut"})
    passive = [p for p in f.params if p["kind"] in ("int", "n")]
    written = [k for k, p in enumerate(mem) if role.get(p["kind"], "In") != "In"]
    seeds = ["d[%d].data()" % k for k, p in enumerate(mem) if p["kind"] == "err"]
    call, dcall, pre, post = harness_args(f, "p", "d", vjp=True)
    margs = ", ".join(harness_args(f, "Q", vjp=True)[0])
    pts = ",\n      ".join("{%s}" % ", ".join("{%s}" % ", ".join(repr(x) for x in pt[p["name"]])
                                               for p in mem) for pt in f.points)
    memtext = ", ".join('{"%s", P[%d], Role::%s}' % (p["name"], k, role.get(p["kind"], "In"))
                        for k, p in enumerate(mem))
    pnamed = passive_named(f, passive)
    call_f = "%s(%s)" % (name, ", ".join(call))
    pre = " ".join(pre) + ("\n          " if pre else "")
    post = " ".join(post) + ("\n          " if post else "")
    pb = "%s_pullback(%s)" % (name, ", ".join(call + ([] if void else ["s"]) + seeds + dcall))
    grad = "" if void else """,
        [](Arrays &p, Arrays &d) {{
          {pre}double r = {name}_grad({args});
          {post}return r;
        }}""".format(pre=pre, post=post, name=name, args=", ".join(call + dcall))
    return """
static void run_{name}() {{
  using gradc_check::Arrays;
  using gradc_check::Role;
  static const Arrays points[] = {{
      {pts}}};
  static const int written[] = {{{written}}};
  // The seeded sum check_vjp differentiates: the result, and the final
  // contents of what the function writes, each with its seed.
  auto loss = [](const Arrays &p0) {{
    Arrays p = p0;
    double l = {value};
    for (int k : written)
      for (std::size_t i = 0; i < p[k].size(); ++i)
        l += gradc_check::seedOf(k, i) * p[k][i];
    return l;
  }};
  std::printf("{name}: start\\n");
  for (const Arrays &P : points) {{
    rt_min_margin = 1e300;
    std::feclearexcept(FE_ALL_EXCEPT);
    Arrays Q = P;
    double v;
    try {{
      v = {value_m};
    }} catch (...) {{  // an argument check trips at this point: not checked
      continue;
    }}
    bool bad = rt_overflowed() || !std::isfinite(v) || !(std::fabs(v) < {vmax});
    // Each element written bounded too, not only their seeded sum.
    for (int k : written)
      for (double e : Q[k])
        bad |= !(std::fabs(e) < {vmax});
    if (!(rt_min_margin >= {margin}) || bad)
      continue;
    if (!rt_smooth(loss, P, {smooth}))
      continue;
    auto mloss = [](const Arrays &P0) {{
      Arrays Q = P0;
      double l = {value_m};
      for (int k : written)
        for (std::size_t i = 0; i < Q[k].size(); ++i)
          l += gradc_check::seedOf(k, i) * Q[k][i];
      return l;
    }};
    if (!rt_steady(mloss, P, {steady}))
      continue;
    gradc_check::check_vjp(
        "{name}", {void}, {{{memtext}}}, {{{pnamed}}},
        [](Arrays &p) {{
          {ret};
        }},
        [](Arrays &p, double s, Arrays &d) {{
          {pre}{pb};
          {post}
        }}{grad});
    std::printf("{name}: done\\n");
    return;
  }}
  std::printf("{name}: SKIP no well-conditioned point\\n");
}}""".format(name=name, pts=pts, written=", ".join(map(str, written)),
             value="(%s, 0.0)" % call_f if void else call_f,
             value_m="(%s_m(%s), 0.0)" % (name, margs) if void else "%s_m(%s)" % (name, margs),
             vmax=f.vmax, margin=f.margin, smooth=smooth_args(f, vjp=True), steady=steady_args(f, vjp=True),
             void="true" if void else "false",
             memtext=memtext, pnamed=pnamed, ret="%s;\n          return 0.0" % call_f if void else "return " + call_f,
             pre=pre, post=post, pb=pb, grad=grad)


def smooth_args(f, vjp=False):
    """rt_smooth's steps and tolerances: FD at h1 and h2 agree to tol, so
    the truncation error at gradc_check's step is far below its tolerance
    (float functions: gradc_check takes 1e-2); and FD at gradc_check's own
    step (check_vjp: 1e-6, to 1e-6) agrees with h2's to half gradc_check's
    tolerance, so that rounding in the function, which a small step
    magnifies, cannot carry a right gradient past that tolerance."""
    if vjp:
        return "1e-4, 1e-5, 1e-2, 1e-6, 5e-7"
    if f.fdtol > 1e-4:
        return "1e-2, 2e-3, 5e-3, 1e-2, %r" % (f.fdtol / 2)
    return "1e-4, 1e-5, 1e-2, 1e-6, %r" % (f.fdtol / 2)


def steady_args(f, vjp=False):
    """rt_steady's step (rt_smooth's largest) and its tolerance between
    rounding up and down (floats round at 6e-8)."""
    h = "1e-2" if f.fdtol > 1e-4 and not vjp else "1e-4"
    return "%s, %s" % (h, "1e-3" if f.fdtol > 1e-4 else "1e-8")


def render_void_harness(f, pts, margs, named, pnamed, args, gargs, gd, pre, post):
    """A void function writing err[K]: the scalar checked is
    sum(derr[i] * err[i]) with fixed seeds, through f_pullback."""
    k = f.nout
    seeds = SEEDS[:k]
    pnamed = ", ".join(filter(None, [pnamed, '{"err", {%s}}' % ", ".join(["0"] * k),
                                     '{"derr", {%s}}' % ", ".join(repr(x) for x in seeds)]))
    return """
static const double derr_{name}[{k}] = {{{seeds}}};
static double weighted_{name}(const double *err) {{
  double f = 0;
  for (int i = 0; i < {k}; ++i)
    f += derr_{name}[i] * err[i];
  return f;
}}
static void run_{name}() {{
  using gradc_check::Arrays;
  static const Arrays points[] = {{
      {pts}}};
  std::printf("{name}: start\\n");
  for (const Arrays &P : points) {{
    rt_min_margin = 1e300;
    std::feclearexcept(FE_ALL_EXCEPT);
    double err[{k}] = {{}};
    try {{
      {name}_m({margs});
    }} catch (...) {{  // an argument check trips at this point: not checked
      continue;
    }}
    bool overflowed = rt_overflowed();
    double v = weighted_{name}(err);
    // Each output bounded too: a weighted sum that cancels two outputs of
    // 1e52 is constant in double while its derivative is not.
    for (double e : err)
      overflowed |= !(std::fabs(e) < {vmax});
    if (!(rt_min_margin >= {margin} && std::isfinite(v) && std::fabs(v) < {vmax}) ||
        overflowed)
      continue;
    auto primal = [](const Arrays &p) {{
      double err[{k}] = {{}};
      {name}({args});
      return weighted_{name}(err);
    }};
    if (!rt_smooth(primal, P, {smooth}))
      continue;
    auto mprimal = [](const Arrays &P) {{
      double err[{k}] = {{}};
      {name}_m({margs});
      return weighted_{name}(err);
    }};
    if (!rt_steady(mprimal, P, {steady}))
      continue;
    gradc_check::check_arrays(
        "{name}", {{{named}}}, {{{pnamed}}}, primal,
        [](const Arrays &p, Arrays &d) {{
          double err[{k}] = {{}};
          {pre}{name}_pullback({gargs_seeds});
          {post}return weighted_{name}(err);
        }},
        [](const Arrays &p, double s, Arrays &d) {{
          double err[{k}] = {{}}, seeds[{k}];
          for (int i = 0; i < {k}; ++i)
            seeds[i] = s * derr_{name}[i];
          {pre}{name}_pullback({gargs_s});
          {post}
        }},
        {fdtol});
    std::printf("{name}: done\\n");
    return;
  }}
  std::printf("{name}: SKIP no well-conditioned point\\n");
}}""".format(name=f.name, k=k, seeds=", ".join(repr(x) for x in seeds), pts=pts,
             margs=", ".join(margs), margin=f.margin, named=named, pnamed=pnamed, vmax=f.vmax,
             steady=steady_args(f),
             smooth=smooth_args(f),
             args=", ".join(args), fdtol=f.fdtol,
             gargs_seeds=", ".join(gargs + ["derr_" + f.name] + gd),
             gargs_s=", ".join(gargs + ["seeds"] + gd),
             pre=" ".join(pre) + ("\n          " if pre else ""),
             post=" ".join(post) + ("\n          " if post else ""))


def used_helpers(f):
    """The helpers f still calls, directly or through other helpers (the
    reducer may have deleted calls), in the order they are defined."""
    text = "\n".join(render_func(f))
    used = set()
    while True:
        new = [h for h in f.helpers if h.name not in used and re.search(r"\b%s\(" % h.name, text)]
        if not new:
            break
        for h in new:
            used.add(h.name)
            text += "\n".join(render_func(h))
    return [h for h in f.helpers if h.name in used]


def used_structs(f):
    text = "\n".join(render_func(f))
    # (`auto sg = sb_S(...)` names the struct only through its helper.)
    return [s for s in f.structs if re.search(r"\b(sb_)?%s\b" % s, text)]


# What global_const reads (declared in every file: unused, they cost nothing).
GLOBAL_CONSTANTS = [
    "static const double gc_coef[4] = {0.5, -0.25, 0.75, 1.25};",
    "constexpr double gc_k = 0.375;", "namespace gc {",
    "inline constexpr double half = 0.5;", "} // namespace gc", "struct GC {",
    "  static constexpr double rate = 0.125;",
    "  static constexpr double taps[3] = {0.25, -0.5, 0.75};",
    "  static const double outside[2];", "};",
    "const double GC::outside[2] = {0.625, -0.375};", ""]


# What constructor builds (declared in every file, as GLOBAL_CONSTANTS).
CONSTRUCTED = [
    "struct GK {", "  double u, w;", "  GK() = default;",
    "  GK(double a, double b = 0.5) : u(a * b), w(a) { w = w + b; }", "};", ""]


# What ctor_only uses (declared in every file, as GLOBAL_CONSTANTS): a class
# built only by its constructors.
CTOR_ONLY = [
    "class GQ {", "public:",
    "  GQ(double a, double b = 0.5) : m_(a), s_(1.0 / (1.5 + b * b)) {}",
    "  GQ(double a, double b, double c) : GQ(a * c, b) { m_ += c; }",
    "  double gq_v(double t) const {", "    double z = (t - m_) * s_;", "    return z * z + s_;", "  }",
    "  double gq_m() const { return m_; }", "", "private:", "  double m_, s_;", "};",
    "struct GQH {", "  GQ q;", "  double w;", "};", ""]


# What member_rows uses (declared in every file, as GLOBAL_CONSTANTS).
MEMBER_ROWS = [
    "struct GR {", "  double W[2][2];", "  std::array<std::array<double, 2>, 2> A;", "  double b[2];", "};",
    "inline double gr_quad(const GR &r, double s) {", "  double t = r.b[0] - r.b[1];",
    "  for (int i = 0; i < 2; ++i)", "    for (int j = 0; j < 2; ++j)",
    "      t += r.W[i][j] * r.A[j][i] * s;", "  return t;", "}",
    "inline void gr_bump(GR &r, double s) {", "  r.W[1][0] += s * r.W[0][1];", "  r.A[0][1] *= 0.5;", "}",
    "inline double gr_row(const double *p) { return p[0] - 0.5 * p[1]; }", ""]


# What base_class uses (declared in every file, as GLOBAL_CONSTANTS).
BASED = [
    "struct GB {", "  double u, w;", "  double gb_m(double t) const { return u * t + w; }", "};",
    "struct GD : GB {", "  double z;", "  GD() = default;",
    "  GD(double a, double b) : GB{a, b * a}, z(a + b) {}", "};",
    "struct GM {", "  double m;", "};",
    "struct GE : GD, GM {", "  double y;", "};",
    "inline double gb_len(const GB &b) { return b.u * b.w; }", ""]


# What private_members uses (declared in every file, as GLOBAL_CONSTANTS).
PRIVATE = [
    "class GP {", "  double p_, q_;", "", "public:", "  GP() = default;",
    "  GP(double a, double b) : p_(a), q_(b * a) {}",
    "  double gp_e(double t) const { return p_ * t + q_ * q_; }",
    "  void gp_step(double t) {", "    p_ += q_ * t;", "    q_ -= 0.5 * p_;", "  }",
    "  double p() const { return p_; }", "};", ""]


# What struct_operator uses (declared in every file, as GLOBAL_CONSTANTS).
OPERATED = [
    "struct GO {", "  double u, w;",
    "  GO operator+(const GO &o) const { return {u + o.u, w + o.w}; }",
    "  GO operator-() const { return {-u, -w}; }",
    "  GO &operator+=(const GO &o) {", "    u += o.u;", "    w += o.w;", "    return *this;", "  }",
    "  GO &operator*=(double s) {", "    u *= s;", "    w *= s;", "    return *this;", "  }",
    "  double operator[](int i) const { return i == 0 ? u : w; }",
    "  friend GO operator*(double s, const GO &a) { return {s * a.u, s * a.w}; }", "};",
    "inline GO operator-(const GO &a, const GO &b) { return {a.u - b.u, a.w - b.w}; }",
    "inline GO &operator-=(GO &a, const GO &b) {", "  a.u -= b.u;", "  a.w -= b.w;", "  return a;", "}",
    "inline GO operator*(const GO &a, double s) { return {a.u * s, a.w * s}; }",
    "inline GO operator/(const GO &a, double s) { return {a.u / s, a.w / s}; }",
    "inline double operator*(const GO &a, const GO &b) { return a.u * b.u + a.w * b.w; }",
    "inline bool operator==(const GO &a, const GO &b) { return a.u == b.u && a.w == b.w; }", ""]


# What view_struct uses (declared in every file, as GLOBAL_CONSTANTS).
VIEWED = [
    "struct GW {", "  const double *p, *q;", "  int n;", "};",
    "inline double gw_dot(const GW &v, double s) {", "  double r = 0;",
    "  for (int i = 0; i < v.n; ++i)", "    r += v.p[i] * std::tanh(s * v.q[i]);",
    "  return r;", "}",
    "inline double gw_twice(GW v, double s) { return gw_dot(v, s) + gw_dot(v, 0.5 * s); }", ""]


# What struct_vector_member reads (declared in every file, as
# GLOBAL_CONSTANTS).
STRUCT_VECTORS = [
    "struct GVM {", "  std::vector<double> u;", "  double g;", "  int m;",
    "  double gvm_wave(double t) const {", "    double s = 0;",
    "    for (int i = 0; i < m; ++i)", "      s += u[i] * std::sin(g * t + 0.5 * i);",
    "    return 0.5 * s;", "  }",
    "  double operator()(int i) const { return g * u[i]; }",
    "  double operator[](int i) const { return u[i]; }",
    "  double &operator[](int i) { return u[i]; }", "};",
    "inline double gvm_norm(const GVM &g) {", "  double s = 0;",
    "  for (double e : g.u)", "    s += e * e;",
    "  return g.g * s / static_cast<double>(g.u.size());", "}", ""]


# What inout_helper calls (declared in every file, as GLOBAL_CONSTANTS):
# helpers changing a std::vector and a struct they are given by reference,
# and one reading the vector.
INOUT_HELPERS = [
    "struct Gio {", "  double a, b;", "};",
    "inline void gio_scale(std::vector<double> &v, double s) {",
    "  for (double &e : v)", "    e = s * e + 0.125 * std::sin(e);", "}",
    "inline void gio_step(Gio &g, const std::vector<double> &v) {",
    "  g.a += 0.25 * g.b * v[0];", "  g.b -= 0.25 * std::sin(g.a);", "}",
    "inline double gio_sum(const std::vector<double> &v) {", "  double s = 0;",
    "  for (double e : v)", "    s += e * e;", "  return 0.5 * s;", "}", ""]


# What variadic calls (declared in every file, as GLOBAL_CONSTANTS).
VARIADIC_TEMPLATES = [
    "template <class... T> double gv_sum(T... v) { return (v + ...); }",
    "template <class... T> double gv_prod(T... v) { return (1.0 * ... * v); }",
    "template <class... T> double gv_sq(T... v) {", "  double acc = 0;",
    "  ((acc += v * v), ...);", "  return acc;", "}", ""]


# What array2d_local calls with a local array of arrays (declared in every
# file, as VARIADIC_TEMPLATES).
ARRAY2D_HELPERS = []
for _c in (2, 3):
    ARRAY2D_HELPERS += [
        "inline double gm_sq%d(const double m[][%d], int r) {" % (_c, _c),
        "  double s = 0;", "  for (int i = 0; i < r; ++i)",
        "    for (int j = 0; j < %d; ++j)" % _c, "      s += m[i][j] * m[i][j];",
        "  return 0.25 * s;", "}",
        "inline void gm_scale%d(double m[][%d], int r, double t) {" % (_c, _c),
        "  for (int i = 0; i < r; ++i)", "    for (int j = 0; j < %d; ++j)" % _c,
        "      m[i][j] = m[i][j] * std::cos(0.5 * t) + 0.1 * m[0][j];", "}"]
ARRAY2D_HELPERS += [
    "inline double gm_corner(const double (&m)[2][2]) { return m[0][0] * m[1][1] - 0.5 * m[0][1]; }", ""]

# What array_of_arrays passes a row of a std::array of std::array to
# (declared in every file, as ARRAY2D_HELPERS).
AA_HELPERS = []
for _c in (2, 3):
    AA_HELPERS += [
        "inline double aa_rowsum%d(const std::array<double, %d> &r) {" % (_c, _c),
        "  double s = 0;", "  for (double v : r)", "    s += v * std::tanh(v);", "  return s;", "}"]
AA_HELPERS += [""]

# What local_matrix passes a row of a std::vector of std::vector to
# (declared in every file, as AA_HELPERS).
VV_HELPERS = [
    "inline double vv_rowsum(const std::vector<double> &r) {",
    "  double s = 0;", "  for (std::size_t j = 0; j < r.size(); ++j)",
    "    s += r[j] * std::tanh(r[j]) + 0.25 * j;", "  return s;", "}",
    "inline void vv_scale(std::vector<double> &r, double t) {",
    "  for (double &v : r)", "    v = v * std::cos(0.5 * t) + 0.1 * r[0];", "}", ""]


# What array_return calls (declared in every file, as CONSTRUCTED).
ARRAY_RETURNS = [
    "inline std::array<double, 3> ga_make(double u, double v) {",
    "  return {u * v, u - v, 0.5 * std::sin(u)};", "}",
    "inline std::array<double, 3> ga_mix(const std::array<double, 3> &x, double t) {",
    "  std::array<double, 3> r = x;", "  r[0] = x[1] * t + x[2];",
    "  r[2] = std::tanh(x[0]) - t * x[1];", "  return r;", "}",
    "inline double ga_dot(const std::array<double, 3> &a, const std::array<double, 3> &b) {",
    "  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];", "}", ""]

# What return_vector calls (declared in every file, as ARRAY_RETURNS): a
# vector sized by a parameter, a parameter's copy, one sized by a
# parameter's size, and another helper's result returned.
RETURN_VECTORS = [
    "inline std::vector<double> gr_make(double u, double v, int n) {",
    "  std::vector<double> r(n);", "  for (int i = 0; i < n; ++i)",
    "    r[i] = u * std::sin(0.5 * i + v) + 0.25 * i;", "  return r;", "}",
    "inline std::vector<double> gr_mix(const std::vector<double> &x, double t) {",
    "  std::vector<double> r = x;", "  for (size_t i = 0; i < r.size(); ++i)",
    "    r[i] = std::tanh(x[i] * t) + 0.5 * x[(i + 1) % x.size()];", "  return r;", "}",
    "inline std::vector<double> gr_soft(const std::vector<double> &z) {",
    "  std::vector<double> p(z.size());", "  double s = 0;",
    "  for (size_t i = 0; i < z.size(); ++i) {", "    p[i] = std::exp(0.5 * z[i]);",
    "    s += p[i];", "  }", "  for (double &e : p)", "    e /= s;", "  return p;", "}",
    "inline std::vector<double> gr_chain(const std::vector<double> &x, double t) {",
    "  return gr_mix(gr_soft(x), t);", "}",
    "inline double gr_sum(const std::vector<double> &v) {",
    "  double s = 0;", "  for (double e : v)", "    s += e;", "  return s;", "}", ""]

# What return_vector_grows calls (declared in every file, as
# ARRAY_RETURNS): a vector grown by push_back, and one returned from one of
# several places (of sizes 2, x.size() and gv_keep's).
GROWN_VECTORS = [
    "inline std::vector<double> gv_keep(const std::vector<double> &x, double t) {",
    "  std::vector<double> r;", "  for (size_t i = 0; i < x.size(); ++i)",
    "    if (i % 2 == 0)", "      r.push_back(x[i] * t + std::sin(x[i]));", "  return r;", "}",
    "inline std::vector<double> gv_pick(const std::vector<double> &x, double t, int m) {",
    "  std::vector<double> a(x.size());", "  for (size_t i = 0; i < x.size(); ++i)",
    "    a[i] = std::cos(x[i]) * t;", "  if (m > 2) {", "    std::vector<double> b;",
    "    b.push_back(t * x[0]);", "    b.push_back(a[1] - t);", "    return b;", "  }",
    "  if (m == 0)", "    return gv_keep(a, t);", "  return a;", "}", ""]

# What growing_helper calls (declared in every file, as ARRAY_RETURNS):
# helpers changing the size of a vector they are given by reference.
GROWING_HELPERS = [
    "inline void gg_add(std::vector<double> &out, double v) {", "  out.push_back(v * v - 0.5 * v);", "}",
    "inline void gg_powers(std::vector<double> &out, double x, int deg) {",
    "  double p = 1;", "  for (int k = 0; k < deg; ++k) {", "    p *= x;",
    "    out.push_back(std::sin(p));", "  }", "  gg_add(out, x);", "}",
    "inline void gg_fill(std::vector<double> &out, int n, double v) {", "  out.assign(n, std::tanh(v));", "}",
    "inline void gg_grow(std::vector<double> &out, int n) {", "  out.resize(n);", "}",
    "inline void gg_drop(std::vector<double> &out) {", "  out.pop_back();", "}",
    "inline double gg_dot(const std::vector<double> &v, double w) {",
    "  double s = 0;", "  for (size_t i = 0; i < v.size(); ++i)", "    s = s * w + v[i];", "  return s;", "}", ""]

# What state_step calls (declared in every file, as ARRAY_RETURNS): one step
# of a small recurrent cell, h and c changed from in (slices of one vector
# in the caller), with gates in a vector of its own.
STATE_STEPS = [
    "inline void gs_step(int m, const double *w, double *h, double *c, const double *in) {",
    "  std::vector<double> g(2 * m);", "  for (int i = 0; i < m; ++i) {",
    "    g[i] = std::tanh(in[i] * w[i] + 0.5 * h[i]);",
    "    g[m + i] = 1 / (1 + std::exp(-h[i] * w[3 + i]));", "  }",
    "  for (int i = 0; i < m; ++i) {", "    c[i] = c[i] * g[m + i] + g[i];",
    "    h[i] = std::tanh(c[i]) * 0.9;", "  }", "}", ""]

# What pair_tuple calls (declared in every file, as ARRAY_RETURNS).
PAIR_TUPLES = [
    "inline std::pair<double, double> gp_split(double u, double v) {",
    "  if (u < v)", "    return {u * v, u - v};",
    "  return std::make_pair(v - u, 0.5 * std::sin(u));", "}",
    "inline std::tuple<double, double, int> gp_stats(const std::pair<double, double> &p, double t) {",
    "  return std::make_tuple(p.first * t + p.second, std::tanh(p.second) - t, 2);", "}",
    "inline double gp_dot(std::pair<double, double> a, const std::pair<double, double> &b) {",
    "  return a.first * b.first + a.second * b.second;", "}", ""]

# What complex calls (declared in every file, as CONSTRUCTED).
COMPLEXES = [
    "inline std::complex<double> gc_step(const std::complex<double> &z, std::complex<double> c) {",
    "  return 0.5 * z * z + c;", "}",
    "inline double gc_energy(const std::vector<std::complex<double>> &zs) {",
    "  double s = 0;", "  for (const auto &z : zs)", "    s += std::norm(z) + 0.5 * z.real();",
    "  return s;", "}", ""]

# What iterator_loop gives iterators to (declared in every file, as
# GLOBAL_CONSTANTS).
ITERATOR_HELPERS = [
    "template <class It> double gi_sum(It first, It last, double w) {",
    "  double s = 0;", "  for (; first != last; ++first)", "    s = s * w + *first;",
    "  return s;", "}",
    "template <class It> void gi_scale(It first, It last, double k) {",
    "  while (first != last)", "    *first++ *= k;", "}",
    "inline double gi_psum(const double *first, const double *last, double w) {",
    "  double s = 0;", "  for (; first != last; ++first)", "    s = s * w + *first;",
    "  return s;", "}", ""]

# What byval_write calls (declared in every file, as ARRAY_RETURNS): each
# changes what it takes by value.
BY_VALUE = [
    "struct GBV {", "  double x, y;", "};",
    "inline GBV gb_swap(GBV p, double t) {", "  std::swap(p.x, p.y);", "  p.x *= t;",
    "  p.y += 0.5 * std::sin(p.x);", "  return p;", "}",
    "inline std::array<double, 3> gb_unit(std::array<double, 3> a) {", "  double n = 0.5;",
    "  for (double e : a)", "    n += e * e;", "  n = std::sqrt(n);", "  for (double &e : a)",
    "    e /= n;", "  return a;", "}",
    "inline double gb_scan(std::vector<double> v, double t) {",
    "  for (std::size_t i = 1; i < v.size(); ++i)", "    v[i] += t * v[i - 1];", "  double s = 0;",
    "  for (double e : v)", "    s += std::sin(e);", "  return s;", "}",
    "inline double gb_damp(double x, int n) {", "  x *= 0.5;", "  for (int i = 0; i < n; ++i)",
    "    x = 0.75 * x + 0.1 * std::sin(x);", "  return x;", "}", ""]

# What ref_result and struct_choice call (declared in every file, as
# ARRAY_RETURNS): helpers returning references to numbers, accessors, and a
# struct chosen by a condition on an int.
REF_RESULTS = [
    "struct GRS {", "  double c[3];", "  double &at(int i) { return c[i]; }",
    "  const double &get(int i) const { return c[i]; }", "};",
    "inline double &gf_at(double *a, int k) { return a[k]; }",
    "inline double &gf_last(std::vector<double> &v) {", "  std::size_t k = 0;",
    "  for (std::size_t i = 1; i < v.size(); ++i)", "    k = i;", "  return v[k];", "}",
    "inline const double &gf_pick(const double &a, const double &b, int m) {",
    "  return m > 0 ? a : b;", "}",
    "inline double &gf_self(double &x) { return x; }",
    "inline GRS gf_choose(const GRS &a, const GRS &b, int m) { return m % 2 == 0 ? a : b; }", ""]

# What text_param calls (declared in every file, as GLOBAL_CONSTANTS):
# helpers deciding by text, with no kink (the branches are on text only).
TEXTS = [
    "inline double gt_act(double x, const std::string &kind) {",
    "  if (kind == \"tanh\")", "    return std::tanh(x);", "  if (kind != \"sin\")",
    "    return x / (1.0 + x * x);", "  return std::sin(x);", "}",
    "inline double gt_mix(double x, std::string kind, double y) {",
    "  double r = gt_act(x, kind) * y;", "  if (\"sin\" == kind)", "    r += gt_act(y, \"tanh\");",
    "  return r;", "}", ""]

# What lambda passes lambdas to (declared in every file, as GLOBAL_CONSTANTS).
LAMBDA_TEMPLATES = [
    "template <class F> double gl_apply(F f, double x) {",
    "  return f(x) + 0.25 * f(0.5 * x);", "}", "",
    "template <class F> void gl_each(int n, F &&f) {",
    "  for (int i = 0; i < n; ++i)", "    for (int j = 0; j < n; ++j)", "      f(i, j);", "}", "",
    "template <class F> void gl_each_into(int n, const F &f, double &acc) {",
    "  for (int i = 0; i < n; ++i)", "    for (int j = 0; j < n; ++j)", "      f(i, j, acc);", "}", ""]


# What functor uses (declared in every file, as GLOBAL_CONSTANTS): function
# objects without and with data, and a template taking one by reference.
FUNCTORS = [
    "struct GFs {", "  double operator()(double v) const { return v * std::tanh(v); }",
    "  double gfs_cube(double v) const { return v * (*this)(v); }", "};",
    "struct GFk {", "  double k;", "  double operator()(double v) const { return k * v + 0.25 * v * v; }", "};",
    "template <class F> double gf_twice(const F &f, double x) { return f(0.5 * f(x)); }", ""]


def render_file(funcs, header=""):
    """The source gradc reads, with its harness after #ifndef __GRADC__."""
    out = ["// Generated by test/random/gen.py" + (": " + header if header else "") + ".",
           "#include <gradc/gradc.h>", "", "#include <algorithm>", "#include <array>", "#include <cmath>",
           "#include <stdexcept>",
           "#include <complex>", "#include <cstdio>", "#include <cstring>", "#include <functional>", "#include <iostream>", "#include <string>",
           "#include <iterator>", "#include <limits>", "#include <numeric>", "#include <tuple>", "#include <utility>",
           "#include <vector>", "#include <cstdint>", "#include <cstddef>", ""] + ENUMS + GLOBAL_CONSTANTS + VARIADIC_TEMPLATES + ARRAY2D_HELPERS + AA_HELPERS + VV_HELPERS + CONSTRUCTED + CTOR_ONLY + MEMBER_ROWS + OPERATED + VIEWED \
        + BASED + PRIVATE + ARRAY_RETURNS + RETURN_VECTORS + GROWN_VECTORS + GROWING_HELPERS + STATE_STEPS + PAIR_TUPLES + COMPLEXES + LAMBDA_TEMPLATES + FUNCTORS + ITERATOR_HELPERS + STRUCT_VECTORS + INOUT_HELPERS + BY_VALUE \
        + REF_RESULTS + TEXTS
    for f in funcs:
        for s in used_structs(f):
            c = "c = 0.5" if f.member_default else "c"
            v = "std::array<double, 2> v;" if f.array_member else "double v[2];"
            if f.member_array_default:
                v = "std::array<double, 2> v{0.25};" if f.array_member else "double v[2] = {0.25, 0.5};"
            out += ["struct %s {" % s, "  double a, b, %s;" % c, "  " + v]
            for meth in f.methods:
                out += [("  void %s(double t) {" if getattr(meth, "mutating", False)
                         else "  double %s(double t) const {") % meth.name]
                out += render_block(meth.body, False, 2) + ["  }"]
            out += ["};", ""]
            if re.search(r"\bsb_%s\b" % s, "\n".join(render_func(f))):  # struct_build
                out += ["static std::vector<%s> sb_%s(double t, int n) {" % (s, s),
                        "  std::vector<%s> r;" % s, "  for (int i = 0; i < n; ++i)",
                        "    r.push_back(%s{t * (i + 1), std::sin(t + i), 0.5, {t, 0.25 * i}});" % s,
                        "  return r;", "}", ""]
            if re.search(r"\bsv_%s\b" % s, "\n".join(render_func(f))):  # struct_value
                out += ["inline %s sv_%s(const %s &x, const %s &y, double t) {" % (s, s, s, s),
                        "  %s r = x;" % s, "  r.a = x.a * t + y.b;",
                        "  r.v[1] = r.v[0] - y.c * t;", "  return r;", "}", ""]
        for h in used_helpers(f):
            out += render_func(h) + [""]
        out += render_func(f, annotate=True) + [""]
    out += ["#ifndef __GRADC__", "#include GRADC_OUT", '#include "gradc_check.h"', "",
            "#include <cfenv>", "",
            "// The margin of every comparison of doubles the copies below make:",
            "// the harness wants a point far from every branch's threshold.",
            "static double rt_min_margin;",
            "// An inf or NaN anywhere in the function's own evaluation, even in a",
            "// value the result does not use, makes its gradient NaN (0 * inf in",
            "// that value's pullback): such a point is not checked.",
            "static bool rt_overflowed() {",
            "  return std::fetestexcept(FE_OVERFLOW | FE_INVALID) != 0;", "}",
            "// With rt_tracing, the side of every threshold the margin copy meets,",
            "// and the integer part of every rounding (rt_steady compares them).",
            "static bool rt_tracing;",
            "static std::vector<double> rt_trace;",
            "static void rt_note(double v) {",
            "  if (rt_tracing)", "    rt_trace.push_back(v);", "}",
            "static double rt_margin(double v) {",
            "  rt_min_margin = std::fmin(rt_min_margin, std::fabs(v));",
            "  rt_note(v > 0 ? 1 : v < 0 ? -1 : 0);",
            "  return v;", "}",
            "// std::fmax, fmin, fabs are kinks too.",
            "[[maybe_unused]] static double rt_fmax(double a, double b) {",
            "  rt_margin(a - b);", "  return std::fmax(a, b);", "}",
            "[[maybe_unused]] static double rt_fmin(double a, double b) {",
            "  rt_margin(a - b);", "  return std::fmin(a, b);", "}",
            "[[maybe_unused]] static double rt_fabs(double a) { return std::fabs(rt_margin(a)); }",
            "[[maybe_unused]] static double rt_max(double a, double b) {",
            "  rt_margin(a - b);", "  return std::max(a, b);", "}",
            "[[maybe_unused]] static double rt_min(double a, double b) {",
            "  rt_margin(a - b);", "  return std::min(a, b);", "}",
            "[[maybe_unused]] static double rt_max3(double a, double b, double c) {",
            "  rt_margin(a - b);", "  rt_margin(a - c);", "  rt_margin(b - c);",
            "  return std::max({a, b, c});", "}",
            "[[maybe_unused]] static double rt_clamp(double a, double lo, double hi) {",
            "  rt_margin(a - lo);", "  rt_margin(hi - a);", "  return std::clamp(a, lo, hi);", "}",
            "[[maybe_unused]] static double rt_fdim(double a, double b) {",
            "  rt_margin(a - b);", "  return std::fdim(a, b);", "}",
            "[[maybe_unused]] static double rt_copysign(double a, double b) {",
            "  rt_margin(a);", "  rt_margin(b);", "  return std::copysign(a, b);", "}",
            "// Rounding jumps at integers, or at halves.",
            "[[maybe_unused]] static double rt_integral(double a) {",
            "  rt_note(std::floor(a));", "  return rt_margin(a - std::round(a));", "}",
            "[[maybe_unused]] static double rt_half(double a) {",
            "  rt_note(std::round(a));", "  return rt_margin(a - std::floor(a) - 0.5);", "}",
            "[[maybe_unused]] static double rt_floor(double a) { rt_integral(a); return std::floor(a); }",
            "[[maybe_unused]] static double rt_ceil(double a) { rt_integral(a); return std::ceil(a); }",
            "[[maybe_unused]] static double rt_trunc(double a) { rt_integral(a); return std::trunc(a); }",
            "[[maybe_unused]] static double rt_round(double a) { rt_half(a); return std::round(a); }",
            "// std::round: rint and nearbyint round in the current mode, which",
            "// rt_steady sets upward and downward (they differ only at halves).",
            "[[maybe_unused]] static double rt_rint(double a) { rt_half(a); return std::round(a); }",
            "[[maybe_unused]] static double rt_nearbyint(double a) {",
            "  rt_half(a);", "  return std::round(a);", "}",
            "// fmod jumps where a / b is an integer, remainder where it is a half.",
            "[[maybe_unused]] static double rt_fmod(double a, double b) {",
            "  rt_note(std::trunc(a / b));",
            "  rt_margin(std::remainder(a, b));", "  return std::fmod(a, b);", "}",
            "[[maybe_unused]] static double rt_remainder(double a, double b) {",
            "  rt_note(std::round(a / b));",
            "  rt_margin(std::fabs(std::remainder(a, b)) - 0.5 * std::fabs(b));",
            "  return std::remainder(a, b);", "}",
            "// The rows of a flat vector, as an array of arrays parameter takes them.",
            "template <int C>",
            "[[maybe_unused]] static const double (*rt_rows(const gradc_check::Vec &v))[C] {",
            "  return reinterpret_cast<const double (*)[C]>(v.data());", "}",
            "template <int C>",
            "[[maybe_unused]] static double (*rt_rows(gradc_check::Vec &v))[C] {",
            "  return reinterpret_cast<double (*)[C]>(v.data());", "}",
            "// A GVM & made of the harness's arrays, written back after the call.",
            "struct RtGvm {", "  std::vector<double> &u;", "  double &g;", "  GVM v;",
            "  RtGvm(std::vector<double> &u, double &g, int m) : u(u), g(g), v{u, g, m} {}",
            "  ~RtGvm() { u = v.u; g = v.g; }", "  operator GVM &() { return v; }", "};",
            "template <std::size_t N>",
            "[[maybe_unused]] static std::array<double, N> rt_arr(const std::vector<double> &v) {",
            "  std::array<double, N> a{};",
            "  for (std::size_t i = 0; i < N; ++i)", "    a[i] = v[i];", "  return a;", "}",
            "// Finite differences at two steps h1 > h2 agree within tol: the point is",
            "// smooth enough at the scale of gradc_check's step (a huge third",
            "// derivative, near log(1e-3) or chaos in a loop, is skipped, not failed).",
            "// And at gradc_check's own step h3 they agree with h2's within tol3: the",
            "// function's rounding, divided by a small step, moves them less than",
            "// gradc_check's tolerance (else a right gradient would be flagged).",
            "// At a step 1e-4 of h3 they agree too, within that step's rounding: a",
            "// function that oscillates faster than every step above (sin of a",
            "// huge argument) looks flat to them while its derivative is not.",
            "template <class F>",
            "static bool rt_smooth(const F &f, gradc_check::Arrays p, double h1, double h2, double tol,",
            "                      double h3, double tol3) {",
            "  for (auto &a : p)",
            "    for (double &x : a) {",
            "      // float functions (h3 = 1e-2) round at float's epsilon",
            "      double x0 = x, d[4], h[4] = {h1, h2, h3, h3 * 1e-4}, noise = 0;",
            "      double eps = h3 > 1e-4 ? 6e-8 : 1.1e-16;",
            "      for (int k = 0; k < 4; ++k) {",
            "        double s = h[k] * std::fmax(1.0, std::fabs(x0));",
            "        x = x0 + s;",
            "        double hi = f(p);",
            "        x = x0 - s;",
            "        double lo = f(p);",
            "        d[k] = (hi - lo) / (2 * s);",
            "        if (k == 3)  // the rounding of the smallest step",
            "          noise = 64 * eps * (std::fabs(hi) + std::fabs(lo)) / (2 * s);",
            "      }",
            "      x = x0;",
            "      double scale = std::fmax(1.0, std::fabs(d[1]));",
            "      if (!(std::fabs(d[0] - d[1]) <= tol * scale) || !(std::fabs(d[2] - d[1]) <= tol3 * scale) ||",
            "          !(std::fabs(d[3] - d[1]) <= tol3 * scale + noise))",
            "        return false;",
            "    }",
            "  return true;",
            "}",
            "// The margin copy mf (returning the checked scalar) takes the same",
            "// branches and integer parts at every input moved by the largest step h:",
            "// a margin of 1e-3 does not keep a fast-moving threshold out of the",
            "// step (floor(a * c2) with a * c2 = 5e7 moving 6e10 per unit: finite",
            "// differences see its staircase as a slope). And mf's value is the",
            "// same, within rtol, rounding up and down: rounding that swallows an",
            "// input (0.625 - e + s + e with e = 2e15 loses s) makes the function",
            "// a staircase that finite differences see as flat.",
            "template <class F>",
            "static bool rt_steady(const F &mf, gradc_check::Arrays p, double h, double rtol) {",
            "  // mf at p rounding in mode, its trace in rt_trace; false when it throws",
            "  // (an argument check that a moved or differently rounded value trips)",
            "  auto run = [&](int mode, double &v) {",
            "    rt_trace.clear();",
            "    std::fesetround(mode);",
            "    bool ok = true;",
            "    try {",
            "      v = mf(p);",
            "    } catch (...) {",
            "      ok = false;",
            "    }",
            "    std::fesetround(FE_TONEAREST);",
            "    return ok;",
            "  };",
            "  rt_tracing = true;",
            "  double up = 0, down = 0, v = 0;",
            "  bool steady = run(FE_UPWARD, up) && run(FE_DOWNWARD, down) &&",
            "                std::fabs(up - down) <= rtol * std::fmax(1.0, std::fabs(up)) &&",
            "                run(FE_TONEAREST, v);",
            "  std::vector<double> base = rt_trace;",
            "  for (auto &a : p)",
            "    for (double &x : a) {",
            "      double x0 = x;",
            "      for (double sgn : {-1.0, 1.0}) {",
            "        x = x0 + sgn * h * std::fmax(1.0, std::fabs(x0));",
            "        steady = steady && run(FE_TONEAREST, v) && rt_trace == base;",
            "      }",
            "      x = x0;",
            "    }",
            "  rt_tracing = false;",
            "  return steady;",
            "}",
            "template <std::size_t N>",
            "[[maybe_unused]] static void rt_back(const std::array<double, N> &a, std::vector<double> &v) {",
            "  v.assign(a.begin(), a.end());", "}",
            "// A std::array of std::array from the flat values, row by row, and back.",
            "template <std::size_t R, std::size_t C>",
            "[[maybe_unused]] static std::array<std::array<double, C>, R> rt_mat(const std::vector<double> &v) {",
            "  std::array<std::array<double, C>, R> m{};",
            "  for (std::size_t i = 0; i < R; ++i)", "    for (std::size_t j = 0; j < C; ++j)",
            "      m[i][j] = v[i * C + j];", "  return m;", "}",
            "template <std::size_t R, std::size_t C>",
            "[[maybe_unused]] static void rt_back(const std::array<std::array<double, C>, R> &m,",
            "                                     std::vector<double> &v) {",
            "  v.clear();", "  for (const auto &row : m)", "    v.insert(v.end(), row.begin(), row.end());", "}",
            "// A std::vector of std::vector: rows of c from the flat values, and back.",
            "[[maybe_unused]] static std::vector<std::vector<double>> rt_vv(const std::vector<double> &v, std::size_t c) {",
            "  std::vector<std::vector<double>> m(v.size() / c, std::vector<double>(c));",
            "  for (std::size_t i = 0; i < v.size(); ++i)", "    m[i / c][i % c] = v[i];", "  return m;", "}",
            "[[maybe_unused]] static void rt_back(const std::vector<std::vector<double>> &m, std::vector<double> &v) {",
            "  v.clear();", "  for (const auto &row : m)", "    v.insert(v.end(), row.begin(), row.end());", "}",
            "// A std::vector of std::array: rows of C from the flat values, and back.",
            "template <std::size_t C>",
            "[[maybe_unused]] static std::vector<std::array<double, C>> rt_va(const std::vector<double> &v) {",
            "  std::vector<std::array<double, C>> m(v.size() / C);",
            "  for (std::size_t i = 0; i < v.size(); ++i)", "    m[i / C][i % C] = v[i];", "  return m;", "}",
            "template <std::size_t C>",
            "[[maybe_unused]] static void rt_back(const std::vector<std::array<double, C>> &m, std::vector<double> &v) {",
            "  v.clear();", "  for (const auto &row : m)", "    v.insert(v.end(), row.begin(), row.end());", "}", ""]
    for f in funcs:
        for h in used_helpers(f):
            out += render_func(h, m=True) + [""]
        out += render_func(f, m=True) + [""]
    for f in funcs:
        out.append(render_harness(f))
    out += ["", "int main() {", "  std::setvbuf(stdout, nullptr, _IONBF, 0);"]
    out += ["  run_%s();" % f.name for f in funcs]
    out += ["  return gradc_check::finish();", "}", "#endif", ""]
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--per-file", type=int, default=5)
    ap.add_argument("--features", default="all",
                    help="comma list; 'all', 'safe' (all but KNOWN_BUGS), -name removes")
    ap.add_argument("--list-features", action="store_true")
    ap.add_argument("-o", default="-")
    a = ap.parse_args()
    if a.list_features:
        for name, what in FEATURES.items():
            bug = KNOWN_BUGS.get(name)
            print("%-16s %s%s" % (name, what, "  [known bug %s]" % bug if bug else ""))
        return
    feats = parse_features(a.features)
    text = render_file(generate_file(a.seed, a.per_file, feats),
                       "--seed %d --per-file %d --features %s" % (a.seed, a.per_file, a.features))
    if a.o == "-":
        sys.stdout.write(text)
    else:
        with open(a.o, "w") as fh:
            fh.write(text)


if __name__ == "__main__":
    main()
