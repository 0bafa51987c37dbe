package org.minhu.open311;

import org.minhu.cases.NewCase;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A posted service request, read field by field with the GeoReport v2 names and checked, so that
 * every refusal names the field to fix. The attributes are checked against the service by
 * {@link ServiceDefinitions}.
 */
record SubmittedRequest(String serviceCode, Double latitude, Double longitude, String addressString,
                        String description, String mediaUrl, String firstName, String lastName, ContactPhone phone,
                        String email, String deviceId, String accountId) {

    /** The spec's limit for a description. */
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_NAME = 128;
    static final int MAX_ID = 128;
    static final int MAX_EMAIL = 254;
    static final int MAX_MEDIA_URL = 1024;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** @throws GeoReportException 400 naming the first field that does not fit, the service first */
    static SubmittedRequest read(RequestFields fields, Predicate<String> isService) {
        String serviceCode = fields.first("service_code");
        if (serviceCode == null) {
            throw GeoReportException.badRequest("service_code is required");
        }
        if (!isService.test(serviceCode)) {
            throw GeoReportException.badRequest("service_code " + GeoReportException.shown(serviceCode)
                    + " is not a service; see services.json");
        }
        Double latitude = coordinate(fields, "lat", 90);
        Double longitude = coordinate(fields, "long", 180);
        if ((latitude == null) != (longitude == null)) {
            throw GeoReportException.badRequest("lat and long come together: " + (latitude == null ? "lat" : "long") + " is missing");
        }
        String address = limited(fields, "address_string", NewCase.MAX_ADDRESS);
        if (latitude == null && address == null) {
            throw GeoReportException.badRequest(fields.first("address_id") != null
                    ? "address_id is not used here: give lat and long, or address_string"
                    : "a location is required: lat and long, or address_string");
        }
        String description = limited(fields, "description", MAX_DESCRIPTION);
        if (description == null) {
            throw GeoReportException.badRequest("description is required");
        }
        String email = limited(fields, "email", MAX_EMAIL);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw GeoReportException.badRequest("email is not an email address: " + GeoReportException.shown(email));
        }
        return new SubmittedRequest(serviceCode, latitude, longitude, address, description, mediaUrl(fields),
                limited(fields, "first_name", MAX_NAME), limited(fields, "last_name", MAX_NAME),
                ContactPhone.parse(fields.first("phone")), email,
                limited(fields, "device_id", MAX_ID), limited(fields, "account_id", MAX_ID));
    }

    private static Double coordinate(RequestFields fields, String name, double limit) {
        String text = fields.first(name);
        if (text == null) {
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw GeoReportException.badRequest(name + " is not a number: " + GeoReportException.shown(text));
        }
        if (!(value >= -limit && value <= limit)) {
            throw GeoReportException.badRequest(name + " must be between " + (int) -limit + " and " + (int) limit);
        }
        return value;
    }

    private static String limited(RequestFields fields, String name, int limit) {
        String value = fields.first(name);
        if (value != null && value.codePointCount(0, value.length()) > limit) {
            throw GeoReportException.badRequest(name + " is over " + limit + " characters");
        }
        return value;
    }

    /** Kept as a link for staff to open; never fetched by the service, so it cannot be made to call inside the network. */
    private static String mediaUrl(RequestFields fields) {
        String url = limited(fields, "media_url", MAX_MEDIA_URL);
        if (url != null && !isWebLink(url)) {
            throw GeoReportException.badRequest("media_url must be an http or https link");
        }
        return url;
    }

    private static boolean isWebLink(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
