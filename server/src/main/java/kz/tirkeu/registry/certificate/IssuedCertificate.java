package kz.tirkeu.registry.certificate;

import java.net.URI;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/**
 * A registration certificate as issued: its СРТС series and number, the code of its public
 * verification page ({@code /verify/{code}}, printed as a QR code on the PDF), and when it was issued.
 */
@NamedInterface("certificates")
public record IssuedCertificate(String applicationNumber, String series, String number, String verificationCode, URI verificationUrl,
                                Instant issuedAt) {

    /** Series and number as printed, e.g. {@code AA 00012345}. */
    public String seriesAndNumber() {
        return series + " " + number;
    }
}
