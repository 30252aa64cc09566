// Device helpers of numeric's generated kernels (dev.legate.numeric.internal.gpu): the Java
// semantics of the CPU interpreter (internal/expr) written in CUDA C, so that a generated kernel
// computes what the interpreter computes. Every IEEE basic operation (+ - * / sqrt, conversions,
// comparisons) is the same operation with the same rounding as on the CPU (the kernels are compiled
// with --fmad=false, so nothing is contracted into a fused multiply-add); integer arithmetic wraps
// as Java's does (it is done in unsigned 64-bit words where C++ leaves signed overflow undefined).
// Transcendental functions are CUDA's (1 to 2 ulp in double), not the JDK's: their last bits may
// differ from the CPU's.
//
// Compute kinds, as the interpreter's: floating values in double (float32 and float16 results are
// rounded after every operation, as Casts.round does), integers and booleans in 64-bit integers
// (wrapped to their type after every operation, as Casts.wrap does), complex values as two doubles.
//
// The file is prepended to every generated source and compiled by NVRTC; it includes nothing. It
// also compiles as host C++ (g++ or nvcc), which the tests use to check the generated expression
// code against the interpreter on machines without a GPU.

typedef long long i64;
typedef unsigned long long u64;

#if defined(__CUDACC__)
#define LG_FN __host__ __device__ __forceinline__
#else
#define LG_FN static inline
#endif

#if defined(__CUDA_ARCH__)
LG_FN i64 lg_dbits(double x) { return __double_as_longlong(x); }
LG_FN double lg_bitsd(i64 b) { return __longlong_as_double(b); }
LG_FN int lg_fbits(float x) { return __float_as_int(x); }
LG_FN float lg_bitsf(int b) { return __int_as_float(b); }
#else
LG_FN i64 lg_dbits(double x) { i64 b; __builtin_memcpy(&b, &x, 8); return b; }
LG_FN double lg_bitsd(i64 b) { double x; __builtin_memcpy(&x, &b, 8); return x; }
LG_FN int lg_fbits(float x) { int b; __builtin_memcpy(&b, &x, 4); return b; }
LG_FN float lg_bitsf(int b) { float x; __builtin_memcpy(&x, &b, 4); return x; }
#endif

#define LG_MIN_I64 ((i64)0x8000000000000000ULL)

LG_FN double lg_inf() { return lg_bitsd(0x7ff0000000000000LL); }
LG_FN double lg_nan() { return lg_bitsd(0x7ff8000000000000LL); }
LG_FN bool lg_isnan(double x) { return x != x; }
LG_FN bool lg_isinf(double x) { return (lg_dbits(x) & 0x7fffffffffffffffLL) == 0x7ff0000000000000LL; }
LG_FN bool lg_isfinite(double x) { return (lg_dbits(x) & 0x7ff0000000000000LL) != 0x7ff0000000000000LL; }

// ---- float16 (java.lang.Float.floatToFloat16 / float16ToFloat) ------------------------------

LG_FN float lg_h2f(unsigned short h) {
    int arg = (int)(short)h;
    int sign_bit = 0x8000 & arg;
    int exp_bits = 0x7c00 & arg;
    int signif = 0x03ff & arg;
    float sign = sign_bit != 0 ? -1.0f : 1.0f;
    int e = (exp_bits >> 10) - 15;
    if (e == -15) {
        return sign * (0x1p-24f * (float)signif);
    }
    if (e == 16) {
        return signif == 0 ? sign * (float)lg_inf() : lg_bitsf((sign_bit << 16) | 0x7f800000 | (signif << 13));
    }
    return lg_bitsf((sign_bit << 16) | ((e + 127) << 23) | (signif << 13));
}

LG_FN unsigned short lg_f2h(float f) {
    int doppel = lg_fbits(f);
    int sign_bit = (short)((doppel & 0x80000000) >> 16) & 0xffff;
    if (f != f) {
        return (unsigned short)(sign_bit | 0x7c00 | (doppel & 0x007fe000) >> 13 | (doppel & 0x00001ff0) >> 4
                                | (doppel & 0x0000000f));
    }
    float abs_f = lg_bitsf(doppel & 0x7fffffff);
    if (abs_f >= 0x1.ffcp15f + 0x0.002p15f) {
        return (unsigned short)(sign_bit | 0x7c00);
    }
    if (abs_f <= 0x1.0p-24f * 0.5f) {
        return (unsigned short)sign_bit;
    }
    int exp = ((doppel >> 23) & 0xff) - 127;
    int expdelta = 0;
    int msb = 0;
    if (exp < -14) {
        expdelta = -14 - exp;
        exp = -15;
        msb = 0x00800000;
    }
    int f_signif_bits = (doppel & 0x007fffff) | msb;
    int signif_bits = f_signif_bits >> (13 + expdelta);
    int lsb = f_signif_bits & (1 << (13 + expdelta));
    int round = f_signif_bits & (1 << (12 + expdelta));
    int sticky = f_signif_bits & ((1 << (12 + expdelta)) - 1);
    if (round != 0 && ((lsb | sticky) != 0)) {
        signif_bits++;
    }
    return (unsigned short)(sign_bit | (((exp + 15) << 10) + signif_bits));
}

