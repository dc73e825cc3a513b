package kz.tirkeu.sandbox.state;

import java.util.List;
import java.util.Optional;

/** The 20 regions of DOMAIN §5.2 with their plate codes, a main town and a few of its streets. */
final class Regions {

    record Region(String code, String name, String psc, String town, List<String> streets) {}

    static final List<Region> ALL = List.of(
            new Region("01", "Astana", "AST", "Астана", List.of("Қабанбай батыр даңғылы", "Мәңгілік Ел даңғылы", "Тұран даңғылы", "Сарыарқа даңғылы")),
            new Region("02", "Almaty city", "ALM", "Алматы", List.of("Абай даңғылы", "Достық даңғылы", "Төле би көшесі", "Сәтбаев көшесі", "Жандосов көшесі")),
            new Region("03", "Akmola", "AKM", "Көкшетау", List.of("Абай көшесі", "Әуезов көшесі", "Назарбаев даңғылы")),
            new Region("04", "Aktobe", "AKT", "Ақтөбе", List.of("Абылай хан даңғылы", "Әз Наурыз көшесі", "Санкибай батыр даңғылы")),
            new Region("05", "Almaty region", "ALO", "Қонаев", List.of("Наурызбай батыр көшесі", "Абай көшесі", "Төле би көшесі")),
            new Region("06", "Atyrau", "ATR", "Атырау", List.of("Сәтбаев даңғылы", "Азаттық даңғылы", "Смағұлов көшесі")),
            new Region("07", "West Kazakhstan", "ZKO", "Орал", List.of("Достық-Дружба даңғылы", "Абай даңғылы", "Құрманғазы көшесі")),
            new Region("08", "Zhambyl", "ZHM", "Тараз", List.of("Төле би даңғылы", "Абай даңғылы", "Жамбыл даңғылы")),
            new Region("09", "Karaganda", "KRG", "Қарағанды", List.of("Бұқар жырау даңғылы", "Ерубаев көшесі", "Нұркен Әбдіров даңғылы")),
            new Region("10", "Kostanay", "KST", "Қостанай", List.of("Әл-Фараби даңғылы", "Байтұрсынов көшесі", "Абай даңғылы")),
            new Region("11", "Kyzylorda", "KZO", "Қызылорда", List.of("Әйтеке би көшесі", "Абай даңғылы", "Қорқыт ата көшесі")),
            new Region("12", "Mangystau", "MNG", "Ақтау", List.of("14-шағын аудан", "8-шағын аудан", "Самал шағын ауданы")),
            new Region("13", "Turkestan", "TRK", "Түркістан", List.of("Тәуке хан даңғылы", "Бекзат Саттарханов даңғылы", "Есім хан көшесі")),
            new Region("14", "Pavlodar", "PVL", "Павлодар", List.of("Естай көшесі", "Назарбаев даңғылы", "Толстой көшесі")),
            new Region("15", "North Kazakhstan", "SKO", "Петропавл", List.of("Абай көшесі", "Жамбыл көшесі", "Конституция көшесі")),
            new Region("16", "East Kazakhstan", "VKO", "Өскемен", List.of("Қазыбек би көшесі", "Ұшанов көшесі", "Тәуелсіздік даңғылы")),
            new Region("17", "Shymkent", "SHM", "Шымкент", List.of("Тәуке хан даңғылы", "Республика даңғылы", "Байтұрсынов көшесі")),
            new Region("18", "Abai", "ABA", "Семей", List.of("Шәкәрім даңғылы", "Абай көшесі", "Қабанбай батыр көшесі")),
            new Region("19", "Zhetysu", "ZHT", "Талдықорған", List.of("Тәуелсіздік көшесі", "Қабанбай батыр көшесі", "Ақын Сара көшесі")),
            new Region("20", "Ulytau", "ULT", "Жезқазған", List.of("Алашахан даңғылы", "Сәтбаев көшесі", "Ғарышкерлер бульвары")));

    private Regions() {}

    static Optional<Region> byCode(String code) {
        return ALL.stream().filter(region -> region.code().equals(code)).findFirst();
    }
}
