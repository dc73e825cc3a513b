package kz.tirkeu.registry.plates;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Plate allocation: the rules and the sequence are built once, at start-up, from {@code tirkeu.plates}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlateProperties.class)
class PlatesConfiguration {

    @Bean
    PlateRules plateRules(PlateProperties properties) {
        return new PlateRules(properties);
    }

    @Bean
    PlateNumberSequence plateNumberSequence(PlateRules rules, PlateProperties properties) {
        return new PlateNumberSequence(rules, properties.order());
    }

    @Bean
    PlateAllocator plateAllocator(JdbcClient db, PlatformTransactionManager transactions, PlateRules rules,
                                  PlateNumberSequence sequence, Clock clock) {
        return new DatabasePlateAllocator(db, transactions, rules, sequence, clock);
    }

    @Bean
    StoredPlates storedPlates(JdbcClient db, PlateRules rules, Clock clock) {
        return new StoredPlates(db, rules, clock);
    }
}
