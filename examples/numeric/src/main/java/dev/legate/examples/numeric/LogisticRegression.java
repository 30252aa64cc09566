package dev.legate.examples.numeric;

import static dev.legate.numeric.Numeric.*;

import dev.legate.core.DType;
import dev.legate.numeric.Generator;
import dev.legate.numeric.NDArray;

/**
 * Binary logistic regression fitted by batch gradient descent on synthetic data, as one would
 * write it with NumPy: {@code p = 1 / (1 + exp(-X @ w))}, {@code w -= lr * X.T @ (p - y) / n}.
 *
 * <p>Run: {@code scripts/run-module dev.legate.examples.numeric/dev.legate.examples.numeric.LogisticRegression [n d iters]}
 */
public final class LogisticRegression {
    private LogisticRegression() {
    }

    /** The fitted weights for samples {@code x} (n, d) with 0/1 labels {@code y} (n). */
    public static NDArray fit(NDArray x, NDArray y, int iters, double lr) {
        long n = x.shape().extent(0);
        NDArray w = zeros(x.shape().extent(1));
        NDArray xt = x.T();
        for (int i = 0; i < iters; i++) {
            NDArray p = sigmoid(x.matmul(w));
            NDArray grad = xt.matmul(p.subtract(y)).divide(n);
            w = w.subtract(grad.multiply(lr));
        }
        return w;
    }

    /** {@code 1 / (1 + exp(-z))}. */
    static NDArray sigmoid(NDArray z) {
        return divide(1.0, exp(z.negative()).add(1.0));
    }

    /** The mean cross-entropy of the predictions for {@code x} against {@code y}. */
    public static double loss(NDArray x, NDArray y, NDArray w) {
        NDArray p = clip(sigmoid(x.matmul(w)), 1e-12, 1 - 1e-12);
        return y.multiply(log(p)).add(subtract(1.0, y).multiply(log(subtract(1.0, p)))).mean().negative().item();
    }

    /** Synthetic data: {samples, labels, the true weights}. */
    public static NDArray[] data(long n, long d, long seed) {
        Generator g = defaultRng(seed);
        NDArray x = g.standardNormal(n, d);
        NDArray wTrue = g.normal(0, 1, d);
        NDArray noise = g.normal(0, 0.5, n);
        NDArray y = x.matmul(wTrue).add(noise).gt(0).astype(DType.FLOAT64);
        return new NDArray[] {x, y, wTrue};
    }

    /** Fits a model and prints the loss, the accuracy and the time taken. */
    public static void main(String[] args) {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        long d = args.length > 1 ? Long.parseLong(args[1]) : 32;
        int iters = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        NDArray[] data = data(n, d, 1);
        long t0 = System.nanoTime();
        NDArray w = fit(data[0], data[1], iters, 1.0);
        double loss = loss(data[0], data[1], w);
        double acc = sigmoid(data[0].matmul(w)).gt(0.5).astype(DType.FLOAT64).eq(data[1]).mean().item();
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("logistic-regression n=%d d=%d iters=%d loss=%.6f accuracy=%.4f s=%.3f%n", n, d, iters, loss,
                acc, s);
    }
}
