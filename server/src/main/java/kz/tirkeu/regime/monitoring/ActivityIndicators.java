package kz.tirkeu.regime.monitoring;

import org.springframework.modulith.NamedInterface;

/**
 * What the applications under a regime did in a period. The regime package asks; the package that keeps the
 * applications answers (it knows its action log), so the regime never reads another package's tables.
 */
@NamedInterface("monitoring")
public interface ActivityIndicators {

    Indicators measure(String regime, Period period);
}
