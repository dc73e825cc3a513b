package kz.tirkeu.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Human review of automated refusals ({@code tirkeu.review.*}, Digital Code Art. 39).
 *
 * @param deadline an officer answers a request for review within this time; the applicant is shown it
 * @param fourEyes overturning an automated refusal takes two officers of the region
 */
@ConfigurationProperties("tirkeu.review")
public record ReviewProperties(@DefaultValue("10d") Duration deadline, @DefaultValue("false") boolean fourEyes) {
}
