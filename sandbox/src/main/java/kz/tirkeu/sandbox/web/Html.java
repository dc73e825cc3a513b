package kz.tirkeu.sandbox.web;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.HtmlUtils;

/**
 * The sandbox's few pages for testers: plain server-rendered HTML under a banner that says SANDBOX,
 * so nobody mistakes a test SMS inbox or a test key chooser for the real thing.
 */
public final class Html {

    private static final MediaType HTML_UTF8 = MediaType.parseMediaType("text/html;charset=UTF-8");

    private Html() {}

    public static String escape(Object value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value.toString(), "UTF-8");
    }

    /** A whole page. {@code body} is HTML already escaped where it holds data. */
    public static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="UTF-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>SANDBOX · %s</title>
                <style>
                  body { font-family: system-ui, sans-serif; margin: 0; color: #1d1d1f; }
                  .banner { background: repeating-linear-gradient(45deg, #ffd60a, #ffd60a 12px, #1d1d1f 12px, #1d1d1f 24px); padding: 6px; }
                  .banner span { background: #ffd60a; color: #1d1d1f; font-weight: 700; padding: 4px 10px; letter-spacing: .08em; }
                  main { padding: 16px 24px; }
                  table { border-collapse: collapse; width: 100%%; }
                  th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #ddd; vertical-align: top; }
                  th { background: #f4f4f5; }
                  tr.chosen { background: #e8f5e9; }
                  code, .mono { font-family: ui-monospace, monospace; }
                  .muted { color: #6b7280; }
                  form.inline { display: inline; margin: 0; }
                </style>
                </head>
                <body>
                <div class="banner"><span>SANDBOX — TEST DATA, NOT A STATE SYSTEM</span></div>
                <main>
                <h1>%s</h1>
                %s
                </main>
                </body>
                </html>
                """.formatted(escape(title), escape(title), body);
    }

    public static ServerResponse response(String page) {
        return ServerResponse.ok().contentType(HTML_UTF8).body(page);
    }
}
