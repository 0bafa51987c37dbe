package org.minhu.outbound;

/** An image or video shown at the top of a card. */
public record Media(String url, String contentType, long fileSize, Height height, String thumbnailUrl, String description) {

    public enum Height { SHORT_HEIGHT, MEDIUM_HEIGHT, TALL_HEIGHT }

    public Media {
        PlatformLimits.requireLength("media url", url, 1, 2048);
        PlatformLimits.requireLength("media contentType", contentType, 3, 100);
        long max = contentType.startsWith("video/") ? PlatformLimits.MAX_VIDEO_BYTES : PlatformLimits.MAX_IMAGE_BYTES;
        if (fileSize <= 0 || fileSize > max) {
            throw new PlatformLimitException("media of type " + contentType + " must be 1–" + max + " bytes, was " + fileSize);
        }
        if (height == null) {
            height = Height.MEDIUM_HEIGHT;
        }
    }

    public static Media image(String url, String contentType, long fileSize) {
        return new Media(url, contentType, fileSize, Height.MEDIUM_HEIGHT, null, null);
    }
}