// ---- rounding and wrapping to element types (Casts.round, Casts.wrap) ------------------------

LG_FN double lg_rf32(double x) { return (double)(float)x; }
LG_FN double lg_rf16(double x) { return (double)lg_h2f(lg_f2h((float)x)); }
LG_FN i64 lg_wi8(i64 x) { return (i64)(signed char)(x & 0xff); }
LG_FN i64 lg_wi16(i64 x) { return (i64)(short)(x & 0xffff); }
LG_FN i64 lg_wi32(i64 x) { return (i64)(int)(x & 0xffffffffLL); }
LG_FN i64 lg_wu8(i64 x) { return x & 0xff; }
LG_FN i64 lg_wu16(i64 x) { return x & 0xffff; }
LG_FN i64 lg_wu32(i64 x) { return x & 0xffffffffLL; }
LG_FN i64 lg_wb(i64 x) { return x != 0 ? 1 : 0; }

// ---- conversions (Casts.toDouble, Casts.toLong) ------------------------------------------------

LG_FN double lg_u64d(i64 v) {
    if (v < 0) {
        return (double)(i64)((u64)v >> 1) * 2.0 + (double)(v & 1);
    }
    return (double)v;
}

LG_FN i64 lg_d2l(double v, bool to_uint64) {
    if (to_uint64 && v >= 0x1p63 && v < 0x1p64) {
        return (i64)(v - 0x1p63) ^ LG_MIN_I64;
    }
    if (v != v || v >= 0x1p63 || v < -0x1p63) {
        return LG_MIN_I64;
    }
    return (i64)v;
}

// ---- java.lang.Math on doubles -------------------------------------------------------------

LG_FN double lg_max(double a, double b) {
    if (a != a) {
        return a;
    }
    if (a == 0.0 && b == 0.0 && lg_dbits(a) == LG_MIN_I64) {
        return b;
    }
    return a >= b ? a : b;
}

LG_FN double lg_min(double a, double b) {
    if (a != a) {
        return a;
    }
    if (a == 0.0 && b == 0.0 && lg_dbits(b) == LG_MIN_I64) {
        return b;
    }
    return a <= b ? a : b;
}

LG_FN double lg_fmax(double x, double y) { return x != x ? y : y != y ? x : lg_max(x, y); }
LG_FN double lg_fmin(double x, double y) { return x != x ? y : y != y ? x : lg_min(x, y); }
LG_FN double lg_abs(double x) { return lg_bitsd(lg_dbits(x) & 0x7fffffffffffffffLL); }
LG_FN double lg_copysign(double m, double s) {
    return lg_bitsd((lg_dbits(s) & LG_MIN_I64) | (lg_dbits(m) & 0x7fffffffffffffffLL));
}
LG_FN double lg_sign(double x) { return x > 0 ? 1.0 : x < 0 ? -1.0 : x == 0 ? 0.0 : x; }
LG_FN double lg_trunc(double x) { return x < 0 ? ceil(x) : floor(x); }

// Math.pow: C99's pow except that a NaN exponent gives NaN, and |x| == 1 with an infinite exponent
// gives NaN; x ** 2 is x * x (Binary.pow).
LG_FN double lg_pow(double x, double y) {
    if (y == 2.0) {
        return x * x;
    }
    if (y != y) {
        return lg_nan();
    }
    if (lg_isinf(y) && lg_abs(x) == 1.0) {
        return lg_nan();
    }
    return pow(x, y);
}

// Java's % on doubles is the exact truncated remainder, as C's fmod.
LG_FN double lg_rem(double a, double b) { return fmod(a, b); }

