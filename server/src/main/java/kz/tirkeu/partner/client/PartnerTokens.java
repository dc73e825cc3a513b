package kz.tirkeu.partner.client;

import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The OAuth 2 token endpoint's work: client credentials, authenticated by a client assertion (RFC 7523). */
@Service
public class PartnerTokens {

    public static final String GRANT_TYPE = "client_credentials";
    public static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final ClientAssertions assertions;
    private final AccessTokens tokens;

    PartnerTokens(ClientAssertions assertions, AccessTokens tokens) {
        this.assertions = assertions;
        this.tokens = tokens;
    }

    /** The jti used up and the token issued commit together: a token refused halfway stores nothing. */
    @Transactional
    public AccessTokens.Issued issue(String grantType, String assertionType, String assertion, Optional<String> clientId) {
        if (!GRANT_TYPE.equals(grantType)) {
            throw new OAuthProblem("unsupported_grant_type", "UNSUPPORTED_GRANT_TYPE", HttpStatus.BAD_REQUEST,
                    "Partner systems use grant_type=client_credentials.");
        }
        if (!ASSERTION_TYPE.equals(assertionType) || assertion == null || assertion.isBlank()) {
            throw OAuthProblem.invalidRequest("CLIENT_ASSERTION_MISSING", "Authenticate with client_assertion_type=" + ASSERTION_TYPE
                    + " and client_assertion, a JWT signed with the system key (RFC 7523).");
        }
        PartnerClient client = assertions.authenticate(assertion.strip(), clientId.filter(id -> !id.isBlank()));
        return tokens.issue(client.clientId());
    }
}
