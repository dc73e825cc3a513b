package kz.tirkeu.statesystems;

/** The state information systems the platform asks (DOMAIN.md §2), with where each lives under the state-systems base address. */
public enum StateSystem {
    /** ГБД ЮЛ: the state database of legal entities. */
    LEGAL_ENTITIES("/gbdul/v1"),
    /** ЭПТС: electronic vehicle passports. */
    VEHICLE_PASSPORTS("/epts/v1"),
    /** КГД: customs payments. */
    CUSTOMS("/customs/v1"),
    /** «Жасыл даму»: the recycling-fee operator. */
    RECYCLING_FEES("/recycling/v1"),
    /** ГБД ФЛ: the state database of individuals. */
    INDIVIDUALS("/gbdfl/v1"),
    /** e-signature systems holding sale contracts. */
    SALE_CONTRACTS("/econtracts/v1"),
    /** ЕРАП: the register of administrative proceedings (fines). */
    ADMINISTRATIVE_FINES("/erap/v1"),
    /** ЦОН catalogue: the public service centres that issue plates. */
    SERVICE_CENTRES("/psc/v1"),
    /** МБГ: the mobile citizens base (registered phones). */
    MOBILE_CITIZENS("/mbg/v1"),
    /** ПШЭП: the e-gov payment gateway. */
    PAYMENTS("/payments/v1");

    private final String basePath;

    StateSystem(String basePath) {
        this.basePath = basePath;
    }

    public String basePath() {
        return basePath;
    }
}
