package kz.tirkeu.partner.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import kz.tirkeu.identity.web.PublicEndpoint;
import kz.tirkeu.partner.client.AccessTokens;
import kz.tirkeu.partner.client.PartnerTokens;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth 2 token endpoint for partner systems (RFC 6749 §4.4 client credentials, authenticated with
 * {@code private_key_jwt}, RFC 7523 §2.2). Errors are problem+json like the rest of the API, with RFC 6749's
 * {@code error} member too.
 */
@RestController
@RequestMapping(path = "/api/v1/partner", produces = MediaType.APPLICATION_JSON_VALUE)
@PublicEndpoint // how a partner system gets its credential; the client assertion is its proof
class PartnerTokenApi {

    private final PartnerTokens tokens;

    PartnerTokenApi(PartnerTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<TokenResponse> token(@RequestParam(name = "grant_type", required = false) String grantType,
                                        @RequestParam(name = "client_assertion_type", required = false) String assertionType,
                                        @RequestParam(name = "client_assertion", required = false) String assertion,
                                        @RequestParam(name = "client_id", required = false) String clientId) {
        AccessTokens.Issued issued = tokens.issue(grantType, assertionType, assertion, Optional.ofNullable(clientId));
        // RFC 6749 §5.1: a token answer is never cached.
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache")
                .body(new TokenResponse(issued.value(), "Bearer", issued.expiresInSeconds(), issued.expiresAt().toString()));
    }

    record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") long expiresIn, @JsonProperty("expires_at") String expiresAt) {}
}
