package org.minhu.carrier.client;

/** What the platform said to a call: HTTP status, its {@code errorCode} (0 is success) and message. */
public record PlatformAnswer(int httpStatus, int errorCode, String errorMessage, String body) {

    public static final int BUSY = -1;
    public static final int INTERNAL = -2;
    public static final int TOKEN_INVALID = 40014;
    public static final int TOKEN_EXPIRED = 42001;

    public boolean ok() {
        return httpStatus / 100 == 2 && errorCode == 0;
    }

    public boolean tokenProblem() {
        return errorCode == TOKEN_EXPIRED || errorCode == TOKEN_INVALID;
    }

    /** Worth trying again later: busy, internal error, a quota, a token that would not refresh, or a 5xx. */
    public boolean retryable() {
        return errorCode == BUSY || errorCode == INTERNAL || (errorCode >= 30001 && errorCode <= 30004)
                || tokenProblem() || httpStatus >= 500 || httpStatus == 429;
    }

    public boolean quotaExceeded() {
        return errorCode >= 30001 && errorCode <= 30004 || httpStatus == 429;
    }

    @Override
    public String toString() {
        return "HTTP " + httpStatus + " errorCode " + errorCode + (errorMessage == null ? "" : " " + errorMessage);
    }
}