// NumPy's float floor division and remainder (Binary.floorDiv, Binary.floorMod).
LG_FN double lg_floordiv(double a, double b) {
    if (b == 0) {
        return a / b;
    }
    double mod = fmod(a, b);
    double div = (a - mod) / b;
    if (mod != 0) {
        if ((b < 0) != (mod < 0)) {
            div -= 1.0;
        }
    }
    double floordiv;
    if (div != 0) {
        floordiv = floor(div);
        if (div - floordiv > 0.5) {
            floordiv += 1.0;
        }
    } else {
        floordiv = lg_copysign(0.0, a / b);
    }
    return floordiv;
}

LG_FN double lg_floormod(double a, double b) {
    double mod = fmod(a, b);
    if (b == 0) {
        return mod;
    }
    if (mod != 0) {
        if ((b < 0) != (mod < 0)) {
            mod += b;
        }
    } else {
        mod = lg_copysign(0.0, b);
    }
    return mod;
}

// Unary.log2: the exponent exactly plus log of the mantissa.
LG_FN double lg_log2(double x) {
    const double inv_ln2 = 1.4426950408889634;
    if (!(x > 0) || lg_isinf(x)) {
        return log(x) * inv_ln2;
    }
    int biased = (int)((lg_dbits(x) >> 52) & 0x7ff);
    if (biased == 0) {
        return lg_log2(x * 0x1p60) - 60;
    }
    int e = biased - 1023;
    double m = lg_bitsd((lg_dbits(x) & 0x800fffffffffffffLL) | 0x3ff0000000000000LL);
    return m == 1.0 ? (double)e : (double)e + log(m) * inv_ln2;
}

LG_FN double lg_asinh(double x) {
    double ax = lg_abs(x);
    double r;
    if (ax > 0x1p28) {
        r = log(ax) + 0.6931471805599453;
    } else {
        r = log1p(ax + ax * ax / (1 + sqrt(1 + ax * ax)));
    }
    return lg_copysign(r, x);
}

LG_FN double lg_acosh(double x) {
    if (x < 1) {
        return lg_nan();
    }
    if (x > 0x1p28) {
        return log(x) + 0.6931471805599453;
    }
    double t = x - 1;
    return log1p(t + sqrt(2 * t + t * t));
}

LG_FN double lg_atanh(double x) {
    double ax = lg_abs(x);
    double r = 0.5 * log1p(2 * ax / (1 - ax));
    return lg_copysign(r, x);
}

// ---- integers (Binary.integer, Unary.integer) --------------------------------------------------

LG_FN i64 lg_add(i64 a, i64 b) { return (i64)((u64)a + (u64)b); }
LG_FN i64 lg_sub(i64 a, i64 b) { return (i64)((u64)a - (u64)b); }
LG_FN i64 lg_mul(i64 a, i64 b) { return (i64)((u64)a * (u64)b); }
LG_FN i64 lg_neg(i64 a) { return (i64)(0ULL - (u64)a); }
LG_FN i64 lg_iabs(i64 a) { return a < 0 ? lg_neg(a) : a; }

LG_FN i64 lg_floordiv_s(i64 a, i64 b) {
    if (b == 0) {
        return 0;
    }
    if (b == -1) {
        return lg_neg(a);
    }
    i64 q = a / b;
    if ((a % b != 0) && ((a ^ b) < 0)) {
        q--;
    }
    return q;
}

LG_FN i64 lg_floormod_s(i64 a, i64 b) {
    if (b == 0 || b == -1) {
        return 0;
    }
    i64 m = a % b;
    if ((m ^ b) < 0 && m != 0) {
        m += b;
    }
    return m;
}

LG_FN i64 lg_rem_s(i64 a, i64 b) { return b == 0 || b == -1 ? 0 : a % b; }
LG_FN i64 lg_div_u(i64 a, i64 b) { return b == 0 ? 0 : (i64)((u64)a / (u64)b); }
LG_FN i64 lg_rem_u(i64 a, i64 b) { return b == 0 ? 0 : (i64)((u64)a % (u64)b); }
LG_FN int lg_cmp(i64 a, i64 b, bool u) {
    if (u) {
        return (u64)a < (u64)b ? -1 : (u64)a > (u64)b ? 1 : 0;
    }
    return a < b ? -1 : a > b ? 1 : 0;
}

