package kz.tirkeu.sandbox.state;

import static kz.tirkeu.sandbox.SandboxHttp.json;
import static kz.tirkeu.sandbox.SandboxHttp.ok;
import static kz.tirkeu.sandbox.SandboxHttp.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.sandbox.SandboxHttp;
import kz.tirkeu.sandbox.SandboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Each state system's contract as the platform's adapters read it: found, not found, bad input. */
@SandboxTest
class StateSystemsApiTest {

    @LocalServerPort
    int port;

    SandboxHttp sandbox;
    JsonNode ready;

    @BeforeEach
    void connect() {
        sandbox = SandboxHttp.onPort(port);
        ready = json(ok(sandbox.get("/seed/v1/ready-vehicles?offset=7&limit=1"))).get(0);
    }

    String vin() {
        return ready.get("vin").stringValue();
    }

    static String wrongCheckDigit(String id) {
        return id.substring(0, 11) + ((id.charAt(11) - '0' + 1) % 10);
    }

    @Test
    void gbdulKnowsTheDealersWithTheirVehicleSaleOked() {
        String bin = sandbox.persona("dealer1-manager").get("bin").stringValue();
        JsonNode organisation = json(ok(sandbox.get("/gbdul/v1/organisations/" + bin)));
        assertThat(organisation.propertyNames()).containsExactlyInAnyOrder("bin", "name", "status", "registeredAt", "okeds", "head", "legalAddress");
        assertThat(organisation.get("name").stringValue()).isEqualTo("ТОО «Есіл Моторс»");
        assertThat(organisation.get("status").stringValue()).isEqualTo("ACTIVE");
        assertThat(organisation.get("registeredAt").stringValue()).matches("2012-04-\\d\\d");
        JsonNode main = organisation.get("okeds").get(0);
        assertThat(main.get("code").stringValue()).isEqualTo("45111");
        assertThat(main.get("main").booleanValue()).isTrue();
        assertThat(organisation.get("head").get("iin").stringValue()).isEqualTo(sandbox.persona("dealer1-head").get("iin").stringValue());
        assertThat(organisation.get("legalAddress").get("regionCode").stringValue()).isEqualTo("01");
        assertThat(json(ok(sandbox.get("/gbdul/v1/organisations/" + sandbox.persona("dealer2-head").get("bin").stringValue())))
                .get("okeds").get(0).get("code").stringValue()).isEqualTo("45111");

        problem(sandbox.get("/gbdul/v1/organisations/" + Bin.generate(2020, 1, 4444).value()), 404);
        assertThat(problem(sandbox.get("/gbdul/v1/organisations/" + wrongCheckDigit(bin)), 400).get("detail").stringValue()).contains("check digit");
    }

    @Test
    void eptsHasAnActivePassportForAReadyVehicle() {
        JsonNode passport = json(ok(sandbox.get("/epts/v1/passports/" + vin())));
        assertThat(passport.propertyNames()).containsExactlyInAnyOrder("number", "status", "vin", "make", "model", "category", "year", "engine",
                "colour", "bodyNumber", "chassisNumber", "engineNumber", "massKg", "maxMassKg", "manufacturer", "plant", "typeApprovalNumber",
                "origin", "issuedAt");
        assertThat(passport.get("number").stringValue()).hasSize(15);
        assertThat(passport.get("status").stringValue()).isEqualTo("ACTIVE");
        assertThat(passport.get("vin").stringValue()).isEqualTo(vin());
        assertThat(passport.get("year").intValue()).isEqualTo(2026);
        assertThat(passport.get("engine").propertyNames()).containsExactlyInAnyOrder("type", "volumeCc", "powerKw");
        assertThat(passport.get("colour").stringValue()).isIn("red", "orange", "yellow", "green", "light blue", "blue", "violet", "white",
                "black", "grey", "silver", "gold", "combined");
        assertThat(passport.get("issuedAt").stringValue()).matches("\\d{4}-\\d\\d-\\d\\d");

        String unknown = Vins.of("Y6D", "CB15A", 'T', 'K', 999_998);
        problem(sandbox.get("/epts/v1/passports/" + unknown), 404);
        problem(sandbox.get("/epts/v1/passports/Y6DCB15A0TK10000O"), 400);
        problem(sandbox.get("/epts/v1/passports/SHORT"), 400);
    }

