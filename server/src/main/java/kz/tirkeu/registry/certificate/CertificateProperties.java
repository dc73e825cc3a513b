package kz.tirkeu.registry.certificate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Registration certificate settings (tirkeu.certificates.*).
 *
 * @param series             the СРТС series printed before the number: two capital Latin letters, as on the
 *                           chip card's machine-readable line; the eight-digit number comes from the database
 * @param signingKey         the platform's organisation SIGN key (PKCS#12) as a file path or an http(s) URL;
 *                           empty: the sandbox's {@code platform} persona key of this server
 * @param signingKeyPassword the key file's password; in production from the environment only
 * @param platformBin        the BIN the certificates must be signed under; an uploaded file signed by any
 *                           other key is "not issued by Tirkeu". The default is the sandbox platform's BIN
 * @param timeStampUrl       the RFC 3161 time-stamp service; empty: the sandbox CA's TSA
 */
@ConfigurationProperties("tirkeu.certificates")
public record CertificateProperties(
        @DefaultValue("AA") String series,
        @DefaultValue("") String signingKey,
        @DefaultValue("Qwerty12") String signingKeyPassword,
        @DefaultValue("190340010014") String platformBin,
        @DefaultValue("") String timeStampUrl) {

    public CertificateProperties {
        if (series == null || !series.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("tirkeu.certificates.series must be two capital Latin letters, e.g. AA; got " + series);
        }
    }
}
