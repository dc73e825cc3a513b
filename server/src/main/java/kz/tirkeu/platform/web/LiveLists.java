package kz.tirkeu.platform.web;

import java.time.Duration;
import kz.tirkeu.platform.PlatformProperties;
import org.springframework.stereotype.Component;

/**
 * How a list page looks for news by itself (htmx): the police queue and the PSC's collections change while
 * an officer or operator keeps them open. The list is fetched again and swapped in only while the tab is
 * visible and the person's focus is not inside it, so that nobody loses their place.
 */
@Component
public class LiveLists {

    private final Duration every;

    LiveLists(PlatformProperties properties) {
        this.every = properties.web().listRefresh(); // positive: PlatformProperties.Web checks it at start-up
    }

    /** The hx-trigger of a list whose container has this id. */
    public String trigger(String containerId) {
        return "every " + every.toMillis() + "ms [document.visibilityState === 'visible' && !document.getElementById('" + containerId
                + "').contains(document.activeElement)]";
    }
}
