package kz.tirkeu.pki.ca;

import kz.tirkeu.pki.cert.KzOids;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** The subject of a certificate, shaped as the НУЦ shapes it (DOMAIN.md §5.6). */
public record SubjectSpec(X500Name name) {

    /** A person: CN "SURNAME NAME", SURNAME, SERIALNUMBER=IIN…, GIVENNAME (the patronymic), C=KZ. */
    public static SubjectSpec individual(Iin iin, String surname, String name, String patronymic) {
        return new SubjectSpec(person(iin, surname, name, patronymic).build());
    }

    /** A legal entity's employee: the person's attributes plus O (the entity) and OU=BIN…. */
    public static SubjectSpec employee(Iin iin, String surname, String name, String patronymic, Bin bin, String organisation) {
        return new SubjectSpec(person(iin, surname, name, patronymic)
                .addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.OU, KzOids.BIN_PREFIX + bin.value())
                .build());
    }

    /** An information system or the legal entity itself: no IIN, only O and OU=BIN…. */
    public static SubjectSpec organisation(Bin bin, String organisation, String systemName) {
        return new SubjectSpec(new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, systemName)
                .addRDN(BCStyle.C, "KZ")
                .addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.OU, KzOids.BIN_PREFIX + bin.value())
                .build());
    }

    /** A CA, TSA or OCSP responder. */
    public static SubjectSpec service(String commonName, String organisation) {
        return new SubjectSpec(new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, commonName)
                .addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.C, "KZ")
                .build());
    }

    private static X500NameBuilder person(Iin iin, String surname, String name, String patronymic) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, surname + " " + name)
                .addRDN(BCStyle.SURNAME, surname)
                .addRDN(BCStyle.SERIALNUMBER, KzOids.IIN_PREFIX + iin.value())
                .addRDN(BCStyle.C, "KZ");
        if (patronymic != null && !patronymic.isBlank()) {
            builder.addRDN(BCStyle.GIVENNAME, patronymic);
        }
        return builder;
    }
}
