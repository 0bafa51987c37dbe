package org.minhu.open311;

/** One entry of a GeoReport v2 error answer, which is always an array of these. */
public record GeoReportError(int code, String description) {
}
