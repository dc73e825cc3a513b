package kz.tirkeu.sandbox.pages;

import static kz.tirkeu.sandbox.web.Html.escape;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * What every sandbox page for people has: the striped banner that says it is a sandbox with test data,
 * the sandbox navigation, and the kk/ru/en switch. Plain HTML and CSS: keyboard-usable (a skip link,
 * visible focus), readable on a phone (tables become stacked cards), no JavaScript needed.
 */
public final class Layout {

    public static final Text BANNER = new Text("SANDBOX · ҚҰМСАЛҒЫШ — сынақ деректері, мемлекеттік жүйе емес",
            "SANDBOX · ПЕСОЧНИЦА — тестовые данные, не государственная система",
            "SANDBOX — test data, not a state system");
    private static final Text SKIP = new Text("Мазмұнға өту", "К содержанию", "Skip to content");
    private static final Text NAVIGATION = new Text("Құмсалғыш бөлімдері", "Разделы песочницы", "Sandbox sections");
    private static final Text LANGUAGE = new Text("Тіл", "Язык", "Language");
    private static final MediaType HTML_UTF8 = MediaType.parseMediaType("text/html;charset=UTF-8");
    private static final Duration LANGUAGE_KEPT = Duration.ofDays(365);

    private static final String STYLE = """
            *, *::before, *::after { box-sizing: border-box; }
            body { font-family: system-ui, sans-serif; margin: 0; color: #1d1d1f; line-height: 1.45; }
            .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 6px; z-index: 2; }
            .banner { background: repeating-linear-gradient(45deg, #ffd60a, #ffd60a 12px, #1d1d1f 12px, #1d1d1f 24px); padding: 6px; }
            .banner strong { display: inline-block; background: #ffd60a; color: #1d1d1f; padding: 4px 10px; letter-spacing: .04em; }
            header.sandbox { background: #1d1d1f; color: #fff; padding: 4px 16px; display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: center; justify-content: space-between; }
            header.sandbox nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 2px 4px; }
            header.sandbox a { color: #fff; text-decoration: none; display: inline-block; padding: 8px 8px; border-radius: 4px; }
            header.sandbox a:hover { background: #3a3a3c; }
            header.sandbox a[aria-current] { background: #ffd60a; color: #1d1d1f; font-weight: 600; }
            .languages { display: flex; gap: 2px; }
            a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible { outline: 3px solid #0a66ff; outline-offset: 2px; }
            main { padding: 16px 24px; max-width: 1200px; }
            h1 { margin-top: 8px; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #ddd; vertical-align: top; }
            th { background: #f4f4f5; }
            tr.chosen { background: #e8f5e9; }
            code, .mono { font-family: ui-monospace, monospace; overflow-wrap: break-word; }
            .muted { color: #5b616b; }
            .note { background: #eef4ff; border-left: 4px solid #0a66ff; padding: 8px 12px; }
            .done { background: #e8f5e9; border-left: 4px solid #1b873f; padding: 8px 12px; }
            .error { background: #fdecea; border-left: 4px solid #b3261e; padding: 8px 12px; }
            .bad { color: #b3261e; font-weight: 600; } .good { color: #1b873f; font-weight: 600; }
            form.inline { display: inline; margin: 0; }
            form.fields { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: flex-end; }
            form.fields label { display: flex; flex-direction: column; font-size: .9em; }
            input, select, button { font: inherit; padding: 6px 8px; min-height: 40px; }
            input[type=number] { width: 7em; }
            button { cursor: pointer; border: 1px solid #1d1d1f; border-radius: 4px; background: #fff; }
            button.primary { background: #1d1d1f; color: #fff; }
            button.danger { border-color: #b3261e; color: #b3261e; }
            .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 12px; }
            .card { border: 1px solid #ddd; border-radius: 8px; padding: 12px; }
            .card h3 { margin: 0 0 4px; }
            .actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
            .links { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 12px; padding: 0; list-style: none; }
            .links li { border: 1px solid #ddd; border-radius: 8px; padding: 12px; }
            @media (max-width: 700px) {
              main { padding: 12px; }
              table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
              table.stack tr:first-child:has(th) { display: none; }
              table.stack tr { border: 1px solid #ddd; border-radius: 8px; margin-bottom: 10px; padding: 4px 0; }
              table.stack td { border: 0; padding: 3px 10px; }
              table.stack td[data-label]::before { content: attr(data-label); display: block; font-size: .8em; color: #5b616b; }
            }
            """;

    private Layout() {}

