package kz.tirkeu.application;

import static org.assertj.core.api.Assertions.assertThat;

import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuClient.Reply;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue [11]: a partner's app needs the centres a buyer may choose at S15; only the sandbox listed them. */
@TirkeuServerTest
class ServiceCentresApiTest {

    @LocalServerPort
    int port;

    @Test
    void theCentresOfARegionComeFromTheCatalogueForAnyone() {
        TirkeuClient client = new TirkeuClient(port);

        Reply almaty = client.get("/api/v1/service-centres?region=02", null);

        assertThat(almaty.status()).isEqualTo(200);
        assertThat(almaty.body().findValuesAsString("code")).contains("ALM-01");
        assertThat(almaty.body().findValuesAsString("regionCode")).containsOnly("02");
        assertThat(almaty.body().get(0).path("address").asString()).isNotBlank();
        for (String bad : new String[] {"", "?region=99", "?region=%27%20or%201=1"}) {
            Reply refused = client.get("/api/v1/service-centres" + bad, null);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("REGION_UNKNOWN");
        }
    }
}
