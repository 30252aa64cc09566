package dev.legate.cuda.internal;

import dev.legate.core.spi.ProviderFactory;
import dev.legate.core.testing.ProviderContract;

/** The provider contract, run against the CUDA provider; every test skips, saying why, without a GPU. */
class CudaProviderContractTest extends ProviderContract {
    @Override
    protected ProviderFactory factory() {
        return new CudaProviderFactory();
    }
}
