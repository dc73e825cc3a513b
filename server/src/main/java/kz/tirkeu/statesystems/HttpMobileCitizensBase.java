package kz.tirkeu.statesystems;

import java.util.Map;
import kz.tirkeu.pki.identity.Iin;
import org.springframework.stereotype.Component;

/** МБГ over HTTP: {@code GET {state systems}/mbg/v1/subscribers/{iin}} → 200 with the phone, or 404 when none is registered. */
@Component
class HttpMobileCitizensBase implements MobileCitizensBase {

    private final StateSystemClient client;

    HttpMobileCitizensBase(StateSystemClient client) {
        this.client = client;
    }

    @Override
    public PhoneLookup registeredPhone(Iin iin) {
        return switch (client.get(StateSystem.MOBILE_CITIZENS, "/subscribers/" + iin.value(), Subscriber.class,
                subscriber -> Map.of("registered", String.valueOf(subscriber.phone() != null)))) {
            case Answer.Found<Subscriber> found when found.value().phone() != null -> {
                try {
                    yield new PhoneLookup.Registered(PhoneNumber.parse(found.value().phone()));
                } catch (IllegalArgumentException e) {
                    yield new PhoneLookup.Unavailable("МБГ gave a number that is not a Kazakh mobile number");
                }
            }
            case Answer.Found<Subscriber> found -> new PhoneLookup.Unavailable("МБГ answered without a phone number");
            case Answer.NotFound<Subscriber> none -> new PhoneLookup.NotRegistered();
            case Answer.Unavailable<Subscriber> down -> new PhoneLookup.Unavailable(down.why());
        };
    }

    private record Subscriber(String iin, String phone) {}
}
