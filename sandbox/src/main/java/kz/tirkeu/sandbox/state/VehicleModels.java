package kz.tirkeu.sandbox.state;

import java.util.List;

/**
 * The models the sandbox's new cars are: what is assembled in Kazakhstan (Kostanay, Almaty,
 * Ust-Kamenogorsk) and one import of an official dealer. The WMIs are the sandbox's own plausible
 * choices for Kazakh assembly plants, not verified official assignments; the check digit is real.
 */
final class VehicleModels {

    enum Origin { DOMESTIC, OFFICIAL_DEALER_IMPORT, OTHER_IMPORT }

    record Model(String make, String model, String category, String engineType, int volumeCc, int powerKw, int massKg, int maxMassKg,
                 String manufacturer, String plant, String wmi, String vds, char plantCode, String engineCode, Origin origin, long basePriceKzt) {}

    private static final String SAP = "ТОО «СарыаркаАвтоПром»";
    private static final String SAP_PLANT = "Қостанай, СарыаркаАвтоПром";
    private static final String HTK = "ТОО «Hyundai Trans Kazakhstan»";
    private static final String HTK_PLANT = "Алматы, Hyundai Trans Kazakhstan";
    private static final String AAK = "АО «Азия Авто Казахстан»";
    private static final String AAK_PLANT = "Өскемен, Азия Авто";

    static final List<Model> ALL = List.of(
            new Model("Chevrolet", "Cobalt", "M1", "PETROL", 1485, 78, 1170, 1620, SAP, SAP_PLANT, "Y6D", "CB15A", 'K', "L2C", Origin.DOMESTIC, 8_290_000),
            new Model("Chevrolet", "Onix", "M1", "PETROL", 1199, 81, 1140, 1580, SAP, SAP_PLANT, "Y6D", "JN12T", 'K', "L3T", Origin.DOMESTIC, 8_990_000),
            new Model("Chevrolet", "Tracker", "M1", "PETROL", 1199, 85, 1270, 1700, SAP, SAP_PLANT, "Y6D", "TR12T", 'K', "L3T", Origin.DOMESTIC, 10_490_000),
            new Model("Kia", "Rio", "M1", "PETROL", 1591, 90, 1150, 1610, SAP, SAP_PLANT, "Y6K", "RB16G", 'K', "G4FG", Origin.DOMESTIC, 9_190_000),
            new Model("Kia", "Sportage", "M1", "PETROL", 1999, 110, 1540, 2090, SAP, SAP_PLANT, "Y6K", "SL20G", 'K', "G4NA", Origin.DOMESTIC, 15_890_000),
            new Model("Hyundai", "Elantra", "M1", "PETROL", 1598, 94, 1250, 1720, HTK, HTK_PLANT, "Y6H", "CN16G", 'A', "G4FG", Origin.DOMESTIC, 11_290_000),
            new Model("Hyundai", "Tucson", "M1", "PETROL", 1999, 110, 1530, 2100, HTK, HTK_PLANT, "Y6H", "NX20G", 'A', "G4NA", Origin.DOMESTIC, 16_490_000),
            new Model("Hyundai", "Creta", "M1", "PETROL", 1591, 90, 1240, 1740, HTK, HTK_PLANT, "Y6H", "SU16G", 'A', "G4FG", Origin.DOMESTIC, 10_190_000),
            new Model("Hyundai", "Tucson Hybrid", "M1", "HYBRID", 1598, 132, 1650, 2200, HTK, HTK_PLANT, "Y6H", "NX16H", 'A', "G4FT", Origin.DOMESTIC, 19_290_000),
            new Model("Lada", "Granta", "M1", "PETROL", 1596, 66, 1160, 1560, AAK, AAK_PLANT, "Y6L", "GR16S", 'U', "11186", Origin.DOMESTIC, 5_890_000),
            new Model("Lada", "Niva Legend", "M1", "PETROL", 1690, 61, 1285, 1610, AAK, AAK_PLANT, "Y6L", "NL17S", 'U', "21214", Origin.DOMESTIC, 7_190_000),
            new Model("JAC", "J7", "M1", "PETROL", 1499, 110, 1360, 1800, SAP, SAP_PLANT, "Y6J", "J715T", 'K', "HFC4G", Origin.DOMESTIC, 9_490_000),
            new Model("JAC", "e-JS4", "M1", "ELECTRIC", 0, 150, 1760, 2180, SAP, SAP_PLANT, "Y6J", "EJ4EV", 'K', "TZ220", Origin.DOMESTIC, 14_990_000),
            new Model("JAC", "T8", "N1", "DIESEL", 1999, 102, 1900, 2700, SAP, SAP_PLANT, "Y6J", "T820D", 'K', "HFC4D", Origin.DOMESTIC, 12_590_000),
            new Model("Toyota", "RAV4", "M1", "PETROL", 1987, 110, 1570, 2100, "Toyota Motor Corporation", "Japan, Takaoka",
                    "JTM", "W43FV", 'T', "M20A", Origin.OFFICIAL_DEALER_IMPORT, 18_900_000));

    private VehicleModels() {}
}
