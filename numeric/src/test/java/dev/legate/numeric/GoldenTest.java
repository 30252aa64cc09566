package dev.legate.numeric;

import static dev.legate.numeric.Numeric.*;

import dev.legate.core.DType;
import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Element-wise operations, creation, reductions and views compared with NumPy's results
 * (src/test/python/make_golden.py), on a runtime with small tiles so that arrays are split.
 */
class GoldenTest {
    private static LegateRuntime rt;
    private static LegateRuntime previous;

    @BeforeAll
    static void start() {
        rt = Runtimes.start(3, 8, 4);
        previous = Legate.setDefault(rt);
    }

    @AfterAll
    static void stop() {
        Legate.setDefault(previous);
        rt.close();
    }

    private final List<DynamicTest> tests = new ArrayList<>();

    private void exact(String name, Supplier<NDArray> f) {
        tests.add(DynamicTest.dynamicTest(name, () -> Golden.check(name, f.get(), 0, 0)));
    }

    private void close(String name, Supplier<NDArray> f) {
        tests.add(DynamicTest.dynamicTest(name, () -> Golden.check(name, f.get(), 1e-14, 1e-15)));
    }

    private static NDArray in(String n) {
        return Golden.load("in_" + n);
    }

    @TestFactory
    List<DynamicTest> elementwise() {
        String[][] ff = {{"add", "ADD"}, {"subtract", "SUBTRACT"}, {"multiply", "MULTIPLY"}, {"divide", "TRUE_DIVIDE"},
            {"floor_divide", "FLOOR_DIVIDE"}, {"remainder", "REMAINDER"}, {"fmod", "FMOD"}, {"maximum", "MAXIMUM"},
            {"minimum", "MINIMUM"}};
        for (String[] f : ff) {
            exact(f[0] + "_f64_f64b", () -> Ufunc.valueOf(f[1]).call(in("f64"), in("f64b")));
        }
        close("arctan2_f64_f64b", () -> arctan2(in("f64"), in("f64b")));
        close("hypot_f64_f64b", () -> hypot(in("f64"), in("f64b")));
        exact("copysign_f64_f64b", () -> copysign(in("f64"), in("f64b")));
        String[][] fi = {{"add", "ADD"}, {"subtract", "SUBTRACT"}, {"multiply", "MULTIPLY"}, {"divide", "TRUE_DIVIDE"},
            {"floor_divide", "FLOOR_DIVIDE"}, {"remainder", "REMAINDER"}, {"fmod", "FMOD"}, {"maximum", "MAXIMUM"},
            {"bitwise_and", "BITWISE_AND"}, {"bitwise_xor", "BITWISE_XOR"}};
        for (String[] f : fi) {
            exact(f[0] + "_i64_i64b", () -> Ufunc.valueOf(f[1]).call(in("i64"), in("i64b")));
        }
        exact("left_shift_i64_i64b", () -> leftShift(in("i64"), abs(in("i64b"))));
        exact("right_shift_i64_i64b", () -> rightShift(in("i64"), abs(in("i64b"))));
        exact("power_f64_2", () -> power(in("f64"), 2));
        close("power_pos_f64b", () -> power(in("pos"), in("f64b")));
        exact("power_i64_3", () -> power(in("i64"), 3));
        exact("add_i8_i8", () -> in("i8").add(in("i8")));
        exact("multiply_i8_3", () -> in("i8").multiply(3));
        exact("add_u8_i8", () -> in("u8").add(in("i8")));
        exact("add_u8_1", () -> in("u8").add(1));
        exact("add_i32_f32", () -> in("i32").add(in("f32")));
        exact("multiply_f32_half", () -> in("f32").multiply(0.5));
        exact("add_bool_bool", () -> in("bool").add(in("bool")));
        exact("add_bool_1", () -> in("bool").add(1));
        exact("add_i64_half", () -> in("i64").add(0.5));
        exact("divide_i64_i64b", () -> in("i64").divide(in("i64b")));
        exact("subtract_u8_u8", () -> in("u8").subtract(in("u8").get("::-1")));
        exact("multiply_c128_f64", () -> in("c128").multiply(in("f64")));
        close("divide_c128_f64b", () -> in("c128").divide(in("f64b")));
        for (String c : new String[] {"less", "greater_equal", "equal", "not_equal"}) {
            Ufunc u = Ufunc.valueOf(c.toUpperCase());
            exact(c + "_f64_f64b", () -> u.call(in("f64"), in("f64b")));
            exact(c + "_i64_f64", () -> u.call(in("i64"), in("f64")));
        }
        exact("logical_and_bool_f64", () -> logicalAnd(in("bool"), in("f64")));
        exact("logical_xor_bool_bool", () -> logicalXor(in("bool"), in("bool").get("::-1")));
        exact("invert_bool", () -> invert(in("bool")));
        exact("invert_i8", () -> invert(in("i8")));
        for (String u : new String[] {"negative", "absolute", "sign", "square", "floor", "ceil", "trunc", "rint",
            "deg2rad", "rad2deg"}) {
            exact(u + "_f64", () -> Ufunc.valueOf(u.toUpperCase()).call(in("f64")));
        }
        for (String u : new String[] {"exp", "expm1", "sin", "cos", "tan", "arctan", "sinh", "cosh", "tanh",
            "arcsinh", "cbrt", "exp2"}) {
            close(u + "_f64", () -> Ufunc.valueOf(u.toUpperCase()).call(in("f64")));
        }
        for (String u : new String[] {"sqrt", "log", "log1p", "log2", "log10"}) {
            close(u + "_pos", () -> Ufunc.valueOf(u.toUpperCase()).call(in("pos")));
        }
        close("arccosh_pos", () -> arccosh(in("pos").add(1)));
        for (String u : new String[] {"arcsin", "arccos", "arctanh"}) {
            close(u + "_unit", () -> Ufunc.valueOf(u.toUpperCase()).call(in("unit")));
        }
        for (String u : new String[] {"isnan", "isinf", "isfinite", "signbit"}) {
            exact(u + "_nan", () -> Ufunc.valueOf(u.toUpperCase()).call(in("nan")));
        }
        exact("sqrt_i8", () -> sqrt(abs(in("i8").astype(DType.INT16)).astype(DType.INT8)));
        close("sqrt_i32", () -> sqrt(abs(in("i32"))));
        exact("negative_i8", () -> negative(in("i8")));
        exact("absolute_i64", () -> absolute(in("i64")));
        close("sqrt_c128", () -> sqrt(in("c128")));
        close("absolute_c128", () -> abs(in("c128")));
        exact("where_bool_f64_i64", () -> where(in("bool"), in("f64"), in("i64")));
        exact("clip_f64", () -> clip(in("f64"), -1.0, 2.0));
        exact("astype_f64_i32", () -> in("f64").astype(DType.INT32));
        exact("astype_f64_u8", () -> abs(in("f64")).astype(DType.UINT8));
        exact("astype_f64_bool", () -> in("f64").astype(DType.BOOL));
        return tests;
    }