    @Test
    void customsAndRecyclingHaveTheirRecords() {
        JsonNode customs = json(ok(sandbox.get("/customs/v1/payments/" + vin())));
        assertThat(customs.propertyNames()).containsExactlyInAnyOrder("vin", "paid", "declarationNumber", "declarationDate", "amountKzt");
        assertThat(customs.get("paid").booleanValue()).isTrue();
        JsonNode fee = json(ok(sandbox.get("/recycling/v1/fees/" + vin())));
        assertThat(fee.propertyNames()).containsExactlyInAnyOrder("vin", "status", "paidAt", "paidIn", "documentNumber", "amountKzt");
        assertThat(fee.get("status").stringValue()).isIn("PAID", "EXEMPT");
        assertThat(fee.get("paidIn").stringValue()).isEqualTo("KZ");

        String unknown = Vins.of("Y6D", "CB15A", 'T', 'K', 999_998);
        problem(sandbox.get("/customs/v1/payments/" + unknown), 404);
        problem(sandbox.get("/recycling/v1/fees/" + unknown), 404);
        problem(sandbox.get("/customs/v1/payments/abc"), 400);
        problem(sandbox.get("/recycling/v1/fees/abc"), 400);
    }

    @Test
    void gbdflKnowsTheBuyersAndThePersonas() {
        JsonNode person = json(ok(sandbox.get("/gbdfl/v1/persons/" + ready.get("buyerIin").stringValue())));
        assertThat(person.propertyNames()).containsExactlyInAnyOrder("iin", "surname", "name", "patronymic", "birthDate", "sex", "lifeStatus",
                "address", "documents");
        assertThat(person.get("address").propertyNames()).contains("regionCode", "region", "locality", "street", "house", "flat");
        assertThat(person.get("documents").get(0).get("type").stringValue()).isEqualTo("ID_CARD");
        for (String id : new String[] {"buyer-aidar", "buyer-aigerim", "buyer-daulet", "buyer-dana", "buyer-yerlan", "buyer-gulnar"}) {
            JsonNode persona = sandbox.persona(id);
            JsonNode buyer = json(ok(sandbox.get("/gbdfl/v1/persons/" + persona.get("iin").stringValue())));
            assertThat(buyer.get("lifeStatus").stringValue()).as(id).isEqualTo("NORMAL");
            assertThat(buyer.get("surname").stringValue() + " " + buyer.get("name").stringValue() + " " + buyer.get("patronymic").stringValue())
                    .isEqualTo(persona.get("displayName").stringValue());
        }
        problem(sandbox.get("/gbdfl/v1/persons/" + Iin.generate(LocalDate.of(1983, 7, 7), true, 9500).value()), 404);
        problem(sandbox.get("/gbdfl/v1/persons/" + wrongCheckDigit(ready.get("buyerIin").stringValue())), 400);
    }

    @Test
    void eContractsFindTheContractByItsThreeParties() {
        String query = "/econtracts/v1/contracts?vin=" + vin() + "&sellerBin=" + ready.get("sellerBin").stringValue() + "&buyerIin=" + ready.get("buyerIin").stringValue();
        JsonNode contract = json(ok(sandbox.get(query)));
        assertThat(contract.propertyNames()).containsExactlyInAnyOrder("number", "date", "vin", "sellerBin", "buyerIin", "priceKzt", "status", "signatures");
        assertThat(contract.get("status").stringValue()).isEqualTo("SIGNED");
        assertThat(contract.get("signatures")).extracting(s -> s.get("party").stringValue()).containsExactly("SELLER", "BUYER");

        String otherBuyer = sandbox.persona("buyer-aidar").get("iin").stringValue();
        problem(sandbox.get("/econtracts/v1/contracts?vin=" + vin() + "&sellerBin=" + ready.get("sellerBin").stringValue() + "&buyerIin=" + otherBuyer), 404);
        problem(sandbox.get("/econtracts/v1/contracts?vin=" + vin()), 400);
        problem(sandbox.get(query.replace(ready.get("buyerIin").stringValue(), wrongCheckDigit(ready.get("buyerIin").stringValue()))), 400);
    }

