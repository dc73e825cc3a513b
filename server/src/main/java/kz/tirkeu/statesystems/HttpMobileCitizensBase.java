package kz.tirkeu.statesystems;

import java.net.http.HttpClient;
import java.time.Duration;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.platform.PlatformAddresses;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/** МБГ over HTTP: {@code GET {state systems}/mbg/v1/subscribers/{iin}} → 200 with the phone, or 404 when none is registered. */
@Component
class HttpMobileCitizensBase implements MobileCitizensBase {

    private final RestClient http;
    private final PlatformAddresses addresses;

    HttpMobileCitizensBase(PlatformAddresses addresses) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        requests.setReadTimeout(Duration.ofSeconds(5));
        this.http = RestClient.builder().requestFactory(requests).build();
        this.addresses = addresses;
    }

    @Override
    public PhoneLookup registeredPhone(Iin iin) {
        try {
            Subscriber subscriber = http.get()
                    .uri(addresses.stateSystem("/mbg/v1/subscribers/" + iin.value()))
                    .retrieve()
                    .body(Subscriber.class);
            if (subscriber == null || subscriber.phone() == null) {
                return new PhoneLookup.Unavailable("МБГ answered without a phone number");
            }
            return new PhoneLookup.Registered(PhoneNumber.parse(subscriber.phone()));
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatusCode.valueOf(404))) {
                return new PhoneLookup.NotRegistered();
            }
            return new PhoneLookup.Unavailable("МБГ answered HTTP " + e.getStatusCode().value());
        } catch (RestClientException | IllegalArgumentException e) {
            return new PhoneLookup.Unavailable("МБГ unreachable: " + e.getMessage());
        }
    }

    private record Subscriber(String iin, String phone) {}
}
