"""Writes the golden .npy files the numeric tests compare against (NumPy 2.x).

usage: python3 make_golden.py [outdir]   (default: ../resources/golden next to this script)

Every case is one file: inputs are named in_*.npy, results are named after the operation and
its arguments. The Java tests (GoldenTest and friends) load the inputs, run the same operation
and compare: exactly for integer and element-wise arithmetic results, within a tolerance for
transcendental functions, reductions and linear algebra.
"""
import os
import sys

import numpy as np

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                         "..", "resources", "golden")


def save(name, arr):
    np.save(os.path.join(OUT, name + ".npy"), np.array(arr, order="C"), allow_pickle=False)


def inputs():
    rng = np.random.default_rng(20240611)
    d = {}
    d["f64"] = np.round(rng.normal(0, 3, (3, 4)), 3)
    d["f64"][0, 0] = 0.0
    d["f64"][1, 2] = -2.5
    d["f64b"] = np.array([1.5, -2.0, 0.25, 3.0])
    d["pos"] = np.round(rng.uniform(0.05, 4, (3, 4)), 4)
    d["unit"] = np.round(rng.uniform(-0.95, 0.95, (3, 4)), 4)
    d["nan"] = np.array([[1.0, np.nan, 3.0, -1.0], [np.inf, 2.0, -np.inf, 0.5], [np.nan, np.nan, np.nan, np.nan]])
    d["i64"] = rng.integers(-20, 20, (3, 4))
    d["i64b"] = np.array([3, -4, 5, 7])
    d["i8"] = np.array([[100, -100, 127, -128], [5, -7, 60, 70], [1, 2, 3, 4]], dtype=np.int8)
    d["u8"] = np.array([[200, 100, 255, 0], [7, 9, 11, 13], [1, 2, 3, 250]], dtype=np.uint8)
    d["i32"] = rng.integers(-1000, 1000, (3, 4)).astype(np.int32)
    d["f32"] = np.round(rng.normal(0, 2, (3, 4)), 3).astype(np.float32)
    d["bool"] = np.array([[True, False, True, False], [False, False, True, True], [True, True, True, False]])
    d["big"] = np.round(rng.normal(0, 1, (37, 53)), 6)
    d["bigi"] = rng.integers(-1000, 1000, (37, 53))
    d["c128"] = (rng.normal(0, 1, (3, 4)) + 1j * rng.normal(0, 1, (3, 4))).round(3)
    d["cube"] = np.round(rng.normal(0, 1, (4, 5, 6)), 4)
    d["sq"] = np.round(rng.normal(0, 1, (5, 5)), 4) + 4 * np.eye(5)
    d["rhs"] = np.round(rng.normal(0, 1, (5, 2)), 4)
    d["rhs1"] = np.round(rng.normal(0, 1, 5), 4)
    d["tall"] = np.round(rng.normal(0, 1, (7, 3)), 4)
    d["tallb"] = np.round(rng.normal(0, 1, 7), 4)
    d["mat53"] = np.round(rng.normal(0, 1, (53, 21)), 4)
    d["bat"] = np.round(rng.normal(0, 1, (2, 3, 4)), 4)
    d["bat2"] = np.round(rng.normal(0, 1, (4, 5)), 4)
    d["f32m"] = np.round(rng.normal(0, 1, (6, 7)), 3).astype(np.float32)
    d["f32n"] = np.round(rng.normal(0, 1, (7, 5)), 3).astype(np.float32)
    return d