    @TestFactory
    List<DynamicTest> creation() {
        exact("arange_3_17_4", () -> arange(3, 17, 4));
        exact("arange_f_0_1_01", () -> arange(0.0, 1.0, 0.1));
        exact("linspace_0_1_7", () -> linspace(0, 1, 7));
        exact("linspace_2_3_5_noend", () -> linspace(2, 3, 5, false));
        exact("eye_4_5_1", () -> eye(4, 5, 1));
        exact("eye_4_3_m1", () -> eye(4, 3, -1));
        exact("tri_4_5_1", () -> tri(4, 5, 1));
        exact("tril_f64_m1", () -> tril(in("f64"), -1));
        exact("triu_f64_1", () -> triu(in("f64"), 1));
        exact("diag_f64b_1", () -> diag(in("f64b"), 1));
        exact("diag_f64_m1", () -> diag(in("f64"), -1));
        exact("meshgrid_x", () -> meshgrid(arange(0.0, 3.0, 1.0), arange(0.0, 4.0, 1.0).multiply(10))[0]);
        exact("meshgrid_y", () -> meshgrid(arange(0.0, 3.0, 1.0), arange(0.0, 4.0, 1.0).multiply(10))[1]);
        return tests;
    }

    @TestFactory
    List<DynamicTest> reductions() {
        double r = 1e-12;
        for (String n : new String[] {"big", "cube"}) {
            tests.add(t("sum_" + n, () -> sum(in(n)), r));
            tests.add(t("mean_" + n, () -> mean(in(n)), r));
            tests.add(t("var_" + n, () -> var(in(n)), r));
            tests.add(t("std_" + n + "_ddof1", () -> std(in(n), null, 1, false), r));
            exact("max_" + n, () -> max(in(n)));
            exact("argmin_" + n, () -> argmin(in(n)));
            exact("argmax_" + n, () -> argmax(in(n)));
            int nd = n.equals("big") ? 2 : 3;
            for (int ax = 0; ax < nd; ax++) {
                int a = ax;
                tests.add(t("sum_" + n + "_ax" + ax, () -> sum(in(n), a), r));
                exact("min_" + n + "_ax" + ax, () -> min(in(n), a));
                exact("argmax_" + n + "_ax" + ax, () -> argmax(in(n), a));
                tests.add(t("cumsum_" + n + "_ax" + ax, () -> cumsum(in(n), a), r));
            }
        }
        tests.add(t("sum_cube_ax02_keep", () -> sum(in("cube"), new int[] {0, 2}, true), r));
        tests.add(t("mean_cube_ax12", () -> mean(in("cube"), 1, 2), r));
        tests.add(t("var_cube_ax1", () -> var(in("cube"), new int[] {1}, 0, false), r));
        tests.add(t("prod_f64b", () -> prod(in("f64b")), r));
        tests.add(t("prod_pos_ax1", () -> prod(in("pos"), 1), r));
        exact("sum_bigi", () -> sum(in("bigi")));
        exact("sum_bigi_ax0", () -> sum(in("bigi"), 0));
        exact("prod_i64b", () -> prod(in("i64b")));
        exact("max_bigi_ax1", () -> max(in("bigi"), 1));
        exact("argmin_bigi", () -> argmin(in("bigi")));
        exact("argmin_pos", () -> argmin(in("pos")));
        exact("argmin_pos_ax1", () -> argmin(in("pos"), 1));
        exact("cumsum_bigi", () -> cumsum(in("bigi")));
        exact("cumprod_f64b", () -> cumprod(in("f64b")));
        exact("sum_i8", () -> sum(in("i8")));
        exact("sum_u8_ax0", () -> sum(in("u8"), 0));
        exact("sum_bool", () -> sum(in("bool")));
        tests.add(t("mean_i64_ax0", () -> mean(in("i64"), 0), r));
        exact("all_bool_ax1", () -> all(in("bool"), 1));
        exact("any_bool_ax0", () -> any(in("bool"), 0));
        exact("all_bool", () -> all(in("bool")));
        exact("count_nonzero_i64", () -> countNonzero(in("i64")));
        exact("count_nonzero_f64_ax0", () -> countNonzero(in("f64"), new int[] {0}, false));
        exact("min_nan", () -> min(in("nan")));
        exact("max_nan_ax1", () -> max(in("nan"), 1));
        exact("argmax_nan", () -> argmax(in("nan")));
        exact("argmin_nan_ax0", () -> argmin(in("nan"), 0));
        exact("nansum_nan", () -> nansum(in("nan")));
        exact("nansum_nan_ax1", () -> nansum(in("nan"), new int[] {1}, false));
        exact("nanmin_nan_ax1", () -> nanmin(in("nan"), new int[] {1}, false));
        exact("nanmax_nan", () -> nanmax(in("nan")));
        tests.add(t("nanmean_nan_ax0", () -> nanmean(in("nan"), new int[] {0}, false), r));
        tests.add(t("sum_c128", () -> sum(in("c128")), r));
        tests.add(t("sum_f32_ax0", () -> sum(in("f32"), 0), 1e-6));
        return tests;
    }

