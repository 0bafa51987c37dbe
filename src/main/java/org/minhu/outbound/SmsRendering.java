package org.minhu.outbound;

import java.util.List;

/** A message as a plain SMS shows it, and what each number a resident may type back stands for. */
public record SmsRendering(String text, List<Option> options) {

    public record Option(int number, String displayText, String postback) {
    }

    public SmsRendering {
        options = List.copyOf(options);
    }
}
