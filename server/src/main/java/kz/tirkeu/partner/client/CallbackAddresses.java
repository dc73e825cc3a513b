package kz.tirkeu.partner.client;

import kz.tirkeu.platform.CannotServe;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import kz.tirkeu.partner.PartnerProperties;
import org.springframework.stereotype.Component;

/**
 * Where the platform may call a partner back: https only, since a delivery carries personal data (an application's
 * status) and its signature's secret must not travel in the clear; http only to this machine's loopback when the
 * sandbox allows it ({@code tirkeu.partner.loopback-webhooks}), for test receivers. No credentials in the address.
 */
@Component
public class CallbackAddresses {

    private final boolean loopbackAllowed;

    CallbackAddresses(PartnerProperties properties) {
        this.loopbackAllowed = properties.loopbackWebhooks();
    }

    /** The address, checked and normalised; refused with 400 WEBHOOK_URL_INVALID otherwise. */
    public String check(String url) {
        URI uri;
        try {
            uri = url == null ? null : new URI(url.strip());
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || url.length() > 2000) {
            throw invalid("form", "Send an absolute https address without user name, password or fragment (at most 2000 characters).");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http")) {
            if (!loopbackAllowed || !isLoopback(uri.getHost())) {
                throw loopbackAllowed ? invalid("loopbackOnly", "Use https; plain http is accepted only for this machine's loopback address (127.0.0.1, ::1, localhost).")
                        : invalid("httpsOnly", "Use https: webhook deliveries carry personal data and are signed with a secret.");
            }
        } else if (!scheme.equals("https")) {
            throw invalid("scheme", "Use an https address.");
        }
        return uri.normalize().toString();
    }

    /** That the address lies under the prefix the administrator registered for the partner. */
    public void requireUnder(String url, Optional<String> prefix) {
        if (prefix.isEmpty() || !url.startsWith(prefix.get())) {
            throw prefix.isPresent()
                    ? new CannotServe("WEBHOOK_URL_NOT_ALLOWED", CannotServe.Reason.UNPROCESSABLE,
                            "Webhooks of this partner system may go only to addresses beginning with " + prefix.get() + ".", prefix.get()).situation("prefix")
                    : new CannotServe("WEBHOOK_URL_NOT_ALLOWED", CannotServe.Reason.UNPROCESSABLE,
                            "No webhook address is registered for this partner system; ask the platform's administrator to register one.").situation("none");
        }
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // Literal addresses only: a name is not resolved here.
            return (bare.matches("[0-9.]+") || bare.contains(":")) && InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** @param situation which text tells it: api.problem.WEBHOOK_URL_INVALID.{form, loopbackOnly, httpsOnly, scheme} */
    private static CannotServe invalid(String situation, String message) {
        return new CannotServe("WEBHOOK_URL_INVALID", CannotServe.Reason.INVALID, message).situation(situation);
    }
}
