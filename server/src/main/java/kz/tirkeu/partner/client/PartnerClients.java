package kz.tirkeu.partner.client;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import kz.tirkeu.pki.crypto.Pem;
import kz.tirkeu.pki.identity.Bin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The register of partner systems, in explicit SQL. */
@Repository
public class PartnerClients {

    private final JdbcClient db;

    PartnerClients(JdbcClient db) {
        this.db = db;
    }

    /** Adds a client; false if its id is taken. */
    boolean add(PartnerClient client, String certificatePem, String registeredBy) {
        return db.sql("""
                        insert into partner_client (client_id, bin, name, certificate_pem, certificate_serial, requests_per_minute,
                                                    webhook_url_prefix, registered_at, registered_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (client_id) do nothing""")
                .params(client.clientId(), client.bin().value(), client.name(), certificatePem, client.certificate().getSerialNumber().toString(16),
                        client.requestsPerMinute(), client.webhookUrlPrefix().orElse(null), utc(client.registeredAt()), registeredBy)
                .update() == 1;
    }

    public Optional<PartnerClient> find(String clientId) {
        return db.sql("select * from partner_client where client_id = ?").param(clientId).query(PartnerClients::row).optional();
    }

    public List<PartnerClient> all() {
        return db.sql("select * from partner_client order by client_id").query(PartnerClients::row).list();
    }

    /** Disables the client and ends its access tokens at once; false if it was unknown or already disabled. */
    boolean disable(String clientId, String by, Instant at) {
        int updated = db.sql("update partner_client set disabled_at = ?, disabled_by = ? where client_id = ? and disabled_at is null")
                .params(utc(at), by, clientId).update();
        db.sql("delete from partner_access_token where client_id = ?").param(clientId).update();
        return updated == 1;
    }

    /** The sandbox's partner system after the sandbox issued it a new key (a new sandbox CA). */
    void replaceCertificate(String clientId, String certificatePem, String serial) {
        db.sql("update partner_client set certificate_pem = ?, certificate_serial = ? where client_id = ?").params(certificatePem, serial, clientId).update();
    }

    static PartnerClient row(ResultSet rs, int n) throws SQLException {
        return new PartnerClient(rs.getString("client_id"), new Bin(rs.getString("bin")), rs.getString("name"),
                Pem.readCertificates(rs.getString("certificate_pem").getBytes(StandardCharsets.US_ASCII)), rs.getInt("requests_per_minute"),
                Optional.ofNullable(rs.getString("webhook_url_prefix")), instant(rs, "registered_at"),
                Optional.ofNullable(rs.getObject("disabled_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
