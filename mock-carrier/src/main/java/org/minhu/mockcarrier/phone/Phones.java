package org.minhu.mockcarrier.phone;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.minhu.mockcarrier.config.MockConfig;
import org.minhu.mockcarrier.wire.TelUri;

/** Every phone the mock has seen, by tel URI. A phone comes into being when first used. */
@ApplicationScoped
public class Phones {

    private final ConcurrentMap<String, Phone> phones = new ConcurrentHashMap<>();
    private final Set<String> smsOnlyAtStart;

    public Phones(MockConfig config) {
        this.smsOnlyAtStart = config.smsOnlyNumbers().orElse(List.of()).stream()
                .map(TelUri::normalize)
                .flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
    }

    public Phone get(String tel) {
        return phones.computeIfAbsent(tel, key -> new Phone(key, smsOnlyAtStart.contains(key)));
    }

    public Optional<Phone> find(String tel) {
        return Optional.ofNullable(phones.get(tel));
    }

    public List<Phone.Stats> all() {
        return phones.values().stream().map(Phone::stats).sorted(Comparator.comparing(Phone.Stats::phone)).toList();
    }

    public void clear() {
        phones.clear();
    }
}
