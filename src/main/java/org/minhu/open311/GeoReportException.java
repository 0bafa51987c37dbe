package org.minhu.open311;

/**
 * A refusal that reaches an Open311 client in the GeoReport v2 error format rather than as a
 * problem document: that is what clients of this API read.
 */
class GeoReportException extends RuntimeException {

    private final int status;

    GeoReportException(int status, String description) {
        super(description);
        this.status = status;
    }

    static GeoReportException badRequest(String description) {
        return new GeoReportException(400, description);
    }

    static GeoReportException notFound(String description) {
        return new GeoReportException(404, description);
    }

    /** A client's value quoted back in an error, cut short so the error stays readable. */
    static String shown(String value) {
        int limit = 40;
        return value.codePointCount(0, value.length()) <= limit ? value
                : value.substring(0, value.offsetByCodePoints(0, limit)) + "…";
    }

    int status() {
        return status;
    }

    GeoReportError error() {
        return new GeoReportError(status, getMessage());
    }
}