    @TestFactory
    List<DynamicTest> views() {
        exact("slice_big_a", () -> in("big").get("1:-1:3, ::-2"));
        exact("slice_big_b", () -> in("big").get("5, 10:2:-3"));
        exact("slice_cube_c", () -> in("cube").get("..., 1"));
        exact("slice_cube_d", () -> in("cube").get("None, 1:3, :, ::2"));
        exact("transpose_cube", () -> in("cube").transpose(2, 0, 1));
        exact("reshape_cube_t", () -> in("cube").T().reshape(6, 20));
        exact("moveaxis_cube", () -> moveaxis(in("cube"), 0, -1));
        exact("flip_big_1", () -> in("big").flip(1));
        return tests;
    }

    @TestFactory
    List<DynamicTest> advancedIndexing() {
        exact("mask_big", () -> in("big").get(in("big").gt(0.5)));
        exact("mask_cube", () -> in("cube").get(in("cube").lt(0)));
        exact("setmask_f64_0", () -> {
            NDArray x = in("f64");
            return x.set(x.lt(0), 0);
        });
        exact("setmask_f64_values", () -> {
            NDArray x = in("f64");
            NDArray m = x.gt(1);
            long n = countNonzero(m).itemLong();
            return x.set(m, arange(n).multiply(10.0));
        });
        exact("take_big_ax1", () -> take(in("big"), new long[] {3, -1, 0, 3}, 1));
        exact("fancy_big_rows", () -> in("big").get(array(new long[] {1, 5, 2})));
        exact("fancy_cube_mid", () -> in("cube").get(Index.all(), Index.array(array(new long[] {2, 0}))));
        exact("fancy_big_pairs", () -> in("big").get(Index.array(array(new long[] {1, 2, 36})),
                Index.array(array(new long[] {3, 4, -1}))));
        exact("put_i64", () -> {
            NDArray x = in("i64").ravel();
            put(x, new long[] {0, 5, -1}, new long[] {100, 200, 300});
            return x;
        });
        exact("add_at_5", () -> {
            NDArray x = zeros(5);
            addAt(x, new long[] {0, 1, 1, 4, 1}, new double[] {1, 2, 3, 4, 5});
            return x;
        });
        exact("setfancy_big", () -> {
            NDArray x = in("big");
            NDArray r = arange(0.0, 53.0, 1.0);
            return x.set(array(new long[] {2, 0, 2}), stack(r, r.multiply(2), r.multiply(3)));
        });
        exact("nonzero_i64_0", () -> nonzero(in("i64").gt(5))[0]);
        exact("nonzero_i64_1", () -> nonzero(in("i64").gt(5))[1]);
        exact("flatnonzero_bool", () -> flatnonzero(in("bool")));
        return tests;
    }

