package io.ztrade.dev.emulator.manifest;

/** A manifest cannot be read or makes no sense; the message names the file and the field. */
public final class ManifestException extends RuntimeException {

    public ManifestException(String message) {
        super(message);
    }

    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
