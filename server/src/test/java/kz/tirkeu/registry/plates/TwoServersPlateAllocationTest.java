package kz.tirkeu.registry.plates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import kz.tirkeu.TirkeuApplication;
import kz.tirkeu.database.LocalPostgres;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two servers against one PostgreSQL, as behind a load balancer (ARCHITECTURE.md §4): this test's server
 * and a second, separately started server pointed at its database by {@code spring.datasource.url}, each
 * allocating from eight threads at once, every application asked of both.
 */
@TirkeuServerTest
class TwoServersPlateAllocationTest {

    private static final int THREADS_PER_SERVER = 8;
    private static final int APPLICATIONS_PER_THREAD = 500;
    private static final List<String> REGIONS = List.of("10", "11");

    @Autowired
    PlateAllocator firstServer;
    @Autowired
    LocalPostgres database;
    @Autowired
    PlateRules rules;
    @Autowired
    JdbcClient db;

    @Test
    void twoServersNeverGiveOneNumberTwiceNorOneApplicationTwoNumbers() throws Exception {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(TirkeuApplication.class)
                .properties(
                        "spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=postgres",
                        "spring.datasource.password=",
                        "server.port=0",
                        "tirkeu.notification.dispatcher.enabled=false")
                .run()) {
            PlateAllocator secondServer = second.getBean(PlateAllocator.class);
            assertThat(secondServer).isNotSameAs(firstServer);
            assertThat(second.getBeansOfType(LocalPostgres.class)).as("the second server uses the first one's database").isEmpty();

            CountDownLatch start = new CountDownLatch(1);
            List<Future<Map<String, Plate>>> work = new ArrayList<>();
            long started;
            try (ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_SERVER)) {
                for (int thread = 0; thread < THREADS_PER_SERVER; thread++) {
                    List<String> applications = new ArrayList<>();
                    for (int i = 0; i < APPLICATIONS_PER_THREAD; i++) {
                        applications.add("KZ-PLATE-2SRV-%d-%03d".formatted(thread, i));
                    }
                    // The second server asks for the same applications from the other end: at first both
                    // take new numbers side by side, later each mostly finds what the other already gave.
                    work.add(threads.submit(() -> allocateAll(firstServer, applications, start)));
                    work.add(threads.submit(() -> allocateAll(secondServer, applications.reversed(), start)));
                }
                started = System.nanoTime();
                start.countDown();
                List<Map<String, Plate>> results = new ArrayList<>();
                for (Future<Map<String, Plate>> done : work) {
                    results.add(done.get()); // any exception in any thread fails the test here
                }
                long millis = (System.nanoTime() - started) / 1_000_000;
                System.out.printf("plates: 2 servers x %d threads x %d allocations in %d ms%n",
                        THREADS_PER_SERVER, APPLICATIONS_PER_THREAD, millis);

                Map<String, Plate> byApplication = new HashMap<>();
                for (Map<String, Plate> result : results) {
                    result.forEach((application, plate) -> {
                        Plate earlier = byApplication.putIfAbsent(application, plate);
                        assertThat(earlier == null || earlier.equals(plate))
                                .as("both servers give application %s the same plate (%s, %s)", application, earlier, plate)
                                .isTrue();
                    });
                }
                assertThat(byApplication).hasSize(THREADS_PER_SERVER * APPLICATIONS_PER_THREAD);
                assertThat(new HashSet<>(byApplication.values())).hasSameSizeAs(byApplication.values());
                assertThat(byApplication.values())
                        .allSatisfy(plate -> assertThat(rules.isGivable(plate.number())).as(plate.number()).isTrue());
                assertThat(db.sql("select count(*) from plate_number where application_number like 'KZ-PLATE-2SRV-%'")
                        .query(Long.class).single()).isEqualTo(THREADS_PER_SERVER * APPLICATIONS_PER_THREAD);
            }
        }
    }

    private static Map<String, Plate> allocateAll(PlateAllocator server, List<String> applications, CountDownLatch start)
            throws InterruptedException {
        start.await();
        Map<String, Plate> given = new HashMap<>();
        for (String application : applications) {
            String region = REGIONS.get(Math.floorMod(application.hashCode(), REGIONS.size()));
            given.put(application, server.allocate(region, application));
        }
        return given;
    }
}
