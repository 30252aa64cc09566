#!/usr/bin/env python3
"""Writes the NumPy golden files the kernel tests compare against.

Run from the repository root:  python3 numeric/src/test/python/make_kernel_golden.py
Output goes to numeric/src/test/resources/kernels/. Text goldens hold one value per line
(repr of a float64 with NaN/Infinity spelled as Java parses them, or an integer), preceded by a header line "# shape d0 d1 ...". The .npy
files exercise the Npy reader with files written by np.save itself.
"""
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "kernels")


def fmt(v, kind):
    if kind != "f":
        return str(int(v))
    v = float(v)
    if v != v:
        return "NaN"
    if v in (float("inf"), float("-inf")):
        return "Infinity" if v > 0 else "-Infinity"
    return repr(v)


def write_txt(name, array):
    array = np.asarray(array)
    with open(os.path.join(OUT, name), "w") as f:
        f.write("# shape " + " ".join(str(d) for d in array.shape) + "\n")
        for v in array.ravel():
            f.write(fmt(v, array.dtype.kind) + "\n")


def gemm():
    rng = np.random.default_rng(1)
    a = rng.uniform(-1, 1, (13, 40))
    b = rng.uniform(-1, 1, (40, 29))
    write_txt("gemm_a.txt", a)
    write_txt("gemm_b.txt", b)
    write_txt("gemm_c.txt", a @ b)


def linalg():
    rng = np.random.default_rng(2)
    a = rng.uniform(-1, 1, (7, 7))
    b = rng.uniform(-1, 1, (7, 3))
    write_txt("lu_a.txt", a)
    write_txt("lu_b.txt", b)
    write_txt("lu_solve.txt", np.linalg.solve(a, b))
    write_txt("lu_inv.txt", np.linalg.inv(a))
    sign, logdet = np.linalg.slogdet(a)
    write_txt("lu_det.txt", np.array([np.linalg.det(a), sign, logdet]))

    g = rng.uniform(-1, 1, (6, 6))
    spd = g @ g.T + 6 * np.eye(6)
    write_txt("chol_a.txt", spd)
    write_txt("chol_l.txt", np.linalg.cholesky(spd))

    for name, shape in (("tall", (7, 4)), ("wide", (4, 7))):
        m = rng.uniform(-1, 1, shape)
        write_txt(f"qr_{name}_a.txt", m)
        for mode in ("reduced", "complete"):
            q, r = np.linalg.qr(m, mode=mode)
            write_txt(f"qr_{name}_{mode}_q.txt", q)
            write_txt(f"qr_{name}_{mode}_r.txt", r)

    cases = {
        "over": (rng.uniform(-1, 1, (9, 4)), rng.uniform(-1, 1, (9, 2))),
        "under": (rng.uniform(-1, 1, (3, 6)), rng.uniform(-1, 1, (3, 2))),
        "deficient": (rng.uniform(-1, 1, (8, 3)) @ rng.uniform(-1, 1, (3, 5)), rng.uniform(-1, 1, (8, 2))),
    }
    for name, (m, rhs) in cases.items():
        x, res, rank, _ = np.linalg.lstsq(m, rhs)
        write_txt(f"lstsq_{name}_a.txt", m)
        write_txt(f"lstsq_{name}_b.txt", rhs)
        write_txt(f"lstsq_{name}_x.txt", x)
        write_txt(f"lstsq_{name}_res.txt", res)
        write_txt(f"lstsq_{name}_rank.txt", np.array([rank]))


def sorting():
    rng = np.random.default_rng(3)
    d = np.round(rng.normal(size=200), 1)
    d[[3, 50, 120]] = np.nan
    d[[7, 8]] = [np.inf, -np.inf]
    d[[10, 11, 12]] = [0.0, -0.0, 0.0]
    write_txt("sort_f64.txt", d)
    write_txt("sort_f64_sorted.txt", np.sort(d))
    write_txt("sort_f64_argsort.txt", np.argsort(d, kind="stable"))
    q = np.array([-1.0, 0.0, -0.0, 0.5, np.inf, np.nan, 3.0, -np.inf, 0.1])
    write_txt("sort_f64_queries.txt", q)
    s = np.sort(d)
    write_txt("sort_f64_left.txt", np.searchsorted(s, q, side="left"))
    write_txt("sort_f64_right.txt", np.searchsorted(s, q, side="right"))
    u, index, inverse, counts = np.unique(d, return_index=True, return_inverse=True, return_counts=True)
    write_txt("unique_f64_index.txt", index)
    write_txt("unique_f64_inverse.txt", inverse)
    write_txt("unique_f64_counts.txt", counts)
    i = rng.integers(-50, 50, size=300)
    write_txt("sort_i64.txt", i)
    write_txt("sort_i64_argsort.txt", np.argsort(i, kind="stable"))
    distinct = rng.permutation(300) - 150
    write_txt("sort_i64_distinct.txt", distinct)
    write_txt("sort_i64_distinct_quicksort.txt", np.argsort(distinct))


