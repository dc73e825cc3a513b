package kz.tirkeu.registry.certificate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table of issued registration certificates (V53). Every statement is one round trip. */
@Repository
public class RegistrationCertificates {

    private static final String COLUMNS = """
            series, number, application_number, verification_code, owner_iin, plate_number, make, model, vehicle_year,
            issuing_unit, issued_at, status, status_reason, status_changed_at""";

    private final JdbcClient jdbc;

    public RegistrationCertificates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Draws the next number. Outside any transaction: a sequence never gives the same value twice. */
    long nextNumber() {
        return jdbc.sql("select nextval('registration_certificate_number_seq')").query(Long.class).single();
    }

    /** @return false when the application already has a certificate (another server won the race) */
    boolean insert(StoredCertificate certificate, byte[] document) {
        int rows = jdbc.sql("""
                        insert into registration_certificate (series, number, application_number, verification_code, owner_iin,
                            plate_number, make, model, vehicle_year, issuing_unit, issued_at, document)
                        values (:series, :number, :application, :code, :owner, :plate, :make, :model, :year, :unit, :issuedAt, :document)
                        on conflict (application_number) do nothing""")
                .param("series", certificate.number().series())
                .param("number", certificate.number().number())
                .param("application", certificate.applicationNumber())
                .param("code", certificate.verificationCode())
                .param("owner", certificate.ownerIin())
                .param("plate", certificate.plateNumber())
                .param("make", certificate.make())
                .param("model", certificate.model())
                .param("year", certificate.vehicleYear())
                .param("unit", certificate.issuingUnit())
                .param("issuedAt", Timestamp.from(certificate.issuedAt()))
                .param("document", document)
                .update();
        return rows == 1;
    }

    public Optional<StoredCertificate> ofApplication(String applicationNumber) {
        return jdbc.sql("select " + COLUMNS + " from registration_certificate where application_number = :application")
                .param("application", applicationNumber).query(RegistrationCertificates::row).optional();
    }

    public Optional<StoredCertificate> find(CertificateNumber number) {
        return jdbc.sql("select " + COLUMNS + " from registration_certificate where series = :series and number = :number")
                .param("series", number.series()).param("number", number.number()).query(RegistrationCertificates::row).optional();
    }

    public Optional<StoredCertificate> byVerificationCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from registration_certificate where verification_code = :code")
                .param("code", code).query(RegistrationCertificates::row).optional();
    }

    public List<StoredCertificate> ofOwner(String ownerIin) {
        return jdbc.sql("select " + COLUMNS + " from registration_certificate where owner_iin = :owner order by issued_at desc, number desc")
                .param("owner", ownerIin).query(RegistrationCertificates::row).list();
    }

    public Optional<byte[]> document(CertificateNumber number) {
        return jdbc.sql("select document from registration_certificate where series = :series and number = :number")
                .param("series", number.series()).param("number", number.number()).query(byte[].class).optional();
    }

    /** @return false when there is no such certificate, or it is no longer VALID */
    public boolean changeStatus(CertificateNumber number, CertificateStatus status, String reason, Instant at) {
        return jdbc.sql("""
                        update registration_certificate set status = :status, status_reason = :reason, status_changed_at = :at
                        where series = :series and number = :number and status = 'VALID'""")
                .param("status", status.name()).param("reason", reason).param("at", Timestamp.from(at))
                .param("series", number.series()).param("number", number.number()).update() == 1;
    }

    private static StoredCertificate row(ResultSet rs, int n) throws SQLException {
        Timestamp changed = rs.getTimestamp("status_changed_at");
        return new StoredCertificate(new CertificateNumber(rs.getString("series"), rs.getString("number")),
                rs.getString("application_number"), rs.getString("verification_code"), rs.getString("owner_iin"),
                rs.getString("plate_number"), rs.getString("make"), rs.getString("model"), rs.getInt("vehicle_year"),
                rs.getString("issuing_unit"), rs.getTimestamp("issued_at").toInstant(), CertificateStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getString("status_reason")), Optional.ofNullable(changed).map(Timestamp::toInstant));
    }
}
