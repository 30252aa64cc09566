package dev.legate.cpu.internal;

import dev.legate.core.spi.ProviderFactory;
import dev.legate.core.testing.ProviderContract;

/** The provider contract, run against the CPU provider. */
class CpuProviderContractTest extends ProviderContract {
    @Override
    protected ProviderFactory factory() {
        return new CpuProviderFactory();
    }
}
