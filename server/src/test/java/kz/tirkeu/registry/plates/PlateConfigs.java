package kz.tirkeu.registry.plates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The plate settings as the server binds them, and the lists of DOMAIN.md §5.2 written out independently. */
final class PlateConfigs {

    /** MVD order 342 of 12 May 2026 as DOMAIN.md §5.2 lists it: never given, with any letters. */
    static final Set<Integer> DOMAIN_HIGH_DEMAND = Set.copyOf(IntStream.concat(
            IntStream.rangeClosed(1, 9),
            IntStream.of(10, 20, 30, 40, 50, 60, 70, 77, 80, 90, 707,
                    100, 111, 200, 222, 300, 333, 400, 444, 500, 555, 600, 666, 700, 800, 888, 900, 999, 777))
            .boxed().toList());

    static final List<String> ALL_REGIONS = IntStream.rangeClosed(1, 20).mapToObj(r -> "%02d".formatted(r)).toList();

    private PlateConfigs() {}

    /** tirkeu.plates exactly as the server's application.yml sets it, bound the way Spring Boot binds it. */
    static PlateProperties fromApplicationYml() {
        try {
            List<PropertySource<?>> yaml = new YamlPropertySourceLoader()
                    .load("application.yml", new ClassPathResource("application.yml"));
            return new Binder(ConfigurationPropertySources.from(yaml)).bind("tirkeu.plates", PlateProperties.class).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PlateProperties with(String alphabet, List<String> highDemand, List<String> banned, List<String> reserved,
                                PlateOrder order) {
        return new PlateProperties(ALL_REGIONS, alphabet, highDemand, banned, reserved, List.of(), order);
    }
}