    @TestFactory
    List<DynamicTest> linalg() {
        double r = 1e-12;
        tests.add(t("matmul_big_mat53", () -> matmul(in("big"), in("mat53")), r));
        tests.add(t("matmul_f64b_f64T", () -> matmul(in("f64b"), in("f64").T()), r));
        tests.add(t("matmul_f64_f64b", () -> in("f64").matmul(in("f64b")), r));
        tests.add(t("matmul_bat_bat2", () -> matmul(in("bat"), in("bat2")), r));
        tests.add(t("matmul_f32", () -> matmul(in("f32m"), in("f32n")), 1e-6));
        exact("matmul_i64", () -> matmul(in("i64"), in("i64").T()));
        tests.add(t("dot_f64b_f64b", () -> dot(in("f64b"), in("f64b")), r));
        tests.add(t("vdot_c128", () -> vdot(in("c128"), in("c128")), r));
        tests.add(t("inner_f64_f64b", () -> inner(in("f64"), in("f64b")), r));
        exact("outer_f64b_f64b", () -> outer(in("f64b"), in("f64b").get(":3")));
        tests.add(t("tensordot_cube", () -> tensordot(in("cube"), ones(5, 6, 2), 2), r));
        tests.add(t("einsum_ij_jk", () -> einsum("ij,jk->ik", in("big"), in("mat53")), r));
        tests.add(t("einsum_ii", () -> einsum("ii->", in("sq")), r));
        exact("einsum_ij_ji", () -> einsum("ij->ji", in("f64")));
        tests.add(t("einsum_bij_bjk", () -> einsum("bij,bjk->bik", in("bat"), ones(2, 4, 3)), r));
        exact("einsum_i_j", () -> einsum("i,j->ij", in("f64b"), in("f64b")));
        tests.add(t("einsum_ij_j", () -> einsum("ij,j->i", in("f64"), in("f64b")), r));
        tests.add(t("trace_sq", () -> trace(in("sq")), r));
        tests.add(t("norm_f64", () -> linalg.norm(in("f64")), r));
        tests.add(t("norm_f64b_1", () -> linalg.norm(in("f64b"), 1, null), r));
        tests.add(t("norm_f64b_inf", () -> linalg.norm(in("f64b"), Double.POSITIVE_INFINITY, null), r));
        tests.add(t("norm_f64b_3", () -> linalg.norm(in("f64b"), 3, null), r));
        tests.add(t("norm_f64_ax1", () -> linalg.norm(in("f64"), 2, 1), r));
        tests.add(t("norm_sq_1", () -> linalg.norm(in("sq"), "1"), r));
        tests.add(t("norm_sq_inf", () -> linalg.norm(in("sq"), "inf"), r));
        tests.add(t("solve_sq_rhs", () -> linalg.solve(in("sq"), in("rhs")), 1e-10));
        tests.add(t("solve_sq_rhs1", () -> linalg.solve(in("sq"), in("rhs1")), 1e-10));
        tests.add(t("inv_sq", () -> linalg.inv(in("sq")), 1e-10));
        tests.add(t("det_sq", () -> linalg.det(in("sq")), 1e-10));
        tests.add(t("cholesky_spd", () -> linalg.cholesky(in("spd")), 1e-10));
        tests.add(t("qr_tall_q", () -> linalg.qr(in("tall"))[0], 1e-10));
        tests.add(t("qr_tall_r", () -> linalg.qr(in("tall"))[1], 1e-10));
        tests.add(t("lstsq_tall_x", () -> linalg.lstsq(in("tall"), in("tallb"))[0], 1e-10));
        tests.add(t("lstsq_tall_res", () -> linalg.lstsq(in("tall"), in("tallb"))[1], 1e-10));
        return tests;
    }