def main():
    os.makedirs(OUT, exist_ok=True)
    d = inputs()
    for k, v in d.items():
        save("in_" + k, v)
    a, b, p, u = d["f64"], d["f64b"], d["pos"], d["unit"]
    ia, ib = d["i64"], d["i64b"]
    with np.errstate(all="ignore"):
        # element-wise arithmetic with broadcasting and promotion
        for name, f in [("add", np.add), ("subtract", np.subtract), ("multiply", np.multiply),
                        ("divide", np.divide), ("floor_divide", np.floor_divide), ("remainder", np.remainder),
                        ("fmod", np.fmod), ("maximum", np.maximum), ("minimum", np.minimum),
                        ("arctan2", np.arctan2), ("hypot", np.hypot), ("copysign", np.copysign)]:
            save(f"{name}_f64_f64b", f(a, b))
        for name, f in [("add", np.add), ("subtract", np.subtract), ("multiply", np.multiply),
                        ("divide", np.divide), ("floor_divide", np.floor_divide), ("remainder", np.remainder),
                        ("fmod", np.fmod), ("maximum", np.maximum), ("bitwise_and", np.bitwise_and),
                        ("bitwise_xor", np.bitwise_xor), ("left_shift", np.left_shift),
                        ("right_shift", np.right_shift)]:
            rhs = np.abs(ib) if "shift" in name else ib
            save(f"{name}_i64_i64b", f(ia, rhs))
        save("power_f64_2", np.power(a, 2))
        save("power_pos_f64b", np.power(p, b))
        save("power_i64_3", np.power(ia, 3))
        save("add_i8_i8", d["i8"] + d["i8"])
        save("multiply_i8_3", d["i8"] * 3)
        save("add_u8_i8", d["u8"] + d["i8"])
        save("add_u8_1", d["u8"] + 1)
        save("add_i32_f32", d["i32"] + d["f32"])
        save("multiply_f32_half", d["f32"] * 0.5)
        save("add_bool_bool", d["bool"] + d["bool"])
        save("add_bool_1", d["bool"] + 1)
        save("add_i64_half", ia + 0.5)
        save("divide_i64_i64b", ia / ib)
        save("subtract_u8_u8", d["u8"] - d["u8"][::-1])
        save("multiply_c128_f64", d["c128"] * a)
        save("divide_c128_f64b", d["c128"] / b)
        for name, f in [("less", np.less), ("greater_equal", np.greater_equal), ("equal", np.equal),
                        ("not_equal", np.not_equal)]:
            save(f"{name}_f64_f64b", f(a, b))
            save(f"{name}_i64_f64", f(ia, a))
        save("logical_and_bool_f64", np.logical_and(d["bool"], a))
        save("logical_xor_bool_bool", np.logical_xor(d["bool"], d["bool"][::-1]))
        save("invert_bool", np.invert(d["bool"]))
        save("invert_i8", np.invert(d["i8"]))
        # unary functions
        for name in ["negative", "absolute", "sign", "square", "floor", "ceil", "trunc", "rint", "exp", "expm1",
                     "sin", "cos", "tan", "arctan", "sinh", "cosh", "tanh", "arcsinh", "cbrt", "deg2rad",
                     "rad2deg", "exp2"]:
            save(f"{name}_f64", getattr(np, name)(a))
        for name in ["sqrt", "log", "log1p", "log2", "log10", "arccosh"]:
            save(f"{name}_pos", getattr(np, name)(p + 1 if name == "arccosh" else p))
        for name in ["arcsin", "arccos", "arctanh"]:
            save(f"{name}_unit", getattr(np, name)(u))
        for name in ["isnan", "isinf", "isfinite", "signbit"]:
            save(f"{name}_nan", getattr(np, name)(d["nan"]))
        save("sqrt_i8", np.sqrt(np.abs(d["i8"].astype(np.int16)).astype(np.int8)))
        save("sqrt_i32", np.sqrt(np.abs(d["i32"])))
        save("negative_i8", np.negative(d["i8"]))
        save("absolute_i64", np.absolute(ia))
        save("sqrt_c128", np.sqrt(d["c128"]))
        save("absolute_c128", np.abs(d["c128"]))
        save("where_bool_f64_i64", np.where(d["bool"], a, ia))
        save("clip_f64", np.clip(a, -1.0, 2.0))
        save("astype_f64_i32", a.astype(np.int32))
        save("astype_f64_u8", np.abs(a).astype(np.uint8))
        save("astype_f64_bool", a.astype(bool))
        # creation
        save("arange_3_17_4", np.arange(3, 17, 4))
        save("arange_f_0_1_01", np.arange(0, 1, 0.1))
        save("linspace_0_1_7", np.linspace(0, 1, 7))
        save("linspace_2_3_5_noend", np.linspace(2, 3, 5, endpoint=False))
        save("eye_4_5_1", np.eye(4, 5, 1))
        save("eye_4_3_m1", np.eye(4, 3, -1))
        save("tri_4_5_1", np.tri(4, 5, 1))
        save("tril_f64_m1", np.tril(a, -1))
        save("triu_f64_1", np.triu(a, 1))
        save("diag_f64b_1", np.diag(b, 1))
        save("diag_f64_m1", np.diag(a, -1))
        mx, my = np.meshgrid(np.arange(3.0), np.arange(4.0) * 10)
        save("meshgrid_x", mx)
        save("meshgrid_y", my)
        # reductions
        big, bigi, cube = d["big"], d["bigi"], d["cube"]
        for name, arr in [("big", big), ("cube", cube)]:
            save(f"sum_{name}", np.sum(arr))
            save(f"mean_{name}", np.mean(arr))
            save(f"var_{name}", np.var(arr))
            save(f"std_{name}_ddof1", np.std(arr, ddof=1))
            save(f"max_{name}", np.max(arr))
            save(f"argmin_{name}", np.argmin(arr))
            save(f"argmax_{name}", np.argmax(arr))
            for ax in range(arr.ndim):
                save(f"sum_{name}_ax{ax}", np.sum(arr, axis=ax))
                save(f"min_{name}_ax{ax}", np.min(arr, axis=ax))
                save(f"argmax_{name}_ax{ax}", np.argmax(arr, axis=ax))
                save(f"cumsum_{name}_ax{ax}", np.cumsum(arr, axis=ax))
        save("sum_cube_ax02_keep", np.sum(cube, axis=(0, 2), keepdims=True))
        save("mean_cube_ax12", np.mean(cube, axis=(1, 2)))
        save("var_cube_ax1", np.var(cube, axis=1))
        save("prod_f64b", np.prod(b))
        save("prod_pos_ax1", np.prod(p, axis=1))
        save("sum_bigi", np.sum(bigi))
        save("sum_bigi_ax0", np.sum(bigi, axis=0))
        save("prod_i64b", np.prod(ib))
        save("max_bigi_ax1", np.max(bigi, axis=1))
        save("argmin_bigi", np.argmin(bigi))
        save("argmin_pos", np.argmin(p))
        save("argmin_pos_ax1", np.argmin(p, axis=1))
        save("cumsum_bigi", np.cumsum(bigi))
        save("cumprod_f64b", np.cumprod(b))
        save("sum_i8", np.sum(d["i8"]))
        save("sum_u8_ax0", np.sum(d["u8"], axis=0))
        save("sum_bool", np.sum(d["bool"]))
        save("mean_i64_ax0", np.mean(ia, axis=0))
        save("all_bool_ax1", np.all(d["bool"], axis=1))
        save("any_bool_ax0", np.any(d["bool"], axis=0))
        save("all_bool", np.all(d["bool"]))
        save("count_nonzero_i64", np.count_nonzero(ia))
        save("count_nonzero_f64_ax0", np.count_nonzero(a, axis=0))
        save("min_nan", np.min(d["nan"]))
        save("max_nan_ax1", np.max(d["nan"], axis=1))
        save("argmax_nan", np.argmax(d["nan"]))
        save("argmin_nan_ax0", np.argmin(d["nan"], axis=0))
        save("nansum_nan", np.nansum(d["nan"]))
        save("nansum_nan_ax1", np.nansum(d["nan"], axis=1))
        save("nanmin_nan_ax1", np.nanmin(d["nan"], axis=1))
        save("nanmax_nan", np.nanmax(d["nan"]))
        save("nanmean_nan_ax0", np.nanmean(d["nan"], axis=0))
        save("sum_c128", np.sum(d["c128"]))
        save("sum_f32_ax0", np.sum(d["f32"], axis=0))
        # views and shapes
        save("slice_big_a", big[1:-1:3, ::-2])
        save("slice_big_b", big[5, 10:2:-3])
        save("slice_cube_c", cube[..., 1])
        save("slice_cube_d", cube[None, 1:3, :, ::2])
        save("transpose_cube", np.transpose(cube, (2, 0, 1)))
        save("reshape_cube_t", np.transpose(cube).reshape(6, 20))
        save("moveaxis_cube", np.moveaxis(cube, 0, -1))
        save("flip_big_1", np.flip(big, 1))
        # advanced indexing
        save("mask_big", big[big > 0.5])
        save("mask_cube", cube[cube < 0])
        x = a.copy()
        x[x < 0] = 0
        save("setmask_f64_0", x)
        x = a.copy()
        x[a > 1] = np.arange(np.count_nonzero(a > 1)) * 10.0
        save("setmask_f64_values", x)
        save("take_big_ax1", np.take(big, [3, -1, 0, 3], axis=1))
        save("fancy_big_rows", big[[1, 5, 2]])
        save("fancy_cube_mid", cube[:, [2, 0]])
        save("fancy_big_pairs", big[[1, 2, 36], [3, 4, -1]])
        x = ia.copy().ravel()
        np.put(x, [0, 5, -1], [100, 200, 300])
        save("put_i64", x)
        x = np.zeros(5)
        np.add.at(x, [0, 1, 1, 4, 1], [1.0, 2.0, 3.0, 4.0, 5.0])
        save("add_at_5", x)
        x = big.copy()
        x[[2, 0, 2]] = np.stack([np.arange(53) * 1.0, np.arange(53) * 2.0, np.arange(53) * 3.0])
        save("setfancy_big", x)
        nz = np.nonzero(ia > 5)
        save("nonzero_i64_0", nz[0])
        save("nonzero_i64_1", nz[1])
        save("flatnonzero_bool", np.flatnonzero(d["bool"]))
        # linear algebra
        sq, rhs, rhs1, tall = d["sq"], d["rhs"], d["rhs1"], d["tall"]
        save("matmul_big_mat53", big @ d["mat53"])
        save("matmul_f64b_f64T", b @ a.T)
        save("matmul_f64_f64b", a @ b)
        save("matmul_bat_bat2", d["bat"] @ d["bat2"])
        save("matmul_f32", d["f32m"] @ d["f32n"])
        save("matmul_i64", ia @ ia.T)
        save("dot_f64b_f64b", np.dot(b, b))
        save("vdot_c128", np.vdot(d["c128"], d["c128"]))
        save("inner_f64_f64b", np.inner(a, b))
        save("outer_f64b_f64b", np.outer(b, b[:3]))
        save("tensordot_cube", np.tensordot(cube, np.ones((5, 6, 2)), axes=2))
        save("einsum_ij_jk", np.einsum("ij,jk->ik", big, d["mat53"]))
        save("einsum_ii", np.einsum("ii->", sq))
        save("einsum_ij_ji", np.einsum("ij->ji", a))
        save("einsum_bij_bjk", np.einsum("bij,bjk->bik", d["bat"], np.ones((2, 4, 3))))
        save("einsum_i_j", np.einsum("i,j->ij", b, b))
        save("einsum_ij_j", np.einsum("ij,j->i", a, b))
        save("trace_sq", np.trace(sq))
        save("norm_f64", np.linalg.norm(a))
        save("norm_f64b_1", np.linalg.norm(b, 1))
        save("norm_f64b_inf", np.linalg.norm(b, np.inf))
        save("norm_f64b_3", np.linalg.norm(b, 3))
        save("norm_f64_ax1", np.linalg.norm(a, axis=1))
        save("norm_sq_1", np.linalg.norm(sq, 1))
        save("norm_sq_inf", np.linalg.norm(sq, np.inf))
        save("solve_sq_rhs", np.linalg.solve(sq, rhs))
        save("solve_sq_rhs1", np.linalg.solve(sq, rhs1))
        save("inv_sq", np.linalg.inv(sq))
        save("det_sq", np.linalg.det(sq))
        spd = sq @ sq.T
        save("in_spd", spd)
        save("cholesky_spd", np.linalg.cholesky(spd))
        q, r = np.linalg.qr(tall)
        save("qr_tall_q", q)
        save("qr_tall_r", r)
        x, res, rank, sv = np.linalg.lstsq(tall, d["tallb"])
        save("lstsq_tall_x", x)
        save("lstsq_tall_res", res)
        # sorting and sets
        ties = np.array([[3, 1, 2, 1, 3, 0, 2, 1], [5, 5, 4, 4, 1, 1, 0, 9]])
        save("in_ties", ties)
        nanv = np.array([3.0, np.nan, -1.0, 2.0, np.nan, -0.0, 0.0, 7.0])
        save("in_nanv", nanv)
        save("sort_big_ax0", np.sort(big, axis=0))
        save("sort_big_ax1", np.sort(big, axis=1))
        save("sort_big_flat", np.sort(big, axis=None))
        save("sort_nanv", np.sort(nanv))
        save("argsort_ties", np.argsort(ties, axis=1, kind="stable"))
        save("argsort_ties_ax0", np.argsort(ties, axis=0, kind="stable"))
        save("argsort_nanv", np.argsort(nanv, kind="stable"))
        srt = np.sort(bigi.ravel())
        save("in_srt", srt)
        save("searchsorted_left", np.searchsorted(srt, ia))
        save("searchsorted_right", np.searchsorted(srt, ia, side="right"))
        u, c = np.unique(bigi, return_counts=True)
        save("unique_bigi", u)
        save("unique_bigi_counts", c)
        u, c = np.unique(nanv, return_counts=True)
        save("unique_nanv", u)
        save("unique_nanv_counts", c)
        # statistics
        small = np.abs(ia).ravel()
        save("in_small", small)
        save("bincount_small", np.bincount(small))
        save("bincount_small_w", np.bincount(small, weights=np.arange(12) * 0.5, minlength=25))
        hc, he = np.histogram(big, bins=7)
        save("histogram_big_counts", hc)
        save("histogram_big_edges", he)
        hc, he = np.histogram(big, bins=5, range=(-1, 1))
        save("histogram_big_r_counts", hc)
        hw, _ = np.histogram(big, bins=4, range=(-2, 2), weights=big * 2)
        save("histogram_big_w", hw)
        for q in [0.0, 0.1, 0.5, 0.73, 1.0]:
            save(f"quantile_big_{int(q * 100)}", np.quantile(big, q))
        save("quantile_big_ax0_25", np.quantile(big, 0.25, axis=0))
        save("percentile_cube_ax2_90", np.percentile(cube, 90, axis=2))
        save("median_big", np.median(big))
        save("median_big_ax1", np.median(big, axis=1))
        save("median_i64", np.median(ia))
        save("median_nan", np.median(d["nan"], axis=1))
        save("average_f64_w", np.average(a, axis=1, weights=b))
        save("average_big", np.average(big))
        save("cov_f64", np.cov(a))
        save("cov_big_cols", np.cov(big, rowvar=False))
        save("cov_f64b", np.cov(b))
        save("corrcoef_f64", np.corrcoef(a))
        # joins
        save("concatenate_f64_ax1", np.concatenate((a, a * 2), axis=1))
        save("concatenate_f64_i64_ax0", np.concatenate((a, ia), axis=0))
        save("stack_f64b_ax1", np.stack((b, b * 3), axis=1))
        save("vstack_f64b", np.vstack((b, b)))
        save("hstack_f64", np.hstack((a, a)))
        save("split_cube_1", np.split(cube, [1, 3], axis=1)[1])
        save("array_split_big_2", np.array_split(big, 4, axis=0)[2])
        save("tile_f64b_2_3", np.tile(b, (2, 3)))
        save("repeat_f64_2_ax0", np.repeat(a, 2, axis=0))
        save("repeat_i64b_counts", np.repeat(ib, [1, 0, 2, 3]))


if __name__ == "__main__":
    main()