    @Test
    void erapListsUnpaidFinesOrNone() {
        JsonNode none = json(ok(sandbox.get("/erap/v1/fines/" + ready.get("buyerIin").stringValue())));
        assertThat(none.get("unpaid")).isEmpty();
        assertThat(none.get("totalUnpaidKzt").longValue()).isZero();
        JsonNode yerlan = json(ok(sandbox.get("/erap/v1/fines/" + sandbox.persona("buyer-yerlan").get("iin").stringValue())));
        assertThat(yerlan.get("unpaid")).hasSize(2);
        assertThat(yerlan.get("unpaid").get(0).propertyNames()).containsExactlyInAnyOrder("protocolNumber", "article", "description", "amountKzt", "issuedAt", "dueAt");
        assertThat(yerlan.get("totalUnpaidKzt").longValue()).isEqualTo(8 * 4325);
        problem(sandbox.get("/erap/v1/fines/123"), 400);
    }

    @Test
    void pscCatalogueByRegionAndByCode() {
        JsonNode almaty = json(ok(sandbox.get("/psc/v1/centres?region=02")));
        assertThat(almaty).isNotEmpty().allSatisfy(centre -> assertThat(centre.get("regionCode").stringValue()).isEqualTo("02"));
        JsonNode all = json(ok(sandbox.get("/psc/v1/centres")));
        assertThat(all.size()).isGreaterThanOrEqualTo(20);
        JsonNode alm01 = json(ok(sandbox.get("/psc/v1/centres/ALM-01")));
        assertThat(alm01.propertyNames()).containsExactlyInAnyOrder("code", "name", "regionCode", "address", "issuesPlates", "workingHours");
        assertThat(alm01.get("issuesPlates").booleanValue()).isTrue();
        assertThat(alm01.get("workingHours").stringValue()).isEqualTo("Mon–Fri 09:00–18:00");
        problem(sandbox.get("/psc/v1/centres/XXX-99"), 404);
        problem(sandbox.get("/psc/v1/centres?region=21"), 400);
    }

    @Test
    void readyVehiclesArePagedAndCountedInTheIndex() {
        JsonNode index = json(ok(sandbox.get("")));
        int count = index.get("stateSystems").get("readyVehicleCount").intValue();
        assertThat(count).isGreaterThanOrEqualTo(10_000);
        var page = sandbox.get("/seed/v1/ready-vehicles?offset=0&limit=1000");
        assertThat(json(ok(page))).hasSize(1000);
        assertThat(page.headers().firstValue("X-Total-Count")).contains(String.valueOf(count));
        assertThat(json(ok(sandbox.get("/seed/v1/ready-vehicles?offset=" + (count - 3) + "&limit=1000")))).hasSize(3);
        assertThat(json(ok(sandbox.get("/seed/v1/ready-vehicles?offset=0&limit=1000"))).get(0).propertyNames())
                .containsExactlyInAnyOrder("vin", "sellerBin", "buyerIin");
        problem(sandbox.get("/seed/v1/ready-vehicles?limit=1001"), 400);
        String aidar = sandbox.persona("buyer-aidar").get("iin").stringValue();
        String dealer1 = sandbox.persona("dealer1-manager").get("bin").stringValue();
        assertThat(json(ok(sandbox.get("/seed/v1/ready-vehicles?buyerIin=" + aidar))))
                .anyMatch(vehicle -> vehicle.get("sellerBin").stringValue().equals(dealer1));
    }
}