    @TestFactory
    List<DynamicTest> sorting() {
        exact("sort_big_ax0", () -> sort(in("big"), 0));
        exact("sort_big_ax1", () -> sort(in("big"), 1));
        exact("sort_big_flat", () -> sort(in("big"), (Integer) null));
        exact("sort_nanv", () -> sort(in("nanv")));
        exact("argsort_ties", () -> argsort(in("ties"), 1));
        exact("argsort_ties_ax0", () -> argsort(in("ties"), 0));
        exact("argsort_nanv", () -> argsort(in("nanv")));
        exact("searchsorted_left", () -> searchsorted(in("srt"), in("i64")));
        exact("searchsorted_right", () -> searchsorted(in("srt"), in("i64"), "right"));
        exact("unique_bigi", () -> unique(in("bigi")));
        exact("unique_bigi_counts", () -> uniqueCounts(in("bigi"))[1]);
        exact("unique_nanv", () -> unique(in("nanv")));
        exact("unique_nanv_counts", () -> uniqueCounts(in("nanv"))[1]);
        return tests;
    }

    @TestFactory
    List<DynamicTest> statistics() {
        double r = 1e-12;
        exact("bincount_small", () -> bincount(in("small")));
        exact("bincount_small_w", () -> bincount(in("small"), arange(0.0, 12.0, 1.0).multiply(0.5), 25));
        exact("histogram_big_counts", () -> histogram(in("big"), 7)[0]);
        tests.add(t("histogram_big_edges", () -> histogram(in("big"), 7)[1], r));
        exact("histogram_big_r_counts", () -> histogram(in("big"), 5, -1, 1)[0]);
        tests.add(t("histogram_big_w", () -> histogram(in("big"), 4, -2, 2, in("big").multiply(2))[0], r));
        for (int q : new int[] {0, 10, 50, 73, 100}) {
            tests.add(t("quantile_big_" + q, () -> quantile(in("big"), q / 100.0), r));
        }
        tests.add(t("quantile_big_ax0_25", () -> quantile(in("big"), 0.25, 0), r));
        tests.add(t("percentile_cube_ax2_90", () -> percentile(in("cube"), 90, 2), r));
        tests.add(t("median_big", () -> median(in("big")), r));
        tests.add(t("median_big_ax1", () -> median(in("big"), 1), r));
        tests.add(t("median_i64", () -> median(in("i64")), r));
        tests.add(t("median_nan", () -> median(in("nan"), 1), r));
        tests.add(t("average_f64_w", () -> average(in("f64"), 1, in("f64b")), r));
        tests.add(t("average_big", () -> average(in("big")), r));
        tests.add(t("cov_f64", () -> cov(in("f64")), r));
        tests.add(t("cov_big_cols", () -> cov(in("big"), false, 1), r));
        tests.add(t("cov_f64b", () -> cov(in("f64b")), r));
        tests.add(t("corrcoef_f64", () -> corrcoef(in("f64")), r));
        return tests;
    }

    @TestFactory
    List<DynamicTest> joins() {
        exact("concatenate_f64_ax1", () -> concatenate(new NDArray[] {in("f64"), in("f64").multiply(2)}, 1));
        exact("concatenate_f64_i64_ax0", () -> concatenate(in("f64"), in("i64")));
        exact("stack_f64b_ax1", () -> stack(new NDArray[] {in("f64b"), in("f64b").multiply(3)}, 1));
        exact("vstack_f64b", () -> vstack(in("f64b"), in("f64b")));
        exact("hstack_f64", () -> hstack(in("f64"), in("f64")));
        exact("split_cube_1", () -> split(in("cube"), new long[] {1, 3}, 1)[1]);
        exact("array_split_big_2", () -> arraySplit(in("big"), 4, 0)[2]);
        exact("tile_f64b_2_3", () -> tile(in("f64b"), 2, 3));
        exact("repeat_f64_2_ax0", () -> repeat(in("f64"), 2, 0));
        exact("repeat_i64b_counts", () -> repeat(in("i64b"), new long[] {1, 0, 2, 3}, 0));
        return tests;
    }

    private static DynamicTest t(String name, Supplier<NDArray> f, double rtol) {
        return DynamicTest.dynamicTest(name, () -> Golden.check(name, f.get(), rtol, 1e-13));
    }
}
