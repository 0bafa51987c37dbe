package org.minhu.common;

/**
 * Where the photos staff upload (a resolution's, a 复查's) are kept in the media store: the one public
 * folder, which the carrier platform fetches to show in a resident's card. Residents' own files live
 * elsewhere and are for signed-in staff only; a path from a client naming a staff photo must lie here.
 */
public final class StaffPhotos {

    public static final String FOLDER = "resolutions/";

    private StaffPhotos() {
    }

    /** Whether {@code path} (relative to the media store) names a file in the staff photos' folder. */
    public static boolean isStaffPhoto(String path) {
        return path != null && path.startsWith(FOLDER) && !path.contains("..") && !path.contains("\\");
    }
}