// Integer power by squaring; a negative exponent of a signed type sets *err (the CPU throws
// ArithmeticException) and gives 0.
LG_FN i64 lg_ipow(i64 base, i64 exp, bool is_unsigned, int* err) {
    if (exp < 0 && !is_unsigned) {
        if (err != 0) {
            *err = 1;
        }
        return 0;
    }
    u64 r = 1;
    u64 b = (u64)base;
    u64 e = (u64)exp;
    while (e != 0) {
        if ((e & 1) != 0) {
            r *= b;
        }
        b *= b;
        e >>= 1;
    }
    return (i64)r;
}

LG_FN i64 lg_shl(i64 a, i64 y, int bits) { return y < 0 || y >= bits ? 0 : (i64)((u64)a << y); }
LG_FN i64 lg_shr(i64 a, i64 y, int bits, bool is_unsigned) {
    if (y < 0 || y >= bits) {
        return is_unsigned || a >= 0 ? 0 : -1;
    }
    return is_unsigned ? (i64)((u64)a >> y) : a >> y;
}

LG_FN i64 lg_irecip(i64 x, bool is_unsigned) {
    return x == 0 ? LG_MIN_I64 : x == 1 ? 1 : (x == -1 && !is_unsigned) ? -1 : 0;
}

LG_FN i64 lg_isign(i64 x, bool is_unsigned) {
    if (is_unsigned) {
        return x != 0 ? 1 : 0;
    }
    return x > 0 ? 1 : x < 0 ? -1 : 0;
}

// ---- complex numbers (Complex) -------------------------------------------------------------

struct lg_c {
    double re;
    double im;
};

LG_FN lg_c lg_cx(double re, double im) {
    lg_c c;
    c.re = re;
    c.im = im;
    return c;
}

LG_FN lg_c lg_cround32(lg_c a) { return lg_cx(lg_rf32(a.re), lg_rf32(a.im)); }
LG_FN lg_c lg_cadd(lg_c a, lg_c b) { return lg_cx(a.re + b.re, a.im + b.im); }
LG_FN lg_c lg_csub(lg_c a, lg_c b) { return lg_cx(a.re - b.re, a.im - b.im); }
LG_FN lg_c lg_cmul(lg_c x, lg_c y) {
    return lg_cx(x.re * y.re - x.im * y.im, x.re * y.im + x.im * y.re);
}

LG_FN lg_c lg_cdiv(lg_c x, lg_c y) {
    double a = x.re, b = x.im, c = y.re, d = y.im;
    double ac = lg_abs(c);
    double ad = lg_abs(d);
    if (ac >= ad) {
        if (ac == 0 && ad == 0) {
            return lg_cx(a / ac, b / ac);
        }
        double rat = d / c;
        double scl = 1.0 / (c + d * rat);
        return lg_cx((a + b * rat) * scl, (b - a * rat) * scl);
    }
    double rat = c / d;
    double scl = 1.0 / (d + c * rat);
    return lg_cx((a * rat + b) * scl, (b * rat - a) * scl);
}

LG_FN lg_c lg_csqrt(lg_c x) {
    double a = x.re, b = x.im;
    if (a == 0 && b == 0) {
        return lg_cx(0, b);
    }
    double t = sqrt((lg_abs(a) + hypot(a, b)) / 2);
    if (a >= 0) {
        return lg_cx(t, b / (2 * t));
    }
    return lg_cx(lg_abs(b) / (2 * t), lg_copysign(t, b));
}

LG_FN lg_c lg_cexp(lg_c x) {
    double m = exp(x.re);
    double b = x.im;
    return lg_cx(b == 0 ? m : m * cos(b), b == 0 ? b : m * sin(b));
}

LG_FN lg_c lg_clog(lg_c x) { return lg_cx(log(hypot(x.re, x.im)), atan2(x.im, x.re)); }

LG_FN lg_c lg_cpow(lg_c x, lg_c y) {
    double a = x.re, b = x.im, c = y.re, d = y.im;
    if (c == 0 && d == 0) {
        return lg_cx(1, 0);
    }
    if (a == 0 && b == 0) {
        return lg_cx(0, 0);
    }
    double logr = log(hypot(a, b));
    double theta = atan2(b, a);
    double mag = exp(c * logr - d * theta);
    double ang = d * logr + c * theta;
    return lg_cx(mag * cos(ang), mag * sin(ang));
}

LG_FN lg_c lg_csquare(lg_c x) { return lg_cx(x.re * x.re - x.im * x.im, 2 * x.re * x.im); }
LG_FN lg_c lg_crecip(lg_c x) { return lg_cdiv(lg_cx(1, 0), x); }
LG_FN bool lg_ctrue(lg_c x) { return x.re != 0 || x.im != 0; }
