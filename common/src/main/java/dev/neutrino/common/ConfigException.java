package dev.neutrino.common;

/** A configuration that cannot be used: the server refuses to start and says why. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
