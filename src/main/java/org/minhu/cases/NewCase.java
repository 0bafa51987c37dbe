package org.minhu.cases;

import org.minhu.common.ProblemException;

/**
 * What a conversation collected for a new case: who, what, where, in the resident's words
 * (如实登记), and which flow version asked for it.
 */
public record NewCase(String phone, String category, String description, Double latitude, Double longitude,
                      String address, String photoPath, String flowId, Integer flowVersion, String channel) {

    /** Requests that came in over 5G Messages (or its SMS fallback). */
    public static final String CHANNEL_5G = "5g";
    /** The flowId of a case staff filed from a live chat (转为诉求): no flow told the resident, so they are told. */
    public static final String FROM_LIVE_CHAT = "live-chat";
    public static final int MAX_DESCRIPTION = 8000;
    public static final int MAX_ADDRESS = 1024;

    /**
     * The phone is the resident's identity over 5G Messages, so it is required there; requests from
     * other channels (Open311: hotline operators, web forms, other apps) may come without one.
     */
    public NewCase {
        if (phone != null && phone.isBlank()) {
            phone = null;
        }
        if (phone == null && CHANNEL_5G.equals(channel)) {
            throw ProblemException.badRequest("phone", "phone is required");
        }
        if (category == null || category.isBlank()) {
            throw ProblemException.badRequest("category", "category is required");
        }
        if (description == null || description.isBlank()) {
            throw ProblemException.badRequest("description", "description is required");
        }
        description = description.strip();
        if (description.length() > MAX_DESCRIPTION) {
            throw ProblemException.badRequest("description", "description is over " + MAX_DESCRIPTION + " characters");
        }
        if ((latitude == null) != (longitude == null)) {
            throw ProblemException.badRequest("latitude", "latitude and longitude come together or not at all");
        }
        if (latitude != null && (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180))) {
            throw ProblemException.badRequest("latitude", "no such place: " + latitude + "," + longitude);
        }
        if (address != null && address.length() > MAX_ADDRESS) {
            throw ProblemException.badRequest("address", "address is over " + MAX_ADDRESS + " characters");
        }
        if (channel == null || channel.isBlank()) {
            throw ProblemException.badRequest("channel", "channel is required");
        }
    }

    /** A request from a 5G Message conversation. */
    public NewCase(String phone, String category, String description, Double latitude, Double longitude,
                   String address, String photoPath, String flowId, Integer flowVersion) {
        this(phone, category, description, latitude, longitude, address, photoPath, flowId, flowVersion, CHANNEL_5G);
    }

    public boolean hasLocation() {
        return latitude != null;
    }
}
