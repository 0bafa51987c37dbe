package org.minhu.mockcarrier.config;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.LaunchMode;

/**
 * The address the mock is reachable at, for the media URLs and the token answer. Worked out on
 * use rather than at start-up, because with port 0 the real port is only known once bound.
 */
@ApplicationScoped
public class SelfUrl {

    private final MockConfig config;

    public SelfUrl(MockConfig config) {
        this.config = config;
    }

    public String base() {
        return config.publicUrl()
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .orElseGet(() -> "http://127.0.0.1:" + port());
    }

    private static String port() {
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        String bound = System.getProperty(key);
        if (bound != null) {
            return bound;
        }
        return ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse("8090");
    }
}
