package kz.tirkeu.observability;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CorrelationIdFilterTest {

    private final CorrelationIdFilter filter = new CorrelationIdFilter();

    @Test
    void logLinesDuringTheRequestCarryTheIdAndLaterOnesDoNot() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/applications");
        request.addHeader(CorrelationId.HEADER, "bank-channel-9");
        AtomicReference<String> seenWhileHandling = new AtomicReference<>();

        filter.doFilter(request, new MockHttpServletResponse(),
                (req, res) -> seenWhileHandling.set(MDC.get(CorrelationId.MDC_KEY)));

        assertThat(seenWhileHandling).hasValue("bank-channel-9");
        assertThat(MDC.get(CorrelationId.MDC_KEY)).isNull();
    }

    @Test
    void theErrorPageOfARequestKeepsItsGeneratedId() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/applications");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> { });
        String generated = response.getHeader(CorrelationId.HEADER);

        request.setDispatcherType(DispatcherType.ERROR);
        AtomicReference<String> seenOnErrorPage = new AtomicReference<>();
        filter.doFilter(request, response, (req, res) -> seenOnErrorPage.set(MDC.get(CorrelationId.MDC_KEY)));

        assertThat(generated).isNotBlank();
        assertThat(seenOnErrorPage).hasValue(generated);
    }

    @Test
    void headerValuesWithLineBreaksAreNotTrusted() {
        assertThat(CorrelationId.fromHeaderOrNew("abc\r\nFAKE LOG LINE").value()).doesNotContain("FAKE");
        assertThat(CorrelationId.fromHeaderOrNew("").value()).isNotBlank();
        assertThat(CorrelationId.fromHeaderOrNew("ok-id_1.2:3").value()).isEqualTo("ok-id_1.2:3");
    }
}
