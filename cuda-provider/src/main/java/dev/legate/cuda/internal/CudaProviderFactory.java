package dev.legate.cuda.internal;

import dev.legate.core.ProviderUnavailableException;
import dev.legate.core.RuntimeConfig;
import dev.legate.core.spi.Provider;
import dev.legate.core.spi.ProviderFactory;
import java.util.Optional;

/**
 * Finds the CUDA provider. {@link #unavailableReason()} probes once per JVM (see {@link Driver}):
 * it loads the driver library and JCuda's bindings and counts the devices, but creates no
 * context; a machine without a driver or a GPU gets the reason and runs on CPUs. Setting
 * {@code legate.gpus} / {@code LEGATE_GPUS} to 0 skips the probe.
 */
public final class CudaProviderFactory implements ProviderFactory {
    static final String DISABLED = "disabled by configuration (gpus = 0)";

    /** Creates the factory; it does nothing until asked. */
    public CudaProviderFactory() {
    }

    @Override
    public String name() {
        return "cuda";
    }

    @Override
    public Optional<String> unavailableReason() {
        String gpus = System.getProperty("legate.gpus", System.getenv("LEGATE_GPUS"));
        if (gpus != null && gpus.trim().equals("0")) {
            return Optional.of(DISABLED);
        }
        return Driver.probe().unavailable();
    }

    /**
     * Starts one processor per GPU the configuration asks for.
     *
     * @throws ProviderUnavailableException when the configuration asks for no GPU, for more than
     *         are visible, or when CUDA is unavailable
     */
    @Override
    public Provider create(RuntimeConfig config) {
        if (config.gpus() == 0) {
            throw new ProviderUnavailableException(DISABLED);
        }
        Driver.Probe probe = Driver.probe();
        if (probe.unavailable().isPresent()) {
            throw new ProviderUnavailableException(probe.unavailable().get());
        }
        return new CudaProvider(config, probe);
    }
}
