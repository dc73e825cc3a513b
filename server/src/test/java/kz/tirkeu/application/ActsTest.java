package kz.tirkeu.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every kind of act is written as canonical JSON and read back as the same act; a field no act knows is refused. */
class ActsTest {

    private static final UUID ROUND = UUID.fromString("5f0c7c1e-8a57-4a43-9b0e-1d2a3b4c5d6e");
    private static final Instant AT = Instant.parse("2026-12-04T10:15:30.123456Z");

    /** One act of every kind, with its optional parts filled where it has them. */
    static final List<Act> ONE_OF_EACH = List.of(
            new Act.Started("XTA21099043576182", "900314312346", "100140011059", false, "PARTNER_API", Optional.of("KZ-EPR-1"), Optional.of(3),
                    Optional.of("KZ-2026-000001")),
            new Act.CheckPassed(ROUND, Phase.DECISION, "buyer-signature", Optional.of("signed"), Optional.of(Refusal.EPTS_NOT_ACTIVE),
                    Map.of("indication", "TOTAL_PASSED", "subIndication", "")),
            new Act.CheckRefused(ROUND, Phase.SELLER, "S3", Refusal.EPTS_NOT_ACTIVE, Refusal.EPTS_NOT_ACTIVE.message(), "status ARCHIVED",
                    ProcessDefinition.VERSION, Map.of()),
            new Act.CheckWaiting(ROUND, Phase.BUYER, "S12", "customs did not answer", Map.of()),
            new Act.BuyerIinCorrected("900314312345", "900314312346"),
            new Act.SellerSigned(AT),
            new Act.BuyerAgreed(Optional.of("KZ-EPR-1"), Optional.of(3)),
            new Act.BuyerDeclined(Optional.empty(), Optional.empty()),
            new Act.Expired(Optional.of(AT)),
            new Act.ChoicesMade("PSC-ALM-01", "ЦОН Алмалинского района", "02", "STANDARD"),
            new Act.PhoneNeeded("no registered phone"),
            new Act.PhoneConfirmed("МБГ", "+7 701 *** ** 67"),
            new Act.InvoiceCreated("INV-1", 12_345_678_901L),
            new Act.Paid("INV-1", "PAY-1", 12_345_678_901L),
            new Act.BuyerSigned(),
            new Act.Submitted("02"),
            new Act.CaseTakenOver(PoliceCase.Kind.DECISION),
            new Act.CaseReleased(PoliceCase.Kind.REVIEW),
            new Act.Registered("123ABC02", "02", "AA 0000001", "https://tirkeu.kz/v/1", "PSC-ALM-01", true, ProcessDefinition.VERSION),
            Act.OfficerRefused.because("the VIN on the body does not match"),
            new Act.ReviewRequested(ROUND, "EPTS_NOT_ACTIVE", "the passport was activated yesterday", AT),
            new Act.ReviewUpheld(ROUND, "EPTS_NOT_ACTIVE", "still archived"),
            new Act.ReviewOverturned(ROUND, "EPTS_NOT_ACTIVE", "active since yesterday"),
            new Act.ReviewOverturnProposed(ROUND, "active since yesterday"),
            new Act.DocumentsReady("PSC-ALM-01"),
            new Act.QueueTicketIssued("PSC-ALM-01", "A-017", "DIGITAL_DOCUMENTS"),
            new Act.HandedOver("PSC-ALM-01", List.of("S-000001", "S-000002"), "B-0001"));

    @Test
    void thereIsAnActForEveryKindAndItReadsBackAsItWasWritten() {
        Map<Action.Kind, Act> byKind = ONE_OF_EACH.stream().collect(Collectors.toMap(Act::kind, Function.identity()));
        assertThat(byKind.keySet()).containsExactlyInAnyOrder(Action.Kind.values());
        for (Act act : ONE_OF_EACH) {
            assertThat(Act.typeOf(act.kind())).isEqualTo(act.getClass());
            String stored = Acts.canonicalText(act);
            Act read = Acts.read(act.kind(), stored);
            assertThat(read).as(stored).isEqualTo(act);
            assertThat(Acts.canonical(read)).as("the same act gives the same bytes").isEqualTo(stored.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void theStoredFormIsCanonicalJsonWithTypedValues() {
        assertThat(Acts.canonicalText(new Act.Paid("INV-1", "PAY-1", 1500)))
                .isEqualTo("{\"amountKzt\":1500,\"invoiceId\":\"INV-1\",\"paymentId\":\"PAY-1\"}");
        assertThat(Acts.canonicalText(new Act.BuyerDeclined(Optional.empty(), Optional.empty()))).as("an absent part is left out").isEqualTo("{}");
        assertThat(Acts.canonicalText(new Act.HandedOver("P", List.of("S-1", "S-2"), "B"))).contains("\"plateSerials\":[\"S-1\",\"S-2\"]");
    }

    @Test
    void aFieldTheActDoesNotKnowIsRefusedNotDropped() {
        assertThatThrownBy(() -> Acts.read(Action.Kind.SUBMITTED, "{\"region\":\"02\",\"to\":\"the police of 02\"}"))
                .hasMessageContaining("to");
    }

    @Test
    void theApiDetailFlattensFactsAndListsAndExplainsAWaiver() {
        Map<String, String> detail = Acts.asDetail(ONE_OF_EACH.get(1));
        assertThat(detail).containsEntry("check", "buyer-signature").containsEntry("indication", "TOTAL_PASSED").containsEntry("waived", "EPTS_NOT_ACTIVE")
                .containsEntry("why", Act.WAIVED_BECAUSE).doesNotContainKey("facts");
        assertThat(Acts.asDetail(new Act.HandedOver("P", List.of("S-1", "S-2"), "B"))).containsEntry("plateSerials", "S-1, S-2");
        assertThat(Arrays.stream(Action.Kind.values()).map(Act::typeOf).distinct()).hasSize(Action.Kind.values().length);
    }
}
