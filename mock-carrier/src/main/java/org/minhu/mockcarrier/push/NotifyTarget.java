package org.minhu.mockcarrier.push;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.minhu.mockcarrier.config.MockConfig;
import org.minhu.mockcarrier.wire.UriText;

/**
 * Where the chatbot listens. Starts at {@code mock.notify-url} and can be pointed elsewhere at
 * run time, so a test can aim the mock at an endpoint whose port it learns only after start-up.
 */
@ApplicationScoped
public class NotifyTarget {

    private final MockConfig config;
    private final AtomicReference<String> notifyUrl;

    public NotifyTarget(MockConfig config) {
        this.config = config;
        this.notifyUrl = new AtomicReference<>(trimmed(config.notifyUrl()));
    }

    public String notifyUrl() {
        return notifyUrl.get();
    }

    public void set(String url) {
        notifyUrl.set(trimmed(url));
    }

    public void reset() {
        notifyUrl.set(trimmed(config.notifyUrl()));
    }

    public String messagesUrl() {
        return notifyUrl() + "/messageNotification/" + UriText.encode(config.chatbotUri()) + "/messages";
    }

    public String statusUrl() {
        return notifyUrl() + "/deliveryNotification/" + UriText.encode(config.chatbotUri()) + "/status";
    }

    public String urlCheckUrl() {
        return notifyUrl() + "/notifyPath";
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
