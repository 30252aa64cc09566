package dev.legate.core;

/** Thrown when a provider or processor kind was asked for but cannot run here; the message names the values involved. */
public class ProviderUnavailableException extends LegateException {
    private static final long serialVersionUID = 1L;

    /** An exception with the given message. */
    public ProviderUnavailableException(String message) {
        super(message);
    }
}
