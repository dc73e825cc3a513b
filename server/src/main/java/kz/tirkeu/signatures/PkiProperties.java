package kz.tirkeu.signatures;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whose certificates the platform trusts ({@code tirkeu.pki.*}).
 *
 * @param trustAnchors the root certificates (PEM files, or http(s) addresses) signatures are validated against, e.g.
 *                     НУЦ РК's RSA and GOST roots; empty: the root of the CA under tirkeu.state-systems.base-url (the sandbox)
 */
@ConfigurationProperties("tirkeu.pki")
public record PkiProperties(@DefaultValue List<String> trustAnchors) {}
