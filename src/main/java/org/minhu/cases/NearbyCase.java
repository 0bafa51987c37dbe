package org.minhu.cases;

/**
 * An open case near a place, as offered before a second one is filed (to a resident in the filing
 * flow, to staff at 代为登记): what the offer shows, read without loading the case, with its distance.
 */
public record NearbyCase(String number, CaseState state, String address, String description, double latitude,
                         double longitude, double meters) {
}
