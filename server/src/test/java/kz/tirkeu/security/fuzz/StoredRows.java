package kz.tirkeu.security.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Row counts of every table of the application, taken around each request: a refused request must
 * leave none behind. Excluded: the state-system exchange log, because a ГБД ФЛ look-up that a refused
 * request made is evidence of the exchange (kept on purpose, Digital Code Art. 27), not data the
 * request stored; the notification dispatcher's deliveries, which its own thread writes every second for
 * notices stored earlier (a notice a request stores is still counted, in {@code notices}); and Flyway's history.
 */
final class StoredRows {

    private static final List<String> NOT_DATA = List.of("state_system_exchange", "deliveries", "delivery_history", "flyway_schema_history");

    private final JdbcClient db;
    private final List<String> tables;
    private final String countAll;

    StoredRows(JdbcClient db) {
        this.db = db;
        this.tables = db.sql("select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name")
                .query(String.class).list().stream().filter(t -> !NOT_DATA.contains(t)).toList();
        this.countAll = "select " + tables.stream().map(t -> "(select count(*) from \"" + t + "\")").collect(Collectors.joining(", "));
    }

    Map<String, Long> count() {
        return db.sql(countAll).query((rs, n) -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int i = 0; i < tables.size(); i++) {
                counts.put(tables.get(i), rs.getLong(i + 1));
            }
            return counts;
        }).single();
    }

    /** The tables that have more rows than before, with how many more. */
    static Map<String, Long> growth(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> grown = new LinkedHashMap<>();
        after.forEach((table, rows) -> {
            long added = rows - before.getOrDefault(table, 0L);
            if (added > 0) {
                grown.put(table, added);
            }
        });
        return grown;
    }

    List<String> tables() {
        return tables;
    }
}
