package org.minhu.flow;

import java.util.Map;

/** What reached the engine: something the resident sent, or the result of an action it asked for. */
public sealed interface Input {

    record Text(String text) implements Input {
    }

    /** A tapped chip, or ({@code typed}) a number typed on a plain-SMS phone that stands for one. */
    record Choice(String postback, String displayText, boolean typed) implements Input {
        public Choice(String postback, String displayText) {
            this(postback, displayText, false);
        }
    }

    record Location(double latitude, double longitude, String label) implements Input {
    }

    /** A photo or file; {@code error} says why it could not be kept. */
    record File(String path, String name, String type, String error) implements Input {
    }

    /** Something the engine cannot use (an unknown content type). */
    record Unsupported(String what) implements Input {
    }

    record ActionResult(String outcome, Map<String, Object> data) implements Input {
    }
}
