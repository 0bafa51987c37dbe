package org.minhu.outbound;

import java.util.List;

/** The body of one bot message. Every kind checks the platform's limits when it is built. */
public sealed interface Content {

    record Text(String text) implements Content {
        public Text {
            PlatformLimits.requireLength("text", text, 1, PlatformLimits.MAX_TEXT);
        }
    }

    record Card(CardContent card, Orientation orientation) implements Content {
        public enum Orientation { VERTICAL, HORIZONTAL_LEFT, HORIZONTAL_RIGHT }

        public Card {
            if (card == null) {
                throw new PlatformLimitException("card content is missing");
            }
            if (orientation == null) {
                orientation = Orientation.VERTICAL;
            }
        }

        public Card(CardContent card) {
            this(card, Orientation.VERTICAL);
        }
    }

    record Carousel(List<CardContent> cards, Width width) implements Content {
        public enum Width { SMALL_WIDTH, MEDIUM_WIDTH }

        public Carousel {
            cards = cards == null ? List.of() : List.copyOf(cards);
            PlatformLimits.requireCount("carousel cards", cards.size(),
                    PlatformLimits.MIN_CAROUSEL_CARDS, PlatformLimits.MAX_CAROUSEL_CARDS);
            if (width == null) {
                width = Width.MEDIUM_WIDTH;
            }
        }

        public Carousel(List<CardContent> cards) {
            this(cards, Width.MEDIUM_WIDTH);
        }
    }

    record File(String url, String fileName, String contentType, long fileSize, String thumbnailUrl,
                long thumbnailSize, java.time.Instant until) implements Content {
        public File {
            PlatformLimits.requireLength("file url", url, 1, 2048);
            PlatformLimits.requireLength("file name", fileName, 1, 255);
            PlatformLimits.requireLength("file contentType", contentType, 3, 100);
            if (fileSize <= 0) {
                throw new PlatformLimitException("file size must be positive");
            }
            if (thumbnailUrl != null && (thumbnailSize <= 0 || thumbnailSize > PlatformLimits.MAX_THUMBNAIL_BYTES)) {
                throw new PlatformLimitException("thumbnail must be 1–" + PlatformLimits.MAX_THUMBNAIL_BYTES + " bytes");
            }
        }
    }

    record Location(double latitude, double longitude, String label) implements Content {
        public Location {
            if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
                throw new PlatformLimitException("location out of range: " + latitude + "," + longitude);
            }
            PlatformLimits.optionalLength("location label", label, 200);
        }
    }
}
