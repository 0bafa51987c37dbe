package org.minhu.mockcarrier.platform;

/**
 * A refusal as the platform words it: an HTTP status plus {@code errorCode} and an
 * {@code errorMessage} that names the field at fault.
 */
public class PlatformError extends RuntimeException {

    public static final int BAD_PARAMETER = 20002;
    public static final int PER_SECOND_QUOTA = 30003;
    public static final int SENDER_MISMATCH = 30008;
    public static final int BAD_APP_KEY = 40001;
    public static final int BAD_TOKEN = 40014;
    public static final int CHIP_COUNT = 40016;
    public static final int CHIP_TYPE = 40017;
    public static final int CHIP_TEXT = 40018;
    public static final int CHIP_TEXT_LENGTH = 40019;
    public static final int CHIP_POSTBACK = 40020;
    public static final int CHIP_POSTBACK_LENGTH = 40021;
    public static final int TOKEN_EXPIRED = 42001;
    public static final int BAD_JSON = 47001;
    public static final int BUSY = -1;
    public static final int INTERNAL = -2;

    private final int httpStatus;
    private final int errorCode;

    public PlatformError(int httpStatus, int errorCode, String errorMessage) {
        super(errorMessage);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** A parameter error: HTTP 400 with the given code. */
    public static PlatformError parameter(int errorCode, String errorMessage) {
        return new PlatformError(400, errorCode, errorMessage);
    }

    public static PlatformError badParameter(String errorMessage) {
        return parameter(BAD_PARAMETER, errorMessage);
    }

    public static PlatformError token(int errorCode, String errorMessage) {
        return new PlatformError(401, errorCode, errorMessage);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }
}
