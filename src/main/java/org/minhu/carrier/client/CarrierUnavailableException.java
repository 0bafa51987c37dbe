package org.minhu.carrier.client;

/** The platform did not answer in time, or could not be reached: the call may be tried again. */
public class CarrierUnavailableException extends RuntimeException {

    public CarrierUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
