package org.minhu.mockcarrier.push;

import java.net.http.HttpHeaders;

/**
 * How the chatbot answered the last delivery attempt of a push.
 *
 * @param status the HTTP status, or 0 when the chatbot could not be reached
 * @param error why the chatbot could not be reached, else null
 */
public record PushResult(int status, String body, HttpHeaders headers, int attempts, String error) {

    public boolean delivered() {
        return status >= 200 && status < 300;
    }
}
