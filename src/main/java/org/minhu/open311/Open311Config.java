package org.minhu.open311;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;
import java.util.Set;

@ConfigMapping(prefix = "minhu.open311")
public interface Open311Config {

    /**
     * The keys that may post service requests, one per client (hotline, web form, app). With none,
     * nobody can post; reading needs no key.
     */
    Optional<List<String>> apiKeys();

    /**
     * Channels whose cases {@code GET requests.json} shows. Only Open311's own by default: a
     * resident who wrote to the chatbot did not publish their words, and its cases are theirs alone.
     */
    @WithDefault(ServiceRequests.CHANNEL)
    Set<String> publicChannels();
}