    /**
     * Keeps an inbox page current without reloading it (a timed reload, {@code <meta http-equiv=refresh>}, takes the
     * reader's place and focus away: WCAG 2.2.1): the page is fetched again and its main part swapped only when it
     * changed, never while the tab is hidden or while focus is inside the main part (a form being filled in).
     */
    private static final String LIVE = """
            <script>
            setInterval(function () {
              var main = document.getElementById('main');
              if (document.hidden || main.contains(document.activeElement)) { return; }
              fetch(location.href, {headers: {Accept: 'text/html'}, credentials: 'same-origin'})
                .then(function (response) { return response.ok ? response.text() : null; })
                .then(function (html) {
                  var fresh = html && new DOMParser().parseFromString(html, 'text/html').getElementById('main');
                  if (fresh && fresh.innerHTML !== main.innerHTML) { main.innerHTML = fresh.innerHTML; }
                })
                .catch(function () { /* the next round tries again */ });
            }, %d);
            </script>
            """;

    /**
     * A whole page. {@code body} is HTML, escaped where it holds data.
     *
     * @param refreshSeconds look for news this often (0: never), for inboxes a tester watches
     */
    public static String page(ServerRequest request, Language language, Section current, Text title, String body, int refreshSeconds) {
        return page(request, language, current, title.in(language), body, refreshSeconds);
    }

    public static String page(ServerRequest request, Language language, Section current, String title, String body, int refreshSeconds) {
        String nav = java.util.Arrays.stream(Section.values())
                .map(section -> "<li><a href=\"" + escape(path(request, section.path())) + "\"" + (section == current ? " aria-current=\"page\"" : "")
                        + ">" + escape(section.label().in(language)) + "</a></li>")
                .collect(Collectors.joining());
        String languages = java.util.Arrays.stream(Language.values())
                .map(l -> "<a href=\"" + escape(switchTo(request, l)) + "\" lang=\"" + l.tag() + "\" hreflang=\"" + l.tag() + "\""
                        + (l == language ? " aria-current=\"true\"" : "") + ">" + escape(l.ownName()) + "</a>")
                .collect(Collectors.joining());
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                <meta charset="UTF-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                %s<title>SANDBOX · %s</title>
                <style>%s</style>
                </head>
                <body>
                <a class="skip" href="#main">%s</a>
                <div class="banner" role="note" id="sandbox-banner"><strong>%s</strong></div>
                <header class="sandbox">
                <nav aria-label="%s"><ul>%s</ul></nav>
                <div class="languages" role="group" aria-label="%s">%s</div>
                </header>
                <main id="main">
                <h1>%s</h1>
                %s
                </main>
                </body>
                </html>
                """.formatted(language.tag(), refreshSeconds > 0 ? LIVE.formatted(refreshSeconds * 1000) : "",
                escape(title), STYLE, escape(SKIP.in(language)), escape(BANNER.in(language)), escape(NAVIGATION.in(language)), nav,
                escape(LANGUAGE.in(language)), languages, escape(title), body);
    }

    /** 200 with the page; when the tester just chose a language, it is kept (the platform's pages follow it too). */
    public static ServerResponse respond(ServerRequest request, String html) {
        ServerResponse.BodyBuilder response = ServerResponse.ok().contentType(HTML_UTF8);
        Language.chosenIn(request).ifPresent(language -> response.header(HttpHeaders.SET_COOKIE, ResponseCookie.from(Language.COOKIE, language.tag())
                .path(request.requestPath().contextPath().value().isEmpty() ? "/" : request.requestPath().contextPath().value())
                .maxAge(LANGUAGE_KEPT).sameSite("Lax").build().toString()));
        return response.body(html);
    }

    /** After a page's form: 303 back to a page (path below the context path, with its query). */
    public static ServerResponse seeOther(ServerRequest request, String pathAndQuery) {
        return ServerResponse.status(HttpStatus.SEE_OTHER).location(URI.create(path(request, pathAndQuery))).build();
    }

    public static String path(ServerRequest request, String path) {
        return request.requestPath().contextPath().value() + path;
    }

    public static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }

    /** The same page in another language, keeping what else the address asks for (an inbox's number filter). */
    private static String switchTo(ServerRequest request, Language language) {
        StringBuilder query = new StringBuilder("?lang=").append(language.tag());
        request.params().forEach((name, values) -> {
            if (!name.equals("lang") && request.method().name().equals("GET")) {
                for (String value : values) {
                    query.append('&').append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
            }
        });
        return request.requestPath().value() + query;
    }

    /**
     * A browser asking for a page: {@code text/html} named in Accept. API clients (Accept: application/json,
     * or {@code *}{@code /*} as curl and Java's HTTP client send) keep getting JSON at the same address.
     */
    public static RequestPredicate wantsPage() {
        return request -> request.headers().accept().stream().anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html"));
    }

    /** A table cell that shows its column's name above its value on a phone. */
    public static String cell(String label, String html) {
        return "<td data-label=\"" + escape(label) + "\">" + html + "</td>";
    }

    public static String headers(Language language, List<Text> columns) {
        return columns.stream().map(t -> "<th scope=\"col\">" + escape(t.in(language)) + "</th>").collect(Collectors.joining("", "<tr>", "</tr>\n"));
    }
}
