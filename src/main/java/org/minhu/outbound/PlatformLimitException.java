package org.minhu.outbound;

/** A message that the platform would refuse, caught before it is built. */
public class PlatformLimitException extends IllegalArgumentException {

    public PlatformLimitException(String message) {
        super(message);
    }
}
