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

    /**
     * The one jurisdiction this endpoint serves, as clients name it in {@code jurisdiction_id}
     * (GeoReport v2 uses the city's domain name). A request may leave it out; any other value is 404.
     */
    @WithDefault("shenzhen.example.cn")
    String jurisdictionId();

    /** Who maintains the API and how to reach them: {@code contact} in discovery. */
    @WithDefault("民呼 Open311 接口由 12345 热线服务中心维护 / maintained by the 12345 hotline service centre")
    String contact();

    /** How a client gets an {@code api_key}: {@code key_service} in discovery. */
    @WithDefault("api_key 由 12345 热线服务中心签发，每个客户端一个 / ask the 12345 hotline service centre for one key per client")
    String keyService();
}
