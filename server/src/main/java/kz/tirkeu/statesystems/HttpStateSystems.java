package kz.tirkeu.statesystems;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP adapters of the state-system ports, each a thin mapping of its contract (sandbox/README.md)
 * onto {@link StateSystemClient}. The facts each keeps as evidence are the ones the algorithm's
 * decisions rest on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StateSystemProperties.class)
class HttpStateSystems {

    @Bean
    LegalEntities legalEntities(StateSystemClient client) {
        return bin -> client.get(StateSystem.LEGAL_ENTITIES, "/organisations/" + bin.value(), LegalEntities.LegalEntity.class, entity -> facts(
                "bin", entity.bin(), "name", entity.name(), "status", entity.status(),
                "okeds", String.join(",", entity.okeds().stream().map(LegalEntities.Oked::code).toList()),
                "regionCode", entity.regionCode().orElse(null)));
    }

    @Bean
    VehiclePassports vehiclePassports(StateSystemClient client) {
        return vin -> client.get(StateSystem.VEHICLE_PASSPORTS, "/passports/" + vin.value(), VehiclePassports.VehiclePassport.class, p -> facts(
                "number", p.number(), "status", p.status(), "vin", p.vin(), "make", p.make(), "model", p.model(),
                "category", p.category(), VehiclePassports.YEAR, String.valueOf(p.year()), "origin", p.origin()));
    }

    @Bean
    CustomsPayments customsPayments(StateSystemClient client) {
        return vin -> client.get(StateSystem.CUSTOMS, "/payments/" + vin.value(), CustomsPayments.CustomsPayment.class, c -> facts(
                "paid", String.valueOf(c.paid()), "declarationNumber", c.declarationNumber(), "declarationDate", String.valueOf(c.declarationDate())));
    }

    @Bean
    RecyclingFees recyclingFees(StateSystemClient client) {
        return vin -> client.get(StateSystem.RECYCLING_FEES, "/fees/" + vin.value(), RecyclingFees.RecyclingFee.class, f -> facts(
                "status", f.status(), "paidAt", String.valueOf(f.paidAt()), "paidIn", f.paidIn(), "documentNumber", f.documentNumber()));
    }

    @Bean
    Individuals individuals(StateSystemClient client) {
        return iin -> client.get(StateSystem.INDIVIDUALS, "/persons/" + iin.value(), Individuals.Individual.class, p -> facts(
                "iin", p.iin(), "lifeStatus", p.lifeStatus(), "name", p.fullName(),
                "regionCode", p.address() == null ? null : p.address().regionCode()));
    }

    @Bean
    SaleContracts saleContracts(StateSystemClient client) {
        return (vin, seller, buyer) -> client.get(StateSystem.SALE_CONTRACTS,
                "/contracts?vin=" + vin.value() + "&sellerBin=" + seller.value() + "&buyerIin=" + buyer.value(),
                SaleContracts.SaleContract.class, c -> facts(
                        "number", c.number(), "date", String.valueOf(c.date()), "priceKzt", String.valueOf(c.priceKzt()), "status", c.status()));
    }

    @Bean
    AdministrativeFines administrativeFines(StateSystemClient client) {
        return iin -> client.get(StateSystem.ADMINISTRATIVE_FINES, "/fines/" + iin.value(), AdministrativeFines.UnpaidFines.class, f -> facts(
                "unpaidCount", String.valueOf(f.unpaid().size()), "totalUnpaidKzt", String.valueOf(f.totalUnpaidKzt())));
    }

    @Bean
    ServiceCentres serviceCentres(StateSystemClient client) {
        return new ServiceCentres() {
            @Override
            public Answer<List<ServiceCentre>> inRegion(String regionCode) {
                Answer<ServiceCentre[]> answer = client.get(StateSystem.SERVICE_CENTRES,
                        "/centres?region=" + URLEncoder.encode(regionCode, StandardCharsets.UTF_8), ServiceCentre[].class,
                        centres -> facts("count", String.valueOf(centres.length)));
                return switch (answer) {
                    case Answer.Found<ServiceCentre[]> found -> new Answer.Found<>(Arrays.asList(found.value()), found.evidence());
                    case Answer.NotFound<ServiceCentre[]> none -> new Answer.NotFound<>(none.evidence());
                    case Answer.Unavailable<ServiceCentre[]> down -> new Answer.Unavailable<>(down.why(), down.retryAfter(), down.evidence());
                };
            }

            @Override
            public Answer<ServiceCentre> find(String code) {
                return client.get(StateSystem.SERVICE_CENTRES, "/centres/" + URLEncoder.encode(code, StandardCharsets.UTF_8), ServiceCentre.class,
                        c -> facts("code", c.code(), "regionCode", c.regionCode(), "issuesPlates", String.valueOf(c.issuesPlates())));
            }
        };
    }

    /** Pairs of name and value; absent values are left out rather than stored as "null". */
    static Map<String, String> facts(String... pairs) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null && !"null".equals(pairs[i + 1])) {
                facts.put(pairs[i], pairs[i + 1]);
            }
        }
        return facts;
    }
}