QUANTILE_METHODS = ["inverted_cdf", "averaged_inverted_cdf", "closest_observation",
                    "interpolated_inverted_cdf", "hazen", "weibull", "linear", "median_unbiased",
                    "normal_unbiased", "lower", "higher", "midpoint", "nearest"]


def stats():
    rng = np.random.default_rng(4)
    x = np.round(rng.normal(size=500), 2)
    counts, edges = np.histogram(x, bins=12)
    write_txt("hist_x.txt", x)
    write_txt("hist_edges.txt", edges)
    write_txt("hist_counts.txt", counts)
    w = rng.uniform(size=500)
    write_txt("hist_w.txt", w)
    write_txt("hist_wsums.txt", np.histogram(x, bins=edges, weights=w)[0])
    uneven = np.array([-2.0, -0.5, -0.5, 0.0, 0.25, 1.0, 3.0])
    write_txt("hist_uneven_counts.txt", np.histogram(x, bins=uneven)[0])
    ints = rng.integers(0, 20, size=300)
    write_txt("bincount_x.txt", ints)
    write_txt("bincount_counts.txt", np.bincount(ints, minlength=25))
    write_txt("bincount_wsums.txt", np.bincount(ints, weights=w[:300], minlength=25))
    qs = np.array([0.0, 0.01, 0.1, 0.25, 0.3333, 0.5, 0.6, 0.75, 0.9, 0.99, 1.0])
    write_txt("quantile_qs.txt", qs)
    for n in (1, 2, 7, 100):
        v = np.round(rng.normal(size=n) * 10, 1)
        write_txt(f"quantile_v{n}.txt", v)
        write_txt(f"quantile_v{n}_all.txt",
                  np.array([np.quantile(v, qs, method=m) for m in QUANTILE_METHODS]))
    v = np.array([3.0, np.nan, 1.0, 2.0, np.nan, 5.0])
    write_txt("quantile_nan_v.txt", v)
    write_txt("quantile_nan_all.txt",
              np.array([np.nanquantile(v, qs, method=m) for m in QUANTILE_METHODS]))
    big = rng.normal(size=100003)
    write_txt("sum_x.txt", big[:1000])
    write_txt("sum_np.txt", np.array([np.sum(big[:k]) for k in (0, 1, 7, 8, 9, 127, 128, 129, 200, 1000)]))
    write_txt("sum_np_f32.txt", np.array([np.sum(big[:k].astype(np.float32)) for k in (7, 8, 129, 1000)],
                                         dtype=np.float64))


def npy():
    """Arrays with known contents (k, or k + 0.5j, in C order) in several dtypes and versions."""
    def path(name):
        return os.path.join(OUT, name)

    np.save(path("npy_f8_2x3.npy"), np.arange(6, dtype="<f8").reshape(2, 3))
    np.save(path("npy_i4_be.npy"), np.arange(-3, 4, dtype=">i4"))
    np.save(path("npy_b1.npy"), np.array([True, False, True, True]))
    np.save(path("npy_c16.npy"), np.arange(3) + 0.5j)
    np.save(path("npy_c8_be.npy"), (np.arange(3) + 0.5j).astype(">c8"))
    np.save(path("npy_u2_3d.npy"), np.arange(24, dtype="<u2").reshape(2, 3, 4))
    np.save(path("npy_f4_scalar.npy"), np.float32(2.5))
    np.save(path("npy_f2.npy"), np.arange(4, dtype="<f2"))
    np.save(path("npy_i8_empty.npy"), np.zeros((0,), dtype="<i8"))
    np.save(path("npy_u1.npy"), np.arange(5, dtype="u1"))
    np.save(path("npy_i1.npy"), np.arange(-2, 3, dtype="i1"))
    for version in ((2, 0), (3, 0)):
        with open(path(f"npy_v{version[0]}.npy"), "wb") as f:
            np.lib.format.write_array(f, np.arange(6, dtype="<f8").reshape(3, 2), version=version)
    np.save(path("npy_fortran.npy"), np.asfortranarray(np.arange(6.0).reshape(2, 3)))
    np.save(path("npy_unicode.npy"), np.array(["ab", "c"]))


def main():
    os.makedirs(OUT, exist_ok=True)
    gemm()
    linalg()
    sorting()
    stats()
    npy()


if __name__ == "__main__":
    main()
